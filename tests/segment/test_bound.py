"""Long texts become bounded documents, with nothing dropped."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.model import Source
from dossier.packs import Pack
from dossier.pipeline import run_source
from dossier.segment.bound import MAX_DOCUMENT_CHARS, bounded
from tests.properties import examples

WORDS = ["the", "delegation", "visited", "a", "factory", "and", "met", "workers"]


def pieces_of(text: str) -> list[tuple[int, int]]:
    pieces, position = [], 0
    for paragraph in text.split("\n\n"):
        pieces.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    return pieces


def letters_in(text: str, runs: list[list[tuple[int, int]]]) -> str:
    return "".join("".join(text[s:e].split()) for run in runs for s, e in run)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(st.text(alphabet="ab .!?\n\fAB", min_size=0, max_size=120), max_size=20),
    st.integers(min_value=8, max_value=200),
)
def test_runs_keep_every_word_in_order_and_within_the_limit(
    paragraphs: list[str], limit: int
) -> None:
    text = "\n\n".join(paragraphs)
    pieces = pieces_of(text)
    runs = list(bounded(text, pieces, limit))
    # Nothing dropped but the spaces where a paragraph was cut.
    assert letters_in(text, runs) == "".join(text.split())
    for run in runs:
        assert run, "an empty run"
        assert sum(e - s for s, e in run) + 2 * (len(run) - 1) <= limit


def test_cuts_prefer_a_page_break_then_a_dateline() -> None:
    paragraphs = ["x" * 30, "y" * 30, "z" * 30, "w" * 30]
    text = "\n\n".join(paragraphs[:2]) + "\n\f\n" + "\n\n".join(paragraphs[2:])
    starts = [text.index(p) for p in paragraphs]
    pieces = [(s, s + 30) for s in starts]
    runs = list(bounded(text, pieces, 100))
    assert [len(run) for run in runs] == [2, 2]
    dateline = "Wonsan, May 3 -- bb"
    paragraphs = ["a" * 20, "b" * 20, dateline, "d" * 20, "e" * 20]
    text = "\n\n".join(paragraphs)
    runs = list(bounded(text, pieces_of(text), 86))
    assert [len(run) for run in runs] == [2, 3]
    # Without the dateline the latest paragraph end in the window wins.
    text = text.replace(dateline, "c" * len(dateline))
    assert [len(run) for run in bounded(text, pieces_of(text), 86)] == [3, 2]


def test_a_long_paragraph_is_cut_at_a_sentence_end() -> None:
    text = " ".join(f"Sentence number {n} ends here." for n in range(100))
    runs = list(bounded(text, [(0, len(text))], 300))
    for run in runs:
        for start, end in run:
            assert text[start:end].endswith("here.")
            assert text[start].isupper()


def test_a_book_sized_text_becomes_bounded_annotated_documents(pack: Pack) -> None:
    rng = random.Random(3)
    paragraphs = [
        " ".join(
            "On May 3, 1950 " + " ".join(rng.choices(WORDS, k=25)) + "."
            for _ in range(6)
        )
        for _ in range(1_200)
    ]
    raw = "\n\n".join(paragraphs) + "\n"
    assert len(raw) > 3 * MAX_DOCUMENT_CHARS
    source = Source("book.txt", 0, raw, "utf-8", "0" * 64)
    result, failures = run_source(source, pack)
    assert failures == []
    documents = result.documents
    assert len(documents) >= 4
    assert all(len(d.text) <= MAX_DOCUMENT_CHARS for d in documents)
    assert sum(len(d.text.split()) for d in documents) == len(raw.split())
    assert all(d.annotations is not None and d.annotations.times for d in documents)
