"""Lengths (`annotate/time/durations.py`): what counts as one."""

from __future__ import annotations

import pytest

from dossier.packs import Pack
from tests.annotate.time.printed import printed_values

# (text, expression text or None, value)
LENGTHS = [
    # A vague count of quarters is a length, not a fraction (issue 18).
    ("It turned a profit after several quarters of losses.", "several quarters", "PXQ"),
    ("Prices fell after a few quarters of growth.", "a few quarters", "PXQ"),
    # A counted quarter of something is a fraction.
    ("The country imports three quarters of its food.", None, None),
    ("About three-quarters of the vote went to him.", None, None),
]


@pytest.mark.parametrize(("text", "printed", "value"), LENGTHS)
def test_tag_times_tells_quarters_of_time_from_fractions(
    pack: Pack, text: str, printed: str | None, value: str | None
) -> None:
    found = printed_values(text, pack, "1989-10-30")
    assert found == ([(printed, value)] if printed else [])


@pytest.mark.parametrize(
    ("text", "printed", "value"),
    [
        ("They left their third day-long meeting at noon.", "day-long", "P1D"),
        ("It ended a year-long effort.", "year-long", "P1Y"),
        ("It ended a decades-long feud.", "decades-long", "PXDE"),
    ],
)
def test_tag_times_one_unit_made_an_adjective_is_a_length(
    pack: Pack, text: str, printed: str, value: str
) -> None:
    found = printed_values(text, pack, "2000-04-03")
    assert (printed, value) in found


# (text, expression as printed or None, value): the stretch at one end of an
# event or a time is a vague length, its words in the extent.
STRETCH_ENDS = [
    (
        "U.S. commanders said 5,500 Iraqi prisoners were taken in the first"
        " hours of the ground war.",
        "the first hours",
        "PTXH",
    ),
    (
        "You don't save as many lives in the early years, by a small fraction.",
        "the early years",
        "PXY",
    ),
    ("In the final days of the war, the general fled.", "the final days", "PXD"),
    (
        "He scored twice in the opening minutes of the match.",
        "the opening minutes",
        "PTXM",
    ),
    # The early hours of a day are a part of it: the day is the expression.
    ("He was arrested in the early hours of Thursday morning.", None, None),
    # A length made an adjective keeps its own extent.
    ("It ended its first decades-long feud.", "decades-long", "PXDE"),
]


@pytest.mark.parametrize(("text", "printed", "value"), STRETCH_ENDS)
def test_tag_times_the_first_hours_of_something_are_a_vague_length(
    pack: Pack, text: str, printed: str | None, value: str | None
) -> None:
    lengths = [
        (words, found)
        for words, found in printed_values(text, pack, "1991-02-25")
        if found is not None and found.startswith("P")
    ]
    assert lengths == ([(printed, value)] if printed else [])


# (text, expressions as printed with their values): a range of counts is one
# length valued by its first count (TimeBank's gold writes `within two to
# three weeks` as one TIMEX3, P2W); what is no range keeps the last count.
COUNT_RANGES = [
    (
        "The company will resume shipments of the chips within two to three weeks.",
        [("two to three weeks", "P2W")],
    ),
    (
        "It's between two to six days for every one of the sickest patients.",
        [("two to six days", "P2D")],
    ),
    (
        "Acquisitions are to be made during the next 12 to 18 months.",
        [("the next 12 to 18 months", "P12M")],
    ),
    ("The hearing lasted 10-15 minutes, officials said.", [("10-15 minutes", "PT10M")]),
    ("They lived in Nairobi for five or six years.", [("five or six years", "P5Y")]),
    ("Talks went on between two and three hours.", [("two and three hours", "PT2H")]),
    # One count written with a hyphen, and counts that are no range.
    ("He served twenty-five years in prison.", [("twenty-five years", "P25Y")]),
    ("The term was cut from 12 to six months.", [("six months", "P6M")]),
    # A figure with thousands is not read as a first count ("000 to").
    ("Glass was made here for 1,000 to 2,000 years.", [("2,000 years", "P2000Y")]),
    ("Arsenal led 3-2 minutes before the end.", []),
]


@pytest.mark.parametrize(("text", "expected"), COUNT_RANGES)
def test_tag_times_a_range_of_counts_is_one_length(
    pack: Pack, text: str, expected: list[tuple[str, str]]
) -> None:
    assert printed_values(text, pack, "1989-10-30") == expected
