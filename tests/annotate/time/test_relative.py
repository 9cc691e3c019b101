"""Dates relative to the document or the last date (`annotate/time/relative.py`)."""

from __future__ import annotations

import pytest

from dossier.annotate.time import tag_times
from dossier.packs import Pack
from tests.annotate.time.printed import printed_values

# (text, expression text, value): a day counted in a stretch of time.
COUNTED_DAYS = [
    ("Today is the eighth day of the strike.", "the eighth day", "1990-08-15"),
    (
        "It's the second day of an offensive by the army.",
        "the second day",
        "1990-08-15",
    ),
    ("He would do so on his first day in office.", "first day", "XXXX-XX-XX"),
    ("On the third day of the talks, they agreed.", "the third day", "XXXX-XX-XX"),
]


@pytest.mark.parametrize(("text", "printed", "value"), COUNTED_DAYS)
def test_tag_times_dates_a_counted_day_only_when_it_is_today(
    pack: Pack, text: str, printed: str, value: str
) -> None:
    found = {t.text: t.value for t in tag_times(text, anchor="1990-08-15", pack=pack)}
    assert found[printed] == value


@pytest.mark.parametrize(
    "text",
    [
        "The plant will be financed with bank loans at a later date.",
        "The vote was put off to a future date.",
    ],
)
def test_tag_times_a_later_date_is_ahead(pack: Pack, text: str) -> None:
    found = printed_values(text, pack, "1990-08-15")
    assert found[-1][1] == "FUTURE_REF"
    assert found[-1][0] in ("a later date", "a future date")


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("They looked for ways to get around Wednesday's ruling.", "Wednesday"),
        ("The talks ended around Wednesday.", "around Wednesday"),
    ],
)
def test_tag_times_around_a_possessive_is_a_preposition(
    pack: Pack, text: str, printed: str
) -> None:
    found = [t.text for t in tag_times(text, anchor="2000-01-15", pack=pack)]
    assert found == [printed]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "The mill earned $5 million in the quarter ended Sept. 30, up from "
            "$4 million a year earlier.",
            "1988-Q3",
        ),
        (
            "For the six months ended Aug. 12, the chain earned $6 million, "
            "against $9 million a year earlier.",
            "1988-08-12",
        ),
    ],
)
def test_tag_times_a_year_earlier_compares_the_quarter_a_day_closes(
    pack: Pack, text: str, value: str
) -> None:
    found = {t.text: t.value for t in tag_times(text, anchor="1989-10-26", pack=pack)}
    assert found["a year earlier"] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Holders may buy shares at half the then current price.", "PAST_REF"),
        ("The then-current rules were dropped.", "PAST_REF"),
        ("Holders may buy shares at half the current price.", "PRESENT_REF"),
    ],
)
def test_tag_times_then_current_is_past(pack: Pack, text: str, value: str) -> None:
    (found,) = tag_times(text, anchor="1989-10-26", pack=pack)
    assert found.value == value


# (text, anchor, expression text, value): a weekday named by its relation and
# then by its date is one day, valued by the date.
WEEKDAY_AND_DATE = [
    (
        "International Women's Day is this coming Sunday, March eighth.",
        "1998-03-05",
        "this coming Sunday, March eighth",
        "1998-03-08",
    ),
    (
        "Dr. Slepian was shot at home last Friday, Oct. 23, by a sniper.",
        "1998-10-26",
        "last Friday, Oct. 23",
        "1998-10-23",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "printed", "value"), WEEKDAY_AND_DATE)
def test_tag_times_a_weekday_and_its_date_are_one_day(
    pack: Pack, text: str, anchor: str, printed: str, value: str
) -> None:
    found = printed_values(text, pack, anchor)
    assert (printed, value) in found
    # The date is not found again apart from its weekday.
    assert not any(printed.endswith(other) and other != printed for other, _ in found)


# (text, anchor, value): `this` before a weekday goes the clause's way; with
# no tense it is the day of the document's ISO week.
THIS_WEEKDAY = [
    (
        "The runoff vote will be held this Tuesday, officials said.",
        "2000-01-09",
        "2000-01-11",
    ),
    (
        "The runoff vote was held this Tuesday, officials said.",
        "2000-01-09",
        "2000-01-04",
    ),
    (
        "The union will strike this Monday unless talks resume.",
        "2000-01-05",
        "2000-01-10",
    ),
    ("Crowds rallied this Monday outside the embassy.", "2000-01-05", "2000-01-03"),
    ("The talks are this Friday.", "2000-01-05", "2000-01-07"),
]


