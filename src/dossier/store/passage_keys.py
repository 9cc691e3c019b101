"""The inverted index of reused passages' shared shingles (`reuse_passage_keys`,
schema 18): a row (key, passage) for each key of a passage's
`reuses.shared`, so `link.reuse_formula.crossed` asks which passages hold
the shingles a batch turned common instead of reading every signed text.
Rows leave with their passage (a trigger on `reuses`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import numpy as np

from dossier.link.batch import insert_columns


def index_shared(
    connection: sqlite3.Connection, passages: Iterable[tuple[int, bytes | None]]
) -> None:
    """Write the rows of `passages` (a `reuses` rowid and its `shared` blob:
    int64 keys, distinct; None, a passage stored before schema 17, has none)."""
    keys = []
    owners = []
    for passage, shared in passages:
        if shared is None:
            continue
        found = np.frombuffer(shared, dtype=np.int64)
        keys.append(found)
        owners.append(np.full(len(found), passage, dtype=np.int64))
    if not keys:
        return
    key = np.concatenate(keys)
    owner = np.concatenate(owners)
    # In key order, as the table's own order: the rows go into its b-tree
    # at the right-hand pages of each run, not at random pages.
    order = np.lexsort((owner, key))
    insert_columns(
        connection,
        "INSERT OR IGNORE INTO reuse_passage_keys(key, passage)",
        (key[order], owner[order]),
    )


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
