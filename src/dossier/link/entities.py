"""Resolve mentions to entities across documents by their link key."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter


def link_entities(connection: sqlite3.Connection) -> int:
    """Rebuild the `entities` table from `mentions`; return how many entities."""
    documents = dict(
        connection.execute("SELECT key, count(DISTINCT doc) FROM mentions GROUP BY key")
    )
    rows = connection.execute(
        "SELECT key, entity, type, text, count(*) FROM mentions"
        " GROUP BY key, entity, type, text ORDER BY key"
    )
    records = []
    current: str | None = None
    names: Counter[str] = Counter()
    types: Counter[str] = Counter()
    aliases: set[str] = set()

    def flush() -> None:
        if current is None:
            return
        name = names.most_common(1)[0][0]
        records.append(
            (
                current,
                name,
                types.most_common(1)[0][0],
                json.dumps(sorted(aliases - {name}), ensure_ascii=False),
                sum(names.values()),
                documents.get(current, 0),
            )
        )

    for key, entity, kind, text, count in rows:
        if key != current:
            flush()
            current, names, types, aliases = key, Counter(), Counter(), set()
        names[entity] += count
        types[kind] += count
        aliases.update((entity, text))
    flush()
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("DELETE FROM entities")
    connection.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?)", records)
    connection.execute("COMMIT")
    return len(records)
