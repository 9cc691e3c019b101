"""Rules anchored at a window's end read only its last runs, with the same matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.quotes import context, cues, frames, phrases
from dossier.annotate.quotes.ends import may_end_on, tail_start
from tests.properties import examples
from tests.windows import Window, windows

# Each `$`-anchored rule read from `tail_start` and the runs it is given.
_RULES = [
    (frames._FOR_ING, frames._FOR_ING_RUNS),
    (frames._COORDINATED, frames._COORDINATED_RUNS),
    (frames._PASSIVE, frames._BE_RUNS),
    (frames._PROGRESSIVE, frames._BE_RUNS),
    (phrases._INFINITIVE, 1),
    (phrases._RELATIVE_END, 1),
    (context._SET_OFF, 1),
    (context._NAMED_BY, context._NAMED_BY_RUNS),
    (context._AS, context._AS_RUNS),
    (context._NAME_LEAD, context._NAME_LEAD_RUNS),
]
# Each case-blind rule gated by `may_end_on` and the words it ends on.
_ENDINGS = [
    (cues.NAMING, cues.NAMING_ENDS),
    (context._TITLED_TEXT, context._TITLED_ENDS),
]
_WORDS = ("is", "IS", "was", "been", "widely", "openly", "it’s", "they're", "and")
_MORE = ("for", "of", "by", "to", "that", "who", "Kim", "x-and", "Monday", "morning")
_GAPS = (",", " , ", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "(", "ſ", "ı")
_NAMING = ("so-called", "socalled", "termed", "Labelled", "the", "words", "of", "Film")
_TITLED = ("statement", "Articles", "titled", "under", "title", "issued", "following")
_OTHER = ("as", "being", "like", ":", "K", "-", "--", "—", "–", "―")
_PIECES = st.sampled_from([*_WORDS, *_MORE, *_GAPS, *_NAMING, *_TITLED, *_OTHER])


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


def test_tail_start_is_before_the_last_runs() -> None:
    text = "He was  widely  called"
    assert tail_start(text, 0, len(text), 1) == len("He was  widely")
    assert tail_start(text, 0, len(text), 2) == len("He was")
    assert tail_start(text, 3, len(text), 5) == 3
    assert tail_start(text, 0, 0, 1) == 0
    assert tail_start(text, 0, len("He was  "), 1) == len("He")


@pytest.mark.parametrize(("rule", "runs"), _RULES)
def test_known_tails_match_as_the_whole_window(
    rule: re.Pattern[str], runs: int
) -> None:
    known = ("the plan has been widely ", "Kim , and ", "blasted him for ", "x to")
    for text in (*known, "Mitt Romney -- ", "Romney---\n", "Kim Yo Jong:  "):
        for floor in range(len(text)):
            tail = tail_start(text, floor, len(text), runs)
            whole = rule.search(text, floor, len(text))
            assert _span(rule.search(text, tail, len(text))) == _span(whole)


@settings(max_examples=examples(600), deadline=None)
@given(windows(_PIECES, 14))
def test_rules_read_from_the_tail_match_as_the_whole_window(window: Window) -> None:
    text, floor, end = window
    for rule, runs in _RULES:
        tail = tail_start(text, floor, end, runs)
        assert _span(rule.search(text, tail, end)) == _span(
            rule.search(text, floor, end)
        ), rule.pattern


@settings(max_examples=examples(600), deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_a_trailing_match_ends_on_a_trailing_word(segment: str) -> None:
    if phrases._TRAILING.search(segment) is not None:
        assert phrases._TRAILING_LAST.fullmatch(segment.rsplit(None, 1)[-1])


@settings(max_examples=examples(600), deadline=None)
@given(windows(_PIECES, 12))
def test_a_window_said_not_to_end_on_the_words_holds_no_match(window: Window) -> None:
    text, start, end = window
    for rule, words in _ENDINGS:
        if rule.search(text, start, end) is not None:
            assert may_end_on(text, start, end, words), rule.pattern[:40]


def test_may_end_on_reads_past_a_comma_or_colon_in_any_case() -> None:
    words = cues.NAMING_ENDS
    assert may_end_on("a film the regime SO-CALLED , ", 0, 30, words)
    assert may_end_on("its slogan OF:", 0, 14, words)
    assert not may_end_on("the people said", 0, 15, words)
    assert may_end_on("the people ſaid", 0, 15, ("said",))  # `re` folds `ſ`
