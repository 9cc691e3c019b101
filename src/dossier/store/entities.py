"""One entity for its web page: its record, the variants printed and the
documents naming it (issue 16)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dossier.store.queries import DOC_COLUMNS, positive
from dossier.store.records import entity_key


def entity_record(connection: sqlite3.Connection, name: str) -> dict[str, Any]:
    """The entity `name` resolves to, as `dossier entities --json` gives it;
    an unknown name is an InputError naming the closest."""
    key = entity_key(connection, name)
    row = connection.execute(
        "SELECT name, type, aliases, mentions, documents FROM entities WHERE key = ?",
        (key,),
    ).fetchone()
    return {**dict(row), "aliases": json.loads(row["aliases"])}


def entity_variants(connection: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Each form the entity is printed in, with its count, the documents it is
    in and one of them: the evidence that these names were merged."""
    key = entity_key(connection, name)
    return [
        dict(row)
        for row in connection.execute(
            "SELECT m.text, count(*) AS mentions, count(DISTINCT m.doc) AS documents,"
            " min(d.id) AS example FROM mentions m JOIN documents d ON d.rowid = m.doc"
            " WHERE m.key = ? GROUP BY m.text ORDER BY mentions DESC, m.text",
            (key,),
        )
    ]


def documents_naming(
    connection: sqlite3.Connection,
    name: str,
    *,
    limit: int | None = None,
    all_: bool = False,
) -> list[dict[str, Any]]:
    """Documents naming the entity, most mentions first; a copy of another's
    text only with `all_`."""
    key = entity_key(connection, name)
    limit = positive(limit)
    sql = (
        f"SELECT {DOC_COLUMNS}, count(*) AS named FROM mentions m"
        " JOIN documents d ON d.rowid = m.doc JOIN sources s ON s.id = d.source_id"
        " WHERE m.key = ?"
        + ("" if all_ else " AND d.copy_of IS NULL")
        + " GROUP BY d.rowid ORDER BY named DESC, d.date, d.id LIMIT ?"
    )
    return [dict(row) for row in connection.execute(sql, (key, limit or -1))]
