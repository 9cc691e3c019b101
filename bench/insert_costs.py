"""Benchmark: what the link stage's largest insert costs, with SQLite's
foreign-key checks on and off (issue 14, the writer's serial work).

    python bench/insert_costs.py BUILT.db [--rounds 3]

Reads a built dossier's `reuse_bands` rows, then in each round, alternating,
empties the table of a scratch copy and inserts them again in key order as
`link.reuse` does, with `PRAGMA foreign_keys` ON and OFF, and prints the CPU
seconds of each insert (`time.process_time`) and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path


def insert(copy: Path, rows: list[tuple[int, int, int]], *, checked: bool) -> float:
    connection = sqlite3.connect(copy, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute(f"PRAGMA foreign_keys = {'ON' if checked else 'OFF'}")
        connection.execute("DELETE FROM reuse_bands")
        connection.execute("BEGIN IMMEDIATE")
        begun = time.process_time()
        connection.executemany(
            "INSERT OR IGNORE INTO reuse_bands(key, doc, passage) VALUES (?,?,?)",
            rows,
        )
        connection.execute("COMMIT")
        return time.process_time() - begun
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with sqlite3.connect(args.db) as source:
        rows = source.execute(
            "SELECT key, doc, passage FROM reuse_bands ORDER BY key, doc, passage"
        ).fetchall()
    found: dict[str, list[float]] = {"checked": [], "unchecked": []}
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "copy.db"
        shutil.copy(args.db, copy)
        for _ in range(args.rounds):
            for name in found:
                found[name].append(
                    round(insert(copy, rows, checked=name == "checked"), 3)
                )
    print(
        json.dumps(
            {
                "benchmark": "insert_costs",
                "rows": len(rows),
                "cpu_seconds": found,
                "load": [round(x, 2) for x in os.getloadavg()],
            }
        )
    )


if __name__ == "__main__":
    main()
