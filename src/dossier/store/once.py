"""A listing's rows, a copy group's repeated rows given once: the rule behind
`timeline`, `claims`, `quotes` and `citations`, read a page at a time (#17).

Every `source` here joins `documents d`; the copy columns are read from the
narrow `document_copies` (as `dc`, migration 10), never from `documents`,
whose copy columns lie after the text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dossier.store.queries import checked_page, page


@dataclass(frozen=True, slots=True)
class Listing:
    """SELECT `columns` FROM `source` WHERE `where` in `order`.

    `repeat`: what makes two rows of one copy group the same row; `identity`:
    the expression naming a row (its table's rowid)."""

    columns: str
    source: str
    where: list[str]
    params: list[Any]
    repeat: list[str]
    order: list[str]
    identity: str


def rows_once(
    connection: sqlite3.Connection,
    listing: Listing,
    *,
    all_: bool,
    limit: int | None = None,
    offset: int = 0,
    lazy: bool = False,
) -> Iterator[sqlite3.Row]:
    """The listing's rows, each with its document's `copy_of`, a page of them.
    `lazy`: the caller stops reading when it has enough (it filters the rows
    further), so rows are read in order as it asks, never all first.

    Unless `all_`, a row that another member of its copy group repeats (the
    same `repeat` values, the same occurrence of them in its document) is
    given once, from the earliest member that has it: a text seen five times
    gives its rows once, and a near copy's added line still gives its own.
    """
    limit, offset = checked_page(limit, offset)
    if all_:
        sql = (
            f"SELECT {listing.columns}, dc.copy_of, {_sort(listing)}"
            f" FROM {_source(listing)}{_where(listing.where)}"
            f" ORDER BY {_outer(listing)}"
        )
        yield from connection.execute(
            *page(sql, list(listing.params), limit=limit, offset=offset)
        )
        return
    if limit is None and not lazy:
        # Every row: one pass of the window query is cheaper than asking
        # group by group.
        sql = _window(listing, listing.where) + f" ORDER BY {_outer(listing)}"
        yield from connection.execute(
            *page(sql, list(listing.params), limit=None, offset=offset)
        )
        return
    yield from _walk(connection, listing, limit=limit, offset=offset)


def _walk(
    connection: sqlite3.Connection, listing: Listing, *, limit: int | None, offset: int
) -> Iterator[sqlite3.Row]:
    """A page of rows read in order, stopping at its end: the rows of a text
    stored once, and of the earliest member of a copy group, are always given
    (no earlier member can have them); a later member's row is looked up in
    its group's rows given once, worked out for that group alone. The window
    query over every row sorted all of them first (29 s at 100,000
    documents, bench/query_speed.py)."""
    sql = (
        f"SELECT {listing.columns}, dc.copy_of, dc.copy_group AS _copy_group,"
        f" {listing.identity} AS _identity, {_sort(listing)}"
        f" FROM {_source(listing)}{_where(listing.where)} ORDER BY {_outer(listing)}"
    )
    given: dict[str, set[int]] = {}
    skipped = 0
    sent = 0
    for row in connection.execute(sql, listing.params):
        if row["copy_of"] is not None:
            group = row["_copy_group"]
            if group not in given:
                given[group] = _given_in_group(connection, listing, group)
            if row["_identity"] not in given[group]:
                continue
        if skipped < offset:
            skipped += 1
            continue
        yield row
        sent += 1
        if limit is not None and sent >= limit:
            return


def _given_in_group(
    connection: sqlite3.Connection, listing: Listing, group: str
) -> set[int]:
    """The rows of copy group `group` that the window query gives."""
    sql = _window(listing, [*listing.where, "dc.copy_group = ?"])
    return {
        int(row["_identity"])
        for row in connection.execute(sql, [*listing.params, group])
    }


def _window(listing: Listing, where: list[str]) -> str:
    """The rows given once, as one query with window functions."""
    keys = ", ".join(
        f"{expression} AS _repeat{n}" for n, expression in enumerate(listing.repeat)
    )
    same = ", ".join(f"_repeat{n}" for n in range(len(listing.repeat)))
    inner = (
        f"SELECT {listing.columns}, dc.copy_of, {_sort(listing)}, {keys},"
        f" {listing.identity} AS _identity,"
        f" row_number() OVER (PARTITION BY d.rowid, {', '.join(listing.repeat)}"
        f" ORDER BY {', '.join(listing.order)})"
        " AS _occurrence, coalesce(dc.copy_group, d.id) AS _group,"
        " dc.copy_of IS NOT NULL AS _copy, d.date IS NULL AS _undated,"
        f" d.date AS _date, d.id AS _id FROM {_source(listing)}{_where(where)}"
    )
    ranked = (
        f"SELECT *, row_number() OVER (PARTITION BY _group, {same}, _occurrence"
        f" ORDER BY _copy, _undated, _date, _id) AS _nth FROM ({inner})"
    )
    return f"SELECT * FROM ({ranked}) WHERE _nth = 1"


def _source(listing: Listing) -> str:
    return f"{listing.source} JOIN document_copies dc ON dc.doc = d.rowid"


def _where(where: list[str]) -> str:
    return f" WHERE {' AND '.join(where)}" if where else ""


def _sort(listing: Listing) -> str:
    return ", ".join(f"{e} AS _order{n}" for n, e in enumerate(listing.order))


def _outer(listing: Listing) -> str:
    return ", ".join(f"_order{n}" for n in range(len(listing.order)))
