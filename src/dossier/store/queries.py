"""Read the database: document lists, one document, full-text search; and
the checks every listing's filters pass first (a bad value is an error, #17)."""

from __future__ import annotations

import codecs
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from dossier.errors import InputError, StoreError
from dossier.offsets import OffsetMap
from dossier.store import snippets

KINDS = ("article", "teaser")
SYNTAXES = ("words", "fts")
Syntax = Literal["words", "fts"]


def choice(value: str | None, choices: Sequence[str], what: str) -> str | None:
    """`value` as spelt in `choices`, matched without case; None stays None."""
    if value is None:
        return None
    for known in choices:
        if value.casefold() == known.casefold():
            return known
    raise InputError(f"{what} {value!r} is not one of {', '.join(choices)}")


def positive(limit: int | None, what: str = "--limit") -> int | None:
    """A limit of 1 or more, or None for no limit."""
    if limit is not None and limit < 1:
        raise InputError(f"{what} {limit} must be 1 or more (leave it out for all)")
    return limit


def checked_page(limit: int | None, offset: int) -> tuple[int | None, int]:
    """`--limit` 1 or more (or None for all), `--offset` 0 or more."""
    if offset < 0:
        raise InputError(f"--offset {offset} must be 0 or more")
    return positive(limit), offset


def page(
    sql: str, params: list[Any], *, limit: int | None, offset: int = 0
) -> tuple[str, list[Any]]:
    """`sql` with `LIMIT`/`OFFSET` for one page of rows (#14 part 6): the
    database stops reading at the page's end instead of every row going to
    Python. No limit and no offset leaves `sql` as it is."""
    limit, offset = checked_page(limit, offset)
    if limit is None and not offset:
        return sql, params
    return f"{sql} LIMIT ? OFFSET ?", [*params, -1 if limit is None else limit, offset]


_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_day(value: str | None, what: str) -> str | None:
    """An ISO date or its prefix (`1950`, `1950-06`, `1950-06-25`), checked
    against the calendar; None stays None."""
    if value is None:
        return None
    matched = _DAY.fullmatch(value.strip())
    try:
        if matched is None:
            raise ValueError(value)
        year, month, day = matched.groups()
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise InputError(
            f"{what} {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD"
        ) from error
    return matched.group(0)


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
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stored documents in file order; a copy of another only with `all_`."""
    return list(
        iter_documents(connection, kind=kind, limit=limit, all_=all_, offset=offset)
    )


def iter_documents(
    connection: sqlite3.Connection,
    *,
    kind: str | None = None,
    limit: int | None = None,
    all_: bool = False,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """`list_documents` one row at a time, as the database reads them."""
    kind = choice(kind, KINDS, "--kind")
    where: list[str] = []
    params: list[Any] = []
    if kind:
        where.append("d.kind = ?")
        params.append(kind)
    if not all_:
        where.append("c.copy_of IS NULL")
    filters = f" WHERE {' AND '.join(where)}" if where else ""
    # The page is found on narrow columns (the copy columns from
    # `document_copies`, migration 10), and only its rows are read whole:
    # `chars`, `flags` and the copy columns of `documents` lie after the text,
    # and paging to --offset 50000 read 50,000 texts (#17).
    found, params = page(
        "SELECT d.rowid FROM documents d JOIN sources s ON s.id = d.source_id"
        f" JOIN document_copies c ON c.doc = d.rowid{filters}"
        " ORDER BY s.path, s.part, d.ordinal",
        params,
        limit=limit,
        offset=offset,
    )
    sql = (
        f"SELECT {DOC_COLUMNS} FROM ({found}) p JOIN documents d ON d.rowid = p.rowid"
        " JOIN sources s ON s.id = d.source_id ORDER BY s.path, s.part, d.ordinal"
    )
    for row in connection.execute(sql, params):
        yield dict(row)


def copy_members(connection: sqlite3.Connection, group: str) -> list[dict[str, Any]]:
    """Every document of copy group `group`, earliest first."""
    sql = (
        f"SELECT {DOC_COLUMNS} FROM documents d JOIN sources s ON s.id = d.source_id"
        " WHERE d.copy_group = ? ORDER BY d.date IS NULL, d.date, d.id"
    )
    return [dict(row) for row in connection.execute(sql, (group,))]


_HEX = re.compile(r"[0-9a-f]+")


def document_rowid(connection: sqlite3.Connection, doc_id: str) -> int | None:
    """The rowid of the document whose id is `doc_id` or uniquely starts so
    (an id that is whole wins over longer ids it begins)."""
    if not _HEX.fullmatch(doc_id):
        return None
    exact = connection.execute(
        "SELECT rowid FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    if exact is not None:
        return int(exact[0])
    rows = connection.execute(
        "SELECT rowid FROM documents WHERE id GLOB ? LIMIT 2", (doc_id + "*",)
    ).fetchall()
    return int(rows[0][0]) if len(rows) == 1 else None


def get_document(
    connection: sqlite3.Connection, doc_id: str, *, with_text: bool = True
) -> dict[str, Any] | None:
    """The document whose id is `doc_id` (or uniquely starts so); without its
    `text` when `with_text` is False (read it with `text_pieces`)."""
    rowid = document_rowid(connection, doc_id)
    if rowid is None:
        return None
    text = "d.text" if with_text else "NULL AS text"
    row = connection.execute(
        f"SELECT {DOC_COLUMNS}, d.rowid, {text}, d.offsets, d.raw_start, d.raw_end,"
        " d.source_id FROM documents d JOIN sources s ON s.id = d.source_id"
        " WHERE d.rowid = ?",
        (rowid,),
    ).fetchone()
    return dict(row)


# Characters of a document's text read at a time when it is streamed.
TEXT_PIECE = 1 << 20


def text_pieces(
    connection: sqlite3.Connection, rowid: int, *, size: int | None = None
) -> Iterator[str]:
    """The text of document `rowid` in pieces of at most `size` (TEXT_PIECE)
    characters."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for chunk in text_bytes(connection, rowid, size=size):
        if piece := decoder.decode(chunk):
            yield piece
    if piece := decoder.decode(b"", final=True):
        yield piece


