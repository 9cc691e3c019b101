"""Periods: their TimeML values, their days, and moving them."""

from __future__ import annotations

import pytest

from dossier.annotate.time.calendar import Period, parse_value, shift

VALUES = [
    ("1950-10-25", "1950-10-25", "1950-10-25"),
    ("1950-10", "1950-10-01", "1950-10-31"),
    ("1950", "1950-01-01", "1950-12-31"),
    ("195", "1950-01-01", "1959-12-31"),
    ("19", "1900-01-01", "1999-12-31"),
    ("1950-FA", "1950-09-01", "1950-11-30"),
    ("1950-WI", "1950-12-01", "1951-02-28"),
    ("1952-WI", "1952-12-01", "1953-02-28"),
    ("1989-Q3", "1989-07-01", "1989-09-30"),
    ("1989-H2", "1989-07-01", "1989-12-31"),
    ("2011-W23", "2011-06-06", "2011-06-12"),
    ("2020-02", "2020-02-01", "2020-02-29"),
]


@pytest.mark.parametrize(("value", "first", "last"), VALUES)
def test_parse_value_round_trips_and_bounds(value: str, first: str, last: str) -> None:
    period = parse_value(value)
    assert period is not None
    assert period.value == value
    assert (period.first.isoformat(), period.last.isoformat()) == (first, last)


@pytest.mark.parametrize("value", ["1950-13", "1950-02-30", "2021-W54", "PXY", "x"])
def test_parse_value_refuses_what_is_no_period(value: str) -> None:
    assert parse_value(value) is None


SHIFTS = [
    ("1989-Q3", "Y", -1, "1988-Q3"),
    ("1989-10-26", "Y", -1, "1988-10-26"),
    ("2020-02-29", "Y", 1, "2021-02-28"),
    ("2010-10-21", "D", 3, "2010-10-24"),
    ("2010-10", "D", 3, "2010-10"),
    ("2021-W42", "W", -1, "2021-W41"),
    ("1950-WI", "S", 1, "1951-SP"),
    ("1989-Q1", "Q", -1, "1988-Q4"),
    ("2010-01-31", "M", 1, "2010-02-28"),
    ("195", "E", 1, "196"),
]


@pytest.mark.parametrize(("value", "unit", "amount", "expected"), SHIFTS)
def test_shift_keeps_the_granularity(
    value: str, unit: str, amount: int, expected: str
) -> None:
    period = parse_value(value)
    assert period is not None
    moved = shift(period, unit, amount)
    assert moved is not None and moved.value == expected


def test_period_prints_a_century_as_its_two_digits() -> None:
    assert Period("C", 1800).value == "18"
