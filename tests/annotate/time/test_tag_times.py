"""Time expressions in real-looking snippets: span, type, value and days."""

from __future__ import annotations

import itertools

import pytest

from dossier.annotate.time import tag_times
from dossier.annotate.time.anniversary import is_anniversary
from dossier.packs import Pack

# (text, anchor, expression text, type, value, first day, last day)
DATES = [
    (
        "Pyongyang, August 5 (KCNA) -- Kim Jong Un inspected a farm.",
        "2024-08-05",
        "August 5",
        "DATE",
        "2024-08-05",
        "2024-08-05",
        "2024-08-05",
    ),
    (
        "In celebration of the 62nd anniversary of the founding of the Workers’ "
        "Party of Korea, 10 October 1945.",
        "2007-10-10",
        "10 October 1945",
        "DATE",
        "1945-10-10",
        "1945-10-10",
        "1945-10-10",
    ),
    (
        "The armistice was signed on July 27, 1953, at Panmunjom.",
        None,
        "July 27, 1953",
        "DATE",
        "1953-07-27",
        "1953-07-27",
        "1953-07-27",
    ),
    (
        "Date: 16/10/2021 | Source: KCNA Watch",
        "2021-10-16",
        "16/10/2021",
        "DATE",
        "2021-10-16",
        "2021-10-16",
        "2021-10-16",
    ),
    (
        "The meeting was held on 2021-10-16 in Pyongyang.",
        None,
        "2021-10-16",
        "DATE",
        "2021-10-16",
        "2021-10-16",
        "2021-10-16",
    ),
    (
        "sent volunteers to the Korean War on October 25, Juche 39 (1950).",
        "2010-10-26",
        "October 25, Juche 39 (1950)",
        "DATE",
        "1950-10-25",
        "1950-10-25",
        "1950-10-25",
    ),
    (
        "A national flag-hoisting ceremony was held on January 1, Juche 113 (2024).",
        "2024-01-01",
        "January 1, Juche 113 (2024)",
        "DATE",
        "2024-01-01",
        "2024-01-01",
        "2024-01-01",
    ),
    (
        "It was registered as a heritage of mankind in Juche 103 (2014). -0-",
        "2024-08-08",
        "Juche 103 (2014)",
        "DATE",
        "2014",
        "2014-01-01",
        "2014-12-31",
    ),
    (
        "On Sunday 7 October’07 the Friends of Korea held a very successful meeting.",
        "2007-10-10",
        "Sunday 7 October’07",
        "DATE",
        "2007-10-07",
        "2007-10-07",
        "2007-10-07",
    ),
    (
        "Between 1950-53, it led the people to defeat the war of aggression.",
        "2007-10-10",
        "1950-53",
        "DATE",
        "1950",
        "1950-01-01",
        "1953-12-31",
    ),
    (
        "During the Fatherland Liberation War (June 1950-July 1953), the Chinese "
        "Party sent volunteers.",
        "2011-06-20",
        "June 1950-July 1953",
        "DATE",
        "1950-06",
        "1950-06-01",
        "1953-07-31",
    ),
    (
        "A delegation visited China from May 20-26 at the invitation of the CPC.",
        "2011-06-20",
        "May 20-26",
        "DATE",
        "2011-05-20",
        "2011-05-20",
        "2011-05-26",
    ),
    (
        "The festival will run 2-4 October in the capital.",
        "2007-09-20",
        "2-4 October",
        "DATE",
        "2007-10-02",
        "2007-10-02",
        "2007-10-04",
    ),
    (
        "The war raged between 1950 and 1953 on the peninsula.",
        "2010-01-01",
        "1950 and 1953",
        "DATE",
        "1950",
        "1950-01-01",
        "1953-12-31",
    ),
    (
        "In autumn 1950, the Soviet air force moved planes to northeast China.",
        "2011-06-20",
        "autumn 1950",
        "DATE",
        "1950-FA",
        "1950-09-01",
        "1950-11-30",
    ),
    (
        "There were many small and divided groups in the 1920s in Korea.",
        "2007-10-10",
        "the 1920s",
        "DATE",
        "192",
        "1920-01-01",
        "1929-12-31",
    ),
    (
        "since the days of the Paris Commune in nineteenth-century France",
        "2007-10-10",
        "nineteenth-century",
        "DATE",
        "18",
        "1800-01-01",
        "1899-12-31",
    ),
    (
        "leads the Korean people from victory to victory in the 21st century.",
        "2007-10-10",
        "the 21st century",
        "DATE",
        "20",
        "2000-01-01",
        "2099-12-31",
    ),
    (
        "Last October, massive celebrations were held in Pyongyang.",
        "2010",
        "Last October",
        "DATE",
        "2009-10",
        "2009-10-01",
        "2009-10-31",
    ),
    (
        "Last October, massive celebrations were held in Pyongyang.",
        "2011-06-20",
        "Last October",
        "DATE",
        "2010-10",
        "2010-10-01",
        "2010-10-31",
    ),
    (
        "Underscoring the importance of this visit, on 6 June, the WPK convened "
        "an enlarged meeting of its Political Bureau.",
        "2011",
        "6 June",
        "DATE",
        "2011-06-06",
        "2011-06-06",
        "2011-06-06",
    ),
    (
        "KCNA published a commentary on 21 October 2010. Three days later, KCNA "
        "reported an article carried in Rodong Sinmun.",
        "2011-06-20",
        "Three days later",
        "DATE",
        "2010-10-24",
        "2010-10-24",
        "2010-10-24",
    ),
    (
        "The delegation left Pyongyang yesterday.",
        "2021-10-16",
        "yesterday",
        "DATE",
        "2021-10-15",
        "2021-10-15",
        "2021-10-15",
    ),
    (
        "The talks will resume next week in Beijing.",
        "2021-10-16",
        "next week",
        "DATE",
        "2021-W42",
        "2021-10-18",
        "2021-10-24",
    ),
    (
        "The plant was completed two years ago.",
        "2021-10-16",
        "two years ago",
        "DATE",
        "2019",
        "2019-01-01",
        "2019-12-31",
    ),
    (
        "The Supreme People's Assembly met on Monday in Pyongyang.",
        "2021-10-16",
        "Monday",
        "DATE",
        "2021-10-11",
        "2021-10-11",
        "2021-10-11",
    ),
    (
        "The ambassador will present his credentials on Monday.",
        "2021-10-16",
        "Monday",
        "DATE",
        "2021-10-18",
        "2021-10-18",
        "2021-10-18",
    ),
    (
        "Cultural events are planned to mark this year's 75th anniversary of "
        "the founding of the Party.",
        "2020-03-01",
        "this year",
        "DATE",
        "2020",
        "2020-01-01",
        "2020-12-31",
    ),
    (
        "The economy grew strongly this year and last year.",
        "1998-02-06",
        "last year",
        "DATE",
        "1997",
        "1997-01-01",
        "1997-12-31",
    ),
    (
        "Profit rose in the third quarter from a year earlier.",
        "1989-10-27",
        "the third quarter",
        "DATE",
        "1989-Q3",
        "1989-07-01",
        "1989-09-30",
    ),
    (
        "Elian was found clinging to an inner tube on Thanksgiving Day.",
        "2000-01-07",
        "Thanksgiving Day",
        "DATE",
        "1999-11-25",
        "1999-11-25",
        "1999-11-25",
    ),
    (
        "Profit in the winter of nineteen ninety-four was low.",
        "1998-02-23",
        "the winter of nineteen ninety-four",
        "DATE",
        "1994-WI",
        "1994-12-01",
        "1995-02-28",
    ),
    (
        "The court hearing is set for the week of March 6, his lawyer said.",
        "2000-02-24",
        "the week of March 6",
        "DATE",
        "2000-W10",
        "2000-03-06",
        "2000-03-12",
    ),
    (
        "Mr. Smith, in his seventies, spoke in the late nineties about it.",
        "2001-05-05",
        "the late nineties",
        "DATE",
        "199",
        "1990-01-01",
        "1999-12-31",
    ),
    # A date moved is ahead, though its verb is past (issue 18).
    (
        "The vote was postponed until Saturday, officials said.",
        "1989-10-30",
        "Saturday",
        "DATE",
        "1989-11-04",
        "1989-11-04",
        "1989-11-04",
    ),
    # A year range written with a dash spans both years (issue 18).
    (
        "The 2009-2010 season ended early.",
        "2011-03-01",
        "2009-2010",
        "DATE",
        "2009",
        "2009-01-01",
        "2010-12-31",
    ),
    # A year before a noun is still a year: TimeML tags it, as TimeBank and
    # AQUAINT do every `the 1988 period`, `its 1990 invasion` (17 of 17).
    (
        "The 1953 team won the cup.",
        "2011-03-01",
        "1953",
        "DATE",
        "1953",
        "1953-01-01",
        "1953-12-31",
    ),
    # A month written whole ends the date before the sentence's full stop;
    # the dot belongs to an abbreviation (`1 Jan.`) only.
    (
        "The new rules took effect on 1 January.",
        "2024-03-06",
        "1 January",
        "DATE",
        "2024-01-01",
        "2024-01-01",
        "2024-01-01",
    ),
    (
        "The new rules took effect on 1 Jan.",
        "2024-03-06",
        "1 Jan.",
        "DATE",
        "2024-01-01",
        "2024-01-01",
        "2024-01-01",
    ),
    # A day of the month in words with `the ... of` is that day (was the
    # month alone); the Fourth of July is a holiday's date.
    (
        "The new law comes into force on the first of April.",
        "2024-03-06",
        "the first of April",
        "DATE",
        "2024-04-01",
        "2024-04-01",
        "2024-04-01",
    ),
    (
        "The fleet sailed from Wonsan on the twenty-fifth of June, 1950.",
        "2024-03-06",
        "the twenty-fifth of June, 1950",
        "DATE",
        "1950-06-25",
        "1950-06-25",
        "1950-06-25",
    ),
    (
        "Fireworks will light the sky on the Fourth of July.",
        "2024-03-06",
        "the Fourth of July",
        "DATE",
        "2024-07-04",
        "2024-07-04",
        "2024-07-04",
    ),
    # `in two weeks' time` is the date that far on, not a length.
    (
        "The result will be known in two weeks' time.",
        "2024-03-06",
        "two weeks' time",
        "DATE",
        "2024-W12",
        "2024-03-18",
        "2024-03-24",
    ),
    (
        "The new season opens in a month’s time.",
        "2024-03-06",
        "a month’s time",
        "DATE",
        "2024-04",
        "2024-04-01",
        "2024-04-30",
    ),
    # `on Friday` ahead in a story dated that Friday is that day.
    (
        "The summit will open on Friday in Pyongyang.",
        "1989-11-03",
        "Friday",
        "DATE",
        "1989-11-03",
        "1989-11-03",
        "1989-11-03",
    ),
]


