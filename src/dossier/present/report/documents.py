"""The documents a report names, looked up once each: offset maps for
locators, text for excerpts, and their rows for the sources appendix."""

from __future__ import annotations

import sqlite3
from typing import Any

from dossier.offsets import OffsetMap, SourceMap
from dossier.present.report.model import Source, Where
from dossier.store.records import source_map


class Documents:
    """Looks up the documents items name, once each: their offset maps (for
    locators), text (for excerpts) and the rows of the sources appendix."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.rows: dict[str, dict[str, Any]] = {}
        self.maps: dict[int, SourceMap] = {}

    def row(self, doc: str) -> dict[str, Any]:
        if doc not in self.rows:
            found = self.connection.execute(
                "SELECT d.rowid, d.id, d.title, d.date, d.outlet, d.kind, d.url,"
                " d.text, d.offsets, d.raw_start, d.raw_end, d.source_id, s.path,"
                " s.part FROM documents d JOIN sources s ON s.id = d.source_id"
                " WHERE d.id = ?",
                (doc,),
            ).fetchone()
            row = dict(found)
            row["map"] = OffsetMap.from_bytes(row.pop("offsets"))
            self.rows[doc] = row
        return self.rows[doc]

    def source(self, row: dict[str, Any]) -> SourceMap:
        source_id = int(row["source_id"])
        if source_id not in self.maps:
            self.maps[source_id] = source_map(self.connection, source_id)
        return self.maps[source_id]

    def where(self, doc: str, start: int, end: int) -> Where:
        row = self.row(doc)
        raw = row["map"].to_raw(start, end)
        return Where(doc, (start, end), self.source(row).locate(*raw))

    def text(self, doc: str, start: int, end: int) -> str:
        return str(self.row(doc)["text"][start:end])

    def sources(self) -> list[Source]:
        listed = []
        for row in self.rows.values():
            part = row["part"]
            listed.append(
                Source(
                    id=row["id"],
                    title=row["title"],
                    date=row["date"],
                    outlet=row["outlet"],
                    kind=row["kind"],
                    source=f"{row['path']}:{part}" if part else row["path"],
                    url=row["url"],
                    locator=self.source(row).locate(row["raw_start"], row["raw_end"]),
                )
            )
        return sorted(listed, key=lambda s: (s.date or "9999", s.id))


def excerpt(text: str, limit: int) -> str:
    """One line of at most `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
