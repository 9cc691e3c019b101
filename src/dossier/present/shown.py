"""A document's annotations stored as `show --json` writes them (table
`shown`, schema 15): encoded once when the document is stored, then read
back as a few compressed blobs instead of a row and a record at a time
(#17).

The 118,140 mentions of a 10 MB document cost `show --json` 3,200 M
instructions read row by row (nine columns a row crossing into Python, the
GIL given up a row, an f-string a record); their 27 MB of records, stored
in 3.1 MB, are inflated and have their linked names put in at C speed.

Only what cannot change once a document is stored is stored: its rows and
locators. The entity a mention is linked to changes with every link and
every override, so a mention keeps a placeholder there (its link key and
the entity its document named, between bytes UTF-8 never holds), replaced
by the linked name when shown, as `records._LINKED_NAME` gives it.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import cast

from dossier.offsets import OffsetMap, SourceMap
from dossier.present import encoded
from dossier.present.encoded import RECORDS, _locators, _Values
from dossier.store.records import ANNOTATION_QUERIES, annotation_batches, linked_names

# Records as `show --json` joins them: items of an array one level down.
SEPARATOR = ",\n  "
# A placeholder's ends and the byte between its key and its entity: bytes
# that UTF-8 text never holds, written as the lone surrogates that
# "surrogateescape" encodes as them.
_PAIR, _KEY_END = b"\xff", b"\xfe"
_PAIR_TEXT, _KEY_END_TEXT = "\udcff", "\udcfe"
# The 38.7 MB of a 10 MB document's records compress to 4.4 MB in 0.22 s of
# CPU at level 3, and read back in 0.08 s; level 6 (zlib's default) is
# 3.9 MB in 0.57 s, read as fast; level 1 is 4.7 MB, read in 0.10 s.
_LEVEL = 3


# Raw deflate: no zlib header and no Adler-32 sum, which was 138 M of the
# 451 M instructions of reading a 10 MB document's parts back (SQLite keeps
# no sum of the rest of a document either).
_RAW = -15


def _compressed(text: bytes) -> bytes:
    """`text` compressed with a window no larger than it: the median part of
    kcna-2024 is 925 bytes, and setting up zlib's full window and hash
    table for each took twice the time of compressing them (0.34 s against
    0.15 s for its 4,711 parts, the same size)."""
    bits = max(9, min(15, (len(text) - 1).bit_length()))
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -bits, max(1, bits - 7))
    return compressor.compress(text) + compressor.flush()


# Documents of fewer annotations are not stored: read row by row, a
# thousand cost `show` under 5 ms of CPU against its 0.1 s start-up, and
# storing kcna-2024's 1,858 stories (none over 244) added a tenth to its
# build and 2.2 MB to the file for nothing anyone could see.
STORE_FROM = 1000
# The row of kind '' says a document's parts are stored; its `records` is the
# length of the raw text of the document's source.
_STORED = ""
# The layout of the stored records, kept as the `part` of that row: what
# `encoded.RECORDS` and the locators write, as `_compressed` packs it. A
# change to what `show` prints or to how parts are packed takes a new number
# here (tests/present/test_shown.py pins the layout) and a migration calling
# `store_missing`, which stores documents of another layout again; until
# then they are read row by row, never shown stale.
LAYOUT = 1


class _Placeholders:
    """Stands for `AnnotationBatch.linked` when storing: every mention's
    entity is its placeholder."""

    def get(self, key: str, entity: str) -> str:
        return f"{_PAIR_TEXT}{key}{_KEY_END_TEXT}{entity}{_PAIR_TEXT}"


class _StoredValues(_Values):
    """`_Values` that writes a placeholder as it is, not as a JSON string."""

    def __missing__(self, value: object) -> str:
        if isinstance(value, str) and value.startswith(_PAIR_TEXT):
            self[value] = value
            return value
        return super().__missing__(value)


def _parts(
    connection: sqlite3.Connection,
    kind: str,
    rowid: int,
    offsets: OffsetMap,
    source: SourceMap,
) -> Iterator[bytes]:
    """The records of `kind` of document `rowid`, a batch at a time, as the
    row way writes them (`encoded.row_texts`) but for mentions' entities."""
    records = RECORDS[kind]
    values = _StoredValues()
    joiner = SEPARATOR.encode()
    placeholders = cast(dict[str, str], _Placeholders())
    for batch in annotation_batches(connection, kind, rowid, offsets, linked=False):
        batch = replace(batch, linked=placeholders)
        texts = records(batch, _locators(batch, source), values)
        yield joiner.join(text.encode("utf-8", "surrogateescape") for text in texts)


