"""Value normalisation classes from issue 18: tense, decades, weeks, parts of day."""

from __future__ import annotations

import pytest

from dossier.annotate.time import tag_times
from dossier.annotate.time.ranges import endpoints
from dossier.packs import Pack

# (text, anchor, expression text, type, value)
CASES = [
    # A two-digit decade after a mark is that decade of the anchor's century.
    ("Sales slowed through the late '80s, dealers said.", "1991-03-04",
     "the late '80s", "DATE", "198"),
    ("Prices doubled over the '90s.", "2003-05-06", "the '90s", "DATE", "199"),
    # `the mid-` holds its article as `the early` and `the late` do.
    ("Sales peaked in the mid-1990s.", "2003-05-06", "the mid-1990s", "DATE",
     "199"),
    # Irregular past verbs and `since` make the clause past: a month without
    # a year is then this year's or last year's, not next year's.
    ("Since the fund bought the mill in February, it has cut jobs.",
     "2001-10-30", "February", "DATE", "2001-02"),
    ("The buyers sold most of the stake in November, a filing shows.",
     "2001-08-02", "November", "DATE", "2000-11"),
    # ... but `will be paid` is still the future.
    ("The dividend will be paid Dec. 14 to holders of record.", "2001-10-30",
     "Dec. 14", "DATE", "2001-12-14"),
    # A plan told in the past perfect was for a day now gone.
    ("The offer had been scheduled to expire Friday evening.", "2001-10-29",
     "Friday evening", "TIME", "2001-10-26TEV"),
    # A part of a day with `mid`, `late` or `early`, on the day named.
    ("Shares were up 2 pence at mid-afternoon yesterday.", "2001-11-02",
     "mid-afternoon yesterday", "TIME", "2001-11-01TAF"),
    ("By late morning, the crowd had gone.", "2001-11-02", "late morning",
     "TIME", "2001-11-02TMO"),
    # `one day` after a modal is some day to come, not a length.
    ("The town may one day be a port again.", "2001-11-02", "one day", "DATE",
     "FUTURE_REF"),
    # A bare length is one when a word after it says so (issue 18).
    ("Minutes later, police arrived.", "2001-11-02", "Minutes", "DURATION",
     "PTXM"),
    ("Seconds later the bridge gave way.", "2001-11-02", "Seconds", "DURATION",
     "PTXS"),
    ("The deal follows months of talks.", "2001-11-02", "months", "DURATION",
     "PXM"),
    ("He died within weeks or months of his capture.", "2001-11-02",
     "weeks or months", "DURATION", "PXW"),
    ("The club plays 40 games each season.", "2001-11-02", "each season", "SET",
     "P1Y"),
    # A count of times before `a week` says how often, as `twice a week` does.
    ("The ferry crosses to the island three times a week.", "2001-11-02",
     "a week", "SET", "P1W"),
    # A vague step is still a set (`every few days`), not a length.
    ("Aid convoys reach the border town every few days.", "2001-11-02",
     "every few days", "SET", "PXD"),
    ("Officials briefed reporters every several hours.", "2001-11-02",
     "every several hours", "SET", "PTXH"),
    # A hyphenated pair of quarter words still makes a quarter.
    ("Net rose for the fiscal-first quarter ended Sept. 30.", "2001-10-26",
     "the fiscal-first quarter", "DATE", "2001-Q1"),
    ("We are there to stay for a fairly lengthy period.", "2001-11-02",
     "a fairly lengthy period", "DURATION", "PXX"),
    ("They will have to live without it for a while.", "2001-11-02", "a while",
     "DURATION", "PXX"),
    ("Over the years many more patients were saved.", "2001-11-02", "years",
     "DURATION", "PXY"),
    # "last February" in March is a year back; in May it is this year's.
    ("Two helicopters crashed last February.", "1998-03-01", "last February",
     "DATE", "1997-02"),
    ("Two helicopters crashed last February.", "1998-05-01", "last February",
     "DATE", "1998-02"),
    # By class (issue 18): tense of weekdays and fronted dates, year-ago
    # comparisons.
    # A date set before its clause by a comma takes the clause's tense: a
    # month long gone this year is not next year's.
    ("The talks dragged on. In January, the owners brought in a new chief.",
     "1989-10-27", "January", "DATE", "1989-01"),
    ("The talks dragged on. In January, the owners will bring in a new chief.",
     "1989-10-27", "January", "DATE", "1990-01"),
    ("Last March, the mill sold its port.", "2003-11-20", "Last March", "DATE",
     "2003-03"),
    # A timetable verb in the simple present is ahead: the coming weekday.
    ("The envoy, who arrives Saturday, will tour the camps.", "1998-08-12",
     "Saturday", "DATE", "1998-08-15"),
    ("The two leaders meet separately Monday with the mediator.", "1998-05-01",
     "Monday", "DATE", "1998-05-04"),
    ("The new rules take effect Monday.", "1998-08-12", "Monday", "DATE",
     "1998-08-17"),
    # ... but not as an infinitive under a plan now past.
    ("The offer had been due to expire Friday evening.", "1989-10-30",
     "Friday evening", "TIME", "1989-10-27TEV"),
    # "expects to" looks ahead, as "expected to" does.
    ("The company said it expects to release results in mid-January.",
     "1989-10-30", "mid-January", "DATE", "1990-01"),
    # A year and a half back is eighteen months back: a month.
    ("The mine closed a year and a half ago.", "1998-08-12",
     "a year and a half ago", "DATE", "1997-02"),
    # A weekday naming a deadline says nothing of the tense (and leaves its
    # article out, as TimeBank does); one set as the deadline is the nearest
    # such day, ahead or behind.
    ("Holders tendered 99% of the shares by the Tuesday deadline.",
     "1989-11-02", "Tuesday", "DATE", "1989-10-31"),
    ("The board set Friday as the deadline for bids.", "1989-11-02", "Friday",
     "DATE", "1989-11-03"),
    ("The judge set Friday as the deadline for his return.", "2000-01-15",
     "Friday", "DATE", "2000-01-14"),
    ("The board set Jan. 5 as the deadline for bids.", "1999-12-20", "Jan. 5",
     "DATE", "2000-01-05"),
    # Named before the date, a deadline is still ahead.
    ("The deadline for bids is Friday.", "2000-01-15", "Friday", "DATE",
     "2000-01-21"),
    # A span of years named as a period is not a quarter of its first year.
    ("The plan covers the 1996-2000 period.", "1998-08-08", "1996-2000", "DATE",
     "1996"),
    # A year-ago comparison is with results already reported, not with a
    # forecast quoted just before it.
    ("He expects losses through the third quarter of 1990. Profit fell 10%. "
     "In the year-ago period, the mill earned $101 million.", "1989-10-26",
     "the year-ago period", "DATE", "1988-Q3"),
    ("He expects losses through the third quarter of 1990. Profit fell 10% "
     "from $9 million a year ago.", "1989-10-26", "a year ago", "DATE", "1988"),
    # ... while a reported quarter still sets the comparison.
    ("Net rose in the third quarter from $5 million a year earlier.",
     "1989-10-26", "a year earlier", "DATE", "1988-Q3"),
    # Tense by class (issue 18): an adverb between a modal and `be` keeps
    # the clause ahead; a plan or a grant of time points ahead though told
    # in the past; a present progressive says nothing of direction.
    ("He said the vote would still be held on May 4 in the capital.",
     "2003-02-10", "May 4", "DATE", "2003-05-04"),
    ("The council said the vote was planned for early June.", "2003-02-10",
     "early June", "DATE", "2003-06"),
    ("The court has given the tenants until noon Thursday to leave.",
     "2003-02-10", "noon Thursday", "TIME", "2003-02-13T12:00"),
    ("The bank has extended the loans to the mill through January.",
     "2003-10-30", "January", "DATE", "2004-01"),
    ("The firm said it is redeeming the notes on Dec. 7 at par.", "2003-10-30",
     "Dec. 7", "DATE", "2003-12-07"),
    # ... but a past `could` is not a modal looking ahead.
    ("Neither man could be reached Wednesday for comment.", "2003-02-13",
     "Wednesday", "DATE", "2003-02-12"),
    # `and` joining two nouns does not end the clause whose verb is read.
    ("The airline will add flights between Lima and Quito by August.",
     "2003-02-10", "August", "DATE", "2003-08"),
    # A weekday's own event is that day or before, whatever the clause's tense.
    ("Lawyers will appeal Wednesday's ruling next month.", "2003-02-14",
     "Wednesday", "DATE", "2003-02-12"),
    ("Lawyers will appeal the ruling on Wednesday.", "2003-02-14",
     "Wednesday", "DATE", "2003-02-19"),
    # A time made a noun's modifier leaves its article out; a possessive is
    # always out (TimeBank's extents).
    ("The mill took a third-quarter charge.", "2001-11-02", "third-quarter",
     "DATE", "2001-Q3"),
    ("The two-week strike ended.", "2001-11-02", "two-week", "DURATION", "P2W"),
    ("Net fell in its fourth quarter.", "2001-11-02", "fourth quarter", "DATE",
     "2001-Q4"),
    ("Net fell in the third quarter.", "2001-11-02", "the third quarter", "DATE",
     "2001-Q3"),
    ("Net fell in the year-ago quarter.", "2001-11-02", "the year-ago quarter",
     "DATE", "2000-Q3"),
    # `within`, `only` and `just` are read but left out of the extent.
    ("Troops must leave within a week.", "2001-11-02", "a week", "DURATION",
     "P1W"),
    ("The answer comes in just a few minutes.", "2001-11-02", "a few minutes",
     "DURATION", "PTXM"),
    # Two quarters of a year are its half.
    ("Losses will run through the first two quarters of 1990.", "1989-10-26",
     "the first two quarters of 1990", "DATE", "1990-H1"),
    # A time in brackets restates one of its clause, and takes its tense.
    ("The ship will sail at dawn (6 a.m. Thursday), the port said.",
     "2003-02-10", "6 a.m. Thursday", "TIME", "2003-02-13T06:00"),
    # A year printed alone lends itself to a later day in its own clause, or
    # in the whole sentence when it opens it, but not past a clause it sits in.
    ("Under a plan adopted in 1997 that set no cap, the firm had bought "
     "shares through Sept. 29.", "2003-10-30", "Sept. 29", "DATE", "2003-09-29"),
    ("In 1997, the firm had bought shares through Sept. 29.", "2003-10-30",
     "Sept. 29", "DATE", "1997-09-29"),
    ("The firm had bought shares in 1997 through Sept. 29.", "2003-10-30",
     "Sept. 29", "DATE", "1997-09-29"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "anchor", "printed", "kind", "value"), CASES)
