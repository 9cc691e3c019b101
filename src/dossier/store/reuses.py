"""Queries behind `dossier reuse` and the `reused` marks of `show`."""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby, islice
from operator import itemgetter
from typing import Any

from dossier.errors import NotFound
from dossier.link.stock import STOCK_PARTNERS
from dossier.offsets import OffsetMap, SourceMap
from dossier.store.queries import checked_page, document_rowid


def _partners(doc: str, start: str, end: str) -> str:
    """SQL: how many documents a passage of `doc` [start, end) aligns with."""
    return (
        f"(SELECT count(DISTINCT iif(o.a = r.{doc}, o.b, o.a)) FROM reuses o"
        f" WHERE (o.a = r.{doc} AND o.a_start < r.{end} AND r.{start} < o.a_end)"
        f" OR (o.b = r.{doc} AND o.b_start < r.{end} AND r.{start} < o.b_end))"
    )


# What a listed pair is, as SQL: both sides independent texts (a pair whose
# side became a copy, or was forgotten, is dropped by the next link, but a
# listing never shows it), and no stock passage, one many documents repeat
# (link.stock.STOCK_PARTNERS). The listings make the stock test in Python
# (`_stock`), far faster; tests/store/test_reuses_stock.py checks each
# against this definition.
def _pairs() -> str:
    return (
        "SELECT r.a, r.b, da.id AS a_id, db.id AS b_id, da.date AS a_date,"
        " db.date AS b_date, r.a_start, r.a_end, r.b_start, r.b_end, r.score"
        " FROM reuses r JOIN documents da ON da.rowid = r.a"
        " JOIN documents db ON db.rowid = r.b"
        " JOIN document_copies ca ON ca.doc = r.a"
        " JOIN document_copies cb ON cb.doc = r.b"
        " WHERE ca.copy_of IS NULL AND cb.copy_of IS NULL"
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
        # The stock test made once for all rows (iter_reuse_pairs), then
        # the page.
        limit, offset = checked_page(limit, offset)
        end = None if limit is None else offset + limit
        return list(
            islice(iter_reuse_pairs(connection, min_score=min_score), offset, end)
        )
    limit, offset = checked_page(limit, offset)
    rowid = document_rowid(connection, doc)
    if rowid is None:
        raise NotFound(f"no document {doc!r} (list them with `dossier docs`)")
    # The stock test made for the document's passages and its partners'
    # (`document_reuses`), not as `_pairs()`'s two subqueries a row: those
    # count all of a document's other reuses for each (0.15 s for the 826
    # of a 10 MB document, #17). Best first, then by place.
    rows = sorted(
        document_reuses(connection, rowid, min_score=min_score),
        key=lambda row: (-row[10], row[6], row[2], row[3], row[8]),
    )
    end = None if limit is None else offset + limit
    return [_pair(row, flip=row[1] == rowid) for row in rows[offset:end]]


# _pairs() without the stock test, which `stock_reuses` makes for every row
# at once; the reuse's rowid last.
_CANDIDATE_ROWS = (
    "SELECT r.a, r.b, da.id AS a_id, db.id AS b_id, da.date AS a_date,"
    " db.date AS b_date, r.a_start, r.a_end, r.b_start, r.b_end, r.score, r.rowid"
    " FROM reuses r JOIN documents da ON da.rowid = r.a"
    " JOIN documents db ON db.rowid = r.b"
    " JOIN document_copies ca ON ca.doc = r.a JOIN document_copies cb ON cb.doc = r.b"
    " WHERE ca.copy_of IS NULL AND cb.copy_of IS NULL AND r.score >= ?"
)
_CANDIDATES = _CANDIDATE_ROWS + " ORDER BY r.score DESC, da.id, db.id, r.a_start"
# Each reuse once from either side: the document, the passage in it, the
# other document, the reuse's rowid; by document.
_SIDES = (
    "SELECT a, a_start, a_end, b, rowid FROM reuses{a}"
    " UNION ALL SELECT b, b_start, b_end, a, rowid FROM reuses{b} ORDER BY 1"
)


def iter_reuse_pairs(
    connection: sqlite3.Connection, *, min_score: float = 0.0
) -> Iterator[dict[str, Any]]:
    """Every reused passage, best first, row by row from the cursor: the
    rows of `_pairs()`, with the stock test made once for all rows rather than
    as two subqueries a row (21 s to 3 s for 54,000 stored passages of
    20,000 generated documents, #16)."""
    stock = stock_reuses(connection)
    for row in connection.execute(_CANDIDATES, (min_score,)):
        if row[11] not in stock:
            yield _pair(tuple(row)[:11], flip=False)


def stock_reuses(connection: sqlite3.Connection) -> set[int]:
    """Rowids of the reuses one of whose passages more than STOCK_PARTNERS
    documents align with: `_partners` for every row, a document at a time."""
    return _stock(connection.execute(_SIDES.format(a="", b="")))


def document_reuses(
    connection: sqlite3.Connection, rowid: int, *, min_score: float = 0.0
) -> list[tuple[Any, ...]]:
    """The rows of `_pairs()` with document `rowid` on either side, unordered.

    The stock test is made for the passages of the document and of its
    partners only: `_partners` as SQL counts, for each of a document's
    reuses, all of its others, and took 0.15 s of CPU for the 826 reuses of
    a 10 MB document (#17)."""
    rows = connection.execute(
        _CANDIDATE_ROWS + " AND (r.a = ? OR r.b = ?)", (min_score, rowid, rowid)
    ).fetchall()
    if not rows:
        return []
    documents = json.dumps(
        sorted({rowid, *(row[0] for row in rows), *(row[1] for row in rows)})
    )
    listed = " WHERE {} IN (SELECT value FROM json_each(?))"
    sides = connection.execute(
        _SIDES.format(a=listed.format("a"), b=listed.format("b")),
        (documents, documents),
    )
    stock = _stock(sides)
    return [tuple(row)[:11] for row in rows if row[11] not in stock]


def _stock(sides: Iterable[Sequence[int]]) -> set[int]:
    """Rowids of the reuses of `sides` (rows of `_SIDES`) one of whose
    passages more than STOCK_PARTNERS documents align with: `_partners` of
    each row, made a document at a time. A document's passages must all be
    among `sides`."""
    stock: set[int] = set()
    for _, rows in groupby(sides, key=itemgetter(0)):
        passages = sorted(tuple(row)[1:] for row in rows)
        starts = [passage[0] for passage in passages]
        longest = max(end - start for start, end, _, _ in passages)
        for start, end, _, rowid in passages:
            if rowid in stock:
                continue
            partners: set[int] = set()
            # By start: the passages overlapping [start, end) begin after
            # start - longest and before `end`; a cluster of stock passages
            # stops the count at once.
            first = bisect_right(starts, start - longest)
            for other_start, other_end, partner, _ in islice(passages, first, None):
                if other_start >= end:
                    break
                if other_end > start:
                    partners.add(partner)
                    if len(partners) > STOCK_PARTNERS:
                        stock.add(rowid)
                        break
    return stock


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
    found = []
    for row in document_reuses(connection, rowid):
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