def store_shown(
    connection: sqlite3.Connection,
    rowids: Iterable[int],
    *,
    again: bool = False,
    maps: Mapping[int, SourceMap] | None = None,
) -> None:
    """Store the annotations of documents `rowids`, in the caller's
    transaction; `again` replaces what was stored for them before. `maps`:
    sources' maps the caller holds, by source id, not read back."""
    from dossier.store.queries import offsets_of
    from dossier.store.records import source_map

    lengths: dict[int, int] = {}  # a source's raw length, counted once
    # The last source's map, read once for its documents (rowids in order
    # are a source's documents together): a page of 80,000 tiny paragraphs
    # is ten documents of one source whose map is 18 MB of JSON.
    last: tuple[int, SourceMap] | None = None
    for rowid in rowids:
        row = connection.execute(
            "SELECT offsets, source_id FROM documents WHERE rowid = ?", (rowid,)
        ).fetchone()
        if row is None:
            continue
        offsets, source_id = offsets_of({"offsets": row[0]}), row[1]
        if source_id not in lengths:
            lengths[source_id] = connection.execute(
                "SELECT length(raw) FROM sources WHERE id = ?", (source_id,)
            ).fetchone()[0]
        length = lengths[source_id]
        if maps is not None and source_id in maps:
            source = maps[source_id]
        else:
            if last is None or last[0] != source_id:
                read = source_map(connection, source_id, raw_length=length)
                last = (source_id, read)
            source = last[1]
        if again:
            connection.execute("DELETE FROM shown WHERE doc = ?", (rowid,))
        stored: list[tuple[int, str, int, bytes | int]] = [
            (rowid, kind, part, _compressed(text))
            for kind in ANNOTATION_QUERIES
            for part, text in enumerate(
                _parts(connection, kind, rowid, offsets, source)
            )
        ]
        stored.append((rowid, _STORED, LAYOUT, length))
        connection.executemany("INSERT INTO shown VALUES (?,?,?,?)", stored)


def store_large(
    connection: sqlite3.Connection,
    counts: Mapping[int, int],
    *,
    maps: Mapping[int, SourceMap] | None = None,
) -> None:
    """Store the annotations of the documents of `counts` (each document's
    rowid and its count of annotation rows, as a build inserts them) that
    have STORE_FROM or more, in the caller's transaction. `maps`: the
    sources' maps the build holds, by source id: a page of 800,000 segments
    read back from its 18 MB of JSON was the build's peak (+70 MB)."""
    large = sorted(d for d, n in counts.items() if n >= STORE_FROM)
    store_shown(connection, large, maps=maps)


def store_missing(connection: sqlite3.Connection) -> None:
    """Store the annotations of every document of STORE_FROM or more not
    stored yet, or stored in another layout (a dossier built before schema
    15), in the caller's transaction."""
    counted = " UNION ALL ".join(
        f"SELECT doc, count(*) AS n FROM {kind} GROUP BY doc"
        for kind in ANNOTATION_QUERIES
    )
    missing = [
        rowid
        for (rowid,) in connection.execute(
            f"SELECT c.doc FROM ({counted}) c GROUP BY c.doc HAVING sum(c.n) >= ?"
            " AND NOT EXISTS (SELECT 1 FROM shown s WHERE s.doc = c.doc"
            " AND s.kind = ? AND s.part = ?) ORDER BY c.doc",
            (STORE_FROM, _STORED, LAYOUT),
        )
    ]
    store_shown(connection, missing, again=True)


def stored_length(connection: sqlite3.Connection, rowid: int) -> int | None:
    """The length of the raw text of document `rowid`'s source when its
    annotations are stored in this LAYOUT (see `records.source_map`), else
    None."""
    row = connection.execute(
        "SELECT records FROM shown WHERE doc = ? AND kind = ? AND part = ?",
        (rowid, _STORED, LAYOUT),
    ).fetchone()
    return None if row is None else int(row[0])


def annotation_texts(
    connection: sqlite3.Connection,
    kind: str,
    rowid: int,
    offsets: OffsetMap,
    source: SourceMap,
    separator: str,
    *,
    stored: bool,
) -> Iterator[bytes]:
    """`encoded.annotation_texts`: the records as stored when they are
    (`stored`, see `stored_length`) and joined by `separator`, else read row
    by row."""
    if not stored or separator != SEPARATOR:
        return encoded.annotation_texts(
            connection, kind, rowid, offsets, source, separator
        )
    return _read(connection, kind, rowid)


def _read(connection: sqlite3.Connection, kind: str, rowid: int) -> Iterator[bytes]:
    names: dict[bytes, bytes] = {}  # a placeholder: the JSON of its name
    cursor = connection.cursor()
    cursor.row_factory = None
    cursor.execute(
        "SELECT records FROM shown WHERE doc = ? AND kind = ? ORDER BY part",
        (rowid, kind),
    )
    for (records,) in cursor:
        text = zlib.decompress(records, _RAW)
        yield _linked(connection, text, names) if _PAIR in text else text


def _linked(
    connection: sqlite3.Connection, text: bytes, names: dict[bytes, bytes]
) -> bytes:
    """The part with each placeholder as the JSON of the entity its key is
    linked to, else of the entity its document named (`_LINKED_NAME`)."""
    parts = text.split(_PAIR)
    pairs = parts[1::2]
    new = set(pairs).difference(names)
    if new:
        read: dict[bytes, tuple[str, str]] = {}
        for pair in new:
            key_bytes, _, entity_bytes = pair.partition(_KEY_END)
            read[pair] = (key_bytes.decode(), entity_bytes.decode())
        linked = linked_names(connection, {key for key, _ in read.values()})
        for pair, (key, entity) in read.items():
            name = linked.get(key, entity)
            names[pair] = json.dumps(name, ensure_ascii=False).encode()
    parts[1::2] = map(names.__getitem__, pairs)
    return b"".join(parts)
