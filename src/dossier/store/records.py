"""Queries behind `entities`, `timeline`, `claims`, `quotes` and `citations`."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dossier.errors import InputError
from dossier.offsets import OffsetMap, SourceMap
from dossier.store.queries import document_rowid


def entity_key(connection: sqlite3.Connection, name: str) -> str:
    """The link key of an entity named `name` (its canonical name or an alias)."""
    row = connection.execute(
        "SELECT key FROM entities WHERE name = ? COLLATE NOCASE"
        " OR key = ? ORDER BY mentions DESC LIMIT 1",
        (name, name),
    ).fetchone()
    if row is None:
        row = connection.execute(
            "SELECT e.key FROM entities e, json_each(e.aliases) a"
            " WHERE a.value = ? COLLATE NOCASE ORDER BY e.mentions DESC LIMIT 1",
            (name,),
        ).fetchone()
    if row is None:
        raise InputError(f"no entity {name!r} (list them with `dossier entities`)")
    return str(row[0])


def _doc_rowid(connection: sqlite3.Connection, doc_id: str) -> int:
    rowid = document_rowid(connection, doc_id)
    if rowid is None:
        raise InputError(f"no document {doc_id!r} (list them with `dossier docs`)")
    return rowid


def list_entities(
    connection: sqlite3.Connection,
    *,
    type_: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    sql = "SELECT name, type, aliases, mentions, documents FROM entities"
    params: list[Any] = []
    if type_:
        sql += " WHERE type = ?"
        params.append(type_.upper())
    sql += " ORDER BY mentions DESC, name"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [
        {**dict(row), "aliases": json.loads(row["aliases"])}
        for row in connection.execute(sql, params)
    ]


def _in_sentence_entities(table: str) -> str:
    return (
        "(SELECT json_group_array(DISTINCT m.entity) FROM mentions m"
        f" WHERE m.doc = {table}.doc AND m.start >= {table}.sentence_start"
        f" AND m.end <= {table}.sentence_end)"
    )


def _sentence(table: str) -> str:
    return (
        f"substr(d.text, {table}.sentence_start + 1,"
        f" {table}.sentence_end - {table}.sentence_start)"
    )


def _filters(
    connection: sqlite3.Connection,
    table: str,
    *,
    entity: str | None,
    doc: str | None,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if doc:
        where.append(f"{table}.doc = ?")
        params.append(_doc_rowid(connection, doc))
    if entity:
        where.append(
            f"EXISTS (SELECT 1 FROM mentions m WHERE m.doc = {table}.doc"
            f" AND m.key = ? AND m.start >= {table}.sentence_start"
            f" AND m.end <= {table}.sentence_end)"
        )
        params.append(entity_key(connection, entity))
    return where, params


def timeline(
    connection: sqlite3.Connection,
    *,
    entity: str | None = None,
    doc: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    type_: str | None = None,
) -> list[dict[str, Any]]:
    where, params = _filters(connection, "t", entity=entity, doc=doc)
    where.append("t.first_day IS NOT NULL")
    where.append("t.type = ?")
    params.append((type_ or "DATE").upper())
    # Entries dated within the range: "the last century" is not news of June
    # 1950, though it overlaps it.
    if date_from:
        where.append("t.first_day >= ?")
        params.append(date_from)
    if date_to:
        where.append("t.last_day <= ?")
        params.append(date_to + "-99" if len(date_to) < 10 else date_to)
    sql = (
        f"SELECT t.value, t.first_day, t.last_day, t.text,"
        f" {_sentence('t')} AS sentence, d.id AS doc,"
        f" {_in_sentence_entities('t')} AS entities"
        f" FROM times t JOIN documents d ON d.rowid = t.doc"
        f" WHERE {' AND '.join(where)} ORDER BY t.first_day, t.last_day, d.id, t.start"
    )
    return [
        {**dict(row), "entities": json.loads(row["entities"] or "[]")}
        for row in connection.execute(sql, params)
    ]


def claims(
    connection: sqlite3.Connection,
    *,
    entity: str | None = None,
    doc: str | None = None,
) -> list[dict[str, Any]]:
    where, params = _filters(connection, "f", entity=entity, doc=doc)
    sql = (
        f"SELECT f.subject, f.low, f.high, f.unit, f.hedge, f.text,"
        f" {_sentence('f')} AS sentence, d.id AS doc"
        f" FROM figures f JOIN documents d ON d.rowid = f.doc"
        f"{' WHERE ' + ' AND '.join(where) if where else ''}"
        f" ORDER BY d.id, f.start"
    )
    return [dict(row) for row in connection.execute(sql, params)]


def quotes(
    connection: sqlite3.Connection,
    *,
    speaker: str | None = None,
    doc: str | None = None,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    where: list[str] = []
    params: list[Any] = []
    if doc:
        where.append("q.doc = ?")
        params.append(_doc_rowid(connection, doc))
    if speaker:
        where.append("q.speaker LIKE ?")
        params.append(f"%{speaker}%")
    if kind:
        where.append("q.kind = ?")
        params.append(kind)
    sql = (
        "SELECT q.speaker, q.text, q.cue, q.kind, q.via, d.id AS doc,"
        " c.title AS c_title, c.outlet AS c_outlet, c.date AS c_date"
        " FROM quotes q JOIN documents d ON d.rowid = q.doc"
        " LEFT JOIN citations c ON c.doc = q.doc AND c.number = q.citation"
        f"{' WHERE ' + ' AND '.join(where) if where else ''}"
        " ORDER BY d.id, q.start"
    )
    result = []
    for row in connection.execute(sql, params):
        record = {k: row[k] for k in ("speaker", "text", "cue", "kind", "via", "doc")}
        record["citation"] = (
            {"title": row["c_title"], "outlet": row["c_outlet"], "date": row["c_date"]}
            if row["c_title"] or row["c_outlet"]
            else None
        )
        result.append(record)
    return result


def citations(
    connection: sqlite3.Connection, *, doc: str | None = None, outlet: str | None = None
) -> list[dict[str, Any]]:
    where: list[str] = []
    params: list[Any] = []
    if doc:
        where.append("c.doc = ?")
        params.append(_doc_rowid(connection, doc))
    if outlet:
        where.append("c.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    sql = (
        "SELECT c.title, c.outlet, c.date, d.id AS doc, c.text"
        " FROM citations c JOIN documents d ON d.rowid = c.doc"
        f"{' WHERE ' + ' AND '.join(where) if where else ''}"
        " ORDER BY c.date, d.id, c.start"
    )
    return [dict(row) for row in connection.execute(sql, params)]


def source_map(connection: sqlite3.Connection, source_id: int) -> SourceMap:
    """Where the source's raw text lies in its file (see offsets.SourceMap)."""
    raw, stored = connection.execute(
        "SELECT length(s.raw), l.map FROM sources s"
        " LEFT JOIN locators l ON l.source_id = s.id WHERE s.id = ?",
        (source_id,),
    ).fetchone()
    if stored is None:
        return SourceMap.text(raw)
    return SourceMap.from_json(json.loads(stored))


