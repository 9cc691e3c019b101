"""All of kcna-2024.jsonl through the pipeline: datelines, end markers, names."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dossier.model import Source
from dossier.packs import Pack
from dossier.pipeline import run_source
from tests.shared import Shared

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


@dataclass(frozen=True)
class Stored:
    """A stored document of kcna-2024 and the line (source part) it came from."""

    part: int
    kind: str
    title: str | None
    date: str | None
    outlet: str | None
    place: str | None
    text: str


@pytest.fixture(scope="module")
def built(kcna_built: Shared) -> list[Stored]:
    """kcna-2024's documents as the session built them (tests/shared.py), in
    line order: reading the file through the pipeline again here, without
    annotating, cost 1.2 CPU s more (issue 14, part 7). Annotating changes no
    document's text or metadata."""
    assert kcna_built.report.failures == []
    with closing(sqlite3.connect(kcna_built.db)) as connection:
        rows = connection.execute(
            "SELECT s.part, d.kind, d.title, d.date, d.outlet, d.place, d.text"
            " FROM documents d JOIN sources s ON s.id = d.source_id"
            " ORDER BY s.part, d.ordinal"
        ).fetchall()
    return [Stored(*row) for row in rows]


@pytest.fixture(scope="module")
def parts(kcna_built: Shared) -> list[int]:
    """The stored sources' line numbers, in order."""
    with closing(sqlite3.connect(kcna_built.db)) as connection:
        return [
            part
            for (part,) in connection.execute("SELECT part FROM sources ORDER BY part")
        ]


def articles(built: list[Stored]) -> list[tuple[int, Stored]]:
    return [
        (document.part, document) for document in built if document.kind == "article"
    ]


def test_kcna_every_line_goes_in(built: list[Stored], parts: list[int]) -> None:
    assert parts == list(range(1, ARTICLES + 1))
    assert {part for part, _ in articles(built)} == set(parts)


def test_kcna_titles_and_dates_are_the_jsonl_fields(
    built: list[Stored], records: list[dict[str, Any]]
) -> None:
    wrong = [
        (part, document.title, document.date)
        for part, document in articles(built)
        if (document.title, document.date, document.outlet)
        != (records[part - 1]["title"], records[part - 1]["date"], "KCNA")
    ]
    assert wrong == []


def test_kcna_dateline_and_end_marker_leave_the_text(built: list[Stored]) -> None:
    left = [
        (part, document.text[:40], document.text[-20:])
        for part, document in articles(built)
        if "(KCNA) --" in document.text
        or "(KCNA) –" in document.text
        or "-0-" in document.text  # also glued on: `motherland.-0-`
    ]
    assert left == []


def test_kcna_dateline_becomes_place(
    built: list[Stored], records: list[dict[str, Any]]
) -> None:
    with_dateline = {
        number: match["place"]
        for number, record in enumerate(records, start=1)
        if (match := DATELINE.match(record["text"]))
    }
    assert len(with_dateline) == 1782
    places = {part: document.place for part, document in articles(built)}
    # 282 and 289 open with "have registered the highest records": the body
    # line must not be taken for navigation ("register").
    assert [p for p in with_dateline if places[p] != with_dateline[p]] == []
    assert all(places[part] is None for part in places if part not in with_dateline)


def test_kcna_no_glued_names_remain(built: list[Stored]) -> None:
    glued = [
        (document.part, match.group())
        for document in built
        for text in (document.text, document.title or "")
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


def test_kcna_first_paragraph_is_kept(built: list[Stored]) -> None:
    texts = {part: document.text for part, document in articles(built)}
    assert texts[282].startswith("Officials and workers of the Musan Mining Complex")
