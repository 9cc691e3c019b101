"""Reuse on real text: a kcna-2024 commentary quoted in a long essay is found
among the whole year of wire copy, with spans on exactly the quoted sentences."""

from __future__ import annotations

import json
import sqlite3
import textwrap
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from dossier.present.cli.build import build_files
from dossier.settings import Settings
from tests.link.test_reuse import essay_words, listing, near, record, write
from tests.shared import Shared, copy

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

TITLE = 'Waters of Red Sea, "Maze" of Armed Interventionists'
FIRST = "This incident clearly showed"
LAST = "But it is one reason to consider."
# Stock phrases of KCNA that unrelated stories share (up to 25 words).
STOCK = (
    "Kim Jong Un, general secretary of the Workers' Party of Korea and president"
    " of the State Affairs of the Democratic People's Republic of Korea, and"
    " Choe Ryong Hae, member of the Presidium of the Political Bureau of the"
    " Central Committee of the Workers' Party of Korea"
)


def quoted(text: str) -> str:
    """The three sentences as an essayist re-typed them: straight quotes,
    wrapped at 64 columns, one OCR slip."""
    passage = text[text.index(FIRST) : text.index(LAST) + len(LAST)]
    passage = passage.replace("“", '"').replace("”", '"').replace("’", "'")
    return textwrap.fill(passage.replace("confusion", "confusicn"), 64)


@pytest.fixture(scope="module")
def db(
    corpus: Path,
    kcna_jsonl: Path,
    kcna_built: Shared,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """The essays and the seeds built into a copy of the session's kcna-2024:
    the essays are then found among the year of wire copy stored before
    them, as a user adding them finds. The annotated build other modules
    read, and annotated here too so the year's file is left unchanged: a
    build of the year without annotations for this module alone cost some
    8 CPU s more than annotating the essays and seeds (issue 14, part 7)."""
    jsonl = kcna_jsonl
    with jsonl.open(encoding="utf-8") as handle:
        story = next(r for r in map(json.loads, handle) if r["title"] == TITLE)
    folder = tmp_path_factory.mktemp("kcna-reuse")
    text = (
        essay_words(11, 1000)
        + '\n\nThe agency wrote:\n\n"'
        + quoted(story["text"])
        + '"\n\n'
        + essay_words(12, 1000)
    )
    stock = essay_words(13, 300) + " " + STOCK + ". " + essay_words(14, 300)
    essays = folder / "essays"
    write(essays, "essay.jsonl", record(text, "Red Sea Essay", "2024-09-01"))
    write(essays, "stock.jsonl", record(stock, "Stock Essay", "2024-09-01"))
    assert kcna_built.report.failures == []
    path = copy(kcna_built.db, folder / "kcna.db")
    settings = Settings(db=str(path))
    report = build_files([jsonl, corpus / "seeds", essays], settings)
    assert report.failures == []
    assert (report.unchanged, report.stored) == (1, 7)
    return path


def document(db: Path, title: str) -> dict[str, Any]:
    with closing(sqlite3.connect(db)) as connection:
        connection.row_factory = sqlite3.Row
        row = connection.execute(
            "SELECT id, text, coalesce(copy_group, id) AS independent FROM documents"
            " WHERE title = ? AND kind = 'article' ORDER BY copy_of IS NOT NULL",
            (title,),
        ).fetchone()
    return dict(row)


def test_the_quotation_is_found_with_spans_on_the_quoted_sentences(db: Path) -> None:
    paper = document(db, "Red Sea Essay")
    pairs = listing("reuse", "--db", str(db), "--doc", paper["id"])
    story = document(db, TITLE)
    assert [p["b"] for p in pairs] == [story["independent"]]
    [pair] = pairs
    assert pair["direction"] == "b->a" and pair["score"] > 0.95
    for side, doc in (("a_span", paper), ("b_span", story)):
        text = doc["text"]
        first, last = text.index(FIRST), text.index(LAST) + len(LAST)
        assert near(pair[side], (first, last)), text[slice(*pair[side])]


def test_stock_phrases_alone_are_no_reuse(db: Path) -> None:
    paper = document(db, "Stock Essay")
    assert listing("reuse", "--db", str(db), "--doc", paper["id"]) == []


def test_the_blog_quoting_kcna_of_2010_finds_nothing_in_kcna_of_2024(
    db: Path,
) -> None:
    """The seed blog post quotes KCNA of 2010 at length; kcna-2024 holds
    2023-24 wire copy only: no passage of the one is in the other."""
    blog = document(
        db,
        "In defence of the DPRK’s proletarian internationalist history and traditions",
    )
    assert listing("reuse", "--db", str(db), "--doc", blog["id"]) == []
