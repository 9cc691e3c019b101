"""The queries behind event dates: the dates documents give events (as claims
`claims --conflicts` compares) and `dossier calendar` (their round
anniversaries in a period). Read from `event_dates`, which the link stage
fills per document (`event_facts`); worked out from the texts as before
while a write since the last link leaves that table behind."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import date as Day
from typing import Any

from dossier.errors import InputError
from dossier.link.events import EventDate, events, is_round, refine
from dossier.store.claims import independent_sources, stored_fresh
from dossier.store.context import DocumentContext
from dossier.store.queries import iso_day


def event_dates(
    connection: sqlite3.Connection, *, all_: bool = False
) -> list[tuple[dict[str, Any], EventDate]]:
    """Every date a document gives an event, with the document's row
    (`doc`, `date`, `copy_of`, `_rowid`, `_copy_group`); copies of a text
    give theirs once unless `all_`."""
    # The copy columns from `document_copies`: in `documents` they lie after
    # the text (migration 10).
    sql = (
        "SELECT d.rowid AS _rowid, d.id AS doc, d.date, c.copy_of,"
        " coalesce(c.copy_group, d.id) AS _copy_group FROM documents d"
        " JOIN document_copies c ON c.doc = d.rowid WHERE d.kind = 'article'"
    )
    if not all_:
        sql += " AND c.copy_of IS NULL"
    documents = [dict(row) for row in _rows(connection, sql)]
    found: list[tuple[dict[str, Any], EventDate]] = []
    for document in documents:
        for event in document_events(connection, document["_rowid"], document["date"]):
            found.append((document, event))
    return refined(found)


def refined(
    found: list[tuple[dict[str, Any], EventDate]],
) -> list[tuple[dict[str, Any], EventDate]]:
    """A day one source gives an event fixes the year of another's
    anniversary (the first day given, in the order found)."""
    days: dict[str, str] = {}
    for _, event in found:
        if event.day is not None:
            days.setdefault(event.event, event.day)
    return [
        (document, refine(event, days[event.event], document["date"]))
        if event.event in days
        else (document, event)
        for document, event in found
    ]


def document_events(
    connection: sqlite3.Connection,
    rowid: int,
    date: str | None,
    *,
    text: str | None = None,
) -> list[EventDate]:
    """The event dates one document gives, read from its text (unless the
    caller has read it), mentions and times."""
    if text is None:
        text = str(
            connection.execute(
                "SELECT text FROM documents WHERE rowid = ?", (rowid,)
            ).fetchone()[0]
        )
    mentions, times = DocumentContext(connection).event_inputs(rowid)
    return events(text, date=date, mentions=mentions, times=times)


def event_facts(
    context: DocumentContext, rowid: int, date: str | None
) -> list[tuple[EventDate, dict[str, Any]]]:
    """Each event date one document gives, with what a claim on it reads of
    the document (its sentence, who asserts it, the language): what the
    link stage stores in `event_dates`. The text is read once, through
    `context`, which the document's figures then share."""
    mentions, times = context.event_inputs(rowid)
    found = events(context.text(rowid), date=date, mentions=mentions, times=times)
    return [(event, _said(context, rowid, event)) for event in found]


def _said(context: DocumentContext, rowid: int, event: EventDate) -> dict[str, Any]:
    """What a claim on `event` reads of its document: the sentence, who
    asserts it, the language."""
    text = context.text(rowid)
    start, end = _sentence(text, event.start, event.end)
    said = context.assertion(
        rowid, event.start, event.end, (start, end), outlet=context.outlet(rowid)
    )
    return {
        "sentence": text[start:end].strip(),
        "asserted_by": said.asserted_by,
        "via": list(said.via),
        "language": context.language(rowid),
    }


def stored_event_dates(
    connection: sqlite3.Connection, *, said: bool = True
) -> list[tuple[dict[str, Any], EventDate]]:
    """`event_dates` read from what the link stage stored: no text, and no
    `documents` row, is read. Each document row also holds its place `_n` in
    the document and, with `said`, the event's `_said` facts; in the order
    `event_dates` finds them (documents by date, then stored order)."""
    columns = "e.sentence, e.asserted_by, e.via, e.language," if said else ""
    rows = _rows(
        connection,
        f"SELECT e.doc AS _rowid, e.doc_id AS doc, e.doc_date AS date, c.copy_of,"
        f" coalesce(c.copy_group, e.doc_id) AS _copy_group, {columns}"
        " e.n, e.event, e.kind, e.start, e.end, e.text, e.first_year,"
        " e.last_year, e.day, e.years FROM event_dates e"
        " JOIN document_copies c ON c.doc = e.doc WHERE c.copy_of IS NULL"
        # The order `event_dates` reads documents in: `documents_kind_date`.
        " ORDER BY e.doc_date, e.doc, e.n",
    )
    found = []
    for row in rows:
        document = {
            "_rowid": row["_rowid"],
            "doc": row["doc"],
            "date": row["date"],
            "copy_of": row["copy_of"],
            "_copy_group": row["_copy_group"],
            "_n": row["n"],
        }
        if said:
            document["_said"] = {
                "sentence": row["sentence"],
                "asserted_by": row["asserted_by"],
                "via": json.loads(row["via"]),
                "language": row["language"],
            }
        event = EventDate(
            row["event"], row["kind"], row["start"], row["end"], row["text"],
            row["first_year"], row["last_year"], row["day"], row["years"],
        )  # fmt: skip
        found.append((document, event))
    return refined(found)


