"""Nothing dropped silently (#13): short lines stay text without evidence.

A line leaves the article only as a pack phrase, a metadata line, a
repeated line or part of a menu run at the page's edge; a source that would
lose all its text is kept whole and flagged; no document lacks real words.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from dossier.model import Source
from dossier.packs import Pack
from dossier.pipeline import run_source
from dossier.segment import KEPT_WHOLE, MIN_DOCUMENT_CHARS, TOO_SHORT
from tests.segment.conftest import SegmentFunction
from tests.shared import Shared

# kcna-2024.jsonl's lines, each a story.
KCNA_STORIES = 1840

FUNERAL = """\
National funeral committee will be made up of following persons:
Kim Jong Un
Choe Ryong Hae
Pak Pong Ju
Kim Jae Ryong
Ri Il Hwan
Jo Yong Won
"""

# An OCR'd narrow column: eight short lines, too few words each to be body.
NARROW_COLUMN = """\
The society's spring
meeting was held in
Leeds on 12 April,
with members from
six branches and
a lively discussion
of the year's work
and its campaigns
"""

ESSAY_WITH_CODE = """\
Counting words in a wire archive

A short note on how the counts in our report were made. Every story was read
from the archive file and split into words before counting.

The counting loop is short:

counts = Counter()
for story in stories:
    counts.update(story.split())
