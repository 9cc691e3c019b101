"""Anniversaries: `the 95th anniversary of X falls on October 17` dates X."""

# An ordinal anniversary is not a date by itself. When a date stands in the same
# sentence, the anniversary phrase becomes a DATE whose value is the day (or year) being
# commemorated: the date minus N years, or the date itself when it already is that day
# (`the 62nd anniversary of the founding …, 10 October 1945` in a 2007 text). The day is
# kept only when the sentence ties the two tightly (`falls on`, `… marks the`);
# otherwise the year alone is given, because a reception held "on Friday on the occasion
# of the 76th anniversary" need not fall on the day itself.

from __future__ import annotations

import re

from dossier.annotate.failures import Failures
from dossier.annotate.reading import Bounds
from dossier.annotate.time.calendar import Period, coarsen, parse_value, shift
from dossier.annotate.time.fragments import cased
from dossier.annotate.time.vocabulary import ordinal_value
from dossier.english import ORDINAL_NUMBER
from dossier.model import TimeExpression

_ANNIVERSARY = re.compile(r"[Aa]nniversary|ANNIVERSARY")
# What must stand before "anniversary": an ordinal, perhaps "founding".
_ORDINAL_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:[Tt]he|THE)\s+)?(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<w>"
    + cased(*ORDINAL_NUMBER)
    + r"))\s+(?:(?:founding|birth|death|wedding|foundation|inaugural)\s+)?$"
)
# How far from the phrase, within its sentence, the date that fixes it may stand.
_REACH = 400
_FALLS_ON = re.compile(
    r"\b(?:falls?|fell|falling|is|was|will\s+be|comes?|came)\s+on\s*$", re.IGNORECASE
)
_MARKS = re.compile(r"^\W*(?:marks?|marked|marking|is|was|will\s+be)\b", re.IGNORECASE)
_DATED = ("D", "M", "Y", "S")


def _sentence(bounds: Bounds, start: int, end: int) -> tuple[int, int]:
    """Where a date fixing the phrase at `start:end` may stand: its sentence
    (the stored split), no further than `_REACH` either side."""
    low = max(bounds.start_of(start), start - _REACH)
    return low, min(bounds.end_of(start), end + _REACH)


def _founding(
    text: str,
    date: TimeExpression,
    period: Period,
    years: int,
    span: tuple[int, int],
    anchor: Period | None,
) -> Period | None:
    """The commemorated period, from the date next to the anniversary phrase."""
    start, end = span
    if anchor is not None and abs(period.year + years - anchor.year) <= 1:
        return period
    founded = shift(period, "Y", -years)
    if founded is None:
        return None
    if date.start >= end:
        tight = _FALLS_ON.search(text[end : date.start]) is not None
    else:
        tight = _MARKS.search(text[date.end : start]) is not None
    return founded if tight else coarsen(founded, "Y")


def is_anniversary(printed: str) -> bool:
    """Whether an expression's text is an anniversary phrase this module dated
    (`the 50th anniversary`): dossier's own, for the calendar; TimeML marks
    the phrase as an event, not a TIMEX3."""
    head = _ANNIVERSARY.search(printed)
    return (
        head is not None
        and _ORDINAL_BEFORE.search(printed, 0, head.start()) is not None
    )


def anniversaries(
    text: str,
    times: list[TimeExpression],
    anchor: Period | None,
    bounds: Bounds,
    failures: Failures,
) -> list[TimeExpression]:
    """DATE expressions for anniversary phrases that a date in their sentence
    fixes; a phrase that trips the reading is noted in `failures`."""
    if "nniversar" not in text and "NNIVERSAR" not in text:
        return []
    found = []
    for head in _ANNIVERSARY.finditer(text):
        match = _ORDINAL_BEFORE.search(text, max(0, head.start() - 40), head.start())
        if match is None:
            continue
        start, end = match.start(), head.end()
        dated = failures.attempt(
            "times",
            start,
            end,
            _anniversary,
            text,
            times,
            anchor,
            bounds,
            match,
            (start, end),
        )
        if dated is not None:
            found.append(dated)
    return found


def _anniversary(
    text: str,
    times: list[TimeExpression],
    anchor: Period | None,
    bounds: Bounds,
    match: re.Match[str],
    span: tuple[int, int],
) -> TimeExpression | None:
    start, end = span
    years = ordinal_value(match.group("n") or match.group("w") or "")
    if not years or any(t.start < end and start < t.end for t in times):
        return None
    low, high = _sentence(bounds, start, end)
    near = [
        (abs(t.start - start), t, p)
        for t in times
        if low <= t.start and t.end <= high and t.type == "DATE"
        for p in [parse_value(t.value)]
        if p is not None and p.unit in _DATED
    ]
    if not near:
        return None
    _, date, period = min(near, key=lambda item: item[0])
    founded = _founding(text, date, period, years, (start, end), anchor)
    if founded is None:
        return None
    return TimeExpression(
        start,
        end,
        text[start:end],
        "DATE",
        founded.value,
        founded.first.isoformat(),
        founded.last.isoformat(),
    )
