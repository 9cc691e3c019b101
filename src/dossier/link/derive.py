"""Link: one document's event dates and its figures' claim facts, the rows
`claims --conflicts` and `calendar` read (`event_dates`, `claim_facts`).

They are a function of the document alone (its text, date, outlet and
annotations), so they are made where the document is made: a pool or Dask
worker ships them with it and the writer only inserts them (`Document.facts`,
issue 14); `link.claims_stored` derives them from the stored rows for what
came without (a build without annotation, a change of `DERIVED_RULES`).
Both read the document through a `DocumentContext`, so both give the same
rows: `AnnotatedDocument` gives the rows the writer is about to store.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Any

from dossier.link.events import Dated, Mentioned
from dossier.model import Annotations, DocumentFacts
from dossier.store.annotations import annotation_rows
from dossier.store.claims import figure_facts
from dossier.store.context import DocumentContext
from dossier.store.events import event_facts
from dossier.store.facts import pack_figures

# Placeholders for what only the writer knows: the document's id (a content
# address checked against the store) and its rowid.
_NO_ID = ""
_NO_ROWID = 0


def event_rows(
    context: DocumentContext, rowid: int, date: str | None
) -> list[tuple[Any, ...]]:
    """The document's `event_dates` columns after (doc, n, doc_id, doc_date)."""
    return [
        (
            event.event,
            event.kind,
            event.start,
            event.end,
            event.text,
            event.first_year,
            event.last_year,
            event.day,
            event.years,
            said["sentence"],
            said["asserted_by"],
            json.dumps(said["via"]),
            said["language"],
        )
        for event, said in event_facts(context, rowid, date)
    ]


def figure_rows(
    context: DocumentContext, figures: Iterable[dict[str, Any]]
) -> Iterator[tuple[int, int, int, dict[str, Any]]]:
    """For each figure row (`store.claims.FIGURE_COLUMNS`): its `_figure`, the
    length of its sentence, its place in it, and its facts; one at a time."""
    for row in figures:
        yield (
            int(row["_figure"]),
            row["_s1"] - row["_s0"],
            row["_start"] - row["_s0"],
            figure_facts(row, context),
        )


def document_facts(
    *,
    kind: str,
    text: str,
    date: str | None,
    outlet: str | None,
    annotations: Annotations,
) -> DocumentFacts:
    """What `link.claims_stored` would derive for this document once stored.

    Each figure's facts are packed as soon as made (`store.facts`): a page
    of 80,000 tiny figures held them as dicts, some 1 kB a figure, until
    the writer stored the page (docs/reliability.md, issue 14 part 5)."""
    rows = annotation_rows(_NO_ROWID, annotations)
    context = AnnotatedDocument(text, outlet, rows)
    events = event_rows(context, _NO_ROWID, date) if kind == "article" else []
    figures = pack_figures(
        (sentence_chars, sentence_at, facts)
        for _, sentence_chars, sentence_at, facts in figure_rows(
            context, _figure_columns(rows["figures"], date, outlet)
        )
    )
    return DocumentFacts(events=tuple(events), figures=figures)


def _figure_columns(
    figures: Iterable[tuple[Any, ...]], date: str | None, outlet: str | None
) -> Iterator[dict[str, Any]]:
    """The document's figure rows as `FIGURE_COLUMNS` reads them back, one
    at a time."""
    for index, row in enumerate(figures):
        _, start, end, figure, low, high, unit, subject, hedge, s0, s1 = row
        yield {
            # As `FIGURE_COLUMNS` reads the row back: `low` and `high` are
            # REAL columns, so an int comes back a float (and prints `5.0`).
            "_figure": index,
            "subject": subject,
            "low": float(low),
            "high": float(high),
            "unit": unit,
            "hedge": hedge,
            "text": figure,
            "doc": _NO_ID,
            "_start": start,
            "_end": end,
            "_s0": s0,
            "_s1": s1,
            "_rowid": _NO_ROWID,
            "_doc_date": date,
            "_outlet": outlet,
        }


class AnnotatedDocument(DocumentContext):
    """One document's context read from the rows `store.annotations` makes of
    its annotations (the rows the writer stores), not from the store: the
    same values in the same order as the queries of `DocumentContext`."""

    def __init__(
        self, text: str, outlet: str | None, rows: dict[str, list[tuple[Any, ...]]]
    ) -> None:
        super().__init__(_NO_CONNECTION)
        self._text = text
        self._outlet = outlet
        self._rows = rows
        # Mentions in start order, ties in stored order (`mentions_doc_start`).
        self._by_start = sorted(rows["mentions"], key=lambda row: row[1])
        self._starts = [row[1] for row in self._by_start]

    def text(self, rowid: int) -> str:
        return self._text

    def outlet(self, rowid: int) -> str | None:
        return self._outlet

    def _citation_rows(self, rowid: int) -> Iterable[tuple[Any, ...]]:
        return [(row[1], row[6]) for row in self._rows["citations"]]

    def _quote_rows(self, rowid: int) -> Iterable[tuple[Any, ...]]:
        return [
            (row[1], row[2], row[4], row[5], row[11], row[12])
            for row in self._rows["quotes"]
        ]

    def _mention_rows(
        self, rowid: int, sentence: tuple[int, int]
    ) -> Iterable[tuple[Any, ...]]:
        found = []
        for row in self._by_start[bisect_left(self._starts, sentence[0]) :]:
            if row[1] > sentence[1]:
                break
            if row[2] <= sentence[1]:
                found.append((row[1], row[2], row[4], row[5]))
        return found

    def _time_rows(self, rowid: int) -> Iterable[tuple[Any, ...]]:
        dated = [
            (row[1], row[2], row[3], row[6], row[7])
            for row in self._rows["times"]
            if row[4] in ("DATE", "TIME") and row[6] is not None
        ]
        return sorted(dated, key=lambda row: row[0])

    def event_inputs(self, rowid: int) -> tuple[list[Mentioned], list[Dated]]:
        mentions = [
            Mentioned(int(row[1]), int(row[2]), str(row[4]), str(row[5]))
            for row in self._by_start
        ]
        times = sorted(
            (
                Dated(int(row[1]), int(row[2]), str(row[3]), str(row[6]), str(row[7]))
                for row in self._rows["times"]
                if row[4] == "DATE" and row[6] is not None
            ),
            key=lambda time: time.start,
        )
        return mentions, times


class _NoConnection:
    """What `AnnotatedDocument` holds as its connection: it reads none."""

    def execute(self, *args: object) -> None:
        raise RuntimeError("an annotated document reads no store")


_NO_CONNECTION: Any = _NoConnection()
