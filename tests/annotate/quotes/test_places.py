"""A word's places, found once per text, answer as a case-blind search would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.quotes.places import Places
from tests.properties import examples
from tests.windows import Window, windows

_WORDS = ("according", "ACCORDING", "Accordıng", "accor", "ding", "cited", "CİTED")
_PIECES = st.sampled_from([*_WORDS, "quoted", "follows", "ſ", " ", "\n", "“", "\u212a"])


def test_a_window_holds_a_word_only_whole_and_in_any_case() -> None:
    text = "It grew according to plan. ACCORDING TO KCNA, it fell. Accord."
    places = Places(text)
    assert places.may_hold("according", 0, 26)
    assert not places.may_hold("according", 0, 16)  # cut at its end
    assert places.may_hold("according", 27, 40)
    assert not places.may_hold("according", 50, len(text))
    assert not places.may_hold("quoted", 0, len(text))


def test_a_dotless_i_that_re_folds_is_a_place() -> None:
    text = "The plan failed, accordıng to the ministry."
    assert re.search("according", text, re.IGNORECASE)  # `re` folds `ı` to `i`
    assert Places(text).may_hold("according", 0, len(text))


@settings(max_examples=examples(500), deadline=None)
@given(windows(_PIECES, 14))
def test_a_window_said_to_hold_no_word_holds_none(window: Window) -> None:
    text, start, end = window
    places = Places(text)
    for word in ("according", "cited", "quoted", "follows"):
        if not places.may_hold(word, start, end):
            assert re.compile(word, re.IGNORECASE).search(text, start, end) is None