print(counts.most_common(10))
"""

SHORT_LINE_NEWS = """\
Home
News
World
Sport
Contact
Rail link reopens
The rail link between the two towns reopened on Monday.
Trains run every hour.
Tickets cost £4.
Home
News
World
Sport
Contact
"""


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _article_words(run_segment: SegmentFunction, raw: str) -> list[str]:
    segmented = run_segment(raw)
    return _words(" ".join(d.text for d in segmented.of_kind("article")))


@pytest.mark.parametrize(
    "raw",
    [FUNERAL, NARROW_COLUMN, FUNERAL.replace("\n", "\n\n")],
    ids=["name-list", "narrow-column", "name-list-spaced"],
)
def test_short_lines_without_evidence_stay_text(
    raw: str, run_segment: SegmentFunction
) -> None:
    assert _article_words(run_segment, raw) == _words(raw)


def test_name_list_after_a_paragraph_stays_text(run_segment: SegmentFunction) -> None:
    raw = (
        "The plenary meeting of the Central Committee elected the members of its "
        "Political Bureau, and announced them at the end of the session.\n" + FUNERAL
    )
    assert _article_words(run_segment, raw) == _words(raw)


def test_code_lines_of_an_essay_stay_text(run_segment: SegmentFunction) -> None:
    words = _article_words(run_segment, ESSAY_WITH_CODE)
    assert words == _words(ESSAY_WITH_CODE)


def test_menu_runs_at_the_edges_leave_short_sentences_stay(
    run_segment: SegmentFunction,
) -> None:
    segmented = run_segment(SHORT_LINE_NEWS)
    (article,) = segmented.of_kind("article")
    assert article.text.split("\n\n") == [
        "Rail link reopens",
        "The rail link between the two towns reopened on Monday.",
        "Trains run every hour.",
        "Tickets cost £4.",
    ]
    assert article.meta.title is None or "Rail" in (article.meta.title or "Rail")
    raw = segmented.cleaned.text
    kinds = {(r.kind, raw[r.raw_start : r.raw_end]) for r in segmented.removed}
    assert ("nav", "Home") in kinds
    assert ("nav", "Contact") in kinds
    assert ("headline", "Rail link reopens") not in kinds  # read as the article's


def test_a_source_of_furniture_only_is_kept_whole(run_segment: SegmentFunction) -> None:
    raw = "Share this\nFollow us on social media\nLog in\n"
    segmented = run_segment(raw)
    (article,) = segmented.documents
    assert article.kind == "article"
    assert article.flags == (KEPT_WHOLE,)
    assert _words(article.text) == _words(raw)
    assert segmented.removed == []


def test_a_source_without_real_words_is_one_removed_span(
    run_segment: SegmentFunction,
) -> None:
    segmented = run_segment("Photo\n")
    assert segmented.documents == []
    assert [(r.kind, r.raw_start, r.raw_end) for r in segmented.removed] == [
        (TOO_SHORT, 0, 5)
    ]


def test_comma_tail_of_a_scraped_story_is_no_document(
    run_segment: SegmentFunction,
) -> None:
    raw = (
        "Pyongyang, May 5 (KCNA) -- A delegation left here on Sunday to visit Laos.\n"
        "It was seen off at the airport by officials concerned.\n,\n,\n-0-"
    )
    segmented = run_segment(raw)
    (article,) = segmented.documents
    assert article.text.endswith("officials concerned.")


@dataclass(frozen=True)
class Story:
    """A kcna-2024 line as the session's build stored it: its documents
    (kind, text) and the spans left out of them (kind, raw start, end)."""

    line: int
    documents: list[tuple[str, str]]
    removed: list[tuple[str, int, int]]


@pytest.fixture(scope="module")
def kcna_stories(kcna_built: Shared) -> list[Story]:
    """Every kcna-2024 story through the pipeline, as the session's build of
    the file stored it (tests/shared.py), in line order. Segmenting the year
    again here, a record's text at a time, cost 1.3 CPU s of the module's
    1.6 (issue 14, part 7); annotating changes no document or removed span."""
    assert kcna_built.report.failures == []
    with closing(sqlite3.connect(kcna_built.db)) as connection:
        lines = connection.execute("SELECT id, part FROM sources ORDER BY part")
        stories = {source: Story(part, [], []) for source, part in lines}
        for source, kind, text in connection.execute(
            "SELECT source_id, kind, text FROM documents ORDER BY source_id, ordinal"
        ):
            stories[source].documents.append((kind, text))
        for source, kind, start, end in connection.execute(
            "SELECT source_id, kind, raw_start, raw_end FROM removed"
            " ORDER BY source_id, raw_start"
        ):
            stories[source].removed.append((kind, start, end))
    return sorted(stories.values(), key=lambda story: story.line)


@pytest.mark.corpus
def test_kcna_every_story_keeps_all_its_text(kcna_stories: list[Story]) -> None:
    """Every kcna-2024 story gives an article holding every word of the
    story but its dateline, end marker and a closing signature line."""
    assert len(kcna_stories) == KCNA_STORIES
    lost = []
    for story in kcna_stories:
        articles = [text for kind, text in story.documents if kind == "article"]
        kept = " ".join(_words(" ".join(articles)))
        removed = [
            span
            for span in story.removed
            if span[0] not in {"dateline", "end-marker", "signature"}
        ]
        if not articles or removed:
            lost.append((story.line, removed[:2], kept[:60]))
    assert lost == []


@pytest.mark.corpus
def test_kcna_scraped_with_comma_joins_gives_the_same_articles(
    corpus: Path, pack: Pack
) -> None:
    """The archive's stories re-joined as a scraper does (", " between
    paragraphs, ", ," at the end) give the same article text, no junk."""
    with (corpus / "kcna-2024" / "kcna-2024.jsonl").open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle][::7]
    for number, text in enumerate(texts):
        paragraphs = [p for p in text.split("\n") if p.strip()]
        joined = "\n, ".join(paragraphs) + "\n, ,"
        plain = run_source(Source("a", number, text, "utf-8", ""), pack, extract=False)
        scraped = run_source(
            Source("b", number, joined, "utf-8", ""), pack, extract=False
        )
        assert [d.text for d in scraped[0].documents] == [
            d.text for d in plain[0].documents
        ], number


@pytest.mark.corpus
def test_no_document_under_twenty_characters(
    corpus: Path, pack: Pack, kcna_stories: list[Story]
) -> None:
    seeds = [
        Source(str(path), 0, path.read_text("utf-8"), "utf-8", "")
        for path in sorted((corpus / "seeds").glob("*.txt"))
    ]
    results = [run_source(source, pack, extract=False)[0] for source in seeds]
    texts = [
        (result.source.path, result.source.part, document.text)
        for result in results
        for document in result.documents
    ]
    texts += [
        ("kcna-2024.jsonl", story.line, text)
        for story in kcna_stories
        for _, text in story.documents
    ]
    assert len(texts) > KCNA_STORIES
    short = [
        (path, part, text)
        for path, part, text in texts
        if len(text.strip()) < MIN_DOCUMENT_CHARS
    ]
    assert short == []
