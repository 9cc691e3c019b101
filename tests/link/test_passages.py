"""A text's words as `link.passages` reads them: the runs `\\w+` matches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.link.passages import read_words, word_spans

WORD = re.compile(r"\w+")


def spans(text: str) -> list[tuple[int, int]]:
    starts, ends = word_spans(text)
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  \n ",
        "The “new strains” had withstood",
        "İstanbul ÇAY snake_case 3½ ²³ 中文字",  # letters, digits, numerics
        "Ⅻ ⅻ \u0300a\u0301 Kim Il Sung's",  # numerals, combining marks
        "a\ud800b",  # a lone surrogate, as a bad file may give
        "word",
    ],
)
def test_word_spans_are_the_spans_of_the_regex(text: str) -> None:
    assert spans(text) == [m.span() for m in WORD.finditer(text)]


@given(st.text(max_size=300))
def test_word_spans_match_the_regex_on_any_text(text: str) -> None:
    assert spans(text) == [m.span() for m in WORD.finditer(text)]


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=300))
def test_word_spans_match_the_regex_on_ascii_text(text: str) -> None:
    # ASCII texts are read a byte a character (`word_spans`' own path).
    assert spans(text) == [m.span() for m in WORD.finditer(text)]


def test_word_spans_match_the_regex_on_kcna(corpus: Path) -> None:
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as rows:
        texts = [str(json.loads(line)["text"]) for line in rows][:300]
    for text in texts:
        assert spans(text) == [m.span() for m in WORD.finditer(text)]
        words = read_words(text)
        assert words.tokens == WORD.findall(text.lower())


@given(st.text(max_size=300))
def test_read_words_are_the_words_at_their_spans(text: str) -> None:
    words = read_words(text)
    lowered = text.lower()
    source = lowered if len(lowered) == len(text) else text
    at_spans = [
        source[start:end].lower()
        for start, end in zip(words.starts.tolist(), words.ends.tolist(), strict=True)
    ]
    assert words.tokens == at_spans
