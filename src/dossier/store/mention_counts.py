"""Insert mentions and keep the counts the link stage reads, set by set.

`entity_stale`, `entity_forms` and `entity_docs` (schema 9) follow
`mentions`. An insert trigger kept them row by row, three statements per
mention: 1.2 of the 1.4 CPU s of storing kcna-2024 (29,123 mentions, issue
14). Since schema 16 the writer counts each batch it inserted in three
grouped statements instead, here; every path that adds mentions goes
through `insert_mentions` (or, for rows copied in SQL, `count_mentions`).
The delete trigger still takes removed mentions off one by one: deletes
come with forgetting and replacing files, not with the bulk of a build.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

# The columns of a mention row, in the table's order (`annotations.annotation_rows`).
MENTION_COLUMNS = (
    "doc, start, end, text, entity, type, title, key, phrase_start, phrase_end"
)


def last_mention(connection: sqlite3.Connection) -> int:
    """The highest mention rowid: rows inserted after this call lie above it
    while the caller holds the write lock (SQLite hands out max + 1)."""
    (rowid,) = connection.execute(
        "SELECT coalesce(max(rowid), 0) FROM mentions"
    ).fetchone()
    return int(rowid)


def insert_mentions(
    connection: sqlite3.Connection, rows: Sequence[Sequence[Any]]
) -> None:
    """Insert mention rows (all columns, `MENTION_COLUMNS`) and count them,
    in the caller's transaction."""
    if not rows:
        return
    after = last_mention(connection)
    connection.executemany(
        f"INSERT INTO mentions({MENTION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)", rows
    )
    count_mentions(connection, after=after)


def count_mentions(connection: sqlite3.Connection, *, after: int) -> None:
    """Mark stale and count the mentions above rowid `after`: what the insert
    trigger did for each row, once for them all."""
    # The WHERE of each SELECT also keeps SQLite from reading the upsert's
    # ON CONFLICT as a join's ON (its documented parsing ambiguity).
    connection.execute(
        "INSERT OR IGNORE INTO entity_stale"
        " SELECT DISTINCT key FROM mentions WHERE rowid > ?",
        (after,),
    )
    connection.execute(
        "INSERT INTO entity_forms(key, entity, type, text, n)"
        " SELECT key, entity, type, text, count(*) FROM mentions WHERE rowid > ?"
        " GROUP BY key, entity, type, text"
        " ON CONFLICT (key, entity, type, text) DO UPDATE SET n = n + excluded.n",
        (after,),
    )
    connection.execute(
        "INSERT INTO entity_docs(key, doc, n)"
        " SELECT key, doc, count(*) FROM mentions WHERE rowid > ?"
        " GROUP BY key, doc"
        " ON CONFLICT (key, doc) DO UPDATE SET n = n + excluded.n",
        (after,),
    )