@pytest.mark.parametrize(("text", "anchor", "value"), THIS_WEEKDAY)
def test_tag_times_this_weekday_takes_the_clause_direction(
    pack: Pack, text: str, anchor: str, value: str
) -> None:
    (found,) = [
        t for t in tag_times(text, anchor=anchor, pack=pack) if "this" in t.text
    ]
    assert found.value == value


# (text, expression text, value): `before` or `after` closing its clause after
# `the day`, `the year` counts from the last date named, and is in the span.
TOLD_BEFORE = [
    (
        "He was arrested on March 3, 1998. The day before, police had searched "
        "his home.",
        "The day before",
        "1998-03-02",
    ),
    ("Exports fell in 1998. The year before, they rose 4%.", "The year before", "1997"),
    (
        "The talks collapsed on Dec. 31. The week after, both sides met again.",
        "The week after",
        "2000-W01",
    ),
]


@pytest.mark.parametrize(("text", "printed", "value"), TOLD_BEFORE)
def test_tag_times_the_unit_before_counts_from_the_last_date(
    pack: Pack, text: str, printed: str, value: str
) -> None:
    found = {t.text: t.value for t in tag_times(text, anchor="2000-01-05", pack=pack)}
    assert found[printed] == value


# (text, expression text, value): a day of the month a relation names.
DAY_OF_MONTH = [
    (
        "The flood struck on the 27th of last month, when loss of life was reported.",
        "the 27th of last month",
        "2024-09-27",
    ),
    (
        "The plenum will open on the 5th of next month.",
        "the 5th of next month",
        "2024-11-05",
    ),
    (
        "The storm hit in May. On the 12th of that month, the dam broke.",
        "the 12th of that month",
        "2024-05-12",
    ),
]


@pytest.mark.parametrize(("text", "printed", "value"), DAY_OF_MONTH)
def test_tag_times_a_day_of_the_month_a_relation_names(
    pack: Pack, text: str, printed: str, value: str
) -> None:
    found = {t.text: t.value for t in tag_times(text, anchor="2024-10-20", pack=pack)}
    assert found[printed] == value


# (text, expression text, value): a day counted from a weekday named is one
# expression with that day's value.
DAY_FROM_WEEKDAY = [
    (
        "The day before last Tuesday's federal court hearing, the lawyers met.",
        "The day before last Tuesday",
        "2000-02-21",
    ),
    (
        "He resigned the day after Tuesday's vote.",
        "the day after Tuesday",
        "2000-02-23",
    ),
]


@pytest.mark.parametrize(("text", "printed", "value"), DAY_FROM_WEEKDAY)
def test_tag_times_a_day_counted_from_a_weekday(
    pack: Pack, text: str, printed: str, value: str
) -> None:
    found = printed_values(text, pack, "2000-02-24")
    assert found == [(printed, value)]


# (text, anchor, expression text, value): `that same day`, `that very night`
# are the day last named, said twice over, with their words in the extent.
SAME_DAYS = [
    (
        "Slepian was shot on Oct. 23. His name was crossed out that same day.",
        "1998-10-26",
        "that same day",
        "1998-10-23",
    ),
    (
        "The ship sank on May 3. That very night, rescuers arrived.",
        "1998-05-10",
        "That very night",
        "1998-05-03TNI",
    ),
    (
        "The war began in 1950. It spread that same October.",
        "1998-05-10",
        "that same October",
        "1950-10",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "printed", "value"), SAME_DAYS)
def test_tag_times_that_same_day_is_the_day_last_named(
    pack: Pack, text: str, anchor: str, printed: str, value: str
) -> None:
    found = printed_values(text, pack, anchor)
    assert found[-1] == (printed, value)


# (text, value): a part of day named by the event a clause after it tells is
# that event's, which the words do not date; after `during` it is the day's.
NIGHTS_OF_AN_EVENT = [
    (
        "The agency released tapes from the night the TWA flight went down.",
        "XXXX-XX-XXTNI",
    ),
    ("On the morning he left, it rained.", "XXXX-XX-XXTMO"),
    ("During the night the rebels attacked the town.", "1998-01-14TNI"),
]


@pytest.mark.parametrize(("text", "value"), NIGHTS_OF_AN_EVENT)
def test_tag_times_a_night_an_event_names_is_not_the_documents(
    pack: Pack, text: str, value: str
) -> None:
    found = [(t.type, t.value) for t in tag_times(text, anchor="1998-01-14", pack=pack)]
    assert found == [("TIME", value)]


