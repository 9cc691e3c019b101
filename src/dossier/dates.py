"""The one date reader: a date already found in print read into an ISO 8601
prefix (`2021-10-16`, `2007-10`, `1945`).

meta reads title, dateline and date-line dates with `parse_date`, citations
their dates, and the temporal tagger turns its matches into days with the same
pieces (`month_number`, `era_year`, `month_and_day`), so a date printed one
way reads the same everywhere. Pack eras: `Juche 39` is 39 + the era's offset;
a Gregorian year glossed after an era year the pack does not know,
`Foo 39 (1950)`, is read from the gloss.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from dossier.english import MONTH_NUMBER, MONTH_PATTERN

if TYPE_CHECKING:
    from dossier.packs import Era

_ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"


def month_number(word: str) -> int | None:
    """1..12 for a month name or abbreviation (`Oct.`, `october`), else None."""
    return MONTH_NUMBER.get(word.lower().rstrip("."))


def era_year(name: str, number: int, eras: tuple[Era, ...]) -> int | None:
    """The Gregorian year of `number` in the era `name` (`Juche`, 39 -> 1950)."""
    for era in eras:
        if era.name == name:
            return number + era.offset
    return None


def month_and_day(first: int, second: int, *, day_first: bool) -> tuple[int, int]:
    """(month, day) of a numeric date printed `first/second/year`: day first
    when the value forces it (16/10) or the pack says so."""
    if first > 12 or (day_first and second <= 12):
        return second, first
    return first, second


def iso_day(year: int, month: int, day: int) -> str | None:
    """The ISO day, or None when there is no such day (30 February)."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _year(tag: str, eras: tuple[Era, ...]) -> str:
    """A printed year: `1950`, `Juche 39` (a pack era, perhaps glossed
    `Juche 39 (1950)`), or any capitalised era word with a Gregorian gloss."""
    options = [rf"(?P<y{tag}>\d{{4}})"]
    if eras:
        names = "|".join(re.escape(era.name) for era in eras)
        options.append(
            rf"(?P<e{tag}>{names})\s+(?P<n{tag}>\d{{1,3}})(?!\d)"
            rf"(?:\s*\(\s*\d{{4}}\s*\))?"
        )
    options.append(rf"(?-i:[A-Z][a-z]+)\s+\d{{1,3}}\s*\(\s*(?P<g{tag}>\d{{4}})\s*\)")
    return "(?:" + "|".join(options) + r")(?!\w)"


class _Patterns:
    """The reader's patterns for one set of pack eras."""

    def __init__(self, eras: tuple[Era, ...]) -> None:
        self.eras = eras
        month = rf"(?:{MONTH_PATTERN})"
        month_day_year = (
            rf"(?P<m1>{month})\.?\s+(?P<d1>\d{{1,2}}){_ORDINAL_SUFFIX},?\s+"
            + _year("1", eras)
        )
        day_month_year = (
            rf"(?P<d2>\d{{1,2}}){_ORDINAL_SUFFIX}\s+(?P<m2>{month})\.?,?\s+"
            + _year("2", eras)
        )
        iso = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?!\w)"
        numeric = r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y4>\d{4})(?!\w)"
        self.full = re.compile(
            rf"\b(?:{month_day_year}|{day_month_year}|{iso}|{numeric})",
            re.IGNORECASE,
        )
        self.month_year = re.compile(
            rf"\b(?P<m5>{month})\.?,?\s+" + _year("5", eras), re.IGNORECASE
        )
        self.month_day = re.compile(
            rf"\b(?P<m>{month})\.?\s+(?P<d>\d{{1,2}})\b", re.IGNORECASE
        )
        self.year = re.compile(_year("6", eras), re.IGNORECASE)

    def year_of(self, match: re.Match[str], tag: str) -> int | None:
        if match[f"y{tag}"]:
            return int(match[f"y{tag}"])
        if self.eras and match[f"e{tag}"]:
            return era_year(match[f"e{tag}"], int(match[f"n{tag}"]), self.eras)
        return int(match[f"g{tag}"])

    def day_of(self, match: re.Match[str], *, day_first: bool) -> str | None:
        for tag in ("1", "2"):
            if match[f"m{tag}"]:
                year = self.year_of(match, tag)
                month = month_number(match[f"m{tag}"])
                if year is None or month is None:
                    return None
                return iso_day(year, month, int(match[f"d{tag}"]))
        if match["y3"]:
            return iso_day(int(match["y3"]), int(match["m3"]), int(match["d3"]))
        month, day = month_and_day(
            int(match["a"]), int(match["b"]), day_first=day_first
        )
        return iso_day(int(match["y4"]), month, day)


@lru_cache(maxsize=16)
def _patterns(eras: tuple[Era, ...]) -> _Patterns:
    return _Patterns(eras)


# Every full date (day, month and year) as printed, knowing no pack eras.
FULL_DATE = _patterns(()).full


def full_dates(
    text: str, *, day_first: bool = True, eras: tuple[Era, ...] = ()
) -> Iterator[str]:
    """ISO days of every full date (day, month and year) printed in `text`."""
    patterns = _patterns(eras)
    for match in patterns.full.finditer(text):
        value = patterns.day_of(match, day_first=day_first)
        if value:
            yield value


def parse_date(
    text: str,
    *,
    day_first: bool = True,
    year: int | None = None,
    eras: tuple[Era, ...] = (),
) -> str | None:
    """The first date in `text` as an ISO prefix: a full date, else a month
    and year, else (given `year`) a month and day, else `text` as a bare year."""
    for value in full_dates(text, day_first=day_first, eras=eras):
        return value
    patterns = _patterns(eras)
    month_year = patterns.month_year.search(text)
    if month_year:
        printed = patterns.year_of(month_year, "5")
        month = month_number(month_year["m5"])
        if printed is not None and month is not None:
            return f"{printed:04d}-{month:02d}"
    if year is not None:
        month_day = patterns.month_day.search(text)
        if month_day:
            month = month_number(month_day["m"])
            if month is not None:
                return iso_day(year, month, int(month_day["d"]))
    bare = patterns.year.fullmatch(text.strip())
    if bare:
        printed = patterns.year_of(bare, "6")
        return None if printed is None else f"{printed:04d}"
    return None
