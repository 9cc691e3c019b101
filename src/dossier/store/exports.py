"""Every mention or time expression, document by document, each with its
`span` and `locator`: the rows `dossier export --what mentions|times` writes.

One cursor over the annotation table; a document's offset map and its
source's map are read when the cursor reaches it, so memory stays flat.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from itertools import chain, groupby
from operator import itemgetter
from typing import Any

from dossier.offsets import OffsetMap, SourceMap
from dossier.store.records import source_map

# The table and its fields, in the order `show --json` gives them.
_FIELDS = {
    "mentions": ("text", "entity", "type", "title", "phrase_start", "phrase_end"),
    "times": ("text", "type", "value", "first_day", "last_day"),
}


def annotation_rows(
    connection: sqlite3.Connection, table: str, *, all_: bool = False
) -> Iterator[dict[str, Any]]:
    """Rows of `table` (mentions or times) in document then text order:
    `doc`, `span`, `locator`, the annotation's fields and the document's
    `copy_of`. Copies' rows only with `all_` (their text is the original's)."""
    fields = _FIELDS[table]
    columns = ", ".join(f"a.{name}" for name in fields)
    where = "" if all_ else " WHERE d.copy_of IS NULL"
    cursor = connection.execute(
        f"SELECT d.rowid AS rowid, d.id AS doc, d.copy_of, d.source_id,"
        f" a.start, a.end, {columns} FROM {table} a"
        f" JOIN documents d ON d.rowid = a.doc{where}"
        " ORDER BY d.rowid, a.start, a.end"
    )
    maps: dict[int, SourceMap] = {}
    for rowid, rows in groupby(cursor, key=itemgetter("rowid")):
        first = next(rows)
        (blob,) = connection.execute(
            "SELECT offsets FROM documents WHERE rowid = ?", (rowid,)
        ).fetchone()
        offsets = OffsetMap.from_bytes(blob)
        source_id = first["source_id"]
        if source_id not in maps:
            # Documents come in build order, so one source's are together:
            # its map is kept while they last.
            maps = {source_id: source_map(connection, source_id)}
        located = maps[source_id]
        for row in chain([first], rows):
            start, end = row["start"], row["end"]
            yield {
                "doc": row["doc"],
                "span": [start, end],
                "locator": located.locate(*offsets.to_raw(start, end)),
                **{name: row[name] for name in fields},
                "copy_of": row["copy_of"],
            }