# (text, expression text or None, value): `the past` before a count is the
# count's modifier, no past reference; a count of seasons or weekdays is a set.
PAST_COUNTS = [
    (
        "Marches provoked violence in Northern Ireland for the past three summers.",
        "the past three summers",
        "XXXX-SU",
    ),
    ("He has lost each of the past two Sundays.", "the past two Sundays", "XXXX-WXX-7"),
    (
        "He refuses to do what every candidate has done in the past nine elections.",
        None,
        None,
    ),
    ("In the past, prices rose.", "the past", "PAST_REF"),
]


@pytest.mark.parametrize(("text", "printed", "value"), PAST_COUNTS)
def test_tag_times_the_past_before_a_count_is_no_reference(
    pack: Pack, text: str, printed: str | None, value: str | None
) -> None:
    found = printed_values(text, pack, "1998-03-22")
    assert found == ([] if printed is None else [(printed, value)])


# (text, expression text or None, value): `the past` before a noun is an
# adjective, no time (kcna-2024: "the past crimes", 31 such); before a plural
# unit a vague length; before a pronoun, a past verb or `and` still the noun.
PAST_BEFORE_A_WORD = [
    ("Japan can never evade the responsibility for the past crimes.", None, None),
    ("It paid a tremendous amount during the past administration.", None, None),
    (
        "Famous songs were sung in the past decades when struggles were waged.",
        "the past decades",
        "PXDE",
    ),
    (
        "Crane said that in the past it considered seeking control.",
        "the past",
        "PAST_REF",
    ),
    ("Japan in the past invaded and occupied its neighbours.", "the past", "PAST_REF"),
    ("It shows their yearning for the past and revanchism.", "the past", "PAST_REF"),
]


@pytest.mark.parametrize(("text", "printed", "value"), PAST_BEFORE_A_WORD)
def test_tag_times_the_past_before_a_noun_is_an_adjective(
    pack: Pack, text: str, printed: str | None, value: str | None
) -> None:
    found = printed_values(text, pack, "2024-10-14")
    assert found == ([] if printed is None else [(printed, value)])


# (text, anchor, expression text, value): a quarter or half with `of last
# year` is one date of that year, even when that quarter of this year is
# still to come; `the same period` repeats the month or half just named.
QUARTERS_OF_A_YEAR_TOLD = [
    (
        "Trade fell in the fourth quarter of last year.",
        "2024-03-16",
        "the fourth quarter of last year",
        "2023-Q4",
    ),
    (
        "Exports rose in the third quarter last year.",
        "2024-03-16",
        "the third quarter last year",
        "2023-Q3",
    ),
    (
        "Profits should rise in the second quarter of next year.",
        "2024-10-16",
        "the second quarter of next year",
        "2025-Q2",
    ),
    (
        "In July alone, the bureau carried 107 000 tons more freight than in "
        "the same period of last year.",
        "2024-08-04",
        "the same period of last year",
        "2023-07",
    ),
    (
        "In the first half of the year, the complex produced more electricity "
        "than the same period of last year.",
        "2024-08-23",
        "the same period of last year",
        "2023-H1",
    ),
]


@pytest.mark.parametrize(
    ("text", "anchor", "printed", "value"), QUARTERS_OF_A_YEAR_TOLD
)
def test_tag_times_a_quarter_of_a_year_told_is_one_date(
    pack: Pack, text: str, anchor: str, printed: str, value: str
) -> None:
    found = printed_values(text, pack, anchor)
    assert found[-1] == (printed, value)
    assert "last year" not in [words for words, _ in found]


# (text, anchor, range as printed, first day, last day): two weekdays printed
# as a range run forward, each read alone by the clause's tense before.
WEEKDAY_RANGES = [
    # Told in the past on a Wednesday: the Tuesday and Thursday before it,
    # not yesterday and the Thursday a week before.
    (
        "The joint exercise was held from Tuesday to Thursday off the east coast.",
        "2024-03-06",
        "Tuesday to Thursday",
        "2024-02-27",
        "2024-02-29",
    ),
    (
        "The talks were held between Tuesday and Thursday in the capital.",
        "2024-03-06",
        "Tuesday and Thursday",
        "2024-02-27",
        "2024-02-29",
    ),
    # Told in the future: the first day ahead, the last after it.
    (
        "The fair will be open from Saturday through Monday.",
        "2024-03-06",
        "Saturday through Monday",
        "2024-03-09",
        "2024-03-11",
    ),
    # Told on the Monday it began: the whole range lies behind.
    (
        "The exercise lasted three days, from Monday to Wednesday.",
        "2024-03-04",
        "Monday to Wednesday",
        "2024-02-26",
        "2024-02-28",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "printed", "first", "last"), WEEKDAY_RANGES)
