"""A document's `show --json` record with its long parts left lazy, for
`write_json` to write as they are read: the text a megabyte at a time, each
kind of annotation a batch at a time as stored (present/shown.py). The CLI's
`show --json` and the API's `/api/documents/ID` both write it, so the two
give the same record, and neither holds a large document's annotations as
Python objects (#17: 1.9 s and 444 MB for the API's 10 MB document)."""

from __future__ import annotations

import sqlite3
from functools import partial
from typing import Any

from dossier.present import serialize
from dossier.present.cli.stream import Encoded, Pieces
from dossier.present.document import raw_view, unknown
from dossier.present.shown import annotation_texts, stored_length
from dossier.store.queries import get_document, offsets_of, source_raw, text_bytes
from dossier.store.records import ANNOTATION_QUERIES, iter_annotations, source_map


def streamed_detail(
    connection: sqlite3.Connection, doc_id: str, *, raw: bool = False
) -> dict[str, Any]:
    """The record of `doc_id` (a unique prefix will do) as `show --json
    [--raw]` writes it; read lazily, so `connection` must stay open until
    it is written."""
    row = get_document(connection, doc_id, with_text=False)
    if row is None:
        raise unknown(doc_id)
    offsets = offsets_of(row)
    rowid = row["rowid"]
    length = stored_length(connection, rowid)
    located = source_map(connection, row["source_id"], raw_length=length)
    detail = serialize.document_detail(row, offsets, located)
    detail["text"] = Pieces(text_bytes(connection, rowid))
    for kind in ANNOTATION_QUERIES:
        detail[kind] = Encoded(
            partial(
                annotation_texts,
                connection,
                kind,
                rowid,
                offsets,
                located,
                stored=length is not None,
            )
        )
    detail["reused"] = iter_annotations(connection, "reused", rowid, offsets, located)
    if raw:
        source_text, removed = source_raw(connection, row["source_id"])
        detail.update(raw_view(source_text, removed, row, located))
    return detail
