"""One stored document as `dossier show` and the web's document page read it:
its `show --json` record and what its raw view needs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dossier.errors import NotFound
from dossier.offsets import OffsetMap, SourceMap
from dossier.present import serialize
from dossier.store.queries import get_document, offsets_of, source_raw
from dossier.store.records import document_annotations, source_map


@dataclass(frozen=True, slots=True)
class OpenDocument:
    """`detail` is the `show --json` record (with `raw` and `removed` when
    opened with `raw`); the rest maps its text back to its source."""

    detail: dict[str, Any]
    source_text: str
    removed: list[dict[str, Any]]
    offsets: OffsetMap
    located: SourceMap
    raw_start: int
    raw_end: int


def open_document(
    connection: sqlite3.Connection,
    doc_id: str,
    *,
    raw: bool = False,
    window_of: Callable[[str], tuple[int, int]] | None = None,
) -> OpenDocument:
    """The document `doc_id`; with `window_of`, a function of its text giving
    a span [start, end) of it, only the annotations starting in that span are
    read (the web page of a long document shows a part of it, #17)."""
    row = get_document(connection, doc_id)
    if row is None:
        raise unknown(doc_id)
    source_text, removed = source_raw(connection, row["source_id"])
    offsets = offsets_of(row)
    located = source_map(connection, row["source_id"])
    window = None if window_of is None else window_of(row["text"])
    row.update(document_annotations(connection, row["rowid"], offsets, located, window))
    detail = serialize.document_detail(row, offsets, located)
    start, end = row["raw_start"], row["raw_end"]
    if raw:
        detail.update(raw_view(source_text, removed, row, located))
    return OpenDocument(detail, source_text, removed, offsets, located, start, end)


def raw_view(
    source_text: str,
    removed: list[dict[str, Any]],
    row: dict[str, Any],
    located: SourceMap,
) -> dict[str, Any]:
    """What `show --raw --json` adds: the document's stretch of its source as
    read, and the spans removed from it, each with its locator."""
    start, end = row["raw_start"], row["raw_end"]
    return {
        "raw": source_text[start:end],
        "removed": serialize.removed_spans(source_text, removed, start, end, located),
    }


def unknown(doc_id: str) -> NotFound:
    return NotFound(f"no document {doc_id!r} (list them with `dossier docs`)")
