"""Metadata from the blocks `segment` set aside and the fields a format carries."""

from __future__ import annotations

import pytest

from dossier.meta import describe
from dossier.meta.dates import full_dates, parse_date
from dossier.model import Block, Document, Metadata, Source
from dossier.offsets import OffsetMap
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
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text, day_first=True) == expected


def test_parse_date_month_day_takes_year_hint() -> None:
    assert parse_date("August 5", year=2024) == "2024-08-05"


def test_parse_date_month_first_when_pack_says_so() -> None:
    assert parse_date("03/04/2011", day_first=False) == "2011-03-04"
    assert parse_date("16/10/2021", day_first=False) == "2021-10-16"  # forced


def test_full_dates_finds_every_full_date() -> None:
    text = "On 25 October 2010 a rally; KCNA, 21 October 2010; and June 1950."
    assert list(full_dates(text)) == ["2010-10-25", "2010-10-21"]


def document(
    *blocks: tuple[str, str], kind: str = "article", body: str | None = None
) -> Document:
    """A document whose blocks are (kind, text); its text is the `text` blocks."""
    made = []
    position = 0
    for block_kind, text in blocks:
        made.append(Block(block_kind, position, position + len(text), text))
        position += len(text) + 1
    if body is None:
        body = "\n\n".join(text for block_kind, text in blocks if block_kind == "text")
    return Document(kind, 0, body, OffsetMap.identity(len(body)), tuple(made))


def meta_of(pack: Pack, doc: Document, **fields: str) -> Metadata:
    return describe(doc, Source("x.txt", 0, doc.text, "utf-8", "", fields), pack)


BODY = ("text", "The delegation left for home by air on Friday after the talks.")


def test_describe_crawl_date_above_headline_is_not_the_article_date(
    pack: Pack,
) -> None:
    doc = document(
        ("meta", "March 09, 2026Mar 09, 2026"),
        ("headline", "Origin of Korean Revolution"),
        ("meta", "Date: 16/10/2021 | Source: Naenara (En) | Read original"),
        BODY,
    )
    meta = meta_of(pack, doc)
    assert (meta.title, meta.date, meta.outlet) == (
        "Origin of Korean Revolution",
        "2021-10-16",
        "Naenara",
    )


def test_describe_crawl_date_is_a_last_resort(pack: Pack) -> None:
    doc = document(("meta", "March 09, 2026"), ("headline", "A Title"), BODY)
    assert meta_of(pack, doc).date is None  # above the headline: the crawl's
    below = document(("headline", "A Title"), ("meta", "July 26, 2003"), BODY)
    assert meta_of(pack, below).date == "2003-07-26"


def test_describe_issue_line_gives_outlet_and_month(pack: Pack) -> None:
    doc = document(
        ("meta", "Proletarian issue 20 (October 2007)"),
        ("headline", "Building a revolutionary party"),
        BODY,
    )
    meta = meta_of(pack, doc)
    assert (meta.outlet, meta.date, meta.date_inferred) == (
        "Proletarian",
        "2007-10",
        False,
    )


def test_describe_byline_and_signature(pack: Pack) -> None:
    byline = document(("headline", "T"), ("meta", "By Jane Doe"), BODY)
    assert meta_of(pack, byline).author == "Jane Doe"
    signed = document(
        ("headline", "T"),
        BODY,
        ("signature", "Michael Thorburn, First Secretary, Workers Party U.S.A."),
    )
    assert meta_of(pack, signed).author == "Michael Thorburn"


def test_describe_wire_dateline(pack: Pack) -> None:
    doc = document(("dateline", "Pyongyang, August 5 (KCNA) -- "), BODY)
    meta = meta_of(pack, doc, date="2024-08-05", title="Talks Held")
    assert (meta.title, meta.place, meta.outlet, meta.date) == (
        "Talks Held",
        "Pyongyang",
        "KCNA",
        "2024-08-05",
    )


def test_describe_dateline_refines_a_year_field(pack: Pack) -> None:
    doc = document(("dateline", "Pyongyang, August 5 (KCNA) -- "), BODY)
    assert meta_of(pack, doc, date="2024").date == "2024-08-05"
    # A field that disagrees with the dateline is kept: it is the publisher's.
    assert meta_of(pack, doc, date="2024-08-06").date == "2024-08-06"


def test_describe_yearless_dateline_infers_no_date_from_the_text(
    pack: Pack,
) -> None:
    body = "The armistice was signed on July 27, 1953, the report recalled."
    doc = document(("dateline", "Pyongyang, July 28 (KCNA) -- "), ("text", body))
    meta = meta_of(pack, doc)
    assert (meta.date, meta.date_inferred, meta.place) == (None, False, "Pyongyang")


def test_describe_infers_latest_full_date_when_nothing_is_printed(
    pack: Pack,
) -> None:
    body = (
        "A rally took place on 25 October 2010. (‘Report’, KCNA, 6 June 2011) "
        "The war ended on July 27, 1953."
    )
    meta = meta_of(pack, document(("headline", "T"), ("text", body)))
    assert (meta.date, meta.date_inferred) == ("2011-06-06", True)
    teaser = document(("teaser-headline", "T"), ("text", body), kind="teaser")
    assert meta_of(pack, teaser).date is None  # a cut-off lead proves nothing


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("Note from the archive group – 12 May 2011", "2011-05-12"),
        ("Statement | June 4, 1937", "1937-06-04"),
        ("Anniversary of Battle (June 4, 1937) Marked", None),
        ("Letter – written on 12 May 2011", None),
        ("Speech - 2011", None),
    ],
)
def test_describe_date_closing_the_headline(
    pack: Pack, title: str, date: str | None
) -> None:
    meta = meta_of(pack, document(("headline", title), BODY))
    assert (meta.date, meta.date_inferred) == (date, False)


def test_describe_format_fields_win(pack: Pack) -> None:
    doc = document(("headline", "Printed Title"), ("meta", "By Jane Doe"), BODY)
    meta = meta_of(pack, doc, title="Field Title", author="A. Writer", url="http://x/1")
    assert (meta.title, meta.author, meta.url) == (
        "Field Title",
        "A. Writer",
        "http://x/1",
    )
