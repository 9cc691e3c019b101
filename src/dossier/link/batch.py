"""The batch of documents a link step works on, as a temporary table, so one
query can join from it into the band index (never a scan of all bands)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt


def load_batch(connection: sqlite3.Connection, table: str, docs: list[int]) -> None:
    """Fill the temporary table `table` (one `doc` column) with `docs`."""
    connection.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {table}(doc INTEGER PRIMARY KEY)"
    )
    connection.execute(f"DELETE FROM {table}")
    connection.executemany(f"INSERT INTO {table} VALUES (?)", [(d,) for d in docs])


def rows_of(
    connection: sqlite3.Connection, select: str, docs: list[int]
) -> Iterator[tuple[Any, ...]]:
    """The rows of `select`, a query ending in `IN`, for `docs`, asked 500
    at a time (SQLite's bound on parameters was 999 before 3.32)."""
    for start in range(0, len(docs), 500):
        chunk = docs[start : start + 500]
        yield from connection.execute(f"{select} ({','.join('?' * len(chunk))})", chunk)


# Characters of text a link step reads per batch, whatever its document
# count: a text's words take 17-35 bytes a character once read, and 500
# documents of 200,000 characters (a segmented 100 MB file of digits) were
# 100 MB of text before that. kcna-2024's fullest batch of 500 has 0.97 M.
BATCH_CHARS = 2_000_000


def read_batch(
    rows: sqlite3.Cursor, text_at: int, most_chars: int | None = None
) -> list[tuple[Any, ...]]:
    """The rows of a batch query, taken one at a time while their texts (at
    `text_at`) stay within `most_chars` (BATCH_CHARS); always at least one.
    The rows not taken are never fetched (the cursor is closed): the next
    batch starts after the last row taken."""
    budget = BATCH_CHARS if most_chars is None else most_chars
    taken: list[tuple[Any, ...]] = []
    chars = 0
    try:
        for row in rows:
            chars += len(row[text_at])
            if taken and chars > budget:
                break
            taken.append(row)
    finally:
        rows.close()
    return taken


# Parameters a statement binds at most: SQLite's bound before 3.32.
_PARAMETERS = 999


def insert_columns(
    connection: sqlite3.Connection,
    insert: str,
    columns: Sequence[npt.NDArray[np.int64]],
    upsert: str = "",
) -> None:
    """`insert` (`INSERT ... INTO t(a, b)`) of the rows that `columns` make,
    in their order, then `upsert` (an `ON CONFLICT` clause): as many rows a
    statement as its parameters allow, not a statement a row. Binding and
    stepping once for hundreds of rows halves the cost of kcna-2024's
    169,595 shingle counts (0.24 -> 0.12 CPU s); the rows are one flat list
    of numbers, no tuple a row for the cyclic GC to count."""
    for statement, values in _statements(insert, columns, upsert):
        connection.execute(statement, values)


def _statements(
    insert: str, columns: Sequence[npt.NDArray[np.int64]], upsert: str
) -> Iterator[tuple[str, list[int]]]:
    """`insert_columns`' statements and their parameters."""
    width = len(columns)
    if not width or not len(columns[0]):
        return
    flat = np.stack(columns, axis=1).ravel().tolist()
    count = len(columns[0])
    most = _PARAMETERS // width
    row = f"({','.join('?' * width)})"
    full = f"{insert} VALUES {','.join([row] * most)} {upsert}"
    for start in range(0, count, most):
        rows = min(most, count - start)
        statement = (
            full
            if rows == most
            else f"{insert} VALUES {','.join([row] * rows)} {upsert}"
        )
        yield statement, flat[start * width : (start + rows) * width]