def _rows(connection: sqlite3.Connection, sql: str) -> list[sqlite3.Row]:
    previous = connection.row_factory
    connection.row_factory = sqlite3.Row
    try:
        return list(connection.execute(sql))
    finally:
        connection.row_factory = previous


def date_claims(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    """The dates documents give events, as claims on the event (`measure`
    `date`, `low`..`high` the years it may be, `unit` `year`) that
    `link.compare_claims` compares like figures: two sources giving an event
    different dates are a conflict. Read from the stored event dates when
    they are fresh."""
    sources = independent_sources(connection)
    if stored_fresh(connection):
        return [
            date_claim(document, event, document["_said"], sources)
            for document, event in stored_event_dates(connection)
        ]
    context = DocumentContext(connection)
    return [
        date_claim(document, event, _said(context, document["_rowid"], event), sources)
        for document, event in event_dates(connection)
    ]


def date_claim(
    document: dict[str, Any],
    event: EventDate,
    said: dict[str, Any],
    sources: dict[str, str],
) -> dict[str, Any]:
    """One event date as a claim on the event."""
    return {
        "subject": event.event,
        "low": float(event.first_year),
        "high": float(event.last_year),
        "unit": "year",
        "hedge": None,
        "text": event.text,
        "sentence": said["sentence"],
        "doc": document["doc"],
        "copy_of": document["copy_of"],
        "span": [event.start, event.end],
        "measure": "date",
        "cumulative": False,
        "scope": None,
        "language": said["language"],
        "asserted_by": said["asserted_by"],
        "via": list(said["via"]),
        "_named_subject": True,
        "_day": event.day,
        "_entities": [],
        "_source": sources.get(document["_copy_group"], document["_copy_group"]),
    }


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around `start:end`: from after the last full stop or line
    break before it to the next one after it."""
    stop = text.rfind(". ", 0, start)
    before = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return before, (min(stops) + 1 if stops else len(text))


def calendar(
    connection: sqlite3.Connection,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Round anniversaries of dated events that fall from `date_from` to
    `date_to` (ISO dates or prefixes; this year when both are left out), in
    date order, each with the sources that date the event."""
    date_from = iso_day(date_from, "--from")
    date_to = iso_day(date_to, "--to")
    if not date_from and not date_to:
        date_from = date_to = str(Day.today().year)
    low = _first_day(date_from or "0001")
    high = _last_day(date_to or "9999")
    if low > high:
        raise InputError(f"--from {date_from} is after --to {date_to}")
    by_event: dict[str, list[tuple[dict[str, Any], EventDate]]] = defaultdict(list)
    found = (
        stored_event_dates(connection, said=False)
        if stored_fresh(connection)
        else event_dates(connection)
    )
    for document, event in found:
        if event.first_year == event.last_year:
            by_event[event.event].append((document, event))
    result = []
    for name, dated in by_event.items():
        # The date most sources give; others are listed as conflicts.
        votes: dict[tuple[int, str | None], int] = defaultdict(int)
        for _, event in dated:
            votes[(event.first_year, event.day)] += 1
        year, day = max(votes, key=lambda k: (k[1] is not None, votes[k], -k[0]))
        month_day = day[5:] if day else None
        for anniversary_year in range(int(low[:4]), int(high[:4]) + 1):
            years = anniversary_year - year
            if years <= 0 or not is_round(years):
                continue
            when = (
                f"{anniversary_year}-{month_day}"
                if month_day
                else str(anniversary_year)
            )
            if month_day and not (low <= when <= high):
                continue
            result.append(
                {
                    "date": when,
                    "anniversary": years,
                    "event": name,
                    "event_date": day or str(year),
                    "sources": [
                        {
                            "doc": document["doc"],
                            "text": event.text,
                            "date": event.day or str(event.first_year),
                            # Where it is printed: the web page links it.
                            "span": [event.start, event.end],
                        }
                        for document, event in dated
                        if event.first_year == year
                    ],
                }
            )
    result.sort(key=lambda r: (r["date"], r["event"]))
    return result


def _first_day(prefix: str) -> str:
    return (prefix + "-01-01"[len(prefix) - 4 :]) if len(prefix) < 10 else prefix


def _last_day(prefix: str) -> str:
    if len(prefix) == 4:
        return prefix + "-12-31"
    if len(prefix) == 7:
        return prefix + "-31"
    return prefix
