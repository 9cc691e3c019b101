"""A noun phrase read from a window's last characters is the one read from the
whole window."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.quotes import phrases
from dossier.annotate.quotes.cues import cues
from dossier.annotate.reading import read_text
from tests.properties import examples
from tests.real_texts import kcna_and_seeds
from tests.windows import Window, windows


def whole(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The reading of every token of the window (what the finder did before)."""
    tokens = list(phrases._TOKEN.finditer(text, start, end))
    return phrases._phrase_of(tokens, partial=False)


def test_a_short_phrase_at_the_end_of_a_long_window() -> None:
    text = "In a long report on the talks held in Pyongyang last week, " * 3
    text += "the Foreign Ministry spokesman"
    assert phrases._safe_tail(text, 0, len(text)) > 0  # read from the tail
    span = phrases.noun_phrase_before(text, 0, len(text))
    assert span == whole(text, 0, len(text))
    assert span is not None
    assert text[span[0] : span[1]] == "the Foreign Ministry spokesman"


def test_a_phrase_reaching_past_the_tail_is_read_whole() -> None:
    text = "Yesterday, the " + " ".join(["Plenipotentiary"] * 7)  # 111 characters
    span = phrases.noun_phrase_before(text, 0, len(text))
    assert span == whole(text, 0, len(text))
    assert span is not None
    assert span[0] < phrases._safe_tail(text, 0, len(text))
    assert text[span[0] : span[1]].startswith("the Plenipotentiary")


def test_a_window_ending_in_one_long_run_is_read_whole() -> None:
    text = "the" * 7 + "x" * 60  # no white space to start a tail after
    assert phrases._safe_tail(text, 0, len(text)) in (0, len(text))
    assert phrases.noun_phrase_before(text, 0, len(text)) == whole(text, 0, len(text))


def test_a_bracket_across_the_tail_is_read_whole() -> None:
    text = "x " * 40 + "(Korean Central News Agency of the DPRK) said"
    tail = phrases._safe_tail(text, 0, len(text))
    assert tail == 0 or "(" not in text[max(0, tail - 42) : tail]
    assert phrases.noun_phrase_before(text, 0, len(text)) == whole(text, 0, len(text))


def test_real_windows_read_as_the_whole_window(corpus: Path) -> None:
    texts = kcna_and_seeds(corpus, 300)
    tails = 0
    for text in texts:
        starts = [*read_text(text).bounds.starts, len(text)]
        for start, end in pairwise(starts):
            # The windows the speaker rules read: a sentence up to each cue,
            # and the sentence itself.
            ends = [cue.start for cue in cues(text, start, end)] + [end]
            for stop in ends:
                expected = whole(text, start, stop)
                assert phrases.noun_phrase_before(text, start, stop) == expected
                tails += phrases._safe_tail(text, start, stop) > start
    assert tails > 500


_PIECES = st.sampled_from(
    [
        "the",
        "The",
        "Kim",
        "Jong",
        "Un",
        "and",
        "he",
        "who",
        "said",
        "stressed",
        "of",
        "for",
        "spokesman",
        "Foreign",
        "Ministry",
        "(KCNA)",
        "(",
        ")",
        "(a long note in brackets)",
        "x" * 30,
        " ",
        "  ",
        "\n",
        ",",
        ".",
        "’s",
        "-",
        "\u00a0",
    ]
)


@settings(max_examples=examples(1500), deadline=None)
@given(windows(_PIECES, 60))
def test_any_window_reads_as_the_whole_window(window: Window) -> None:
    text, start, end = window
    assert phrases.noun_phrase_before(text, start, end) == whole(text, start, end)


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join), st.integers(0, 12))
def test_words_past_a_count_as_all_words_counted(segment: str, count: int) -> None:
    assert phrases.words_past(segment, count) is (len(segment.split()) > count)


def test_words_past_a_count() -> None:
    assert phrases.words_past(" he said it was so ", 4)
    assert not phrases.words_past(" he said it was ", 4)
    assert not phrases.words_past("", 0)
