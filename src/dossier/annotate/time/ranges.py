"""Join two dates printed as a range (`June 1950-July 1953`) into one expression."""

# Join two dates printed as a range (`June 1950-July 1953`, `from August 27 to September
# 9`) into one expression whose days run from the first to the last.

from __future__ import annotations

import re

from dossier.annotate.time.calendar import parse_value
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


def _is_range(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    if first.type != "DATE" or second.type != "DATE":
        return False
    if not (
        first.first_day and first.last_day and second.first_day and second.last_day
    ):
        return False
    if second.last_day <= first.last_day or second.first_day < first.first_day:
        return False
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
