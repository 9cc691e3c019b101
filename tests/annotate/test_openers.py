"""Scans from a few opening characters' places find what `finditer` finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.entities.acronyms import _AFTER, _BRACKETS
from dossier.annotate.entities.headlines import _QUOTE_OPENERS, _QUOTED
from dossier.annotate.entities.products import _ANY_VERSION, _VERSION_WORDS
from dossier.annotate.figures.numbers import _DASHED, _may_hold_dashed
from dossier.annotate.openers import matches_at_words, opening_on, places_of
from dossier.annotate.quotes.marks import _MARK, MARKS, Paragraphs
from dossier.annotate.quotes.reported import _COLON
from tests.properties import examples
from tests.real_texts import kcna_and_seeds

# Each pattern a finder scans a whole text for, and the characters it opens on.
_SCANS = {
    "quoted titles": (_QUOTED, _QUOTE_OPENERS),
    "acronyms after": (_AFTER, _BRACKETS),
    "quote marks": (_MARK, MARKS),
    "colons ending a cue's clause": (_COLON, ":"),
}
_BREAK = re.compile("\n")


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def test_places_in_order_across_characters() -> None:
    assert places_of("a(b[c(d", "([") == [1, 3, 5]
    assert places_of("abc", "([") == []


def test_a_failed_place_moves_on_and_a_match_skips_the_places_inside_it() -> None:
    pattern = re.compile(r"[(\[][A-Z]+[)\]]")
    text = "(a) (KCNA [x] (DPRK) [UN]"
    assert spans(opening_on(pattern, text, "([")) == spans(pattern.finditer(text))
    assert [m.group() for m in opening_on(pattern, text, "([")] == ["(DPRK)", "[UN]"]
    # `''` is one mark: the second apostrophe is inside it, not a mark of its own.
    assert spans(opening_on(_MARK, "it''s 'x'", MARKS)) == [(2, 4), (6, 7), (8, 9)]


@pytest.mark.parametrize("name", sorted(_SCANS))
def test_real_texts_scan_as_finditer_scans_them(name: str, corpus: Path) -> None:
    pattern, openers = _SCANS[name]
    texts = kcna_and_seeds(corpus, 400)
    found = 0
    for text in texts:
        expected = spans(pattern.finditer(text))
        assert spans(opening_on(pattern, text, openers)) == expected
        found += len(expected)
    assert found > 20


def test_real_texts_break_into_paragraphs_where_finditer_finds_breaks(
    corpus: Path,
) -> None:
    texts = kcna_and_seeds(corpus, 400)
    breaks = 0
    for text in texts:
        expected = [m.start() for m in _BREAK.finditer(text)]
        assert Paragraphs(text).breaks == expected
        breaks += len(expected)
    assert breaks > 400


_PIECES = st.sampled_from(
    [
        *"‘’“”\"'`«»([)]:",
        "A",
        "KCNA",
        "Kim Il Sung",
        "the",
        " ",
        "\n",
        "\n\n",
        "s",
        "é",
        "10",
        "٣",
    ]
)


@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_text_scans_as_finditer_scans_it(text: str) -> None:
    for pattern, openers in _SCANS.values():
        assert spans(opening_on(pattern, text, openers)) == spans(
            pattern.finditer(text)
        )
    assert Paragraphs(text).breaks == [m.start() for m in _BREAK.finditer(text)]


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("200-250 troops", True),
        ("in 1950 – 53", True),
        ("from 2,000\t–\t3,000", True),
        ("in 1950—53", False),  # an em dash: no range `_DASHED` reads
        ("anti-US 2024 and long-range", False),
        ("Kim Jong-un, 3 - ", False),
        ("", False),
    ],
)
def test_a_dash_between_digits(text: str, holds: bool) -> None:
    assert _may_hold_dashed(text) is holds
    if not holds:
        assert _DASHED.search(text) is None


_NUMBER_PIECES = st.sampled_from(
    ["1", "25", "2,000", "-", "–", "—", " ", "\t", "\n", "a", "to", ".", "٣", "²"]
)


@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(_NUMBER_PIECES, max_size=12).map("".join))
def test_no_dashed_range_where_the_test_says_none(text: str) -> None:
    if not _may_hold_dashed(text):
        assert _DASHED.search(text) is None


def test_a_word_pattern_matches_where_search_finds_it() -> None:
    text = "released on Monday; the code name for the new release of Lion"
    assert _ANY_VERSION.search(text) is not None
    assert matches_at_words(_ANY_VERSION, text, _VERSION_WORDS)
    # Each word printed, none followed by `of` or `for`: no match anywhere.
    text = "the version was released as an update; code names, editions"
    assert _ANY_VERSION.search(text) is None
    assert not matches_at_words(_ANY_VERSION, text, _VERSION_WORDS)


def test_real_texts_match_as_search_finds(corpus: Path) -> None:
    texts = kcna_and_seeds(corpus)
    holding = 0
    for text in texts:
        expected = _ANY_VERSION.search(text) is not None
        assert matches_at_words(_ANY_VERSION, text, _VERSION_WORDS) is expected
        holding += expected
    assert holding >= 2  # kcna-2024 prints two: not every text says no


_VERSION_PIECES = st.sampled_from(
    [*_VERSION_WORDS, "of", "for", "name", " ", "\t", "\n", "s", "d", "-", "x"]
)


@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(_VERSION_PIECES, max_size=14).map("".join))
def test_any_text_matches_as_search_finds(text: str) -> None:
    expected = _ANY_VERSION.search(text) is not None
    assert matches_at_words(_ANY_VERSION, text, _VERSION_WORDS) is expected
