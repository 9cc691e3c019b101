"""Which way a date printed without its year or week goes: the clause's tense
(`annotate/time/tense.py`), issue 18's third round of value classes."""

from __future__ import annotations

import pytest

from dossier.annotate.time import tag_times
from dossier.packs import Pack

# (text, anchor, expression text, value)
DIRECTED = [
    # A fronted date takes the tense of the clause it opens, when a phrase set
    # off by commas stands between them.
    (
        "In January, a week after the 25th anniversary of the Smith vs. Jones "
        "ruling, a fire in Dayton, Ohio, destroyed a warehouse.",
        "1998-10-25",
        "January",
        "1998-01",
    ),
    (
        "On Tuesday, the Union of Teachers and Nurses plans to hold a rally.",
        "1998-10-26",
        "Tuesday",
        "1998-10-27",
    ),
    # A fronted date opening a plan told in the past is the day of the
    # planning: behind, where the plan's object would be ahead.
    (
        "On Friday, the city council planned to close the river bridge.",
        "1998-09-30",
        "Friday",
        "1998-09-25",
    ),
    # A plan told with its object is for a day ahead of the planning; the
    # event told in the past is behind.
    (
        "Students planned a march through the old town on Saturday.",
        "2000-01-07",
        "Saturday",
        "2000-01-08",
    ),
    (
        "Students marched through the old town on Saturday.",
        "2000-01-07",
        "Saturday",
        "2000-01-01",
    ),
    # A word cut by the edge of the window read for tense is not read: cut
    # to "poenaed", "subpoenaed" made the clause past and the date last year.
    (
        "Rep. Dan Burton said he subpoenaed 6-year-old Elian to testify before "
        "the Committee on Government Reform on Feb. 10, so he remains here.",
        "2000-01-07",
        "Feb. 10",
        "2000-02-10",
    ),
    # A demand's subjunctive (`that ... be returned`) is for a day ahead of
    # the asking told in the past; a date past the year's end is next year's.
    (
        "Elian's father asked that the boy be returned to Cuba by Jan. 14.",
        "1999-12-28",
        "Jan. 14",
        "2000-01-14",
    ),
    # A date a thing is put off until is ahead, its object named or not;
    # told with no `until`, the adjourning's own day is behind.
    (
        "The court adjourned the trial of the three men until Monday.",
        "2024-03-06",
        "Monday",
        "2024-03-11",
    ),
    (
        "The court adjourned on Monday after a short hearing.",
        "2024-03-06",
        "Monday",
        "2024-03-04",
    ),
    # A vow, a pledge or a threat is of what is ahead; the day it was made
    # is behind ("vowed on Monday to").
    (
        "The union threatened to strike on Saturday over the pay cuts.",
        "2024-03-06",
        "Saturday",
        "2024-03-09",
    ),
    (
        "He vowed to return to Pyongyang in September.",
        "2024-03-06",
        "September",
        "2024-09",
    ),
    (
        "He vowed on Monday to return to Pyongyang.",
        "2024-03-06",
        "Monday",
        "2024-03-04",
    ),
    # Without a phrase between, as before: the clause right after.
    (
        "In March, the board approved the merger.",
        "1998-10-25",
        "March",
        "1998-03",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "printed", "value"), DIRECTED)
def test_tag_times_reads_the_direction_from_the_clause(
    pack: Pack, text: str, anchor: str, printed: str, value: str
) -> None:
    found = {t.text: t.value for t in tag_times(text, anchor=anchor, pack=pack)}
    assert found[printed] == value


# (text, value): the limit of a state told in the present is ahead, as a
# day the state holds until; told in the past, behind (anchor a Wednesday).
LIMITS = [
    ("The curfew is in effect through Sunday.", "2024-10-20"),
    ("The exhibition of paintings runs until Sunday.", "2024-10-20"),
    ("The ban remains in place until Sunday, the ministry said.", "2024-10-20"),
    ("The festival runs through March.", "2025-03"),
    ("Protests continued until Sunday.", "2024-10-13"),
    ("He stayed in Moscow until Sunday.", "2024-10-13"),
    # In the present progressive too: a stay told up to its limit.
    ("The delegation is visiting Beijing through Sunday.", "2024-10-20"),
]


@pytest.mark.parametrize(("text", "value"), LIMITS)
def test_tag_times_the_limit_of_a_present_state_is_ahead(
    pack: Pack, text: str, value: str
) -> None:
    found = [t.value for t in tag_times(text, anchor="2024-10-16", pack=pack)]
    assert found == [value]
