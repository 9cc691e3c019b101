"""Join two dates printed as a range (`June 1950-July 1953`) into one expression."""

# Join two dates printed as a range (`June 1950-July 1953`, `from August 27 to September
# 9`) into one expression whose days run from the first to the last; two weekdays so
# printed (`from Tuesday to Thursday`) are first set to run forward.

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from dossier.annotate.time.calendar import parse_value
from dossier.english import WEEKDAY_NUMBER
from dossier.model import TimeExpression

_DASH = re.compile(r"\s*[-–—]\s*")
_WORD = re.compile(r"\s+(?P<w>to|through|till|until|and)\s+", re.IGNORECASE)
_DASH_TO_MONTH = re.compile(r"(?<=\w)\s*[-–—]\s*(?=[A-Z][a-z])")
_OPENS = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


def merge_ranges(text: str, times: list[TimeExpression]) -> list[TimeExpression]:
    """`times` with each printed range of two dates made one DATE expression.

    The value is the first date's (TimeML has no range value); `first_day` and
    `last_day` bound the whole range.
    """
    merged: list[TimeExpression] = []
    index = 0
    while index < len(times):
        first = times[index]
        second = times[index + 1] if index + 1 < len(times) else None
        if second is not None and _is_range(text, first, second):
            merged.append(
                TimeExpression(
                    first.start,
                    second.end,
                    text[first.start : second.end],
                    "DATE",
                    first.value,
                    first.first_day,
                    second.last_day,
                )
            )
            index += 2
            continue
        merged.append(first)
        index += 1
    return merged


def order_weekdays(
    text: str, times: list[TimeExpression], today: date | None
) -> list[TimeExpression]:
    """`times` with the two weekdays of a printed range (`from Tuesday to
    Thursday`) running forward.

    Each weekday is read alone, by its clause's tense, so a range told in
    the past on a Wednesday came out Tuesday (yesterday) to Thursday (the
    week before). A range read ahead of `today` keeps its first day and
    its last follows it; one read up to today keeps its last day and its
    first comes before it.
    """
    ordered = list(times)
    for index in range(len(ordered) - 1):
        first, second = ordered[index], ordered[index + 1]
        if not _weekday_range(text, first, second):
            continue
        first_day = date.fromisoformat(first.value)
        last_day = date.fromisoformat(second.value)
        if last_day >= first_day:
            continue
        gap = (WEEKDAY_NUMBER[second.text.lower()] - first_day.isoweekday()) % 7 or 7
        if today is not None and first_day > today:
            last_day = first_day + timedelta(days=gap)
        else:
            first_day = last_day - timedelta(days=gap)
        ordered[index] = _on_day(first, first_day)
        ordered[index + 1] = _on_day(second, last_day)
    return ordered


def _weekday_range(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    """Whether two bare weekdays, each dated, are printed as a range."""
    for time in (first, second):
        if time.type != "DATE" or len(time.value) != 10 or time.first_day is None:
            return False
        if time.text.lower() not in WEEKDAY_NUMBER:
            return False
    return _printed_as_range(text, first, second)


def _on_day(time: TimeExpression, day: date) -> TimeExpression:
    iso = day.isoformat()
    return dataclasses.replace(time, value=iso, first_day=iso, last_day=iso)


def _is_range(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    if first.type != "DATE" or second.type != "DATE":
        return False
    if not (
        first.first_day and first.last_day and second.first_day and second.last_day
    ):
        return False
    if second.last_day <= first.last_day or second.first_day < first.first_day:
        return False
    return _printed_as_range(text, first, second)


def _printed_as_range(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    """A dash between the two, or `from … to`, `between … and`."""
    between = text[first.end : second.start]
    if _DASH.fullmatch(between):
        return True
    word = _WORD.fullmatch(between)
    if word is None:
        return False
    opened = _OPENS.search(text, max(0, first.start - 10), first.start)
    if opened is None:
        return False
    return (word.group("w").lower() == "and") == opened.group(0).lower().startswith("b")


# The granularities a range's last date is written at, by its first date's value.
_GRAIN = {4: 4, 7: 7, 10: 10}  # year, month, day: the length of the ISO prefix


def endpoints(time: TimeExpression) -> tuple[tuple[int, int, str], ...]:
    """A range joined by a word (`from Aug. 26 to Oct. 20`, `between 1985 and
    1987`) or by a dash before a month (`June 25-July 27`) as TimeML writes
    it: one TIMEX3 per date, each (start, end, value); any other expression
    as itself. TimeML has no value for a range, so a
    converter to it needs the two dates the range's text and days hold."""
    whole = ((time.start, time.end, time.value),)
    if time.type != "DATE" or not time.last_day:
        return whole
    period = parse_value(time.value)
    grain = _GRAIN.get(len(time.value))
    if period is None or grain is None or period.last.isoformat() >= time.last_day:
        return whole  # one period, not a range
    word = _WORD.search(time.text)
    if word is None:
        # Two dates each with its month joined by a dash ("the June 25-July 27
        # month", "June 1950-July 1953") are two dates too; "Jan. 5-9" is one.
        word = _DASH_TO_MONTH.search(time.text)
        if word is None:
            return whole
    elif _DASH.search(time.text[: word.start()]):
        return whole
    return (
        (time.start, time.start + word.start(), time.value),
        (time.start + word.end(), time.end, time.last_day[:grain]),
    )
