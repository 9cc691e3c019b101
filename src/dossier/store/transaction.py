"""One write transaction, taken with the write lock at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def immediate(connection: sqlite3.Connection) -> Iterator[None]:
    """Run the block in `BEGIN IMMEDIATE` ... `COMMIT`; on any error (an
    interrupt included) roll back what it wrote and raise it again.

    IMMEDIATE takes the write lock before the block reads: what it reads
    cannot change under it before it writes (another build on the same
    database waits for the lock instead)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
