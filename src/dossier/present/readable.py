"""TimeML values as a reader writes them, for tables and page titles.

The stored value stays TimeML (JSON output, the scorers, the contracts):
`192`, `P10Y`, `XXXX-WXX-5TNI` are exact but not what a researcher reading a
timeline expects to decode. Anything not recognised is shown as it is.
"""

from __future__ import annotations

import re
from typing import Any

_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")
_DURATION = re.compile(
    r"P(?:(?P<date>(?:[\dX.]+[YMWD])+)|T(?P<time>(?:[\dX.]+[HMS])+))"
)
_DURATION_PART = re.compile(r"([\dX.]+)([YMWDHS])")
_WEEKDAY_SET = re.compile(r"XXXX-WXX-(?P<day>[1-7])(?:T(?P<part>MO|AF|EV|NI|DT))?")
_PART_OF_DAY = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})T(?P<part>MO|AF|EV|NI|DT)")

_DATE_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_PARTS = {
    "MO": "morning",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
_REFERENCES = {
    "PAST_REF": "the past",
    "PRESENT_REF": "the present",
    "FUTURE_REF": "the future",
}


def ordinal(number: int) -> str:
    """`1st`, `2nd`, `3rd`, `11th`, `100th`."""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{'th' if number % 100 in (11, 12, 13) else suffix}"


def _amount(figure: str, unit: str) -> str:
    if figure == "X":  # `PXY`: "years", a length the text leaves open
        return f"{unit}s"
    plural = "" if figure == "1" else "s"
    return f"{figure} {unit}{plural}"


def _duration(value: str) -> str | None:
    match = _DURATION.fullmatch(value)
    if match is None:
        return None
    units = _DATE_UNITS if match["date"] else _TIME_UNITS
    parts = _DURATION_PART.findall(match["date"] or match["time"])
    return ", ".join(_amount(figure, units[unit]) for figure, unit in parts)


def readable_value(value: Any) -> Any:
    """A TimeML value as people write it: a decade `192` -> `1920s`, a
    century `18` -> `19th century`, a length `P10Y` -> `10 years`, a weekly
    set `XXXX-WXX-5TNI` -> `Fridays, night`, a part of day
    `1998-02-06TMO` -> `1998-02-06, morning`, `PAST_REF` -> `the past`;
    any other value as it is."""
    if not isinstance(value, str):
        return value
    if _DECADE.fullmatch(value):
        return f"{value}0s"
    if _CENTURY.fullmatch(value):
        return f"{ordinal(int(value) + 1)} century"
    if value in _REFERENCES:
        return _REFERENCES[value]
    if (length := _duration(value)) is not None:
        return length
    if weekly := _WEEKDAY_SET.fullmatch(value):
        days = f"{_WEEKDAYS[int(weekly['day']) - 1]}s"
        return f"{days}, {_PARTS[weekly['part']]}" if weekly["part"] else days
    if daily := _PART_OF_DAY.fullmatch(value):
        return f"{daily['date']}, {_PARTS[daily['part']]}"
    return value
