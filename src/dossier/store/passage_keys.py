"""The inverted index of reused passages' shared shingles (`reuse_passage_keys`,
schema 18): a row (key, passage) for each key of a passage's
`reuses.shared`, so `link.reuse_formula.crossed` asks which passages hold
the shingles a batch turned common instead of reading every signed text.
A passage deleted leaves its keys in `reuse_passages_gone` (a trigger on
`reuses`); `index_shared` takes their rows out before it writes any, so a
rowid SQLite gives again never meets the rows of the passage it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from dossier.link.batch import insert_columns


def index_shared(
    connection: sqlite3.Connection, passages: Iterable[tuple[int, bytes | None]]
) -> None:
    """Take out the rows of the passages deleted since, then write the rows
    of `passages` (a `reuses` rowid and its `shared` blob: int64 keys,
    distinct; None, a passage stored before schema 17, has none)."""
    _forget_gone(connection)
    key, owner = _rows(passages)
    if not len(key):
        return
    # In key order, as the table's own order: the rows go into its b-tree
    # at the right-hand pages of each run, not at random pages.
    order = np.lexsort((owner, key))
    insert_columns(
        connection,
        "INSERT OR IGNORE INTO reuse_passage_keys(key, passage)",
        (key[order], owner[order]),
    )


def _forget_gone(connection: sqlite3.Connection) -> None:
    """Delete the rows of the passages `reuse_passages_gone` lists."""
    key, owner = _rows(
        (int(passage), shared)
        for passage, shared in connection.execute(
            "SELECT passage, shared FROM reuse_passages_gone"
        )
    )
    if len(key):
        connection.executemany(
            "DELETE FROM reuse_passage_keys WHERE key = ? AND passage = ?",
            zip(key.tolist(), owner.tolist(), strict=True),
        )
    connection.execute("DELETE FROM reuse_passages_gone")


def _rows(
    passages: Iterable[tuple[int, bytes | None]],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(key, passage) columns of `passages`' shared keys."""
    keys = []
    owners = []
    for passage, shared in passages:
        if shared is None:
            continue
        found = np.frombuffer(shared, dtype=np.int64)
        keys.append(found)
        owners.append(np.full(len(found), passage, dtype=np.int64))
    if not keys:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(keys), np.concatenate(owners)


def index_stored(connection: sqlite3.Connection) -> None:
    """Migration 18's rows: those of every passage already stored."""
    index_shared(
        connection,
        (
            (int(rowid), shared)
            for rowid, shared in connection.execute(
                "SELECT rowid, shared FROM reuses WHERE shared IS NOT NULL"
            )
        ),
    )
