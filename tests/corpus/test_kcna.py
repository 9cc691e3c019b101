"""All of kcna-2024.jsonl through the pipeline: datelines, end markers, names."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from dossier.model import Document, FileResult, Source
from dossier.packs import Pack
from dossier.pipeline import run_file, run_source
from dossier.settings import Settings

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

ARTICLES = 1840
# "Pyongyang, August 5 (KCNA) --", also with an en dash on two items.
DATELINE = re.compile(r"^(?P<place>[A-Z][\w ]+), (?P<day>\w+ \d{1,2}) \(KCNA\) [-–]")
GLUED = re.compile(r"[a-z]Kim (Jong|Il)|Kim Jong Un[a-z]")


@pytest.fixture(scope="module")
def jsonl(corpus: Path) -> Path:
    return corpus / "kcna-2024" / "kcna-2024.jsonl"


@pytest.fixture(scope="module")
def records(jsonl: Path) -> list[dict[str, Any]]:
    with jsonl.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="module")
def built(jsonl: Path, pack: Pack) -> FileResult:
    # Text and metadata only: these tests read no annotation, and annotating
    # was most of their time. kcna-2024's annotation failures are checked on
    # the session's build of it (tests/corpus/test_trust.py).
    return run_file(jsonl, pack, Settings(annotate=False))


def articles(built: FileResult) -> list[tuple[int, Document]]:
    return [
        (item.source.part, document)
        for item in built.sources
        for document in item.documents
        if document.kind == "article"
    ]


def test_kcna_every_line_goes_in(built: FileResult) -> None:
    assert built.failures == ()
    assert len(built.sources) == ARTICLES
    assert [item.source.part for item in built.sources] == list(range(1, ARTICLES + 1))
    assert all(
        any(d.kind == "article" for d in item.documents) for item in built.sources
    )


def test_kcna_titles_and_dates_are_the_jsonl_fields(
    built: FileResult, records: list[dict[str, Any]]
) -> None:
    wrong = [
        (part, document.meta.title, document.meta.date)
        for part, document in articles(built)
        if (document.meta.title, document.meta.date, document.meta.outlet)
        != (records[part - 1]["title"], records[part - 1]["date"], "KCNA")
    ]
    assert wrong == []


def test_kcna_dateline_and_end_marker_leave_the_text(built: FileResult) -> None:
    left = [
        (part, document.text[:40], document.text[-20:])
        for part, document in articles(built)
        if "(KCNA) --" in document.text
        or "(KCNA) –" in document.text
        or "-0-" in document.text  # also glued on: `motherland.-0-`
    ]
    assert left == []


def test_kcna_dateline_becomes_place(
    built: FileResult, records: list[dict[str, Any]]
) -> None:
    with_dateline = {
        number: match["place"]
        for number, record in enumerate(records, start=1)
        if (match := DATELINE.match(record["text"]))
    }
    assert len(with_dateline) == 1782
    places = {part: document.meta.place for part, document in articles(built)}
    # 282 and 289 open with "have registered the highest records": the body
    # line must not be taken for navigation ("register").
    assert [p for p in with_dateline if places[p] != with_dateline[p]] == []
    assert all(places[part] is None for part in places if part not in with_dateline)


def test_kcna_no_glued_names_remain(built: FileResult) -> None:
    glued = [
        (item.source.part, match.group())
        for item in built.sources
        for document in item.documents
        for text in (document.text, document.meta.title or "")
        if (match := GLUED.search(text))
    ]
    assert glued == []


def test_kcna_dateline_without_year_takes_year_from_date_field(
    records: list[dict[str, Any]], pack: Pack
) -> None:
    record = records[9]  # "Pyongyang, January 12 (KCNA) --", dated 2024-01-12
    source = Source("kcna.jsonl", 10, record["text"], "utf-8", "", {"date": "2024"})
    (document,) = run_source(source, pack)[0].documents
    assert (document.meta.date, document.meta.date_inferred) == ("2024-01-12", False)


def test_kcna_dateline_without_year_is_not_replaced_by_an_old_date(
    records: list[dict[str, Any]], pack: Pack
) -> None:
    # Read as plain text, without the jsonl `date`: the text recalls 1953, but
    # the article is from the dateline's day in a year the page does not print.
    record = records[141]
    assert record["text"].startswith("Pyongyang, July 28 (KCNA) --")
    assert "July 27, 1953" in record["text"]
    source = Source("kcna.txt", 0, record["text"], "utf-8", "")
    (document,) = run_source(source, pack)[0].documents
    assert document.meta.date is None
    assert document.meta.place == "Pyongyang"


def test_kcna_first_paragraph_is_kept(built: FileResult) -> None:
    texts = {part: document.text for part, document in articles(built)}
    assert texts[282].startswith("Officials and workers of the Musan Mining Complex")
