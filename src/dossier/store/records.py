"""Queries behind `entities`, `timeline`, `claims`, `quotes` and `citations`."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dossier.errors import InputError, NotFound
from dossier.offsets import OffsetMap, SourceMap
from dossier.store.once import Listing, rows_once
from dossier.store.queries import choice, document_rowid, iso_day, page
from dossier.store.reuses import reused_spans

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "PUBLICATION")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
QUOTE_KINDS = ("direct", "reported", "scare")

_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_SPACES = re.compile(r"[\s\-‐‑–—.]+")


def fold_name(name: str) -> str:
    """A name as compared with entities': no case, apostrophes or dots, a
    hyphen as a space (`Kim Il-sung` = `kim il sung`, `Workers’` = `workers`)."""
    return _SPACES.sub(" ", _APOSTROPHES.sub("", name)).strip().casefold()


def _fold_or_null(name: str | None) -> str | None:
    return None if name is None else fold_name(name)


def entity_key(connection: sqlite3.Connection, name: str) -> str:
    """The link key of the entity named `name`: its canonical name, its key or
    any variant printed, compared folded (`Kim Il-sung` finds Kim Il Sung).

    Among several, the most mentioned; none is an InputError naming the
    closest names.
    """
    row = connection.execute(
        "SELECT key FROM entities WHERE name = ? COLLATE NOCASE"
        " OR key = ? ORDER BY mentions DESC LIMIT 1",
        (name, name),
    ).fetchone()
    if row is not None:
        return str(row[0])
    wanted = fold_name(name)
    best: tuple[int, str] | None = None
    names: list[str] = []
    for key, canonical, aliases, mentions in connection.execute(
        "SELECT key, name, aliases, mentions FROM entities"
    ):
        names.append(canonical)
        forms = [key, canonical, *json.loads(aliases)]
        if any(fold_name(form) == wanted for form in forms) and (
            best is None or mentions > best[0]
        ):
            best = (mentions, key)
    if best is not None:
        return best[1]
    from difflib import get_close_matches  # an error's hint only

    close = get_close_matches(name, names, n=3, cutoff=0.75)
    hint = f"did you mean {', '.join(map(repr, close))}? " if close else ""
    raise NotFound(f"no entity {name!r} ({hint}list them with `dossier entities`)")


def _doc_rowid(connection: sqlite3.Connection, doc_id: str) -> int:
    rowid = document_rowid(connection, doc_id)
    if rowid is None:
        raise NotFound(f"no document {doc_id!r} (list them with `dossier docs`)")
    return rowid


def list_entities(
    connection: sqlite3.Connection,
    *,
    type_: str | None = None,
    limit: int | None = None,
    all_: bool = False,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entities, their counts over independent texts (a copy group counts
    once) or, with `all_`, over every document."""
    counts = (
        "mentions_all AS mentions, documents_all AS documents"
        if all_
        else "mentions, documents"
    )
    type_ = choice(type_, ENTITY_TYPES, "--type")
    sql = f"SELECT name, type, aliases, {counts}, evidence FROM entities"
    params: list[Any] = []
    if type_:
        sql += " WHERE type = ?"
        params.append(type_)
    sql, params = page(
        sql + " ORDER BY mentions DESC, name", params, limit=limit, offset=offset
    )
    return [_entity(row) for row in connection.execute(sql, params)]


def entity_row(
    connection: sqlite3.Connection, key: str, *, all_: bool = False
) -> dict[str, Any]:
    """One entity (by its key) as `list_entities` gives it."""
    counts = (
        "mentions_all AS mentions, documents_all AS documents"
        if all_
        else "mentions, documents"
    )
    row = connection.execute(
        f"SELECT name, type, aliases, {counts}, evidence FROM entities WHERE key = ?",
        (key,),
    ).fetchone()
    return _entity(row)


