"""The five seed documents, end to end: what goes in, what stays out, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.model import Document, FileResult
from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.settings import Settings

pytestmark = pytest.mark.corpus

SEEDS = {
    "000": "000_93860ccdcad85861.txt",
    "001": "001_553ac64aeb1b557d.txt",
    "002": "002_c8f9440677248b8d.txt",
    "003": "003_c49ef085c362b3d7.txt",
    "004": "004_c28811d76c948e0f.txt",
}

TEASER_TITLES_002 = [
    "Mass Rallies Held in Cities and Counties of DPRK",
    "National Percussion Instrument—Janggo",
    "Greetings Cards for International Women’s Day Produced in DPRK",
    "Koryo Medicine-based Constitution Classification System Developed",
    "March 8 and Korean Women",
    "Pomhyanggi-brand Cosmetics",
    "“Women Are Flowers”",
    "Military-Civilian Meetings Held in DPRK",
    "DPRK Boasts Long History of Porcelain Production",
    "Military-Civilian Meetings Held in DPRK",
    "Natural Monument–Tal Gate in Sea Chilbo",
    "Enlarged Plenary Meeting of Cabinet Party Committee Held",
    "Nation Abounds with Tourism Resources",
]


@pytest.fixture(scope="module")
def results(corpus: Path, pack: Pack) -> dict[str, FileResult]:
    return {
        key: run_file(corpus / "seeds" / name, pack, Settings())
        for key, name in SEEDS.items()
    }


def documents(result: FileResult, kind: str) -> list[Document]:
    return [d for s in result.sources for d in s.documents if d.kind == kind]


def article(results: dict[str, FileResult], key: str) -> Document:
    (only,) = documents(results[key], "article")
    return only


@pytest.mark.parametrize(
    ("key", "articles", "teasers"),
    [("000", 1, 0), ("001", 1, 0), ("002", 1, 13), ("003", 1, 0), ("004", 1, 0)],
)
def test_seed_document_counts(
    results: dict[str, FileResult], key: str, articles: int, teasers: int
) -> None:
    result = results[key]
    assert result.failures == ()
    assert len(documents(result, "article")) == articles
    assert len(documents(result, "teaser")) == teasers


@pytest.mark.parametrize(
    ("key", "first", "last"),
    [
        (
            "000",
            "On Sunday 7 October’07 the Friends of Korea held a very successful",
            "'Historical lessons in building socialism and the General Line of our "
            "Party' by Kim Jong Il.",
        ),
        (
            "001",
            "In celebration of the 62nd anniversary of the founding of the Workers’ "
            "Party of Korea, 10 October 1945.",
            "Like the Irish people, the Korean people, too, can now not only say, "
            "‘our day will come’, but also ‘our day is coming’.",
        ),
        (
            "002",
            "The 95th anniversary of the Down-with-Imperialism Union (DIU) formed by "
            "President Kim Il Sung falls on October 17.",
            "it has performed great exploits and developed and strengthened into a "
            "powerful revolutionary Party with steel-strong unity and rich experience.",
        ),
        (
            "003",
            "Fifty years ago, on July 27, 1953, the Korean people won victory in their "
            "liberation war against U.S. imperialist aggression.",
            "the Korean people are indemnified for the monstrous crimes committed "
            "against them by U.S. imperialism.",
        ),
        (
            "004",
            "One important aspect of the current international situation is that,",
            "A principled and effective movement in solidarity with the Korean people "
            "will be built among the British working class in opposition to such "
            "people, not in collaboration with them.",
        ),
    ],
)
def test_seed_article_keeps_first_and_last_sentence(
    results: dict[str, FileResult], key: str, first: str, last: str
) -> None:
    document = article(results, key)
    text = document.text
    # The headline, when there is one, opens the text as its title (issue 18).
    headline, _, body = text.partition("\n\n")
    assert (body if headline == document.meta.title else text).startswith(first)
    assert text.endswith(last)


@pytest.mark.parametrize(
    ("key", "gone"),
    [
        ("000", ["\ufffd", "Kim II Sung", "Kim Jong II"]),
        (
            "001",
            [
                "enter your email address",
                "Prol Shop",
                "Search Proletarian",
                "printer-friendly",
                "back to Proletarian index",
                "Proletarian issue 20",
                "Building a revolutionary party – the Korean experience",
            ],
        ),
        (
            "002",
            [
                "March 09, 2026",
                "Mar 09, 2026",
                "KCNA Naenara (En)",
                "Origin of Korean Revolution",
                "Date: 16/10/2021",
                "Read original version at source",
                "More From Naenara",
                "More Articles",
                *TEASER_TITLES_002,
                "Mass rallies took place in cities and counties",
                "Pomhyanggi (spring scent)",
            ],
        ),
        (
            "003",
            [
                "Letter to Comrade Kim Jong Il, General Secretary",
                "July 26, 2003",
                "Michael Thorburn",
                "First Secretary, Workers Party U.S.A.",
            ],
        ),
        (
            "004",
            [
                "In defence of the DPRK’s proletarian",
                "Comments are closed",
                "trackbacks and pingbacks",
            ],
        ),
    ],
)
def test_seed_article_drops_page_furniture(
    results: dict[str, FileResult], key: str, gone: list[str]
) -> None:
    document = article(results, key)
    # The headline opens the text as the article's own (issue 18); the rest
    # of the page's furniture, a repeat of the headline included, is gone.
    headline, _, body = document.text.partition("\n\n")
    text = body if headline == document.meta.title else document.text
    assert [line for line in gone if line in text] == []


def test_seed_teasers_keep_headline_lead_and_own_date(
    results: dict[str, FileResult],
) -> None:
    teasers = documents(results["002"], "teaser")
    assert [t.meta.title for t in teasers] == TEASER_TITLES_002
    assert teasers[0].text.startswith("Mass rallies took place in cities and counties")
    assert "\n" not in teasers[0].text  # the lead once, not the repeat
    assert [t.meta.date for t in teasers[:4]] == ["2026-03-09"] * 4
    assert teasers[-1].meta.date == "2026-03-06"
    assert all(t.meta.date_inferred is False for t in teasers)


@pytest.mark.parametrize(
    ("key", "field", "expected"),
    [
        ("001", "title", "Building a revolutionary party – the Korean experience"),
        ("001", "outlet", "Proletarian"),
        ("001", "date", "2007-10"),
        ("001", "date_inferred", False),
        ("002", "title", "Origin of Korean Revolution"),
        ("002", "date", "2021-10-16"),  # as printed, not the crawl date 2026-03-09
        ("002", "date_inferred", False),
        ("002", "outlet", "Naenara"),
        (
            "003",
            "title",
            "Letter to Comrade Kim Jong Il, General Secretary of the Workers' Party "
            "of Korea",
        ),
        ("003", "date", "2003-07-26"),
        ("003", "date_inferred", False),
        ("003", "author", "Michael Thorburn"),
        (
            "004",
            "title",
            "In defence of the DPRK’s proletarian internationalist history and "
            "traditions",
        ),
        ("004", "date_inferred", True),
        ("004", "author", None),
        ("000", "date_inferred", False),
        ("000", "author", None),
    ],
)
def test_seed_metadata_as_printed(
    results: dict[str, FileResult], key: str, field: str, expected: object
) -> None:
    assert getattr(article(results, key).meta, field) == expected


def test_seed_004_date_is_inferred_from_its_latest_citation(
    results: dict[str, FileResult],
) -> None:
    # Nothing is printed as the post's date; its latest cited date (KCNA,
    # 6 June 2011) is the earliest it can be, and the text says "this year's
    # 75th anniversary of the International Brigades" (1936 + 75).
    assert article(results, "004").meta.date == "2011-06-06"


def test_seed_000_has_no_printed_date_to_invent(
    results: dict[str, FileResult],
) -> None:
    # "On Sunday 7 October’07" is the only date-like text; it is not a full
    # date, so nothing is inferred rather than a year the page never gives.
    assert article(results, "000").meta.date is None


def test_seed_article_offsets_lead_back_to_raw(
    results: dict[str, FileResult],
) -> None:
    for key in SEEDS:
        for item in results[key].sources:
            for document in item.documents:
                start, end = document.offsets.to_raw(0, 30)
                assert (
                    item.source.raw[start:end].split()[:3]
                    == (document.text[:30].split()[:3])
                ), key
