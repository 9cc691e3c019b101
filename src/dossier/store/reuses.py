"""Queries behind `dossier reuse` and the `reused` marks of `show`."""

from __future__ import annotations

import sqlite3
from typing import Any

from dossier.errors import InputError
from dossier.offsets import OffsetMap, SourceMap
from dossier.store.queries import document_rowid, page


def _partners(doc: str, start: str, end: str) -> str:
    """SQL: how many documents a passage of `doc` [start, end) aligns with."""
    return (
        f"(SELECT count(DISTINCT iif(o.a = r.{doc}, o.b, o.a)) FROM reuses o"
        f" WHERE (o.a = r.{doc} AND o.a_start < r.{end} AND r.{start} < o.a_end)"
        f" OR (o.b = r.{doc} AND o.b_start < r.{end} AND r.{start} < o.b_end))"
    )


# Both sides independent texts: a pair whose side became a copy (or was
# forgotten) is dropped by the next link, but a listing never shows it. A
# passage many documents repeat is a stock passage (link.reuse.STOCK_PARTNERS).
def _pairs() -> str:
    # link.reuse brings numpy: imported when reuse is listed, not at start.
    from dossier.link.reuse import STOCK_PARTNERS

    return (
        "SELECT r.a, r.b, da.id AS a_id, db.id AS b_id, da.date AS a_date,"
        " db.date AS b_date, r.a_start, r.a_end, r.b_start, r.b_end, r.score"
        " FROM reuses r JOIN documents da ON da.rowid = r.a"
        " JOIN documents db ON db.rowid = r.b"
        " WHERE da.copy_of IS NULL AND db.copy_of IS NULL"
        f" AND {_partners('a', 'a_start', 'a_end')} <= {STOCK_PARTNERS}"
        f" AND {_partners('b', 'b_start', 'b_end')} <= {STOCK_PARTNERS}"
        " AND r.score >= ?"
    )


def direction(earlier: str | None, later: str | None) -> str:
    """`a->b` when a's date is before b's, `b->a` after; `undirected` when
    either is unknown or one contains the other (2024-05 and 2024-05-03)."""
    if not earlier or not later or later.startswith(earlier):
        return "undirected"
    if earlier.startswith(later):
        return "undirected"
    return "a->b" if earlier < later else "b->a"


def reuse_pairs(
    connection: sqlite3.Connection,
    *,
    doc: str | None = None,
    min_score: float = 0.0,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Reused passages, best first; with `doc`, those of that document, which
    is then `a`."""
    if doc is None:
        sql, params = page(
            _pairs() + " ORDER BY r.score DESC, da.id, db.id, r.a_start",
            [min_score],
            limit=limit,
            offset=offset,
        )
        rows = connection.execute(sql, params).fetchall()
        return [_pair(row, flip=False) for row in rows]
    rowid = document_rowid(connection, doc)
    if rowid is None:
        raise InputError(f"no document {doc!r} (list them with `dossier docs`)")
    sql, params = page(
        _pairs() + " AND (r.a = ? OR r.b = ?) ORDER BY r.score DESC, r.a_start",
        [min_score, rowid, rowid],
        limit=limit,
        offset=offset,
    )
    rows = connection.execute(sql, params).fetchall()
    return [_pair(row, flip=row[1] == rowid) for row in rows]


def _pair(row: sqlite3.Row | tuple[Any, ...], *, flip: bool) -> dict[str, Any]:
    _, _, a, b, a_date, b_date, a_start, a_end, b_start, b_end, score = tuple(row)
    if flip:
        a, b, a_date, b_date = b, a, b_date, a_date
        a_start, a_end, b_start, b_end = b_start, b_end, a_start, a_end
    return {
        "a": a,
        "b": b,
        "a_span": [a_start, a_end],
        "b_span": [b_start, b_end],
        "score": score,
        "direction": direction(a_date, b_date),
    }


def reused_spans(
    connection: sqlite3.Connection,
    rowid: int,
    offsets: OffsetMap,
    source: SourceMap,
) -> list[dict[str, Any]]:
    """The passages of document `rowid` another document repeats or is
    repeated from, in text order, each with `locator` and the other side."""
    rows = connection.execute(
        _pairs() + " AND (r.a = ? OR r.b = ?)", (0.0, rowid, rowid)
    ).fetchall()
    found = []
    for row in rows:
        pair = _pair(row, flip=row[1] == rowid)
        start, end = pair["a_span"]
        found.append(
            {
                "span": pair["a_span"],
                "locator": source.locate(*offsets.to_raw(start, end)),
                "other": pair["b"],
                "other_span": pair["b_span"],
                "score": pair["score"],
                "direction": pair["direction"],
            }
        )
    found.sort(key=lambda r: (r["span"][0], r["other"]))
    return found
