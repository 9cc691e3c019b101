"""Numbers in digits and words, read into values and vague ranges."""

from __future__ import annotations

import pytest

from dossier.annotate.figures.numbers import digit_value, find_numbers, word_value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("a million", 1_000_000),
        ("three million", 3_000_000),
        ("Four million", 4_000_000),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("half a million", 500_000),
        ("a dozen", 12),
        ("sixty", 60),
        ("twelve", 12),
        ("two thousand five hundred", 2_500),
    ],
)
def test_word_value(words: str, value: float) -> None:
    assert word_value(words) == value


@pytest.mark.parametrize("words", ["a", "an", "and", "a an"])
def test_word_value_needs_a_number(words: str) -> None:
    assert word_value(words) is None


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("661,736", 661_736),
        ("1 500", 1_500),
        ("2 million", 2_000_000),
        ("2.5 million", 2_500_000),
        ("15bn", 15_000_000_000),
        ("7.2 bn", 7_200_000_000),
        ("100,000", 100_000),
    ],
)
def test_digit_value(printed: str, value: float) -> None:
    assert digit_value(printed) == value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("tens of thousands of civilians", 20_000, 100_000),
        ("hundreds of thousands of people", 200_000, 1_000_000),
        ("Millions of Chinese volunteer soldiers", 2_000_000, 10_000_000),
        ("thousands of saplings", 2_000, 10_000),
        ("hundreds of parties", 200, 1_000),
        ("dozens of public buildings", 24, 144),
        ("several thousand troops", 3_000, 9_000),
        ("a few hundred people", 200, 500),
        ("many thousands of them", 2_000, 10_000),
        ("several hundred million kWh", 300_000_000, 900_000_000),
        ("200-250 seats", 200, 250),
        ("2 to 3 million people", 2_000_000, 3_000_000),
        ("between 2,000 and 3,000 troops", 2_000, 3_000),
    ],
)
def test_vague_and_ranged_numbers(text: str, low: float, high: float) -> None:
    first = find_numbers(text)[0]
    assert (first.low, first.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("the 95th anniversary", []),  # ordinal
        ("in the 1920s there were", []),  # decade
        ("the A380 and 737-800", ["737-800"]),  # model names: the range is read...
        ("price 50p", []),  # glued unit
        ("at 10:30 today", []),  # clock time
        ("on 16/10/2021 it", []),  # numeric date
    ],
)
def test_numbers_glued_to_letters_are_not_read(text: str, printed: list[str]) -> None:
    assert [n.text for n in find_numbers(text)] == printed
