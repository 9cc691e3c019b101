"""English tables shared by every stage: one month table, one weekday table."""

from __future__ import annotations

import pytest

from dossier.english import (
    CARDINAL_NUMBER,
    MONTH_NUMBER,
    ORDINAL_NUMBER,
    WEEKDAY_NUMBER,
    is_title_case,
)


@pytest.mark.parametrize(
    ("word", "number"),
    [("january", 1), ("may", 5), ("sep", 9), ("sept", 9), ("dec", 12)],
)
def test_month_number(word: str, number: int) -> None:
    assert MONTH_NUMBER[word] == number


def test_tables_cover_what_they_name() -> None:
    assert sorted(set(MONTH_NUMBER.values())) == list(range(1, 13))
    assert WEEKDAY_NUMBER["monday"] == 1 and WEEKDAY_NUMBER["sunday"] == 7
    assert CARDINAL_NUMBER["nineteen"] == 19 and CARDINAL_NUMBER["ninety"] == 90
    assert ORDINAL_NUMBER["twenty-first"] == 21 and ORDINAL_NUMBER["hundredth"] == 100


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Origin of Korean Revolution", True), ("Sixty years of a friendship", False)],
)
def test_is_title_case(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected
