"""What the claim and timeline queries read of a document besides the row:
its text, language, quotes, outlets named and dates, read once per document;
and who asserts a dated statement (`asserted`)."""

from __future__ import annotations

import sqlite3
from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dossier.link.assertion import Assertion, Named, Spoken, assertion
from dossier.link.language import language_of

if TYPE_CHECKING:
    from dossier.link.events import Dated, Mentioned

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
        said = context.assertion(
            row["_rowid"],
            row["_start"],
            row["_end"],
            (row["_s0"], row["_s1"]),
            outlet=row["_outlet"],
        )
        public = {k: v for k, v in row.items() if not k.startswith("_")}
        public["asserted_by"] = said.asserted_by
        public["via"] = list(said.via)
        result.append(public)
    return result


class DocumentContext:
    """Per-document context read once per document the claims come from; what
    one row needs of it (the quotes around it, the outlets and entities of
    its sentence) found by bisection, so a document of 100,000 mentions and
    16,000 quotes costs a row no more than a short one (#17)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._texts: dict[int, str] = {}
        self._quotes: dict[int, _Quotes] = {}
        self._mentions: dict[tuple[int, int, int], list[tuple[int, int, str, str]]] = {}
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

    def assertion(
        self,
        rowid: int,
        start: int,
        end: int,
        sentence: tuple[int, int],
        *,
        outlet: str | None,
    ) -> Assertion:
        """Who asserts `start:end` of document `rowid` (`link.assertion`),
        given only the quotes that hold the span and the outlets named in
        its sentence: the only ones it can take."""
        return assertion(
            start,
            end,
            text=self.text(rowid),
            sentence=sentence,
            outlet=outlet,
            quotes=self._quotes_of(rowid).around(start, end),
            outlets=self.outlets_in(rowid, sentence),
        )

    def _quotes_of(self, rowid: int) -> _Quotes:
        if rowid not in self._quotes:
            # The citations of the document read once and joined here: the
            # join in SQL scanned the document's citations for every quote.
            cited: dict[int, list[str | None]] = {}
            for number, outlet in self._citation_rows(rowid):
                cited.setdefault(number, []).append(outlet)
            spoken = [
                Spoken(start, end, kind, speaker, via, outlet)
                for start, end, kind, speaker, via, citation in self._quote_rows(rowid)
                for outlet in cited.get(citation, [None])
            ]
            self._quotes[rowid] = _Quotes(spoken)
        return self._quotes[rowid]

    # What the context reads of the store, one method a table, so that
    # `link.derive` can give the same rows from a document's annotations
    # before it is stored (in a pool worker, issue 14).

    def _citation_rows(self, rowid: int) -> Iterable[tuple[Any, ...]]:
        """(number, outlet) of the document's citations, in stored order."""
        return self.connection.execute(
            "SELECT number, outlet FROM citations WHERE doc = ?", (rowid,)
        )

    def _quote_rows(self, rowid: int) -> Iterable[tuple[Any, ...]]:
        """(start, end, kind, speaker, via, citation) of its quotes, in order."""
        return self.connection.execute(
            "SELECT start, end, kind, speaker, via, citation FROM quotes"
            " WHERE doc = ? ORDER BY rowid",
            (rowid,),
        )

    def _mention_rows(
        self, rowid: int, sentence: tuple[int, int]
    ) -> Iterable[tuple[Any, ...]]:
        """(start, end, entity, type) of the mentions inside `sentence`, by start."""
        return self.connection.execute(
            "SELECT start, end, entity, type FROM mentions WHERE doc = ?"
            " AND start >= ? AND start <= ? AND end <= ? ORDER BY start",
            (rowid, sentence[0], sentence[1], sentence[1]),
        )

    def _time_rows(self, rowid: int) -> Iterable[tuple[Any, ...]]:
        """(start, end, text, first_day, last_day) of its dated DATE and TIME
        expressions, by start."""
        return self.connection.execute(
            "SELECT start, end, text, first_day, last_day FROM times"
            " WHERE doc = ? AND type IN ('DATE', 'TIME')"
            " AND first_day IS NOT NULL ORDER BY start, rowid",
            (rowid,),
        )

    def event_inputs(self, rowid: int) -> tuple[list[Mentioned], list[Dated]]:
        """What `link.events.events` reads of the document besides its text:
        every mention, and its dated DATE expressions, by start."""
        # Here, not at the top: its patterns compile on import (15 ms), and
        # the listings that read `asserted` start without them (#14 part 6).
        from dossier.link.events import Dated, Mentioned

        mentions = [
            Mentioned(int(s), int(e), str(entity), str(type_))
            for s, e, entity, type_ in self.connection.execute(
                "SELECT start, end, entity, type FROM mentions WHERE doc = ?"
                " ORDER BY start",
                (rowid,),
            )
        ]
        times = [
            Dated(int(s), int(e), str(t), str(first), str(last))
            for s, e, t, first, last in self.connection.execute(
                "SELECT start, end, text, first_day, last_day FROM times"
                " WHERE doc = ? AND type = 'DATE' AND first_day IS NOT NULL"
                " ORDER BY start",
                (rowid,),
            )
        ]
        return mentions, times

    def _in_sentence(
        self, rowid: int, sentence: tuple[int, int]
    ) -> list[tuple[int, int, str, str]]:
        """The document's mentions inside `sentence`, in start order: a range
        of `mentions(doc, start)`, never the document's every mention."""
        key = (rowid, *sentence)
        if key not in self._mentions:
            self._mentions[key] = [
                (int(s), int(e), str(entity), str(type_))
                for s, e, entity, type_ in self._mention_rows(rowid, sentence)
            ]
        return self._mentions[key]

    def outlets_in(self, rowid: int, sentence: tuple[int, int]) -> list[Named]:
        """The outlets named inside `sentence`."""
        return [
            Named(s, e, entity)
            for s, e, entity, type_ in self._in_sentence(rowid, sentence)
            if type_ == "PUBLICATION"
        ]

    def entities(self, rowid: int, sentence: tuple[int, int]) -> list[str]:
        return sorted(
            {
                entity
                for _, _, entity, type_ in self._in_sentence(rowid, sentence)
                if type_ not in _NOT_EVENTS
            }
        )

    def scope(
        self, rowid: int, start: int, sentence: tuple[int, int], doc_date: str | None
    ) -> dict[str, Any] | None:
        """The date a figure is about: the dated expression of its sentence
        nearest the figure, else the document's date, else unknown (None)."""
        if rowid not in self._times:
            self._times[rowid] = [
                (int(s), int(e), str(text), str(first), str(last))
                for s, e, text, first, last in self._time_rows(rowid)
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


class _Quotes:
    """A document's quotes, found by the span they hold: those starting
    within the longest quote's length before it."""

    def __init__(self, spoken: list[Spoken]) -> None:
        self._spoken = spoken
        self._by_start = sorted((q.start, n) for n, q in enumerate(spoken))
        self._longest = max((q.end - q.start for q in spoken), default=0)

    def around(self, start: int, end: int) -> list[Spoken]:
        """Quotes holding `start:end`, in the document's order."""
        low = bisect_left(self._by_start, (start - self._longest,))
        high = bisect_left(self._by_start, (start + 1,))
        holding = sorted(
            n for _, n in self._by_start[low:high] if self._spoken[n].end >= end
        )
        return [self._spoken[n] for n in holding]
