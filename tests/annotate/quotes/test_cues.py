"""Cue verbs: the once-per-text verb index reads every window as a word walk does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.quotes.cues import VERBS, _verb_words, cues
from tests.properties import examples

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
@given(st.lists(_PIECES, max_size=25).map("".join), st.data())
def test_any_window_reads_as_the_word_walk(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _verb_words(text, start, end) == walked(text, start, end)