def test_tag_times_normalises(
    text: str, anchor: str, printed: str, kind: str, value: str, pack: Pack
) -> None:
    found = {
        t.text: (t.type, t.value) for t in tag_times(text, anchor=anchor, pack=pack)
    }
    assert found.get(printed) == (kind, value), found


def test_tag_times_leaves_rates_out(pack: Pack) -> None:
    # "$2 million a year" is a rate: TimeBank marks few of them (issue 18).
    text = "The cut saves $2 million a year and 700 seats a week."
    assert tag_times(text, anchor="2001-11-02", pack=pack) == []


def test_tag_times_no_length_without_a_lasting_word(pack: Pack) -> None:
    # "a time" and "the period" name no length of their own.
    text = "It was a time of war. The period ended. Some time is left."
    assert tag_times(text, anchor="2001-11-02", pack=pack) == []


def test_tag_times_a_year_earlier_than_nine_months_is_the_year(pack: Pack) -> None:
    text = (
        "Net rose in the third quarter from a year earlier. For the nine "
        "months, net was $5 million, up from $4 million a year earlier."
    )
    values = [t.value for t in tag_times(text, anchor="2001-10-26", pack=pack)]
    assert values == ["2001-Q3", "2000-Q3", "P9M", "2000"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("He sold shares between 1985 and 1987.", [("1985", "1985"), ("1987", "1987")]),
        (
            "It bought shares from Aug. 26 to Oct. 20 for $23 each.",
            [("Aug. 26", "2001-08-26"), ("Oct. 20", "2001-10-20")],
        ),
        # Two dates each with its month, joined by a dash: two TIMEX3.
        (
            "Statements marked the June 25-July 27 month of joint struggle.",
            [("June 25", "2001-06-25"), ("July 27", "2001-07-27")],
        ),
        (
            "The war of June 1950-July 1953.",
            [("June 1950", "1950-06"), ("July 1953", "1953-07")],
        ),
        # Days of one month after a dash stay one.
        ("The fair runs Jan. 5-9 in Seoul.", [("Jan. 5-9", "2002-01-05")]),
        # A dash range and a single date stay one TIMEX3.
        ("The war lasted from 1950-53 in Korea.", [("1950-53", "1950")]),
        ("It closed on Oct. 20 in New York.", [("Oct. 20", "2001-10-20")]),
    ],
)
def test_endpoints_write_a_word_range_as_two_dates(
    text: str, parts: list[tuple[str, str]], pack: Pack
) -> None:
    times = tag_times(text, anchor="2001-10-30", pack=pack)
    got = [
        (text[start:end], value)
        for time in times
        for start, end, value in endpoints(time)
    ]
    assert got == parts