def document_annotations(
    connection: sqlite3.Connection,
    rowid: int,
    offsets: OffsetMap,
    source: SourceMap,
) -> dict[str, list[dict[str, Any]]]:
    """A document's annotations, each with `span` into its text and `locator`
    into its file."""

    def rows(sql: str) -> list[dict[str, Any]]:
        found = []
        for row in connection.execute(sql, (rowid,)):
            record = dict(row)
            start, end = record.pop("s"), record.pop("e")
            record["span"] = [start, end]
            record["locator"] = source.locate(*offsets.to_raw(start, end))
            found.append(record)
        return found

    return {
        "mentions": rows(
            "SELECT start AS s, end AS e, text, entity, type, title FROM mentions"
            " WHERE doc = ? ORDER BY start"
        ),
        "times": rows(
            "SELECT start AS s, end AS e, text, type, value, first_day,"
            " last_day FROM times WHERE doc = ? ORDER BY s"
        ),
        "figures": rows(
            "SELECT start AS s, end AS e, text, low, high, unit, subject, hedge"
            " FROM figures WHERE doc = ? ORDER BY start"
        ),
        "quotes": rows(
            "SELECT start AS s, end AS e, text, kind, speaker, cue, via, citation"
            " FROM quotes WHERE doc = ? ORDER BY start"
        ),
        "citations": rows(
            "SELECT start AS s, end AS e, text, title, outlet, date FROM citations"
            " WHERE doc = ? ORDER BY number"
        ),
    }
