"""BC years, the deep past and years Python's `date` cannot hold (issue 13)."""

from __future__ import annotations

import pytest

from dossier.annotate.time import tag_times
from dossier.annotate.time.calendar import Period, in_calendar, parse_value, shift
from dossier.packs import Pack

ANCHORS = (None, "2021-10-16")


@pytest.mark.parametrize(
    ("text", "printed", "value", "days"),
    [
        # TimeML writes years before Christ as BC and four digits; no ISO days.
        ("The tomb dates from 277 B.C. at the latest.", "277 B.C.", "BC0277", None),
        ("Rome was founded in 753 BC.", "753 BC", "BC0753", None),
        ("In 509 B.C.E. the kings were gone.", "509 B.C.E.", "BC0509", None),
        ("Settled in 10000 BC, it says.", "10000 BC", "BC10000", None),
        ("A city of 5,000 BC was found.", "5,000 BC", "BC5000", None),
        ("Wars from 264 to 146 BC followed.", "146 BC", "BC0146", None),
        ("Walls of the 3rd century BC stand.", "the 3rd century BC", "BC03", None),
        ("Since 1500 BC, they say.", "1500 BC", "BC1500", None),
        # The common era: ISO days from year 1.
        ("Vesuvius erupted in AD 79.", "AD 79", "0079", ("0079-01-01", "0079-12-31")),
        (
            "It erupted in 79 A.D. again.",
            "79 A.D.",
            "0079",
            ("0079-01-01", "0079-12-31"),
        ),
        ("In AD 1950 war began.", "AD 1950", "1950", ("1950-01-01", "1950-12-31")),
        (
            "Built in the 1st century, it stood.",
            "the 1st century",
            "00",
            ("0001-01-01", "0099-12-31"),
        ),
        (
            "The 21st century CE opened.",
            "The 21st century CE",
            "20",
            ("2000-01-01", "2099-12-31"),
        ),
        # The deep past: a length, never an exception.
        ("It began 300,000 years ago.", "300,000 years ago", "P300000Y", None),
        (
            "People lived here between 300,000 and 100,000 years ago.",
            "100,000 years ago",
            "P100000Y",
            None,
        ),
        ("A history of 5,000 years is told.", "5,000 years", "P5000Y", None),
        ("It rained 9,000 years ago.", "9,000 years ago", "P9000Y", None),
    ],
)
def test_tag_times_reads_eras_and_the_deep_past(
    pack: Pack,
    text: str,
    printed: str,
    value: str,
    days: tuple[str, str] | None,
) -> None:
    for anchor in ANCHORS:
        found = {t.text: t for t in tag_times(text, anchor=anchor, pack=pack)}
        assert printed in found, (anchor, list(found))
        time = found[printed]
        assert time.value == value
        assert (time.first_day, time.last_day) == (days or (None, None))


@pytest.mark.parametrize(
    "text",
    [
        "the year 0 and the year 99999",
        "in 0 AD, in 0 BC, AD 0",
        "on 31 February, on 0 May 2020, on 99 May 2020",
        "the 0th anniversary falls on October 17",
        "the 5000th anniversary falls on October 17",
        "the 999th anniversary of the founding falls on 3 May 1050",
        "in the 100th century, the 0000s, 0000-01-01",
        "12,000 centuries ago, 9,999 years later, 3,000,000 days ago",
        "in 1950 and 8,000 years later; 2 millennia ago",
    ],
)
def test_tag_times_never_raises_on_impossible_years(pack: Pack, text: str) -> None:
    for anchor in (*ANCHORS, "0001-01-01", "9999-12-31"):
        for time in tag_times(text, anchor=anchor, pack=pack):
            assert text[time.start : time.end] == time.text
            for day in (time.first_day, time.last_day):
                assert day is None or "0001-01-01" <= day <= "9999-12-31"


def test_shift_gives_none_outside_the_calendar() -> None:
    assert shift(Period("Y", 2021), "Y", -300_000) is None
    assert shift(Period("Y", 9999), "Y", 1) is None
    assert shift(Period("D", 1, 1, 1), "D", -1) is None
    assert shift(Period("Y", 2021), "Y", -2020) == Period("Y", 1)


def test_in_calendar_holds_the_first_century_from_year_one() -> None:
    assert in_calendar(Period("C", 0))
    assert Period("C", 0).first.isoformat() == "0001-01-01"
    assert not in_calendar(Period("Y", 0))
    assert not in_calendar(Period("C", -100))
    assert parse_value("0000") is None
    assert parse_value("BC0277") is None


WEEKDAYS = ("Friday", "last Friday", "next Friday", "this Friday", "Friday morning")


@pytest.mark.parametrize("anchor", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("text", [*WEEKDAYS, "the following Friday", "Friday 3 p.m."])
def test_weekdays_at_the_calendar_ends_are_left_unresolved_not_raised(
    pack: Pack, text: str, anchor: str
) -> None:
    # Found by the property test: 'Friday' in a text dated 0001-01-01.
    (found,) = tag_times(text, anchor=anchor, pack=pack)
    assert found.value.startswith(("XXXX", anchor[:4]))


@pytest.mark.parametrize("text", ["Last May", "last December", "the previous year"])
def test_relative_dates_off_the_calendar_are_left_out(pack: Pack, text: str) -> None:
    # Found by the property test: May before 0001-01-01 is in no year.
    assert all(
        t.first_day is None or t.first_day >= "0001"
        for t in tag_times(text, anchor="0001-01-01", pack=pack)
    )


@pytest.mark.parametrize("text", ["Next Thanksgiving", "Next May", "next Easter"])
def test_relative_dates_past_the_calendar_end_are_not_raised(
    pack: Pack, text: str
) -> None:
    times = tag_times(text, anchor="9999-12-31", pack=pack)
    assert all(not t.value.startswith("10000") for t in times)
