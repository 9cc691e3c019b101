"""Check (issue 14): two dossiers' reuse tables, row for row.

    python bench/reuse_rows.py BEFORE.db AFTER.db [--schemes-apart]

For the same documents linked by two trees (`bench/reuse_relink.py --keep`
on copies of one database, so document rowids agree): each reuse table's
rows, sorted, counted and hashed. Exits 1 when any table differs: a change
meant to cost less CPU must store the same passages, spans and scores.
`--schemes-apart`: `reuse_signed` compared without its scheme (a tree that
bumped `link.reuse.SCHEME` on purpose), each side's schemes printed.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from contextlib import closing

TABLES = {
    "reuses": "SELECT a, b, a_start, a_end, b_start, b_end, score, words FROM reuses",
    "reuse_bands": "SELECT key, doc, passage FROM reuse_bands",
    "reuse_signed": "SELECT doc, scheme, passages, grams FROM reuse_signed",
    "reuse_grams": "SELECT key, docs FROM reuse_grams",
}


def digest(path: str, *, schemes_apart: bool = False) -> dict[str, tuple[int, str]]:
    tables = dict(TABLES)
    if schemes_apart:
        tables["reuse_signed"] = "SELECT doc, passages, grams FROM reuse_signed"
    with closing(sqlite3.connect(path)) as connection:
        found = {}
        for table, query in tables.items():
            rows = sorted(connection.execute(query).fetchall())
            text = repr(rows).encode()
            found[table] = (len(rows), hashlib.sha256(text).hexdigest()[:16])
        return found


def main() -> int:
    paths = [arg for arg in sys.argv[1:] if arg != "--schemes-apart"]
    apart = "--schemes-apart" in sys.argv[1:]
    if len(paths) != 2:
        print(__doc__)
        return 2
    before, after = (digest(path, schemes_apart=apart) for path in paths)
    if apart:
        for path in paths:
            with closing(sqlite3.connect(path)) as connection:
                schemes = [
                    s
                    for (s,) in connection.execute(
                        "SELECT DISTINCT scheme FROM reuse_signed ORDER BY scheme"
                    )
                ]
            print(f"{path}: schemes {schemes}")
    for table in TABLES:
        verdict = "same" if before[table] == after[table] else "DIFFERENT"
        rows = f"{before[table][0]:,} rows / {after[table][0]:,} rows"
        print(f"{table}: {rows}, {verdict}")
    return 0 if before == after else 1


if __name__ == "__main__":
    sys.exit(main())
