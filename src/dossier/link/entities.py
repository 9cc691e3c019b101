"""Resolve mentions to entities across documents by their link key."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter


def _counts(connection: sqlite3.Connection) -> dict[str, tuple[int, int, int, int]]:
    """key -> mentions and documents over independent texts, then over all.

    A copy group counts once, as its member with the most mentions: a near
    copy may add a line that names the entity once more.
    """
    counts: dict[str, list[int]] = {}
    rows = connection.execute(
        "SELECT key, grp, max(n), sum(n), count(*) FROM"
        " (SELECT m.key, coalesce(d.copy_group, d.id) AS grp, count(*) AS n"
        "  FROM mentions m JOIN documents d ON d.rowid = m.doc GROUP BY m.key, m.doc)"
        " GROUP BY key, grp"
    )
    for key, _group, most, mentions, documents in rows:
        total = counts.setdefault(key, [0, 0, 0, 0])
        total[0] += most
        total[1] += 1
        total[2] += mentions
        total[3] += documents
    return {key: (a, b, c, d) for key, (a, b, c, d) in counts.items()}


def link_entities(connection: sqlite3.Connection) -> int:
    """Rebuild the `entities` table from `mentions`; return how many entities.

    `mentions` and `documents` count a text repeated in a copy group once
    (link.copies runs first); `mentions_all` and `documents_all` count every
    document.
    """
    counts = _counts(connection)
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
                *counts.get(current, (0, 0, 0, 0)),
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
    connection.executemany(
        "INSERT INTO entities(key, name, type, aliases, mentions, documents,"
        " mentions_all, documents_all) VALUES (?,?,?,?,?,?,?,?)",
        records,
    )
    connection.execute("COMMIT")
    return len(records)