@pytest.mark.parametrize(
    ("text", "anchor", "printed", "kind", "value", "first", "last"), DATES
)
def test_tag_times_dates(
    pack: Pack,
    text: str,
    anchor: str | None,
    printed: str,
    kind: str,
    value: str,
    first: str,
    last: str,
) -> None:
    found = {t.text: t for t in tag_times(text, anchor=anchor, pack=pack)}
    assert printed in found, sorted(found)
    expression = found[printed]
    assert (expression.type, expression.value) == (kind, value)
    assert (expression.first_day, expression.last_day) == (first, last)


# (text, anchor, expression text, type, value)
OTHERS = [
    # A fortnight is two weeks, back or on as any count of weeks.
    (
        "The cargo ship left Nampho a fortnight ago.",
        "2024-03-06",
        "a fortnight ago",
        "DATE",
        "2024-W08",
    ),
    (
        "Talks resumed on 3 March. A fortnight later, they broke down.",
        "2024-03-20",
        "A fortnight later",
        "DATE",
        "2024-03-17",
    ),
    (
        "The plan will take three years to carry out.",
        None,
        "three years",
        "DURATION",
        "P3Y",
    ),
    ("He was held for six months.", None, "six months", "DURATION", "P6M"),
    ("It took a decade to rebuild the city.", None, "a decade", "DURATION", "P10Y"),
    # `the past` decade or century is the stretch up to the document's date;
    # `the last` one is the calendar's unit before the date's.
    (
        "Attacks had become routine over the past decade.",
        "1998-10-25",
        "the past decade",
        "DURATION",
        "P10Y",
    ),
    (
        "It was one of the great changes of the past century.",
        "1989-11-01",
        "the past century",
        "DURATION",
        "P100Y",
    ),
    (
        "The labour was forced on the people in the last century.",
        "2024-03-02",
        "the last century",
        "DATE",
        "19",
    ),
    (
        "over the past two months",
        "1998-01-08",
        "the past two months",
        "DURATION",
        "P2M",
    ),
    ("for 2 1/2 years", None, "2 1/2 years", "DURATION", "P2Y6M"),
    ("a five-year plan", None, "five-year", "DURATION", "P5Y"),
    (
        "in the last twenty four hours",
        None,
        "the last twenty four hours",
        "DURATION",
        "PT24H",
    ),
    (
        "The festival is held every year in April.",
        "2021-10-16",
        "every year",
        "SET",
        "P1Y",
    ),
    ("The prize is awarded annually.", None, "annually", "SET", "P1Y"),
    ("Meetings take place each Monday.", None, "each Monday", "SET", "XXXX-WXX-1"),
    # A plural part of day makes a weekday a set, and the day before `and`
    # shares it.
    (
        "The choir sings on Friday nights.",
        "1998-02-13",
        "Friday nights",
        "SET",
        "XXXX-WXX-5TNI",
    ),
    (
        "Two new ferries will sail on Monday and Tuesday evenings.",
        "1998-02-13",
        "Monday",
        "SET",
        "XXXX-WXX-1TEV",
    ),
    (
        "The ferry sailed on Friday night.",
        "1998-02-14",
        "Friday night",
        "TIME",
        "1998-02-13TNI",
    ),
    (
        "The rally began at 3 p.m. in the square.",
        "2021-10-16",
        "3 p.m.",
        "TIME",
        "2021-10-16T15:00",
    ),
    (
        "Trading closed at 10:35 a.m. EST.",
        "1998-08-07",
        "10:35 a.m. EST",
        "TIME",
        "1998-08-07T10:35",
    ),
    (
        "The leader arrived this morning.",
        "1998-02-06",
        "this morning",
        "TIME",
        "1998-02-06TMO",
    ),
    (
        "He spoke on television Friday morning.",
        "1998-08-08",
        "Friday morning",
        "TIME",
        "1998-08-07TMO",
    ),
    ("Prices are now lower.", "1998-08-08", "now", "DATE", "PRESENT_REF"),
    ("Prices fell recently.", "1998-08-08", "recently", "DATE", "PAST_REF"),
    (
        "That may change in the near future.",
        None,
        "the near future",
        "DATE",
        "FUTURE_REF",
    ),
    ("The delegation left yesterday.", None, "yesterday", "DATE", "XXXX-XX-XX"),
    ("The ceremony falls on October 17.", None, "October 17", "DATE", "XXXX-10-17"),
    (
        "in recent years the harvest improved",
        "2021-10-16",
        "recent years",
        "DATE",
        "PAST_REF",
    ),
    # Lengths with no number after a verb of lasting (issue 18).
    ("The repairs took minutes.", "2021-10-16", "minutes", "DURATION", "PTXM"),
    ("The siege lasted weeks.", "2021-10-16", "weeks", "DURATION", "PXW"),
    ("After months of talks, they agreed.", "2021-10-16", "months", "DURATION", "PXM"),
    ("Dividends are paid annually.", "2021-10-16", "annually", "SET", "P1Y"),
]


