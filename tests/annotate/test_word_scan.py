"""The one scan for cue verbs and number words finds each list's words."""

from __future__ import annotations

import json
import re
from itertools import islice
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.figures.numbers import CORE_WORDS
from dossier.annotate.quotes.cues import VERBS
from dossier.annotate.word_scan import Words, scan_words
from tests.properties import examples


def by_words(lowered: str) -> Words:
    """Every run of letters `a`-`z` in a list, read one run at a time."""
    runs = [m for m in re.finditer("[a-z]+", lowered)]
    return Words(
        tuple(m.span() for m in runs if m.group() in VERBS),
        tuple(m.start() for m in runs if m.group() in CORE_WORDS),
    )


def test_verbs_and_numbers_of_a_sentence() -> None:
    text = "he said two thousand troops told; three said-so, ‘said’ x2said."
    found = scan_words(text)
    assert [text[s:e] for s, e in found.verbs] == [
        "said",
        "told",
        "said",
        "said",
        "said",
    ]
    assert [text[s : s + 3] for s in found.numbers] == ["two", "tho", "thr"]
    assert found == by_words(text)


def test_a_word_at_the_start_and_no_part_of_a_word() -> None:
    assert scan_words("said twenty") == Words(((0, 4),), (5,))
    assert scan_words("unsaid twentyfold saidx") == Words((), ())


_PIECES = st.sampled_from(
    ["said", "told", "two", "hundreds", "half", "a", " ", "-", ".", "1", "é", "_"]
)


@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_any_text_scans_as_its_words_read_one_by_one(text: str) -> None:
    assert scan_words(text) == by_words(text)


def test_kcna_articles_scan_as_their_words_read_one_by_one(corpus: Path) -> None:
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line).get("text", "") for line in islice(handle, 300)]
    found = [scan_words(text.lower()) for text in texts]
    assert sum(len(words.verbs) for words in found) > 1000
    assert sum(len(words.numbers) for words in found) > 50
    for text, words in zip(texts, found, strict=True):
        assert words == by_words(text.lower())
