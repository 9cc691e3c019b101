"""The one date reader: a printed date read the same by meta, citations and the
temporal tagger."""

from __future__ import annotations

import pytest

from dossier.annotate.quotes.citations import find_citations
from dossier.annotate.time import tag_times
from dossier.dates import full_dates, month_and_day, parse_date
from dossier.packs import Pack


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("July 26, 2003", "2003-07-26"),
        ("26 July 2003", "2003-07-26"),
        ("Sept. 9th, 1948", "1948-09-09"),
        ("2021-10-16", "2021-10-16"),
        ("Date: 16/10/2021 | Source: Naenara (En)", "2021-10-16"),
        ("03/04/2011", "2011-04-03"),  # day first, as the pack says
        ("Proletarian issue 20 (October 2007)", "2007-10"),
        ("October 2007", "2007-10"),
        ("1945", "1945"),
        ("February 30, 2020", None),
        ("no date here", None),
        ("August 5", None),  # no year to give it
        # An era year the reader is not told about still reads by its gloss.
        ("October 25, Juche 39 (1950)", "1950-10-25"),
        ("25 October, Juche 39 (1950)", "1950-10-25"),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text, day_first=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 25, Juche 39 (1950)", "1950-10-25"),
        ("October 25, Juche 39", "1950-10-25"),
        ("25 October Juche 113", "2024-10-25"),
        ("September Juche 102 (2013)", "2013-09"),
        ("Juche 113", "2024"),
        # The era wins over a gloss that disagrees, as in the tagger.
        ("October 25, Juche 39 (1951)", "1950-10-25"),
    ],
)
def test_parse_date_reads_pack_eras(pack: Pack, text: str, expected: str) -> None:
    assert parse_date(text, eras=pack.eras) == expected


def test_parse_date_month_day_takes_year_hint() -> None:
    assert parse_date("August 5", year=2024) == "2024-08-05"


def test_parse_date_month_first_when_pack_says_so() -> None:
    assert parse_date("03/04/2011", day_first=False) == "2011-03-04"
    assert parse_date("16/10/2021", day_first=False) == "2021-10-16"  # forced


def test_full_dates_finds_every_full_date() -> None:
    text = "On 25 October 2010 a rally; KCNA, 21 October 2010; and June 1950."
    assert list(full_dates(text)) == ["2010-10-25", "2010-10-21"]


@pytest.mark.parametrize(
    ("first", "second", "day_first", "expected"),
    [(3, 4, True, (4, 3)), (3, 4, False, (3, 4)), (16, 10, False, (10, 16))],
)
def test_month_and_day_orders_a_numeric_date(
    first: int, second: int, day_first: bool, expected: tuple[int, int]
) -> None:
    assert month_and_day(first, second, day_first=day_first) == expected


@pytest.mark.parametrize(
    "printed",
    [
        "October 25, Juche 39 (1950)",
        "October 25, Juche 39",
        "25 October 1950",
        "July 27, 1953",
        "Sept. 9, 1948",
        "16/10/2021",
        "03/04/2011",
        "2021-10-16",
        "October 1998",
        "September Juche 102 (2013)",
    ],
)
def test_tagger_and_reader_agree(pack: Pack, printed: str) -> None:
    (time,) = tag_times(f"It was {printed}.", anchor=None, pack=pack)
    assert time.value == parse_date(printed, day_first=pack.day_first, eras=pack.eras)


def test_citation_date_is_read_by_the_reader(pack: Pack) -> None:
    (citation,) = find_citations("(‘Title’, KCNA, 21 October 2010)", pack=pack)
    assert citation.date == parse_date("21 October 2010") == "2010-10-21"
