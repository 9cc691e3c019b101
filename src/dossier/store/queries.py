"""Read the database: document lists, one document, full-text search."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from dossier.offsets import OffsetMap

DOC_COLUMNS = (
    "d.id, d.kind, d.title, d.date, d.date_inferred, d.outlet, d.author, d.url,"
    " d.place, d.chars, d.copy_of, d.copy_group, d.flags, s.path AS source, s.part"
)


def list_documents(
    connection: sqlite3.Connection,
    *,
    kind: str | None = None,
    limit: int | None = None,
    all_: bool = False,
) -> list[dict[str, Any]]:
    """Stored documents in file order; a copy of another only with `all_`."""
    sql = f"SELECT {DOC_COLUMNS} FROM documents d JOIN sources s ON s.id = d.source_id"
    where: list[str] = []
    params: list[Any] = []
    if kind:
        where.append("d.kind = ?")
        params.append(kind)
    if not all_:
        where.append("d.copy_of IS NULL")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY s.path, s.part, d.ordinal"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [dict(row) for row in connection.execute(sql, params)]


_HEX = re.compile(r"[0-9a-f]+")


def document_rowid(connection: sqlite3.Connection, doc_id: str) -> int | None:
    """The rowid of the document whose id is `doc_id` or uniquely starts so."""
    if not _HEX.fullmatch(doc_id):
        return None
    rows = connection.execute(
        "SELECT rowid FROM documents WHERE id GLOB ? LIMIT 2", (doc_id + "*",)
    ).fetchall()
    return int(rows[0][0]) if len(rows) == 1 else None


def get_document(connection: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    rowid = document_rowid(connection, doc_id)
    if rowid is None:
        return None
    row = connection.execute(
        f"SELECT {DOC_COLUMNS}, d.rowid, d.text, d.offsets, d.raw_start, d.raw_end,"
        " d.source_id FROM documents d JOIN sources s ON s.id = d.source_id"
        " WHERE d.rowid = ?",
        (rowid,),
    ).fetchone()
    return dict(row)


def source_raw(
    connection: sqlite3.Connection, source_id: int
) -> tuple[str, list[dict[str, Any]]]:
    raw = connection.execute(
        "SELECT raw FROM sources WHERE id = ?", (source_id,)
    ).fetchone()[0]
    removed = [
        dict(row)
        for row in connection.execute(
            "SELECT kind, raw_start, raw_end FROM removed WHERE source_id = ?"
            " ORDER BY raw_start",
            (source_id,),
        )
    ]
    return raw, removed


def offsets_of(document: dict[str, Any]) -> OffsetMap:
    return OffsetMap.from_bytes(document["offsets"])


_OPERATORS = re.compile(r'\b(?:AND|OR|NOT|NEAR)\b|["*^():]')


def fts_query(query: str) -> str:
    """User words as FTS5 phrases, so `Down-with-Imperialism` is not syntax."""
    tokens = [t for t in query.split() if t]
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def search(
    connection: sqlite3.Connection,
    query: str,
    *,
    limit: int = 20,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    attempts = (
        [query, fts_query(query)] if _OPERATORS.search(query) else [fts_query(query)]
    )
    for attempt in attempts:
        sql = (
            "SELECT d.id AS doc, d.title, d.kind, d.date, d.outlet,"
            " snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet,"
            " bm25(documents_fts, 5.0, 1.0) AS rank"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ?"
        )
        params: list[Any] = [attempt]
        if kind:
            sql += " AND d.kind = ?"
            params.append(kind)
        sql += " ORDER BY rank LIMIT ?"
        params.append(limit)
        try:
            rows = connection.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            continue
        return [{**dict(row), "score": round(-row["rank"], 4)} for row in rows]
    return []
