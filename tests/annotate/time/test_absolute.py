"""Dates printed with a month (`annotate/time/absolute.py`): two days joined."""

from __future__ import annotations

import pytest

from dossier.annotate.time import tag_times
from dossier.annotate.time.ranges import endpoints
from dossier.packs import Pack
from tests.annotate.time.printed import printed_values

# (text, expression text, first day, last day, TimeML's TIMEX3 values)
JOINED = [
    # Two days next to each other joined by `and` are both days: one range
    # for dossier, two TIMEX3 for TimeML.
    (
        "The summit will be held on April 24 and 25 in Washington.",
        "April 24 and 25",
        "1999-04-24",
        "1999-04-25",
        ["1999-04-24", "1999-04-25"],
    ),
    # Days apart are not a range: the days between are not meant.
    (
        "Talks on May 3 and 9 failed.",
        "May 3",
        "1998-05-03",
        "1998-05-03",
        ["1998-05-03"],
    ),
]


@pytest.mark.parametrize(("text", "printed", "first", "last", "values"), JOINED)
def test_tag_times_joins_two_days_only_when_next_to_each_other(
    pack: Pack, text: str, printed: str, first: str, last: str, values: list[str]
) -> None:
    (time,) = tag_times(text, anchor="1999-02-10", pack=pack)
    assert (time.text, time.first_day, time.last_day) == (printed, first, last)
    assert [value for _, _, value in endpoints(time)] == values


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("The March accession will end the talks.", "March"),
        ("He was charged in the October slaying.", "October"),
        ("They missed the Tuesday deadline.", "Tuesday"),
        # Not a modifier: the article stays, and the year told is the date's.
        ("It happened in the March of that year.", "the March of that year"),
    ],
)
def test_tag_times_leaves_the_article_of_a_named_month_before_a_noun_out(
    pack: Pack, text: str, printed: str
) -> None:
    found = [t.text for t in tag_times(text, anchor="1999-02-10", pack=pack)]
    assert found[0] == printed


# (text, expression text, value): a day whose year is named by its relation is
# one date in that year ("on June 16th of last year": not the day of this
# year and a separate `last year`).
RELATIVE_YEAR_DAYS = [
    (
        "We started this journey on June 16th of last year.",
        "June 16th of last year",
        "2023-06-16",
    ),
    (
        "The dam broke on 5 May last year, villagers said.",
        "5 May last year",
        "2023-05-05",
    ),
    ("The vote is set for March 3 next year.", "March 3 next year", "2025-03-03"),
]


@pytest.mark.parametrize(("text", "printed", "value"), RELATIVE_YEAR_DAYS)
def test_tag_times_a_day_in_a_year_named_by_its_relation(
    pack: Pack, text: str, printed: str, value: str
) -> None:
    found = printed_values(text, pack, "2024-10-20")
    assert found == [(printed, value)]


def test_tag_times_a_relation_year_does_not_cross_a_sentence_end(pack: Pack) -> None:
    text = "The ferry sank on 18 April. This year the port reopened."
    found = printed_values(text, pack, "2010-05-01")
    assert found == [("18 April", "2010-04-18"), ("This year", "2010")]


# (text, expression text, value): a month or season with `of that year`, `of
# the following year` or `of last year` is one date in the year so told.
MONTHS_OF_A_YEAR_TOLD = [
    (
        "The war broke out in June 1950. In the fall of that year, troops crossed.",
        "the fall of that year",
        "1950-FA",
    ),
    (
        "The treaty was signed in 1953. In June of the following year, talks began.",
        "June of the following year",
        "1954-06",
    ),
    ("Exports fell sharply in March of this year.", "March of this year", "2024-03"),
    ("It opens in the spring of next year.", "the spring of next year", "2025-SP"),
]


@pytest.mark.parametrize(("text", "printed", "value"), MONTHS_OF_A_YEAR_TOLD)
def test_tag_times_a_month_of_a_year_told_is_one_date(
    pack: Pack, text: str, printed: str, value: str
) -> None:
    found = printed_values(text, pack, "2024-10-20")
    assert found[-1] == (printed, value)
    assert [words for words, _ in found if words.endswith("year")] == [printed]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands fled after the fall of Saigon.",
        "The regime survived until the fall of the Berlin Wall.",
    ],
)
def test_tag_times_the_fall_of_a_place_is_no_season(pack: Pack, text: str) -> None:
    assert tag_times(text, anchor="1998-10-26", pack=pack) == []


def test_tag_times_the_fall_of_a_year_is_still_the_season(pack: Pack) -> None:
    found = printed_values(
        "The wall came down in the fall of 1989.", pack, "1998-10-26"
    )
    assert found == [("the fall of 1989", "1989-FA")]


# (text, expression text, value): a year with two zeros and `s` before 2000 is
# its hundred years, as `the 19th century` is (TimeML `18`); `the 2000s` and
# other years with `s` stay decades.
CENTURIES_BY_YEAR = [
    ("Settlers came to the valley in the 1700s.", "the 1700s", "17"),
    ("The railway reached the town in the mid-1800s.", "the mid-1800s", "18"),
    ("The city grew fast in the early 1900s.", "the early 1900s", "19"),
    ("Exports doubled in the 2000s.", "the 2000s", "200"),
    ("Exports doubled in the 1980s.", "the 1980s", "198"),
]


@pytest.mark.parametrize(("text", "printed", "value"), CENTURIES_BY_YEAR)
def test_tag_times_a_year_with_two_zeros_names_its_century(
    pack: Pack, text: str, printed: str, value: str
) -> None:
    found = printed_values(text, pack, "2024-10-16")
    assert found == [(printed, value)]
