"""Build the annotation tables' unordered indexes after the bulk load of a
fresh dossier, not row by row during it (issue 14, part 5).

Annotation rows come in document order, so an index led by `doc` only grows
at its end; `mentions(key)`, `times(first_day)` and `quotes(speaker)` take
each row at a random place. Inserting kcna-2024's rows six times over
(175,000 mentions, `bench/mention_insert_costs.py --repeat 6`) took 2.9 CPU s
with them kept up and 2.2 s with them created after, the gap growing with
the tables. A build into an empty dossier drops them (`defer_indexes`), their
SQL kept in `deferred_indexes`, and creates them again once its files are
stored (`restore_indexes`); a build killed in between leaves the rows, and
the next opening for writing creates them (`db.connect`). A dossier that
holds documents keeps its indexes: an incremental build is not slowed.
"""

from __future__ import annotations

import sqlite3

from dossier.store.transaction import immediate

# The tables whose secondary indexes not led by `doc` wait for the load.
TABLES = ("mentions", "times", "figures", "citations", "quotes", "annotation_failures")


def _unordered(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    marks = ",".join("?" * len(TABLES))
    indexes = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
        f" AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY name",
        TABLES,
    ).fetchall()
    return [
        (str(name), str(sql))
        for name, sql in indexes
        if connection.execute(f"PRAGMA index_info({name})").fetchone()[2] != "doc"
    ]


def defer_indexes(connection: sqlite3.Connection) -> bool:
    """Drop the unordered indexes if the dossier holds no document yet,
    keeping their SQL; return whether they were dropped."""
    with immediate(connection):
        empty = connection.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None
        indexes = _unordered(connection) if empty else []
        connection.executemany("INSERT INTO deferred_indexes VALUES (?, ?)", indexes)
        for name, _ in indexes:
            connection.execute(f"DROP INDEX {name}")
    return bool(indexes)


def restore_indexes(connection: sqlite3.Connection) -> None:
    """Create the indexes `defer_indexes` dropped, if any wait."""
    if connection.execute("SELECT 1 FROM deferred_indexes LIMIT 1").fetchone() is None:
        return
    with immediate(connection):
        # Read again under the write lock: another build may have done it.
        for (sql,) in connection.execute("SELECT sql FROM deferred_indexes").fetchall():
            connection.execute(sql)
        connection.execute("DELETE FROM deferred_indexes")
