"""Check (issue 14): two dossiers' reuse tables, row for row.

    python bench/reuse_rows.py BEFORE.db AFTER.db

For the same documents linked by two trees (`bench/reuse_relink.py --keep`
on copies of one database, so document rowids agree): each reuse table's
rows, sorted, counted and hashed. Exits 1 when any table differs: a change
meant to cost less CPU must store the same passages, spans and scores.
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


def digest(path: str) -> dict[str, tuple[int, str]]:
    with closing(sqlite3.connect(path)) as connection:
        found = {}
        for table, query in TABLES.items():
            rows = sorted(connection.execute(query).fetchall())
            text = repr(rows).encode()
            found[table] = (len(rows), hashlib.sha256(text).hexdigest()[:16])
        return found


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    before, after = digest(sys.argv[1]), digest(sys.argv[2])
    for table in TABLES:
        verdict = "same" if before[table] == after[table] else "DIFFERENT"
        rows = f"{before[table][0]:,} rows / {after[table][0]:,} rows"
        print(f"{table}: {rows}, {verdict}")
    return 0 if before == after else 1


if __name__ == "__main__":
    sys.exit(main())