def text_bytes(
    connection: sqlite3.Connection, rowid: int, *, size: int | None = None
) -> Iterator[bytes]:
    """The text of document `rowid` as UTF-8, in pieces of at most `size`
    (TEXT_PIECE) bytes, a character possibly split between two.

    Read through SQLite's blob I/O, each piece once: a `substr` per piece
    reads the whole text from the start every time, 0.26 s for the 13
    pieces of a 10 MB document against 0.02 s (#17)."""
    size = size or TEXT_PIECE
    try:
        blob = connection.blobopen("documents", "text", rowid, readonly=True)
    except sqlite3.OperationalError:
        return  # no such document
    try:
        while chunk := blob.read(size):
            yield chunk
    finally:
        # Left unread when the reader went away (`show | head`): the
        # connection may be closed before this generator is.
        with suppress(sqlite3.ProgrammingError):
            blob.close()


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


def fts_query(query: str) -> str:
    """User words as FTS5 strings, so `Down-with-Imperialism` or `NOT` is
    searched for, never read as syntax."""
    tokens = [t for t in query.split() if t]
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


# FTS5 reports a query it cannot read with these; anything else is the
# database's trouble (locked, corrupt, disk I/O), not the user's query.
_QUERY_ERRORS = ("fts5:", "no such column", "unknown special query", "unterminated")


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What a search is narrowed to, beside its query: the web page's facets.

    `entity_key` is an entity's link key (`records.entity_key` resolves a
    name), so this module needs no entity lookups."""

    kind: str | None = None
    outlet: str | None = None
    year: str | None = None
    entity_key: str | None = None


def search_where(
    query: str, syntax: str, filters: SearchFilters
) -> tuple[str, list[Any], str]:
    """The FROM ... WHERE of a search, its parameters, and the syntax as
    checked; the facets count over the same. `documents` (as d) is joined
    only when a filter needs it: a common word matches most of a dossier."""
    kind = choice(filters.kind, KINDS, "--kind")
    syntax_checked = choice(syntax, SYNTAXES, "--syntax") or "words"
    match = query.strip() if syntax_checked == "fts" else fts_query(query)
    if not match:
        raise InputError("nothing to search for: give one or more words")
    where = ""
    params: list[Any] = [match]
    if kind:
        where += " AND d.kind = ?"
        params.append(kind)
    if filters.outlet:
        where += " AND d.outlet = ?"
        params.append(filters.outlet)
    if filters.year:
        year = iso_day(filters.year, "year")
        where += " AND substr(d.date, 1, 4) = ?"
        params.append((year or "")[:4])
    if filters.entity_key:
        # `entity_docs`: a row per key and document, not one per mention.
        where += (
            " AND EXISTS (SELECT 1 FROM entity_docs m WHERE m.doc = d.rowid"
            " AND m.key IN (SELECT key FROM entity_keys WHERE entity = ?))"
        )
        params.append(filters.entity_key)
    joined = " JOIN documents d ON d.rowid = documents_fts.rowid" if where else ""
    sql = f" FROM documents_fts{joined} WHERE documents_fts MATCH ?{where}"
    return sql, params, syntax_checked


def run_search(
    connection: sqlite3.Connection, sql: str, params: list[Any], query: str, syntax: str
) -> list[sqlite3.Row]:
    """Run a search statement; a query FTS5 cannot read is an InputError."""
    try:
        return connection.execute(sql, params).fetchall()
    except sqlite3.OperationalError as error:
        reason = str(error)
        if syntax == "fts" and reason.startswith(_QUERY_ERRORS):
            raise InputError(
                f"--syntax fts: {query!r} is not an FTS5 query ({reason}); "
                "leave out --syntax fts to search for the words"
            ) from error
        raise StoreError(f"search failed: {reason}") from error


# A search ranks (bm25) at most this many matching documents: the last
# stored (an archive grows by the newest files, the ones a user is
# reading). bm25 costs about 2.5 µs of CPU per match (it reads each
# match's positions and length), so "people", matching 62,000 of 100,332
# documents, took 131 ms to rank whole and 17 ms bounded to 5,000
# (bench/query_speed.py). A query matching fewer is ranked whole, exactly.
RANKED = 5000


def ranked_bound(
    connection: sqlite3.Connection,
    where: str,
    params: list[Any],
    query: str,
    syntax: str,
) -> int | None:
    """The rowid of the RANKED-th match counted from the last stored, or None
    when fewer match: finding it walks the matches without scoring them
    (under 2 ms at 100,000 documents)."""
    found = run_search(
        connection,
        f"SELECT documents_fts.rowid{where} ORDER BY documents_fts.rowid DESC"
        " LIMIT 1 OFFSET ?",
        [*params, RANKED - 1],
        query,
        syntax,
    )
    return int(found[0][0]) if found else None


def search(
    connection: sqlite3.Connection,
    query: str,
    *,
    limit: int | None = 20,
    offset: int = 0,
    kind: str | None = None,
    syntax: Syntax = "words",
    filters: SearchFilters | None = None,
    marks: tuple[str, str] = ("[", "]"),
) -> list[dict[str, Any]]:
    """Documents matching `query`, best first (bm25): of the RANKED matches
    stored last when more match.

    With `syntax="words"` every word is a term to find (operators too: `NOT`
    is a word); with `"fts"` the query is FTS5 syntax, and a query FTS5
    cannot read is an InputError, never a silent fallback to words.
    `filters` narrow it further (the web page's facets); `kind` is theirs.
    Each hit's snippet comes from a bounded window of its text
    (store.snippets), so one huge document costs no more than a short one;
    `marks` go around the matched words in it.
    """
    limit, offset = checked_page(limit, offset)
    narrowed = filters or SearchFilters()
    if kind is not None:
        narrowed = replace(narrowed, kind=kind)
    where, params, checked = search_where(query, syntax, narrowed)
    bound = ranked_bound(connection, where, params, query, checked)
    if bound is not None:
        where += " AND documents_fts.rowid >= ?"
        params = [*params, bound]
    # Ranked first, on rowids alone (`rank` is bm25 with the column weights
    # set here); snippets and metadata then for the page of hits only
    # (bench/web_speed.py).
    ranked = run_search(
        connection,
        *page(
            "SELECT documents_fts.rowid AS id, documents_fts.rank AS rank"
            f"{where} AND documents_fts.rank MATCH ? ORDER BY rank",
            [*params, "bm25(5.0, 1.0)"],
            limit=limit,
            offset=offset,
        ),
        query,
        checked,
    )
    if not ranked:
        return []
    ids = json.dumps([row["id"] for row in ranked])
    documents = {
        row["rowid"]: row
        for row in connection.execute(
            "SELECT rowid, id, title, kind, date, outlet FROM documents"
            " WHERE rowid IN (SELECT value FROM json_each(?))",
            (ids,),
        )
    }
    pattern = snippets.match_pattern(query, fts=checked == "fts")
    return [
        {
            "doc": documents[row["id"]]["id"],
            "title": documents[row["id"]]["title"],
            "kind": documents[row["id"]]["kind"],
            "date": documents[row["id"]]["date"],
            "outlet": documents[row["id"]]["outlet"],
            "snippet": snippets.snippet(connection, row["id"], pattern, marks=marks),
            "score": round(-row["rank"], 4),
        }
        for row in ranked
    ]
