"""Whole-text scans rewritten to open on a character `re` skips ahead to match
the look-behind forms they replaced, on any text (issue 14, part 2)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dossier.annotate.compiled import compile_pack
from dossier.annotate.entities import acronyms, headlines, lowercase, products, shapes
from dossier.annotate.entities.gazetteer import _region_spans
from dossier.packs import load_pack
from tests.properties import examples

# Loaded here, not taken as a fixture: hypothesis runs a test body many times.
GAZETTEER = compile_pack(load_pack("korea")).gazetteer

# Words and marks the patterns turn on: capitals inside and after marks, the
# lower-case words listed names hold, apostrophes, hyphens, every kind of space.
_PIECES = st.sampled_from(
    [
        "Kim", "Jong", "Un", "DPRK", "(KCNA)", "--Kim", "anti-US", "iPod", "iPhone",
        "Mi", "of", "the", "and", "peninsula", "Korean", "said", "people's", "U.S.",
        "Workers’", "x", "-", "'", "’", ".", ",", "\n", "\t", " ", "  ", "\u00a0",
        "\u2003", "e-iPad", "ai", "I", "a",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=30).map("".join) | st.lists(
    _PIECES, max_size=30
).map(" ".join)


@settings(max_examples=examples(300), deadline=None)
@given(_TEXTS)
# A run ending inside a word (on a listed lower-case word before a comma): the
# rest of that word opens no run, the next word after white space does.
@example("the Korean peninsula,Kim Jong Un and (KCNA) peninsula.iPod x")
@example("Korean peninsula,(Kim) peninsula, Kim")
def test_regions_match_the_look_behind_pattern(text: str) -> None:
    old = re.compile(r"(?<!\S)" + GAZETTEER.first.pattern)
    assert _region_spans(text, GAZETTEER) == [m.span() for m in old.finditer(text)]


@settings(max_examples=examples(300), deadline=None)
@given(_TEXTS)
def test_letter_first_scans_match_the_look_behind_patterns(text: str) -> None:
    pairs = [
        (products._ANY_BRAND, r"(?<![\w-])i[A-Z]"),
        (lowercase._LOWER_WORD, r"(?<![\w'’-])[a-z][a-z'’-]*"),
    ]
    for new, old in pairs:
        found = [m.span() for m in new.finditer(text)]
        assert found == [m.span() for m in re.finditer(old, text)], old
    # Headlines read their initials over the line with a space before it.
    initials = [m.start(1) - 1 for m in headlines._INITIAL.finditer(" " + text)]
    assert initials == [m.start() for m in re.finditer(r"(?<![\w'’-])[A-Za-z]", text)]


@settings(max_examples=examples(300), deadline=None)
@given(_TEXTS, st.lists(_PIECES, min_size=1, max_size=3).map("".join))
def test_lower_words_are_the_lower_word_matches(text: str, word: str) -> None:
    # Asked word by word with `str.find`, the answers of the whole-text scan.
    words = set(lowercase._LOWER_WORD.findall(text))
    asked = lowercase.LowerWords(text)
    # Every run of lower-case letters is a probe, glued to a word or not.
    runs = re.findall(r"[a-z][a-z'’-]*", text)
    for probe in {word, word.lower(), *runs, *(r[:-1] for r in runs)}:
        assert (probe in asked) == (probe in words), (text, probe)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(["KPA", "U.S.", "CPVs", "3", "Kim", "(", "[", ")", "]", " "])
        | _PIECES,
        max_size=30,
    ).map("".join)
)
def test_bracket_check_lets_every_definition_through(text: str) -> None:
    # Skipping the scan where the check says no loses no definition.
    if any(acronyms._BEFORE.finditer(text)):
        assert acronyms._may_define_before(text)


@settings(max_examples=examples(300), deadline=None)
@given(_TEXTS)
@example("U.S.-Korea N.V. Intel-based Workers’ AT&T Minuteman-3 x-Ray U.S.A.b")
def test_word_opening_on_its_capital_matches_the_look_behind_pattern(
    text: str,
) -> None:
    old = re.compile(shapes._WORD)
    assert [m.span() for m in shapes.WORD.finditer(text)] == [
        m.span() for m in old.finditer(text)
    ]
