"""Benchmark: what storing a file's annotation rows costs, with the mentions'
insert trigger or the set-based counts, and with the secondary indexes
kept up row by row or built after the load (issue 14, part 5).

    python bench/mention_insert_costs.py BUILT.db [--rounds 3] [--repeat 1]

Reads every annotation row of a built dossier (kcna-2024 is one file, so
its rows are one file's), empties the annotation tables of a scratch copy,
then in each round, the ways interleaved, inserts the rows again in one
transaction, times it (`time.process_time`) and rolls it back:

- `trigger`: the insert trigger of schema 9 (databases before schema 16);
- `uncounted`: no trigger and no counts (the floor);
- `set`: no trigger; `store.mention_counts.count_mentions` once after;
- `set_late_indexes`: as `set`, the annotation tables' secondary indexes
  dropped before and created after, as into a fresh database;
- `set_late_unordered`: only those not led by `doc` (rows come in document
  order, so an index on `doc` only grows at its end) late.

Prints the CPU seconds of each way per round, their medians and the load.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from dossier.store.db import _statements
from dossier.store.mention_counts import count_mentions
from dossier.store.schema import MIGRATIONS

TABLES = ("mentions", "times", "figures", "citations", "quotes", "annotation_failures")
# Schema 9's insert trigger, as databases before schema 16 hold it.
(TRIGGER,) = [
    statement
    for statement in _statements(MIGRATIONS[8])
    if statement.startswith("CREATE TRIGGER mentions_stale_insert")
]
WAYS = ("trigger", "uncounted", "set", "set_late_indexes", "set_late_unordered")


def _indexes(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    marks = ",".join("?" * len(TABLES))
    return [
        (name, sql)
        for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
            f" AND sql IS NOT NULL AND tbl_name IN ({marks})",
            TABLES,
        )
    ]


def _unordered(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    return [
        (name, sql)
        for name, sql in _indexes(connection)
        if connection.execute(f"PRAGMA index_info({name})").fetchone()[2] != "doc"
    ]


def _scratch(built: Path, copy: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(built) as source:
        rows = {
            table: source.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in TABLES
        }
        source.execute("VACUUM INTO ?", (str(copy),))
    connection = sqlite3.connect(copy, isolation_level=None)
    connection.execute("DROP TRIGGER IF EXISTS mentions_stale_delete")
    for table in (*TABLES, "entity_stale", "entity_forms", "entity_docs"):
        connection.execute(f"DELETE FROM {table}")
    connection.execute("VACUUM")
    connection.close()
    return rows


def _insert(copy: Path, rows: dict[str, list[tuple[Any, ...]]], way: str) -> float:
    connection = sqlite3.connect(copy, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            TRIGGER
            if way == "trigger"
            else "DROP TRIGGER IF EXISTS mentions_stale_insert"
        )
        late = (
            _indexes(connection)
            if way == "set_late_indexes"
            else _unordered(connection)
            if way == "set_late_unordered"
            else []
        )
        for name, _ in late:
            connection.execute(f"DROP INDEX {name}")
        begun = time.process_time()
        after = connection.execute(
            "SELECT coalesce(max(rowid), 0) FROM mentions"
        ).fetchone()[0]
        for table, table_rows in rows.items():
            if table_rows:
                marks = ",".join("?" * len(table_rows[0]))
                connection.executemany(
                    f"INSERT INTO {table} VALUES ({marks})", table_rows
                )
        if way.startswith("set"):
            count_mentions(connection, after=after)
        for _, sql in late:
            connection.execute(sql)
        spent = time.process_time() - begun
        connection.execute("ROLLBACK")
        return spent
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="insert the rows this many times over (a larger load, same documents)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "scratch.db"
        rows = {
            table: table_rows * args.repeat
            for table, table_rows in _scratch(args.db, copy).items()
        }
        spent: dict[str, list[float]] = {way: [] for way in WAYS}
        for round_ in range(args.rounds):
            # Interleaved, the order turned each round: load moves them alike.
            turn = round_ % len(WAYS)
            for way in WAYS[turn:] + WAYS[:turn]:
                spent[way].append(round(_insert(copy, rows, way), 3))
        print(
            json.dumps(
                {
                    "rows": {table: len(r) for table, r in rows.items()},
                    "cpu_seconds": spent,
                    "median": {w: statistics.median(s) for w, s in spent.items()},
                    "load": os.getloadavg()[0],
                },
                indent=1,
            )
        )


if __name__ == "__main__":
    main()
