"""`segment` on whole pages: the examples, and what never enters an article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier.clean import clean
from dossier.model import Document, FileResult, Source, SourceResult
from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.segment import segment
from dossier.settings import Settings
from tests.conftest import EXAMPLES

# Blocks that are never article text.
FURNITURE = frozenset(
    {
        "nav",
        "footer",
        "meta",
        "signature",
        "dateline",
        "end-marker",
        "teaser-headline",
        "teaser-lead",
        "teaser-date",
        "teaser-repeat",
    }
)
EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.iterdir() if p.name != "README.md")


def _run(name: str, pack: Pack) -> FileResult:
    result = run_file(EXAMPLES / name, pack, Settings())
    assert result.failures == ()
    return result


def _documents(result: FileResult, kind: str) -> list[Document]:
    return [d for s in result.sources for d in s.documents if d.kind == kind]


@pytest.mark.parametrize(
    ("name", "articles", "teasers"),
    [
        ("aggregator_page.txt", 1, 5),
        ("newsletter_ocr.txt", 1, 0),
        ("saved_webpage.txt", 1, 0),
        ("letter.txt", 1, 0),
        ("blog_post.txt", 1, 0),
        ("two_articles.txt", 2, 0),
        ("wire.jsonl", 4, 0),
    ],
)
def test_segment_examples_document_counts(
    name: str, articles: int, teasers: int, pack: Pack
) -> None:
    result = _run(name, pack)
    assert len(_documents(result, "article")) == articles
    assert len(_documents(result, "teaser")) == teasers


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        (
            "aggregator_page.txt",
            "The Complex of Koguryo Tombs, a treasure of the Korean nation,",
            "is due to come out next year.",
        ),
        (
            "newsletter_ocr.txt",
            "On Saturday 21 February the Example Korea Friendship Society",
            "which falls on 15 April.",
        ),
        (
            "saved_webpage.txt",
            "On the anniversary of the outbreak of the Korean War",
            "before the autumn session of Parliament.",
        ),
        (
            "letter.txt",
            "Dear Comrade Kim Jong Il,\n\nOn behalf of the members of the Example",
            "reunification of their homeland.\n\nWith comradely greetings,",
        ),
        (
            "blog_post.txt",
            "Last October the peoples of Korea and China",
            "built in hard times, not in easy ones.",
        ),
    ],
)
def test_segment_examples_article_bounds(
    name: str, first: str, last: str, pack: Pack
) -> None:
    (article,) = _documents(_run(name, pack), "article")
    # The headline opens the article's text, as its title (issue 18).
    headline, _, body = article.text.partition("\n\n")
    assert headline == article.meta.title
    assert body.startswith(first)
    assert article.text.endswith(last)


def test_segment_aggregator_teasers_have_titles(pack: Pack) -> None:
    teasers = _documents(_run("aggregator_page.txt", pack), "teaser")
    titles = [t.meta.title for t in teasers]
    assert all(titles)
    # The headline printed as a sentence, with its period, is a teaser too.
    assert any(title and title.endswith(".") for title in titles)
    for teaser in teasers:
        assert "\n" not in teaser.text
        assert teaser.text != teaser.meta.title


def test_segment_wire_items_lose_dateline_and_end_marker(pack: Pack) -> None:
    articles = _documents(_run("wire.jsonl", pack), "article")
    for article in articles:
        assert "(KCNA)" not in article.text
        assert "-0-" not in article.text
        assert article.text.endswith(".")


def _furniture(source: SourceResult) -> list[tuple[str, str, int, int]]:
    return [
        (block.kind, block.text, block.start, block.end)
        for document in source.documents
        for block in document.blocks
        if block.kind in FURNITURE
    ]


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_segment_keeps_furniture_out_of_articles(name: str, pack: Pack) -> None:
    for source in _run(name, pack).sources:
        articles = [d for d in source.documents if d.kind == "article"]
        for kind, text, _start, _end in _furniture(source):
            if len(text.strip()) < 12:
                continue  # too short to tell ("-0-", a bare date)
            for article in articles:
                assert text.strip() not in article.text, (kind, text)


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_segment_article_text_maps_outside_removed_spans(name: str, pack: Pack) -> None:
    for source in _run(name, pack).sources:
        removed = [
            (r.raw_start, r.raw_end) for r in source.removed if r.kind in FURNITURE
        ]
        for article in source.documents:
            if article.kind != "article":
                continue
            for word in re.finditer(r"\w+", article.text):
                start, end = article.offsets.to_raw(word.start(), word.end())
                assert not any(s < end and start < e for s, e in removed), (
                    name,
                    word.group(),
                )


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_segment_document_words_map_back_to_raw(name: str, pack: Pack) -> None:
    for source in _run(name, pack).sources:
        raw = source.source.raw
        repaired = [(r.raw_start, r.raw_end) for r in source.cleaned.repairs]
        for document in source.documents:
            assert document.offsets.clean_length == len(document.text)
            assert 0 <= document.raw_start <= document.raw_end <= len(raw)
            for word in re.finditer(r"\w+", document.text):
                start, end = document.offsets.to_raw(word.start(), word.end())
                if any(s < end and start < e for s, e in repaired):
                    continue
                bare = re.sub(r"[\s\ufffd]+", "", re.sub(r"-\s+", "", raw[start:end]))
                assert bare == word.group(), (name, word.group(), raw[start:end])


@pytest.mark.corpus
def test_segment_seed_aggregator_teasers(corpus: Path, pack: Pack) -> None:
    # The seed aggregator page: one article, and a sidebar of doubled teasers.
    path = next((corpus / "seeds").glob("002_*.txt"))
    result = run_file(path, pack, Settings())
    assert len(_documents(result, "article")) == 1
    teasers = _documents(result, "teaser")
    assert len(teasers) >= 10
    (article,) = _documents(result, "article")
    for teaser in teasers:
        assert teaser.meta.title
        assert teaser.meta.title not in article.text
        assert teaser.text not in article.text


SIGNED = (
    "On behalf of our committee I send warm greetings on the anniversary of "
    "the liberation of Korea.\n"
    "John Smith, Secretary, Example Friendship Association\n"
)


@pytest.mark.parametrize(
    ("encoding", "fields", "kinds"),
    [
        # Saved as text: a name and titles below the last paragraph sign it.
        ("utf-8", {}, ["text", "signature"]),
        # An extractor's text names its author in the page's metadata; a
        # line shaped like a signature there is the article's.
        ("utf-8+html", {"author": "John Smith"}, ["text", "text"]),
        # The page's text when no main text was found: read as saved text.
        ("utf-8+html-page", {}, ["text", "signature"]),
    ],
)
def test_segment_trusts_an_html_extractors_text(
    encoding: str, fields: dict[str, str], kinds: list[str], pack: Pack
) -> None:
    source = Source("page", 0, SIGNED, encoding, "", fields)
    [document], _ = segment(clean(source, pack), pack)
    assert [block.kind for block in document.blocks] == kinds
