"""The batch of documents a link step works on, as a temporary table, so one
query can join from it into the band index (never a scan of all bands)."""

from __future__ import annotations

import sqlite3


def load_batch(connection: sqlite3.Connection, table: str, docs: list[int]) -> None:
    """Fill the temporary table `table` (one `doc` column) with `docs`."""
    connection.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {table}(doc INTEGER PRIMARY KEY)"
    )
    connection.execute(f"DELETE FROM {table}")
    connection.executemany(f"INSERT INTO {table} VALUES (?)", [(d,) for d in docs])