def _entity(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    for field in ("aliases", "evidence"):
        record[field] = json.loads(record[field])
    return record


# A mention's entity as linked across documents (`Jobs` printed alone is
# Steve Jobs where other documents say so), else as its document resolved it.
_LINKED_NAME = (
    "coalesce((SELECT e.name FROM entity_keys k JOIN entities e ON e.key = k.entity"
    " WHERE k.key = m.key), m.entity)"
)


def _in_sentence_entities(table: str) -> str:
    return (
        f"(SELECT json_group_array(DISTINCT {_LINKED_NAME}) FROM mentions m"
        f" WHERE m.doc = {table}.doc AND m.start >= {table}.sentence_start"
        f" AND m.end <= {table}.sentence_end)"
    )


def _sentence_shape(table: str) -> list[str]:
    """Stands for the sentence's text where rows of copies are compared: its
    length and where the row lies in it. The text itself is a `substr` of
    the document's, which reads the whole document for every row: a 10 MB
    document made `timeline` run for minutes (#17)."""
    return [
        f"{table}.sentence_end - {table}.sentence_start",
        f"{table}.start - {table}.sentence_start",
    ]


def _sentence(table: str) -> str:
    """SQL: the row's sentence as a `substr` of its document's text. It reads
    the whole document for every row: fine for short texts; the listings
    here read sentences per page instead (`with_sentences`)."""
    return (
        f"substr(d.text, {table}.sentence_start + 1,"
        f" {table}.sentence_end - {table}.sentence_start)"
    )


def _sentence_columns(table: str) -> str:
    return (
        f"d.rowid AS _rowid, {table}.sentence_start AS _s0, {table}.sentence_end AS _s1"
    )


def with_sentences(
    connection: sqlite3.Connection,
    rows: list[dict[str, Any]],
    *,
    entities: bool,
) -> list[dict[str, Any]]:
    """Each row's `sentence` (and the `entities` named in it), read for the
    rows of one page only: one window of each document's text, and each
    sentence's mentions as a range of `mentions(doc, start)`; a window's
    mentions read whole were 2.5 s for a page of a 10 MB document."""
    by_doc: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(row["_rowid"], []).append(row)
    for doc, members in by_doc.items():
        low = min(row["_s0"] for row in members)
        high = max(row["_s1"] for row in members)
        window = connection.execute(
            "SELECT substr(text, ?, ?) FROM documents WHERE rowid = ?",
            (low + 1, high - low, doc),
        ).fetchone()[0]
        named: dict[tuple[int, int], list[str]] = {}
        for row in members:
            row["sentence"] = window[row["_s0"] - low : row["_s1"] - low]
            if not entities:
                continue
            sentence = (row["_s0"], row["_s1"])
            if sentence not in named:
                named[sentence] = list(
                    dict.fromkeys(
                        name
                        for (name,) in connection.execute(
                            f"SELECT {_LINKED_NAME} FROM mentions m WHERE m.doc = ?"
                            " AND m.start >= ? AND m.start < ? AND m.end <= ?"
                            " ORDER BY m.start",
                            (doc, *sentence, sentence[1]),
                        )
                    )
                )
            row["entities"] = list(named[sentence])
    return rows


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
            " AND m.key IN (SELECT key FROM entity_keys WHERE entity = ?)"
            f" AND m.start >= {table}.sentence_start"
            f" AND m.end <= {table}.sentence_end)"
        )
        params.append(entity_key(connection, entity))
    return where, params


def _public(row: sqlite3.Row) -> dict[str, Any]:
    return {k: v for k, v in dict(row).items() if not k.startswith("_")}


