"""Calendar periods: TimeML values with their first and last days."""

# A `Period` is what a DATE value names: it prints as its TimeML value (`1950-10-25`,
# `1950-W43`, `1950-FA`, `1950-Q3`, `195` for the 1950s, `19` for the twentieth century)
# and knows its first and last day.

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

# Coarsest first; `shift` and `coarsen` compare positions in this order.
UNITS = ("C", "E", "Y", "H", "Q", "S", "M", "W", "D")
SEASONS = ("SP", "SU", "FA", "WI")
# First month of each season; winter starts in December of the year it is
# named by, so `1950-WI` runs from 1950-12-01 to the end of February 1951.
SEASON_START = (3, 6, 9, 12)
_MONTHS_IN = {"H": 6, "Q": 3, "S": 3, "M": 1}
# The years a `Period` may name: those of Python's `date` (TimeML writes years
# before 1 as `BC0277`, which the rules give without a `Period`; issue 13).
MIN_YEAR, MAX_YEAR = 1, 9999


@dataclass(frozen=True, slots=True)
class Period:
    """`unit` from UNITS; `year` is the first year; `part` the month, week, ..."""

    unit: str
    year: int
    part: int = 0
    day: int = 0

    @property
    def value(self) -> str:
        if self.unit == "C":
            return f"{self.year // 100:02d}"
        if self.unit == "E":
            return f"{self.year // 10:03d}"
        if self.unit == "Y":
            return f"{self.year:04d}"
        if self.unit in ("H", "Q"):
            return f"{self.year:04d}-{self.unit}{self.part}"
        if self.unit == "S":
            return f"{self.year:04d}-{SEASONS[self.part]}"
        if self.unit == "M":
            return f"{self.year:04d}-{self.part:02d}"
        if self.unit == "W":
            return f"{self.year:04d}-W{self.part:02d}"
        return f"{self.year:04d}-{self.part:02d}-{self.day:02d}"

    @property
    def first(self) -> date:
        if self.unit in ("C", "E"):
            # The first century (`00`) and decade (`000`) open in year 0, which
            # Python's calendar lacks: their days are held from 0001-01-01.
            return date(max(self.year, MIN_YEAR), 1, 1)
        if self.unit == "Y":
            return date(self.year, 1, 1)
        if self.unit == "W":
            return date.fromisocalendar(self.year, self.part, 1)
        if self.unit == "D":
            return date(self.year, self.part, self.day)
        return date(self.year, self._first_month(), 1)

    @property
    def last(self) -> date:
        span = {"C": 99, "E": 9, "Y": 0}
        if self.unit in span:
            return date(self.year + span[self.unit], 12, 31)
        if self.unit == "W":
            return self.first + timedelta(days=6)
        if self.unit == "D":
            return self.first
        month = self._first_month() + _MONTHS_IN[self.unit] - 1
        year = self.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return date(year, month, monthrange(year, month)[1])

    def _first_month(self) -> int:
        if self.unit == "S":
            return SEASON_START[self.part]
        if self.unit in ("H", "Q"):
            return (self.part - 1) * _MONTHS_IN[self.unit] + 1
        return self.part


def in_calendar(period: Period) -> bool:
    """Whether Python's `date` holds the period's first and last day."""
    if period.year < (0 if period.unit in ("C", "E") else MIN_YEAR):
        return False
    try:
        return period.first <= period.last
    except (ValueError, OverflowError):
        return False


def day(value: date) -> Period:
    return Period("D", value.year, value.month, value.day)


def valid_day(year: int, month: int, number: int) -> Period | None:
    """The day, or None when it does not exist (31 June, 30 February, year 0)."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    if not 1 <= number <= monthrange(year, month)[1]:
        return None
    return Period("D", year, month, number)


def around(value: date, unit: str) -> Period:
    """The period of `unit` that holds the day `value`."""
    if unit == "D":
        return day(value)
    if unit == "W":
        iso = value.isocalendar()
        return Period("W", iso[0], iso[1])
    if unit == "M":
        return Period("M", value.year, value.month)
    if unit == "S":
        if value.month <= 2:
            return Period("S", value.year - 1, 3)
        return Period("S", value.year, (value.month - 3) // 3)
    if unit in ("Q", "H"):
        return Period(unit, value.year, (value.month - 1) // _MONTHS_IN[unit] + 1)
    if unit == "E":
        return Period("E", value.year - value.year % 10)
    if unit == "C":
        return Period("C", value.year - value.year % 100)
    return Period("Y", value.year)


def coarsen(period: Period, unit: str) -> Period:
    """`period` seen at `unit` when that is coarser (a day's month), else itself."""
    if UNITS.index(unit) >= UNITS.index(period.unit):
        return period
    return around(period.first, unit)


def _add_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(value.day, monthrange(year, month + 1)[1]))


def shift(period: Period, unit: str, amount: int) -> Period | None:
    """`period` moved by `amount` of `unit`, kept at its own granularity; None
    when that leaves the years Python's `date` holds (`300,000 years ago`)."""
    moved = _shifted(period, unit, amount)
    return moved if moved is not None and in_calendar(moved) else None


def _shifted(period: Period, unit: str, amount: int) -> Period | None:
    try:
        if unit in ("C", "E", "Y"):
            years = {"C": 100, "E": 10, "Y": 1}[unit] * amount
            if period.unit == "D":
                return day(_add_months(period.first, 12 * years))
            if period.unit == "W":
                return Period("W", period.year + years, min(period.part, 52))
            return Period(period.unit, period.year + years, period.part)
        if unit in _MONTHS_IN:
            moved = _add_months(period.first, _MONTHS_IN[unit] * amount)
            return around(moved, period.unit)
        days = 7 * amount if unit == "W" else amount
        return around(period.first + timedelta(days=days), period.unit)
    except (ValueError, OverflowError):
        return None


_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{1,2})"
    r"|(?P<unit>[QH])(?P<part>\d)|(?P<season>SP|SU|FA|WI)))?$"
)


def parse_value(value: str) -> Period | None:
    """The period a TimeML/ISO value names (`2021-10-16`, `1989-Q3`, `2011`)."""
    found = _VALUE.match(value)
    if found is None:
        if re.fullmatch(r"\d{3}", value):
            return Period("E", int(value) * 10)
        if re.fullmatch(r"\d{2}", value):
            return Period("C", int(value) * 100)
        return None
    year = int(found["year"])
    if year < MIN_YEAR:
        return None
    try:
        if found["day"]:
            return valid_day(year, int(found["month"]), int(found["day"]))
        if found["month"]:
            month = int(found["month"])
            return Period("M", year, month) if 1 <= month <= 12 else None
        if found["week"]:
            week = int(found["week"])
            date.fromisocalendar(year, week, 1)
            return Period("W", year, week)
    except ValueError:
        return None
    if found["unit"]:
        return Period(found["unit"], year, int(found["part"]))
    if found["season"]:
        return Period("S", year, SEASONS.index(found["season"]))
    return Period("Y", year)
