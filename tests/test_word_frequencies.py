"""Word frequencies read from wordfreq's data: every answer is wordfreq's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wordfreq import zipf_frequency

from dossier.annotate.entities.lexicon import (
    COMMON_WORD_ZIPF,
    EVERYDAY_WORD_ZIPF,
    SHOUTED_WORD_ZIPF,
)
from dossier.clean.hyphens import JOINED_ZIPF, WORD_ZIPF
from dossier.word_frequencies import LOWEST_ZIPF, _table, _tokens, zipf_at_least

THRESHOLDS = sorted(
    {COMMON_WORD_ZIPF, EVERYDAY_WORD_ZIPF, SHOUTED_WORD_ZIPF, JOINED_ZIPF, WORD_ZIPF}
)
# A text's words as the callers ask them: whitespace-separated, then with
# their punctuation stripped, then cut at hyphens, each lower-cased.
_EDGES = "\"'“”‘’()[]{}.,;:!?*«»"


def _word_types(texts: list[str]) -> set[str]:
    types: set[str] = set()
    for text in texts:
        for raw in text.split():
            stripped = raw.strip(_EDGES)
            for word in (raw, stripped, *stripped.split("-")):
                if word:
                    types.add(word.lower())
    return types


def _corpus_texts(corpus: Path) -> list[str]:
    lines = (corpus / "kcna-2024" / "kcna-2024.jsonl").read_text("utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines]
    texts += [path.read_text("utf-8") for path in sorted((corpus / "seeds").iterdir())]
    gold = json.loads((corpus / "html-dev" / "ground-truth.json").read_text("utf-8"))
    texts += [entry["articleBody"] for entry in gold.values()]
    return texts


def _agrees(word: str) -> list[tuple[str, float, bool, bool]]:
    """(word, threshold, ours, wordfreq's) wherever the two differ; the
    thresholds asked include the word's own value and the next value above,
    where a rounding slip would show."""
    value = zipf_frequency(word, "en")
    differ = []
    for threshold in (*THRESHOLDS, value, round(value + 0.01, 2)):
        expected = value >= threshold
        if zipf_at_least(word, threshold) != expected:
            differ.append((word, threshold, not expected, expected))
    return differ


def test_word_frequencies_agree_with_wordfreq_on_corpus_words(corpus: Path) -> None:
    types = _word_types(_corpus_texts(corpus))
    read_here = {word for word in types if _tokens(word) is not None}
    # The comparison exercises the table, not only the fallback.
    assert len(read_here) > 20_000 and len(types) - len(read_here) > 1_000
    differ = [row for word in sorted(types) for row in _agrees(word)]
    assert differ == []


@pytest.mark.parametrize(
    ("word", "tokens"),
    [
        ("revolution", ["revolution"]),
        ("Indo-Pacific", ["indo", "pacific"]),
        ("let's", ["let's"]),
        ("we're", ["we're"]),
        ("o'brien", ["o'brien"]),
        ("We’re", ["we're"]),
        ("d’arc", ["d'arc"]),
        # Left to wordfreq: its tokenizer splits these or changes them.
        ("d'arc", None),
        ("l'humanité", None),
        ("’tis", None),
        ("we’’re", None),
        ("c.a.r.e", ["c.a.r.e"]),
        ("J.F.K.", ["j.f.k"]),
        ("U.S.-led", ["u.s", "led"]),
        ("a..b", None),
        ("o'neill.", None),
        ("2024", None),
        ("dogs'", None),
        ("co--op", None),
    ],
)
def test_tokens_known_without_wordfreq(word: str, tokens: list[str] | None) -> None:
    assert _tokens(word) == tokens


def test_table_keeps_the_buckets_the_lowest_threshold_needs() -> None:
    table = _table()
    assert table is not None
    assert zipf_frequency("gallois", "en") < LOWEST_ZIPF
    assert "gallois" not in table and "illiteracy" in table
    assert min(zipf_frequency(word, "en") for word in list(table)[-50:]) >= LOWEST_ZIPF


@given(
    st.text(alphabet="aehiostyET'’.-", min_size=1, max_size=9),
    st.sampled_from([*THRESHOLDS, 2.5, 5.0]),
)
def test_word_frequencies_agree_with_wordfreq_on_letter_strings(
    word: str, threshold: float
) -> None:
    assert zipf_at_least(word, threshold) == (zipf_frequency(word, "en") >= threshold)


def test_thresholds_below_the_table_are_wordfreqs() -> None:
    for word in ("gallois", "lobov", "revolution", "ahh"):
        for threshold in (0.5, 1.5, 1.99):
            expected = zipf_frequency(word, "en") >= threshold
            assert zipf_at_least(word, threshold) == expected