@pytest.mark.parametrize(("text", "anchor", "printed", "kind", "value"), OTHERS)
def test_tag_times_durations_sets_times(
    pack: Pack, text: str, anchor: str | None, printed: str, kind: str, value: str
) -> None:
    found = {t.text: t for t in tag_times(text, anchor=anchor, pack=pack)}
    assert printed in found, sorted(found)
    assert (found[printed].type, found[printed].value) == (kind, value)


def test_tag_times_anniversary_dates_the_founding_day(pack: Pack) -> None:
    text = (
        "The 95th anniversary of the Down-with-Imperialism Union (DIU) formed by "
        "President Kim Il Sung falls on October 17."
    )
    found = {t.text: t for t in tag_times(text, anchor="2021-10-16", pack=pack)}
    assert found["October 17"].value == "2021-10-17"
    anniversary = found["The 95th anniversary"]
    assert (anniversary.type, anniversary.value) == ("DATE", "1926-10-17")
    assert (anniversary.first_day, anniversary.last_day) == ("1926-10-17", "1926-10-17")


def test_is_anniversary_tells_the_phrase_from_a_date(pack: Pack) -> None:
    # The TimeML adapter (eval/timeml.py) leaves the phrase out: not a TIMEX3.
    text = "The 50th anniversary of the alliance fell on April 4, 1999."
    found = {
        t.text: is_anniversary(t.text) for t in tag_times(text, anchor=None, pack=pack)
    }
    assert found == {"The 50th anniversary": True, "April 4, 1999": False}