def dated_within(
    *,
    date_from: str | None,
    date_to: str | None,
    outlet: str | None = None,
    names: tuple[str, str] = ("--from", "--to"),
) -> tuple[list[str], list[Any]]:
    """WHERE terms (times as t, documents as d) and their parameters keeping
    the statements dated within the range, checked, and of `outlet`'s
    documents. `names` are the range's names in messages."""
    first, last = iso_day(date_from, names[0]), iso_day(date_to, names[1])
    if first and last and first > last + "-99":
        raise InputError(f"{names[0]} {first} is after {names[1]} {last}")
    where: list[str] = []
    params: list[Any] = []
    if outlet:
        where.append("d.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    # Entries dated within the range: "the last century" is not news of June
    # 1950, though it overlaps it.
    if first:
        where.append("t.first_day >= ?")
        params.append(first)
    if last:
        where.append("t.last_day <= ?")
        params.append(last + "-99" if len(last) < 10 else last)
    return where, params


def timeline(
    connection: sqlite3.Connection,
    *,
    entity: str | None = None,
    doc: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    type_: str | None = None,
    outlet: str | None = None,
    all_: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    range_where, range_params = dated_within(
        date_from=date_from, date_to=date_to, outlet=outlet
    )
    type_ = choice(type_, TIME_TYPES, "--type") or "DATE"
    where, params = _filters(connection, "t", entity=entity, doc=doc)
    where.append("t.first_day IS NOT NULL")
    where.append("t.type = ?")
    params.append(type_)
    where.extend(range_where)
    params.extend(range_params)
    listing = Listing(
        columns=f"t.value, t.first_day, t.last_day, t.text, d.id AS doc,"
        f" {_sentence_columns('t')}, t.start AS _start, t.end AS _end,"
        " d.outlet AS _outlet",
        source="times t JOIN documents d ON d.rowid = t.doc",
        where=where,
        params=params,
        # Not the value: "on Friday" in a re-run dated a week later is the
        # same Friday, anchored on the earliest member's date.
        repeat=["t.text", *_sentence_shape("t")],
        order=["t.first_day", "t.last_day", "d.id", "t.start"],
        identity="t.rowid",
    )
    rows = [
        dict(row)
        for row in rows_once(connection, listing, all_=all_, limit=limit, offset=offset)
    ]
    with_sentences(connection, rows, entities=True)
    keys = ("value", "first_day", "last_day", "text", "sentence", "doc", "entities")
    private = ("copy_of", "_start", "_end", "_s0", "_s1", "_rowid", "_outlet")
    # Here, not at the top: `show` imports this module, and the assertion
    # rules (with the language test and the English tables) were a tenth
    # of its start-up (#17).
    from dossier.store.context import asserted

    return asserted(
        connection,
        [
            {
                **{k: row[k] for k in (*keys, *private)},
                "span": [row["_start"], row["_end"]],
            }
            for row in rows
        ],
    )


def quotes(
    connection: sqlite3.Connection,
    *,
    speaker: str | None = None,
    doc: str | None = None,
    kind: str | None = None,
    about: str | None = None,
    all_: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes; `about` keeps those whose quoted words name that entity."""
    kind = choice(kind, QUOTE_KINDS, "--kind")
    where: list[str] = []
    params: list[Any] = []
    if about:
        where.append(
            "EXISTS (SELECT 1 FROM mentions m WHERE m.doc = q.doc"
            " AND m.key IN (SELECT key FROM entity_keys WHERE entity = ?)"
            " AND m.start >= q.start AND m.end <= q.end)"
        )
        params.append(entity_key(connection, about))
    if doc:
        where.append("q.doc = ?")
        params.append(_doc_rowid(connection, doc))
    if speaker:
        # Folded like entity names: `Kim Il-sung` finds quotes of Kim Il Sung.
        connection.create_function("dossier_fold", 1, _fold_or_null, deterministic=True)
        where.append("instr(dossier_fold(q.speaker), ?) > 0")
        params.append(fold_name(speaker))
    if kind:
        where.append("q.kind = ?")
        params.append(kind)
    listing = Listing(
        columns="q.speaker, q.text, q.cue, q.kind, q.via, d.id AS doc,"
        " c.title AS c_title, c.outlet AS c_outlet, c.date AS c_date",
        source="quotes q JOIN documents d ON d.rowid = q.doc"
        " LEFT JOIN citations c ON c.doc = q.doc AND c.number = q.citation",
        where=where,
        params=params,
        repeat=["q.text", "q.speaker", "q.kind"],
        order=["d.id", "q.start"],
        identity="q.rowid",
    )
    result = []
    for row in rows_once(connection, listing, all_=all_, limit=limit, offset=offset):
        record = {k: row[k] for k in ("speaker", "text", "cue", "kind", "via", "doc")}
        record["citation"] = (
            {"title": row["c_title"], "outlet": row["c_outlet"], "date": row["c_date"]}
            if row["c_title"] or row["c_outlet"]
            else None
        )
        record["copy_of"] = row["copy_of"]
        result.append(record)
    return result


def citations(
    connection: sqlite3.Connection,
    *,
    doc: str | None = None,
    outlet: str | None = None,
    all_: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    where: list[str] = []
    params: list[Any] = []
    if doc:
        where.append("c.doc = ?")
        params.append(_doc_rowid(connection, doc))
    if outlet:
        where.append("c.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    listing = Listing(
        columns="c.title, c.outlet, c.date, d.id AS doc, c.text",
        source="citations c JOIN documents d ON d.rowid = c.doc",
        where=where,
        params=params,
        repeat=["c.text"],
        order=["c.date", "d.id", "c.start"],
        identity="c.rowid",
    )
    return [
        _public(row)
        for row in rows_once(connection, listing, all_=all_, limit=limit, offset=offset)
    ]


def source_map(
    connection: sqlite3.Connection, source_id: int, *, raw_length: int | None = None
) -> SourceMap:
    """Where the source's raw text lies in its file (see offsets.SourceMap).

    `raw_length` is the length of the raw text where it is known: SQLite's
    `length()` counts it by reading the whole text, 0.03 s for the 13 MB
    of a 10 MB document's source, so `show` keeps it (#17)."""
    if raw_length is None:
        raw, stored = connection.execute(
            "SELECT length(s.raw), l.map FROM sources s"
            " LEFT JOIN locators l ON l.source_id = s.id WHERE s.id = ?",
            (source_id,),
        ).fetchone()
    else:
        raw = raw_length
        row = connection.execute(
            "SELECT map FROM locators WHERE source_id = ?", (source_id,)
        ).fetchone()
        stored = None if row is None else row[0]
    if stored is None:
        return SourceMap.text(raw)
    return SourceMap.from_json_text(stored)


# Each annotation list of `show`, in the order it prints them, and its query:
# the record's fields, then its span's `start` and `end` last.
ANNOTATION_QUERIES: dict[str, str] = {
    # The entity as linked (_LINKED_NAME) is looked up per batch, by key.
    "mentions": "SELECT text, entity, type, title, phrase_start, phrase_end,"
    " start, end, key FROM mentions"
    " WHERE doc = ? ORDER BY start",
    "times": "SELECT text, type, value, first_day, last_day, start, end FROM times"
    " WHERE doc = ? ORDER BY start",
    "figures": "SELECT text, low, high, unit, subject, hedge, start, end"
    " FROM figures WHERE doc = ? ORDER BY start",
    "quotes": "SELECT text, kind, speaker, cue, via, citation, start, end"
    " FROM quotes WHERE doc = ? ORDER BY start",
    "citations": "SELECT text, title, outlet, date, start, end FROM citations"
    " WHERE doc = ? ORDER BY number",
}
ANNOTATION_KINDS = (*ANNOTATION_QUERIES, "reused")
# What a window of the text adds to each query: the annotations that start in
# [start, end), read by the index on (doc, start) where there is one (the web
# page of a long document shows a part of it, #17).
_IN_WINDOW = " AND start >= ? AND start < ? ORDER BY "


def annotation_query(kind: str, window: tuple[int, int] | None = None) -> str:
    """The query of ANNOTATION_QUERIES for `kind`, narrowed to the
    annotations starting in `window` when one is given."""
    query = ANNOTATION_QUERIES[kind]
    if window is None:
        return query
    select, order = query.split(" ORDER BY ")
    return select + _IN_WINDOW + order


# Rows read and located at a time: a document's 120,000 mentions go out in
# batches, each mapped to its file in one pass (#17). 1,000 to 2,000 rows
# encoded fastest (0.44 s for those mentions, 0.49 to 0.54 s at 5,000), and
# a batch of long quotes stays near a megabyte.
BATCH_ROWS = 1000


@dataclass(frozen=True, slots=True)
class AnnotationBatch:
    """Rows of one kind of a document's annotations as its query in
    ANNOTATION_QUERIES selects them: the values of each of `fields`, then the
    span's `start` and `end` in the document's text (a mention's entity key
    last). `raw_starts` and `raw_ends` are the spans in the source's raw text
    (the file's through `SourceMap`); `linked` holds the entity each mention
    key is linked to, where one is (`entity` is what its document said)."""

    fields: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    raw_starts: list[int]
    raw_ends: list[int]
    linked: dict[str, str]


def annotation_batches(
    connection: sqlite3.Connection,
    kind: str,
    rowid: int,
    offsets: OffsetMap,
    *,
    size: int | None = None,
    linked: bool = True,
    window: tuple[int, int] | None = None,
) -> Iterator[AnnotationBatch]:
    """One kind of a document's annotations (a key of ANNOTATION_QUERIES), a
    batch of `size` (BATCH_ROWS) rows at a time, as the database reads them.

    The rows stay the tuples SQLite gives: turning each batch into columns
    was 0.07 s of the 10 MB document's 0.56 s of mentions (#17). Without
    `linked`, mentions' linked names are not looked up (`linked` is empty).
    With `window`, only the annotations starting in [start, end) of it."""
    size = size or BATCH_ROWS
    cursor = connection.cursor()
    cursor.row_factory = None  # tuples: a Row per annotation cost a third more
    cursor.execute(annotation_query(kind, window), (rowid, *(window or ())))
    keyed = kind == "mentions"
    fields = tuple(column[0] for column in cursor.description[: -3 if keyed else -2])
    start = len(fields)
    names: dict[str, str] = {}
    seen: set[str] = set()
    while rows := cursor.fetchmany(size):
        if keyed and linked:
            _look_up_names(connection, [row[-1] for row in rows], names, seen)
        raw_starts, raw_ends = offsets.to_raw_many(
            [row[start] for row in rows], [row[start + 1] for row in rows]
        )
        yield AnnotationBatch(fields, rows, raw_starts, raw_ends, names)


def _look_up_names(
    connection: sqlite3.Connection,
    keys: Sequence[str],
    names: dict[str, str],
    seen: set[str],
) -> None:
    """Add to `names` the entity each of `keys` not `seen` yet is linked to,
    if any: a subquery per mention took 0.17 s of the 10 MB document's
    0.4 s of mentions (#17)."""
    unknown = set(keys).difference(seen)
    if not unknown:
        return
    seen.update(unknown)
    names.update(linked_names(connection, unknown))


def linked_names(connection: sqlite3.Connection, keys: Iterable[str]) -> dict[str, str]:
    """The canonical name of the entity each of `keys` (mentions' link keys)
    is linked to, for those linked to one (see `_LINKED_NAME`)."""
    wanted = tuple(keys)
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    return dict(
        connection.execute(
            "SELECT k.key, e.name FROM entity_keys k JOIN entities e"
            f" ON e.key = k.entity WHERE k.key IN ({marks})",
            wanted,
        )
    )


def iter_annotations(
    connection: sqlite3.Connection,
    kind: str,
    rowid: int,
    offsets: OffsetMap,
    source: SourceMap,
    window: tuple[int, int] | None = None,
) -> Iterator[dict[str, Any]]:
    """One kind of a document's annotations (ANNOTATION_KINDS), one at a time
    as the database reads them: `show --json` streams a document of 100,000
    mentions without holding them (#17). With `window`, only those starting
    in [start, end) of it."""
    if kind == "reused":
        # Passages another document repeats, or that repeat another (#15):
        # a few per document, so a window filters them here.
        for reused in reused_spans(connection, rowid, offsets, source):
            if window is None or window[0] <= reused["span"][0] < window[1]:
                yield reused
        return
    batches = annotation_batches(connection, kind, rowid, offsets, window=window)
    for batch in batches:
        count = len(batch.fields)
        locators = source.locate_many(batch.raw_starts, batch.raw_ends)
        for row, locator in zip(batch.rows, locators, strict=True):
            record = dict(zip(batch.fields, row, strict=False))
            if kind == "mentions":
                # The entity as linked, else as printed: `_LINKED_NAME`.
                record["entity"] = batch.linked.get(row[-1], record["entity"])
            record["span"] = [row[count], row[count + 1]]
            record["locator"] = locator
            yield record


def document_annotations(
    connection: sqlite3.Connection,
    rowid: int,
    offsets: OffsetMap,
    source: SourceMap,
    window: tuple[int, int] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """A document's annotations, each with `span` into its text and `locator`
    into its file; with `window`, those starting in [start, end) of it."""
    return {
        kind: list(iter_annotations(connection, kind, rowid, offsets, source, window))
        for kind in ANNOTATION_KINDS
    }
