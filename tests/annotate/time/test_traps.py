"""Words that look like times and are not: `may`, `March` the movement, `II`,
page numbers, ages, counts, newspapers and names."""

from __future__ import annotations

import dataclasses

import pytest

from dossier.annotate.time import tag_times
from dossier.packs import Pack
from tests.annotate.time.printed import printed_values

NOTHING = [
    "We may meet again soon.",
    "May God bless the people of Korea.",
    "World War II ended in Europe first.",
    "See page 1950 of the report for the figures.",
    "An army of 2000 soldiers crossed the river.",
    "The contract was worth $1990 in all.",
    "The ratio was 3:2 in the final round.",
    "a 44-year-old anti-abortion protester",
    "three-quarters of the population",
    "He won a second term in office.",
    "The daily Rodong Sinmun carried an article.",
    "It was carried by Rodong Sinmun (Workers’ Daily) in full.",
    "They marched to the May Day Stadium in the rain.",
    "The June 15 Joint Declaration was reaffirmed.",
    # A name of two capitals may modify a noun of an act and stay a name.
    "They urged the June 15 Joint Declaration implementation.",
    "The April 25 Team winning the cup was shown.",
    "ComradeKim Jong Unon the occasion visited the plant.",
    'It was shown on ABC\'s "This Week" programme.',
    "He starred in the film ``High Noon.''",
    "KCNA noted the 62nd anniversary in a commentary.",
    "The index closed at 2082.1, down 47.3 points.",
    "The Sunday Times and the Sun reported it.",
    # `today`, `tomorrow` naming an age, not a day.
    "The square is a school for today's youth.",
    "They spoke of the bright world of tomorrow.",
    "Science shapes today's young people.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_tag_times_ignores_look_alikes(pack: Pack, text: str) -> None:
    assert tag_times(text, anchor="2021-10-16", pack=pack) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Today's session opened late.", ("Today", "2021-10-16")),
        (
            "The lives of yesterday's victims were honoured.",
            ("yesterday", "2021-10-15"),
        ),
    ],
)
def test_tag_times_keeps_a_days_own_event(
    pack: Pack, text: str, expected: tuple[str, str]
) -> None:
    (day,) = tag_times(text, anchor="2021-10-16", pack=pack)
    assert (day.text, day.value) == expected


# (text, date as printed, value): one capital between a date and a noun of an
# act modifies the noun, so the date is a time, not part of a name.
EVENT_HEADS = [
    (
        "There have been no mass cancellations as a result of the Aug. 7"
        " Embassy bombings in Nairobi.",
        "Aug. 7",
        "1998-08-07",
    ),
    ("The Nov. 3 Senate elections drew large crowds.", "Nov. 3", "1997-11-03"),
    (
        "Officials discussed the July 27 Armistice negotiations.",
        "July 27",
        "1998-07-27",
    ),
]


@pytest.mark.parametrize(("text", "printed", "value"), EVENT_HEADS)
def test_tag_times_date_before_a_capital_and_a_noun_of_an_act_is_a_time(
    pack: Pack, text: str, printed: str, value: str
) -> None:
    assert printed_values(text, pack, "1998-09-07") == [(printed, value)]


def test_tag_times_march_first_movement_keeps_only_the_year(pack: Pack) -> None:
    text = "the March First Movement of 1919 spread across the country"
    assert printed_values(text, pack, None) == [("1919", "1919")]


def test_tag_times_decade_is_not_seconds(pack: Pack) -> None:
    (decade,) = tag_times("It began in the 1920s.", anchor=None, pack=pack)
    assert (decade.text, decade.type, decade.value) == ("the 1920s", "DATE", "192")


def test_tag_times_month_day_needs_no_preposition(pack: Pack) -> None:
    (date,) = tag_times("Pyongyang, May 5 (KCNA) --", anchor="2024-05-05", pack=pack)
    assert date.value == "2024-05-05"


def test_tag_times_reads_numeric_dates_month_first_when_the_pack_says(
    pack: Pack,
) -> None:
    american = dataclasses.replace(pack, day_first=False)
    (date,) = tag_times("filed 03/04/2021", anchor=None, pack=american)
    assert date.value == "2021-03-04"
    (date,) = tag_times("filed 03/04/2021", anchor=None, pack=pack)
    assert date.value == "2021-04-03"
    (forced,) = tag_times("filed 10/16/2021", anchor=None, pack=pack)
    assert forced.value == "2021-10-16"


def test_tag_times_without_eras_leaves_juche_alone(pack: Pack) -> None:
    plain = dataclasses.replace(pack, eras=())
    times = tag_times("on October 25, Juche 39 (1950)", anchor=None, pack=plain)
    assert [t.value for t in times] == ["XXXX-10-25", "1950"]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Shortly ago, a ceremony was held.", "Shortly ago"),
        ("Not long ago the team left.", "Not long ago"),
    ],
)
def test_kcna_shortly_ago_is_a_past_reference(
    text: str, expression: str, pack: Pack
) -> None:
    (found,) = tag_times(text, anchor="2024-05-01", pack=pack)
    assert (found.text, found.value) == (expression, "PAST_REF")
