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