def test_tag_times_a_range_of_weekdays_runs_forward(
    pack: Pack, text: str, anchor: str, printed: str, first: str, last: str
) -> None:
    found = {t.text: t for t in tag_times(text, anchor=anchor, pack=pack)}
    assert printed in found, sorted(found)
    time = found[printed]
    assert (time.value, time.first_day, time.last_day) == (first, first, last)


def test_tag_times_weekdays_joined_by_and_stay_apart(pack: Pack) -> None:
    # No `between`: two days, each by the tense, not a range.
    found = printed_values("They met on Friday and Monday.", pack, "2024-03-06")
    assert found == [("Friday", "2024-03-01"), ("Monday", "2024-03-04")]


# (text, anchor, expression text, value): a weekday of the week a relation
# names is one day of that week; `the week after next` two weeks on.
WEEK_NAMED = [
    (
        "The agreement was signed on Tuesday last week in Beijing.",
        "2024-03-06",
        "Tuesday last week",
        "2024-02-27",
    ),
    (
        "The delegation arrived on Monday of this week.",
        "2024-03-06",
        "Monday of this week",
        "2024-03-04",
    ),
    (
        "The minister will visit Pyongyang on Friday next week.",
        "2024-03-06",
        "Friday next week",
        "2024-03-15",
    ),
    (
        "The talks are to resume the week after next.",
        "2024-03-06",
        "the week after next",
        "2024-W12",
    ),
    (
        "The law was passed the year before last.",
        "2024-03-06",
        "the year before last",
        "2022",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "printed", "value"), WEEK_NAMED)
def test_tag_times_a_weekday_of_a_named_week_is_one_day(
    pack: Pack, text: str, anchor: str, printed: str, value: str
) -> None:
    assert printed_values(text, pack, anchor) == [(printed, value)]


def test_tag_times_a_weekday_before_last_weeks_noun_stays_apart(pack: Pack) -> None:
    # `last week's talks` is the week's own: the weekday is read alone.
    text = "They met Tuesday, last week's talks having failed."
    found = printed_values(text, pack, "2024-03-06")
    assert found == [("Tuesday", "2024-03-05"), ("last week", "2024-W09")]


# (text, anchor, expression text, value, first day, last day): a holiday's
# weekend is the one it falls in, or closes when it is a Monday; Easter's
# Monday and Good Friday count from Easter; a holiday before a noun leaves
# the article to the noun.
HOLIDAY_DAYS = [
    (
        "The office will be closed over the Easter weekend.",
        "2024-03-06",
        "the Easter weekend",
        "2024-W13-WE",
        "2024-03-30",
        "2024-03-31",
    ),
    (
        "Traffic was heavy over Labor Day weekend.",
        "2024-09-10",
        "Labor Day weekend",
        "2024-W35-WE",
        "2024-08-31",
        "2024-09-02",
    ),
    (
        "The embassy will close on Easter Monday.",
        "2024-03-06",
        "Easter Monday",
        "2024-04-01",
        "2024-04-01",
        "2024-04-01",
    ),
    (
        "The march was held on Good Friday.",
        "2024-04-10",
        "Good Friday",
        "2024-03-29",
        "2024-03-29",
        "2024-03-29",
    ),
    (
        "Sales fell during the Christmas holidays.",
        "2024-01-15",
        "Christmas",
        "2023-12-25",
        "2023-12-25",
        "2023-12-25",
    ),
]


@pytest.mark.parametrize(
    ("text", "anchor", "printed", "value", "first", "last"), HOLIDAY_DAYS
)
def test_tag_times_a_holiday_its_weekend_and_its_days(
    pack: Pack, text: str, anchor: str, printed: str, value: str, first: str, last: str
) -> None:
    found = tag_times(text, anchor=anchor, pack=pack)
    assert [(t.text, t.value, t.first_day, t.last_day) for t in found] == [
        (printed, value, first, last)
    ]


def test_tag_times_the_first_of_many_is_no_date(pack: Pack) -> None:
    # `the first of` before a month only: an ordinal before a plural is none.
    found = printed_values("He was the first of many to leave.", pack, "2024-03-06")
    assert found == []
