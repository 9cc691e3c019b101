"""The looks that pass a sentence over pass over only what the rules would skip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.quotes import find_quotes
from dossier.annotate.quotes.cues import (
    REPORTING,
    cues,
    index_verbs,
    last_cue,
    may_hold_cues,
)
from dossier.annotate.quotes.places import Places
from dossier.annotate.quotes.reported import _holding, _speech_sentences
from dossier.packs import load_pack
from tests.properties import examples
from tests.windows import Window, windows

PACK = load_pack("korea")

_VERBS = ("said", "SAID", "resaid", "noted", "called", "praises", "Says", "told")
_OTHER = ("the", "hails", "saying", "states", " ", ",", ".", "\n", "é", "\u212a")
_PIECES = st.sampled_from([*_VERBS, *_OTHER, "İ", "x", "-"])


@settings(max_examples=examples(500), deadline=None)
@given(windows(_PIECES, 25))
def test_a_window_said_to_hold_no_reporting_cue_holds_none(window: Window) -> None:
    text, start, end = window
    if not may_hold_cues(text, start, end, reporting=True):
        assert not [c for c in cues(text, start, end) if c.verb in REPORTING]


def test_sentences_with_and_without_a_reporting_cue() -> None:
    text = "Officials praised the plan. Officials said so. He resaid it"
    assert may_hold_cues(text, 0, 27)  # `praised` is a cue
    assert not may_hold_cues(text, 0, 27, reporting=True)  # but reports nothing
    assert may_hold_cues(text, 28, 46, reporting=True)
    assert may_hold_cues(text, 52, 56, reporting=True)  # cuts `resaid`


def test_according_in_any_case_is_read_in_its_sentence() -> None:
    # The text's first `according` is lower-case; the one that frames speech
    # is capitalised and two sentences on, in a sentence with no verb of saying.
    text = (
        "It grew according to plan. The plan failed. ACCORDING TO the ministry "
        "of health, the harvest fell by a third in the north."
    )
    found = [(q.kind, q.cue) for q in find_quotes(text, pack=PACK)]
    assert ("reported", "ACCORDING TO") in found


@settings(max_examples=examples(500), deadline=None)
@given(windows(_PIECES, 25))
def test_the_last_cue_read_from_the_end_is_the_last_of_the_cues(window: Window) -> None:
    text, start, end = window
    found = list(cues(text, start, end))
    assert last_cue(text, start, end) == (found[-1] if found else None)


def test_the_last_cue_skips_a_verb_that_makes_none() -> None:
    text = "He said the United States: officials said"
    assert last_cue(text, 0, 25) == next(cues(text, 0, 10))  # `States` is a noun


_SENTENCE_PIECES = st.sampled_from(
    [*_VERBS, *_OTHER, "according", "ACCORDING", "accord", "x", "İ"]
)


@settings(max_examples=examples(500), deadline=None)
@given(
    st.lists(_SENTENCE_PIECES, max_size=25).map("".join),
    st.lists(st.integers(0, 200), max_size=6),
)
def test_the_sentences_read_for_speech_are_those_each_gate_lets_through(
    text: str, cuts: list[int]
) -> None:
    # Sentence starts anywhere, cutting words too (a page break's split).
    starts = sorted({0, *(cut for cut in cuts if cut < len(text))})
    index_verbs(text, text.lower())
    places = Places(text)
    according = _holding(starts, len(text), places, "according")
    expected = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        held = places.may_hold("according", start, end)
        assert (index in according) == held
        if held or may_hold_cues(text, start, end, reporting=True):
            expected.append(index)
    assert _speech_sentences(text, starts, according) == expected
