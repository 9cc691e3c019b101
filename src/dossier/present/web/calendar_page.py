"""The calendar page: the round anniversaries coming in a period (a year
from today unless asked), each with the sources that date its event."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from dossier.errors import InputError
from dossier.present.readable import ordinal
from dossier.present.web.app import Connection
from dossier.present.web.templating import templates
from dossier.store import events
from dossier.store.queries import iso_day

router = APIRouter(include_in_schema=False)

# A source's document as the page shows it when the row is not found.
UNKNOWN: dict[str, Any] = {"title": None, "date": None, "outlet": None}


def period(
    date_from: str | None, date_to: str | None, *, today: date
) -> tuple[str, str]:
    """The period asked for, as ISO dates or prefixes: from `today` when no
    start is given, and for a year from the start when no end is."""
    start = iso_day(date_from or None, "from") or today.isoformat()
    end = iso_day(date_to or None, "to") or _a_year_from(_first_day(start)).isoformat()
    if _first_day(start) > _last_day(end):
        raise InputError(f"from {start} is after to {end}")
    return start, end


def _first_day(prefix: str) -> date:
    year, month, day = [*prefix.split("-"), "1", "1"][:3]
    return date(int(year), int(month), int(day))


def _last_day(prefix: str) -> date:
    parts = prefix.split("-")
    if len(parts) == 3:
        return _first_day(prefix)
    if len(parts) == 2:  # the day before the next month's first
        year, month = int(parts[0]), int(parts[1])
        following = date(year + month // 12, month % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(int(parts[0]), 12, 31)


def _a_year_from(day: date) -> date:
    """The last day of the year that starts on `day`."""
    try:
        return day.replace(year=day.year + 1) - timedelta(days=1)
    except ValueError:  # 29 February: the year runs to 28 February
        return date(day.year + 1, 3, 1) - timedelta(days=1)


def _days_away(when: str, today: date) -> int | None:
    """Days from `today` to an anniversary given as a day; None for a year."""
    if len(when) != 10:
        return None
    return (date.fromisoformat(when) - today).days


def _documents(connection: sqlite3.Connection, ids: list[str]) -> dict[str, Any]:
    """Title, date and outlet of each document a source names."""
    return {
        row["id"]: dict(row)
        for row in connection.execute(
            "SELECT id, title, date, outlet FROM documents"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(ids))),),
        )
    }


@router.get("/calendar")
def calendar_page(
    request: Request,
    connection: Connection,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
) -> Response:
    today = date.today()
    start, end = period(date_from, date_to, today=today)
    entries = events.calendar(connection, date_from=start, date_to=end)
    documents = _documents(
        connection, [s["doc"] for entry in entries for s in entry["sources"]]
    )
    return templates.TemplateResponse(
        request,
        "calendar.html",
        {
            "entries": [
                {
                    **entry,
                    "ordinal": ordinal(entry["anniversary"]),
                    "days": _days_away(entry["date"], today),
                    "sources": [
                        {**source, "document": documents.get(source["doc"], UNKNOWN)}
                        for source in entry["sources"]
                    ],
                }
                for entry in entries
            ],
            "from": start,
            "to": end,
        },
    )
