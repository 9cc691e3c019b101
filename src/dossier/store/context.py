"""What the claim and timeline queries read of a document besides the row:
its text, language, quotes, outlets named and dates, read once per document;
and who asserts a dated statement (`asserted`)."""

from __future__ import annotations

import sqlite3
from bisect import bisect_left
from typing import Any

from dossier.link.assertion import Named, Spoken, assertion
from dossier.link.language import language_of

# Entities that name the speaker or the outlet rather than what a figure is
# about: never taken as the event two sentences share.
_NOT_EVENTS = ("PUBLICATION",)


def asserted(
    connection: sqlite3.Connection, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Rows of dated statements (with private `_start`, `_end`, `_s0`, `_s1`,
    `_rowid`, `_outlet`) given `asserted_by` and `via`, private fields dropped."""
    context = DocumentContext(connection)
    result = []
    for row in rows:
        said = assertion(
            row["_start"],
            row["_end"],
            text=context.text(row["_rowid"]),
            sentence=(row["_s0"], row["_s1"]),
            outlet=row["_outlet"],
            quotes=context.quotes(row["_rowid"]),
            outlets=context.outlets(row["_rowid"]),
        )
        public = {k: v for k, v in row.items() if not k.startswith("_")}
        public["asserted_by"] = said.asserted_by
        public["via"] = list(said.via)
        result.append(public)
    return result


class DocumentContext:
    """Per-document context read once per document the claims come from."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._texts: dict[int, str] = {}
        self._quotes: dict[int, list[Spoken]] = {}
        self._mentions: dict[int, list[tuple[int, int, str, str]]] = {}
        self._outlets: dict[int, list[Named]] = {}
        self._times: dict[int, list[tuple[int, int, str, str, str]]] = {}
        self._languages: dict[int, str | None] = {}

    def text(self, rowid: int) -> str:
        if rowid not in self._texts:
            row = self.connection.execute(
                "SELECT text FROM documents WHERE rowid = ?", (rowid,)
            ).fetchone()
            self._texts[rowid] = str(row[0])
        return self._texts[rowid]

    def outlet(self, rowid: int) -> str | None:
        row = self.connection.execute(
            "SELECT outlet FROM documents WHERE rowid = ?", (rowid,)
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def language(self, rowid: int) -> str | None:
        if rowid not in self._languages:
            self._languages[rowid] = language_of(self.text(rowid))
        return self._languages[rowid]

    def quotes(self, rowid: int) -> list[Spoken]:
        if rowid not in self._quotes:
            self._quotes[rowid] = [
                Spoken(*row)
                for row in self.connection.execute(
                    "SELECT q.start, q.end, q.kind, q.speaker, q.via, c.outlet"
                    " FROM quotes q LEFT JOIN citations c"
                    " ON c.doc = q.doc AND c.number = q.citation WHERE q.doc = ?",
                    (rowid,),
                )
            ]
        return self._quotes[rowid]

    def _all_mentions(self, rowid: int) -> list[tuple[int, int, str, str]]:
        if rowid not in self._mentions:
            self._mentions[rowid] = [
                (int(s), int(e), str(entity), str(type_))
                for s, e, entity, type_ in self.connection.execute(
                    "SELECT start, end, entity, type FROM mentions WHERE doc = ?"
                    " ORDER BY start",
                    (rowid,),
                )
            ]
        return self._mentions[rowid]

    def outlets(self, rowid: int) -> list[Named]:
        """The outlets the document names. Read on their own when its other
        mentions are not read anyway: a timeline row needs only these, and
        reading every mention of the documents of 200 rows cost the entity
        page 180 ms at 93,000 documents (bench/web_speed.py)."""
        if rowid in self._mentions:
            return [
                Named(s, e, entity)
                for s, e, entity, type_ in self._mentions[rowid]
                if type_ == "PUBLICATION"
            ]
        if rowid not in self._outlets:
            self._outlets[rowid] = [
                Named(int(s), int(e), str(entity))
                for s, e, entity in self.connection.execute(
                    "SELECT start, end, entity FROM mentions WHERE doc = ?"
                    " AND type = 'PUBLICATION' ORDER BY start",
                    (rowid,),
                )
            ]
        return self._outlets[rowid]

    def entities(self, rowid: int, sentence: tuple[int, int]) -> list[str]:
        # From the sentence's first mention on (they are in start order): a
        # scan of every mention per figure was seconds for a 10 MB document.
        mentions = self._all_mentions(rowid)
        first = bisect_left(mentions, (sentence[0],))
        named = set()
        for s, e, entity, type_ in mentions[first:]:
            if s > sentence[1]:
                break
            if e <= sentence[1] and type_ not in _NOT_EVENTS:
                named.add(entity)
        return sorted(named)

    def scope(
        self, rowid: int, start: int, sentence: tuple[int, int], doc_date: str | None
    ) -> dict[str, Any] | None:
        """The date a figure is about: the dated expression of its sentence
        nearest the figure, else the document's date, else unknown (None)."""
        if rowid not in self._times:
            self._times[rowid] = [
                (int(s), int(e), str(text), str(first), str(last))
                for s, e, text, first, last in self.connection.execute(
                    "SELECT start, end, text, first_day, last_day FROM times"
                    " WHERE doc = ? AND type IN ('DATE', 'TIME')"
                    " AND first_day IS NOT NULL ORDER BY start, rowid",
                    (rowid,),
                )
            ]
        times = self._times[rowid]
        inside = []
        for t in times[bisect_left(times, (sentence[0],)) :]:
            if t[0] > sentence[1]:
                break
            if t[1] <= sentence[1]:
                inside.append(t)
        if inside:
            nearest = min(inside, key=lambda t: abs(t[0] - start))
            return {"text": nearest[2], "first_day": nearest[3], "last_day": nearest[4]}
        day = _iso_days(doc_date)
        if day is None:
            return None
        return {"text": None, "first_day": day[0], "last_day": day[1]}


def _iso_days(date: str | None) -> tuple[str, str] | None:
    """A document date (`2024-05-03`, `2024-05`, `2024`) as first and last day."""
    if not date:
        return None
    date = date.rstrip("?")
    parts = date.split("-")
    if len(parts) == 3:
        return date, date
    if len(parts) == 2:
        return f"{date}-01", f"{date}-31"
    if len(parts) == 1 and len(date) == 4 and date.isdigit():
        return f"{date}-01-01", f"{date}-12-31"
    return None
