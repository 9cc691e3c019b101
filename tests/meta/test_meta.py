"""Metadata from the blocks `segment` set aside and the fields a format carries."""

from __future__ import annotations

import pytest

from dossier.meta import describe
from dossier.model import Block, Document, Metadata, Source
from dossier.offsets import OffsetMap
from dossier.packs import Pack


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


def test_describe_reads_a_date_line_in_a_pack_era(pack: Pack) -> None:
    doc = document(("headline", "A Title"), ("meta", "October 25, Juche 39"), BODY)
    assert meta_of(pack, doc).date == "1950-10-25"