def test_tag_times_anniversary_with_a_loose_date_gives_the_year(pack: Pack) -> None:
    text = (
        "A reception was hosted on Friday on the occasion of the 76th anniversary "
        "of the establishment of diplomatic relations between the DPRK and Russia."
    )
    found = {t.text: t for t in tag_times(text, anchor="2024-10-12", pack=pack)}
    assert found["the 76th anniversary"].value == "1948"


def test_tag_times_anniversary_of_this_year(pack: Pack) -> None:
    text = "Events are planned to mark this year's 75th anniversary of the Party."
    found = {t.text: t for t in tag_times(text, anchor="2020-03-01", pack=pack)}
    assert found["75th anniversary"].value == "1945"


def test_tag_times_anniversary_alone_is_not_a_date(pack: Pack) -> None:
    text = "KCNA noted the 62nd anniversary in a commentary."
    assert tag_times(text, anchor="2007-10-10", pack=pack) == []


def test_tag_times_sorted_and_disjoint(pack: Pack) -> None:
    text = (
        "On 25 October 2010, a mass rally was staged. Three days later, KCNA said "
        "the 60th anniversary was marked last October and every year since 1950."
    )
    times = tag_times(text, anchor="2011-06-20", pack=pack)
    assert [t.start for t in times] == sorted(t.start for t in times)
    for left, right in itertools.pairwise(times):
        assert left.end <= right.start


