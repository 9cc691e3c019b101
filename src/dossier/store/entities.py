"""One entity for its web page: its record, the variants printed, the
documents naming it and the quotes by and about it, each bounded (issue 16).

Listings of `records` run over the whole dossier (the CLI's `--json` gives
everything); a page shows the first rows, so these read no more than that.
"""

from __future__ import annotations

import heapq
import sqlite3
from typing import Any

from dossier.store.queries import DOC_COLUMNS, positive
from dossier.store.records import entity_key, entity_row

# Mentions an entity page reads, in storage order: every one made the page
# of an entity named 120,000 times take 2.6 s (93,000 documents,
# bench/web_speed.py). Below this the page is exact; above, it says so.
MENTION_SAMPLE = 5000


def sampled_mentions(key_parameter: str = "?") -> str:
    """SQL: the first MENTION_SAMPLE mentions of an entity (`key_parameter`
    is its key's placeholder, the sample size a second `?`)."""
    return (
        "(SELECT rowid, doc, start, end, text FROM mentions WHERE key IN"
        f" (SELECT key FROM entity_keys WHERE entity = {key_parameter}) LIMIT ?)"
    )


def entity_record(connection: sqlite3.Connection, name: str) -> dict[str, Any]:
    """The entity `name` resolves to, as `dossier entities --json` gives it;
    an unknown name is an InputError naming the closest."""
    return entity_row(connection, entity_key(connection, name))


def entity_variants(connection: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Each form the entity is printed in, with its count, the documents it is
    in and one of them: the evidence that these names were merged (counted
    over its first MENTION_SAMPLE mentions)."""
    key = entity_key(connection, name)
    return [
        dict(row)
        for row in connection.execute(
            "SELECT v.text, v.mentions, v.documents, d.id AS example FROM"
            " (SELECT m.text, count(*) AS mentions, count(DISTINCT m.doc) AS documents,"
            f" min(m.doc) AS first FROM {sampled_mentions()} m GROUP BY m.text) v"
            " JOIN documents d ON d.rowid = v.first ORDER BY v.mentions DESC, v.text",
            (key, MENTION_SAMPLE),
        )
    ]


def documents_naming(
    connection: sqlite3.Connection,
    name: str,
    *,
    limit: int | None = None,
    all_: bool = False,
) -> list[dict[str, Any]]:
    """Documents naming the entity (among its first MENTION_SAMPLE mentions),
    most mentions first; a copy of another's text only with `all_`."""
    key = entity_key(connection, name)
    limit = positive(limit)
    copies = "" if all_ else " AND c.copy_of IS NULL"
    # Copy columns from `document_copies` (migration 10), not from
    # `documents`, where they lie after the text.
    # Counted first from the mentions alone, documents joined for the page.
    sql = (
        f"SELECT {DOC_COLUMNS}, k.named FROM (SELECT m.doc, count(*) AS named"
        f" FROM {sampled_mentions()} m JOIN document_copies c ON c.doc = m.doc"
        f" WHERE 1{copies} GROUP BY m.doc ORDER BY named DESC LIMIT ?) k"
        " JOIN documents d ON d.rowid = k.doc JOIN sources s ON s.id = d.source_id"
        " ORDER BY k.named DESC, d.date, d.id"
    )
    return [
        dict(row) for row in connection.execute(sql, (key, MENTION_SAMPLE, limit or -1))
    ]


def _quote_records(rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """Rows as `dossier quotes --json` gives them."""
    return [
        {
            **{k: row[k] for k in ("speaker", "text", "cue", "kind", "via", "doc")},
            "citation": (
                {
                    "title": row["c_title"],
                    "outlet": row["c_outlet"],
                    "date": row["c_date"],
                }
                if row["c_title"] or row["c_outlet"]
                else None
            ),
            "copy_of": row["copy_of"],
        }
        for row in rows
    ]


_QUOTE_COLUMNS = (
    "q.doc AS doc_rowid, q.speaker, q.text, q.cue, q.kind, q.via, d.id AS doc,"
    " dc.copy_of, c.title AS c_title, c.outlet AS c_outlet, c.date AS c_date"
)
_QUOTE_JOINS = (
    " JOIN documents d ON d.rowid = q.doc JOIN document_copies dc ON dc.doc = q.doc"
    " LEFT JOIN citations c ON c.doc = q.doc AND c.number = q.citation"
)


def quotes_by(
    connection: sqlite3.Connection, name: str, *, limit: int
) -> list[dict[str, Any]]:
    """The first `limit` quotes, in storage order, whose speaker as printed
    holds one of the entity's forms (without case), in independent texts;
    listed in document order."""
    record = entity_record(connection, name)
    forms = {form.lower() for form in (record["name"], *record["aliases"])}
    speakers = [
        speaker
        for (speaker,) in connection.execute(
            "SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL"
        )
        if any(form in speaker.lower() for form in forms)
    ]
    # Each speaker's first rows through `quotes(speaker)` in rowid order, no
    # sort: ordering all of them by document first sorted every quote of
    # every matching speaker (the United States at 100,000 documents:
    # 60 ms for a page of 200).
    rows = heapq.nsmallest(
        limit,
        (
            row
            for speaker in speakers
            for row in connection.execute(
                f"SELECT q.rowid AS quote, q.start, {_QUOTE_COLUMNS} FROM quotes q"
                f"{_QUOTE_JOINS} WHERE q.speaker = ? AND dc.copy_of IS NULL"
                " ORDER BY q.rowid LIMIT ?",
                (speaker, limit),
            )
        ),
        key=lambda row: row["quote"],
    )
    rows.sort(key=lambda row: (row["doc_rowid"], row["start"]))
    return _quote_records(rows)


def quotes_about(
    connection: sqlite3.Connection, name: str, *, limit: int
) -> list[dict[str, Any]]:
    """Quotes whose quoted words name the entity (among its first
    MENTION_SAMPLE mentions), in independent texts."""
    key = entity_key(connection, name)
    rows = connection.execute(
        f"SELECT {_QUOTE_COLUMNS} FROM (SELECT DISTINCT q.rowid AS quote"
        f" FROM {sampled_mentions()} m JOIN quotes q ON q.doc = m.doc"
        " AND m.start >= q.start AND m.end <= q.end) named"
        f" JOIN quotes q ON q.rowid = named.quote{_QUOTE_JOINS}"
        " WHERE dc.copy_of IS NULL ORDER BY q.doc, q.start LIMIT ?",
        (key, MENTION_SAMPLE, limit),
    ).fetchall()
    return _quote_records(rows)
