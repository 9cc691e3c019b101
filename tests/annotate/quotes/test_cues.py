"""Cue verbs: the once-per-text verb index reads every window as a word walk does."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.quotes.cues import (
    REPORTING,
    VERBS,
    _verb_words,
    cues,
    may_hold_cues,
    reporting_cues,
)
from dossier.annotate.reading import read_text
from tests.properties import examples
from tests.real_texts import kcna_and_seeds
from tests.windows import Window, windows

_WORD = re.compile(r"[A-Za-z]+")


def walked(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The plain reading: every ASCII-letter run inside the window, if a verb."""
    return [
        m.span() for m in _WORD.finditer(text, start, end) if m.group().lower() in VERBS
    ]


def test_cues_in_a_sentence() -> None:
    text = (
        "Officials said on Monday that the minister stressed the point, he told KCNA."
    )
    found = [(c.verb, text[c.start : c.end]) for c in cues(text, 0, len(text))]
    assert found == [("said", "said"), ("stressed", "stressed"), ("told", "told")]


def test_a_window_cutting_a_word_reads_the_piece_inside_it() -> None:
    text = "He resaid it. They saying"
    assert _verb_words(text, 5, 12) == walked(text, 5, 12) == [(5, 9)]  # "said"
    assert _verb_words(text, 19, 22) == walked(text, 19, 22) == [(19, 22)]  # "say"
    assert _verb_words(text, 20, 22) == []


_PIECES = st.sampled_from(
    [
        "said",
        "Said",
        "SAYS",
        "told",
        "resaid",
        "saying",
        "note",
        "notes",
        "the",
        " ",
        ",",
        ".",
        "\n",
        "é",
        "\u212a",
        "İ",
        "x",
        "-",
        "stated",
        "'",
    ]
)


@settings(max_examples=examples(500), deadline=None)
@given(windows(_PIECES, 25))
def test_any_window_reads_as_the_word_walk(window: Window) -> None:
    text, start, end = window
    assert _verb_words(text, start, end) == walked(text, start, end)


@settings(max_examples=examples(500), deadline=None)
@given(windows(_PIECES, 25))
def test_a_window_said_to_hold_no_cue_holds_none(window: Window) -> None:
    text, start, end = window
    if not may_hold_cues(text, start, end):
        assert _verb_words(text, start, end) == []


@settings(max_examples=examples(500), deadline=None)
@given(windows(_PIECES, 25))
def test_reporting_cues_are_the_cues_of_reporting_verbs(window: Window) -> None:
    text, start, end = window
    expected = [c for c in cues(text, start, end) if c.verb in REPORTING]
    assert list(reporting_cues(text, start, end)) == expected


def test_reporting_cues_of_real_sentences(corpus: Path) -> None:
    texts = kcna_and_seeds(corpus, 300)
    found = 0
    for text in texts:
        reading = read_text(text)
        starts = [*reading.bounds.starts, len(text)]
        for start, end in itertools.pairwise(starts):
            expected = [c for c in cues(text, start, end) if c.verb in REPORTING]
            assert list(reporting_cues(text, start, end)) == expected
            found += len(expected)
    assert found > 100


def test_sentences_with_and_without_a_cue() -> None:
    text = "The delegation left. Officials said so. He resaid it"
    assert not may_hold_cues(text, 0, 21)
    assert may_hold_cues(text, 21, 39)
    assert may_hold_cues(text, 44, 48)  # cuts "resaid": the piece is read
    assert not may_hold_cues(text, 40, 42)