def test_tag_times_carries_a_historical_year_through_a_story(pack: Pack) -> None:
    text = (
        "The war broke out on June 25, 1950. The capital was liberated soon. "
        "On June 28 the enemy fled Seoul, and in July the army advanced.\n\n"
        "On Friday, Kim Jong Un visited a farm. On August 3 he will visit a mine."
    )
    values = [t.value for t in tag_times(text, anchor="2024-08-02", pack=pack)]
    assert values == ["1950-06-25", "1950-06-28", "1950-07", "2024-08-02", "2024-08-03"]


def test_tag_times_halves_a_year(pack: Pack) -> None:
    text = "in the struggle of the second half of the year for the Party's plan"
    (half,) = tag_times(text, anchor="2024-07-20", pack=pack)
    assert (half.text, half.value) == ("the second half of the year", "2024-H2")
    assert (half.first_day, half.last_day) == ("2024-07-01", "2024-12-31")


@pytest.mark.parametrize(
    ("text", "printed", "value"),
    [
        # A year printed earlier lends itself within the stored sentence only:
        # the split ends a sentence at a stop before a lower-case word too.
        (
            "The talks opened on 3 March 2020 and on June 28 they ended.",
            "June 28",
            "2020-06-28",
        ),
        (
            "The talks opened on 3 March 2020. then on June 28 they ended.",
            "June 28",
            "2021-06-28",
        ),
        # An anniversary is dated by a date of its own sentence; a line break
        # ends one.
        (
            "The 95th anniversary of the Union falls on October 17. a rally.",
            "The 95th anniversary",
            "1926-10-17",
        ),
        (
            "Celebrating the 95th anniversary of the Union\nOn October 17, 2021 a"
            " rally was held.",
            "October 17, 2021",
            "2021-10-17",
        ),
    ],
)
def test_sentence_windows_read_the_stored_split(
    pack: Pack, text: str, printed: str, value: str
) -> None:
    times = tag_times(text, anchor="2021-10-16", pack=pack)
    assert [(t.text, t.value) for t in times if t.text == printed] == [(printed, value)]


def test_tag_times_minutes_of_a_meeting_are_no_length(pack: Pack) -> None:
    found = tag_times("The minutes of the meeting were read.", anchor=None, pack=pack)
    assert found == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Inside a dated speech, `ago` and `today` count from the speech.
        (
            "He said in a speech on 25 October 2010: “Six decades ago, the"
            " volunteers came. Today we honour them.”",
            [("Six decades ago", "1950"), ("Today", "2010-10-25")],
        ),
        # Straight and typeset (``…'') marks open a quote as curly ones do.
        (
            'He said in a speech on 25 October 2010: "Six decades ago, the'
            ' volunteers came." Two years ago, it rained.',
            [("Six decades ago", "1950"), ("Two years ago", "2009")],
        ),
        (
            "He said on Oct. 25, 2010: ``Six decades ago, the volunteers came.''",
            [("Six decades ago", "1950")],
        ),
        # A straight quote left open ends with its paragraph.
        (
            'He said in a speech on 25 October 2010: "It was hard.\n\n'
            "Six decades ago, the river froze.",
            [("Six decades ago", "1951")],
        ),
        # A quote with no date of its own counts from the report.
        (
            "“Six decades ago, the volunteers came,” a veteran said.",
            [("Six decades ago", "1951")],
        ),
    ],
)
def test_tag_times_quoted_speech_counts_from_its_date(
    pack: Pack, text: str, expected: list[tuple[str, str]]
) -> None:
    found = tag_times(text, anchor="2011-10-25", pack=pack)
    relative = [
        (t.text, t.value)
        for t in found
        if t.text not in ("25 October 2010", "Oct. 25, 2010")
    ]
    assert relative == expected
