"""Read printed dates into ISO 8601 prefixes (`2021-10-16`, `2007-10`, `1945`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from dossier.clean.shape import MONTHS

MONTH_NUMBER = {
    name.lower(): number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH_DAY_YEAR = (
    rf"(?P<m1>{MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
)
_DAY_MONTH_YEAR = (
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTHS})\.?,?\s+(?P<y2>\d{{4}})"
)
_ISO = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
_NUMERIC = r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y4>\d{4})"
FULL_DATE = re.compile(
    rf"\b(?:{_MONTH_DAY_YEAR}|{_DAY_MONTH_YEAR}|{_ISO}|{_NUMERIC})\b", re.IGNORECASE
)
MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTHS})\.?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
MONTH_DAY = re.compile(rf"\b(?P<m>{MONTHS})\.?\s+(?P<d>\d{{1,2}})\b", re.IGNORECASE)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match[str], *, day_first: bool) -> str | None:
    groups = match.groupdict()
    if groups["y1"]:
        return _iso(
            int(groups["y1"]), MONTH_NUMBER[groups["m1"].lower()], int(groups["d1"])
        )
    if groups["y2"]:
        return _iso(
            int(groups["y2"]), MONTH_NUMBER[groups["m2"].lower()], int(groups["d2"])
        )
    if groups["y3"]:
        return _iso(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
    first, second, year = int(groups["a"]), int(groups["b"]), int(groups["y4"])
    # Day-first when the value forces it (16/10) or the pack says so.
    if first > 12 or (day_first and second <= 12):
        return _iso(year, second, first)
    return _iso(year, first, second)


def full_dates(text: str, *, day_first: bool = True) -> Iterator[str]:
    """ISO days of every full date (day, month and year) printed in `text`."""
    for match in FULL_DATE.finditer(text):
        value = _from_match(match, day_first=day_first)
        if value:
            yield value


def parse_date(
    text: str, *, day_first: bool = True, year: int | None = None
) -> str | None:
    """The first date in `text` as an ISO prefix; a bare month and day takes `year`."""
    for value in full_dates(text, day_first=day_first):
        return value
    month_year = MONTH_YEAR.search(text)
    if month_year:
        return f"{int(month_year['y']):04d}-{MONTH_NUMBER[month_year['m'].lower()]:02d}"
    if year is not None:
        month_day = MONTH_DAY.search(text)
        if month_day:
            return _iso(year, MONTH_NUMBER[month_day["m"].lower()], int(month_day["d"]))
    bare = re.fullmatch(r"\s*(\d{4})\s*", text)
    if bare:
        return bare.group(1)
    return None
