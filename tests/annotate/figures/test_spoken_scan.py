"""The spoken-number scan tried only at core words equals the whole-text scan."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.figures.numbers import _SPOKEN, _spoken_matches
from dossier.annotate.word_scan import scan_words
from tests.properties import examples


def _same_as_scan(text: str) -> None:
    lowered = text.lower()
    whole = [(m.span(), m.groupdict()) for m in _SPOKEN.finditer(lowered)]
    cores = scan_words(lowered).numbers
    tried = [(m.span(), m.groupdict()) for m in _spoken_matches(lowered, cores)]
    assert tried == whole


def test_spoken_places_equal_whole_scan_on_tricky_text() -> None:
    text = (
        "Two hundred and twenty-five, a few hundred, a  few\thundred thousand, "
        "tens of thousands, hundreds of millions, several thousand, many "
        "millions, dozens, scores of, a dozen, half a million, an hundred, "
        "someone, often, tenfold, twenty-, -five, ten-year, x-ten, onerous, "
        "one, one2, éone, one é, zero. Seven seventeen seventy; the ones, "
        "a                              hundred, of    tens of hundreds, "
        "internationalization a thousand, a few, tens, several, many, of one"
    )
    _same_as_scan(text)
    _same_as_scan("one thousand at the start")
    _same_as_scan("thousands")
    _same_as_scan("a hundred")


def test_spoken_places_equal_whole_scan_on_kcna(corpus: Path) -> None:
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in islice(handle, 300)]
    whole = "\n\n".join(texts)
    lowered = whole.lower()
    cores = scan_words(lowered).numbers
    assert len(_spoken_matches(lowered, cores)) > 100  # the scan has work
    _same_as_scan(whole)


_WORDS = st.sampled_from(
    [
        "a",
        "an",
        "and",
        "of",
        "few",
        "several",
        "many",
        "tens",
        "hundreds",
        "hundred",
        "thousand",
        "thousands",
        "million",
        "billions",
        "trillion",
        "dozen",
        "dozens",
        "scores",
        "half",
        "one",
        "two",
        "ten",
        "twelve",
        "twenty",
        "ninety",
        "seventy",
        "seventeen",
        "zero",
        "someone",
        "often",
        "x",
        "é",
    ]
)
_GAPS = st.sampled_from([" ", "  ", "\t", "-", ", ", "\n", "", ".", "_", "é"])


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.tuples(_WORDS, _GAPS), max_size=14))
def test_spoken_places_equal_whole_scan(pieces: list[tuple[str, str]]) -> None:
    _same_as_scan("".join(word + gap for word, gap in pieces))
