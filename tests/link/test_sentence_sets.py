"""A text's sentences as word sets, and its names and numbers (`link.rewrites`):
the sets made by one sort and the names found a character at a time give
what the plain ways give (issue 14: the link step cheaper, the same rows)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link import rewrites
from dossier.link.passages import read_words
from dossier.link.rewrites import read_sentences
from tests.link.test_reuse_formula import kcna_stories
from tests.properties import examples


def plain_sets(
    ids: list[int], owner: list[int], count: int
) -> tuple[set[tuple[int, int]], list[int]]:
    """Each sentence's distinct words, as (sentence, word) pairs, and each
    sentence's number of them."""
    distinct = set(zip(owner, ids, strict=True))
    sizes = Counter(sentence for sentence, _ in distinct)
    return distinct, [sizes[sentence] for sentence in range(count)]


def made_sets(sets: rewrites._Sets) -> set[tuple[int, int]]:
    """The (sentence, word) pairs a `_Sets` holds, read through its groups,
    each pair once."""
    grouped = sets.grouped
    found = []
    for value, first, count in zip(
        grouped.values.tolist(),
        grouped.first.tolist(),
        grouped.counts.tolist(),
        strict=True,
    ):
        for at in grouped.where[first : first + count].tolist():
            found.append((int(sets.owner[at]), value))
    assert len(found) == len(set(found))
    return set(found)


def check_sets(ids: list[int], owner: list[int], count: int) -> None:
    made = rewrites._sets(
        np.array(ids, dtype=np.int64), np.array(owner, dtype=np.int64), count
    )
    distinct, sizes = plain_sets(ids, owner, count)
    assert made_sets(made) == distinct
    assert made.sizes.tolist() == sizes
    assert made.grouped.values.tolist() == sorted(set(ids))
    assert len(made.owner) == len(distinct)


# Words in text order: their sentences never fall. Few distinct words, so
# that a word repeats within a sentence and across sentences.
WORDS = st.lists(st.tuples(st.integers(0, 5), st.integers(-4, 4)), max_size=40)


@settings(max_examples=examples(200), deadline=None)
@given(words=WORDS)
def test_sentence_sets_are_each_sentences_distinct_words(
    words: list[tuple[int, int]],
) -> None:
    steps = [step for step, _ in words]
    owner = [sum(steps[: k + 1]) for k in range(len(steps))]
    ids = [word * 0x9E3779B97F4A7C15 % 2**63 for _, word in words]
    check_sets(ids, owner, (owner[-1] + 1) if owner else 0)


def test_stories_sentence_sets_are_their_distinct_words(corpus: Path) -> None:
    for text in kcna_stories(corpus, 60):
        sentences = read_sentences(read_words(text))
        count = len(sentences.bounds) - 1
        for mask in (sentences.is_content, sentences.is_content.copy()):
            ids = sentences.ids[mask].tolist()
            owner = sentences.owner[mask].tolist()
            distinct, sizes = plain_sets(ids, owner, count)
            assert made_sets(sentences.content) == distinct
            assert sentences.content.sizes.tolist() == sizes
        specific = rewrites._names_or_numbers(sentences.words)
        keep = sentences.is_content & specific
        keep[sentences.bounds[:-1]] = False
        distinct, sizes = plain_sets(
            sentences.ids[keep].tolist(), sentences.owner[keep].tolist(), count
        )
        assert made_sets(sentences.specific) == distinct
        assert sentences.specific.sizes.tolist() == sizes


def plain_names_or_numbers(text: str) -> list[bool]:
    """A word's first character a capital in the text, or its word (as
    `read_words` reads it) beginning with a digit: what `_specific` asked
    of each word before."""
    words = read_words(text)
    return [
        text[start].isupper() or token[0].isdigit()
        for token, start in zip(words.tokens, words.starts.tolist(), strict=True)
    ]


# Capitals and digits beyond ASCII, a capital whose lower case is longer
# (İ: `read_words` then reads spans from the text itself), title case.
CHARACTERS = st.sampled_from(list("aZ9 .,-'İıéÉ٣ǅß\u00b2\u2163"))


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(CHARACTERS, max_size=30))
def test_names_or_numbers_are_words_beginning_with_a_capital_or_digit(
    text: str,
) -> None:
    found = rewrites._names_or_numbers(read_words(text)).tolist()
    assert found == plain_names_or_numbers(text)


def test_stories_names_or_numbers_are_the_plain_ones(corpus: Path) -> None:
    for text in kcna_stories(corpus, 60):
        found = rewrites._names_or_numbers(read_words(text)).tolist()
        assert found == plain_names_or_numbers(text)
        assert any(found)


def plain_names(text: str, start: int, end: int) -> set[str]:
    """What `filled_template` weighed before: each word of [start, end) read
    one by one."""
    words = read_words(text)
    return {
        token
        for token, at in zip(
            words.tokens[start:end], words.starts[start:end].tolist(), strict=True
        )
        if text[at].isupper() or text[at].isdigit()
    } - rewrites._FUNCTION_WORDS


@settings(max_examples=examples(300), deadline=None)
@given(
    text=st.text(CHARACTERS, max_size=30),
    start=st.integers(0, 12),
    length=st.integers(0, 12),
)
def test_a_passages_names_are_its_words_beginning_with_a_capital_or_digit(
    text: str, start: int, length: int
) -> None:
    words = read_words(text)
    names = rewrites._names(words, start, start + length)
    assert names == plain_names(text, start, start + length)


def test_stories_passages_names_are_the_plain_ones(corpus: Path) -> None:
    for text in kcna_stories(corpus, 30):
        words = read_words(text)
        count = len(words.tokens)
        for start in range(0, count, 37):
            names = rewrites._names(words, start, start + 60)
            assert names == plain_names(text, start, start + 60)
        assert rewrites._names(words, 0, count)


def plain_one_to_one(
    good: np.ndarray, ratio: np.ndarray, used_a: set[int], used_b: set[int]
) -> list[tuple[int, int]]:
    """`_one_to_one` as written before: the pairs sorted by a key each."""
    pairs = []
    for i, j in sorted(
        zip(*np.nonzero(good), strict=True), key=lambda ij: -float(ratio[ij])
    ):
        if int(i) in used_a or int(j) in used_b:
            continue
        used_a.add(int(i))
        used_b.add(int(j))
        pairs.append((int(i), int(j)))
    return pairs


# Ratios from few values, so that ties are many; a sentence may be used.
CELLS = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda columns: st.tuples(
            st.lists(
                st.tuples(st.booleans(), st.sampled_from([0.6, 0.75, 0.8, 1.0])),
                min_size=rows * columns,
                max_size=rows * columns,
            ),
            st.just((rows, columns)),
            st.sets(st.integers(0, 4), max_size=2),
        )
    )
)


@settings(max_examples=examples(300), deadline=None)
@given(cells=CELLS)
def test_sentences_paired_one_to_one_best_first_as_before(
    cells: tuple[list[tuple[bool, float]], tuple[int, int], set[int]],
) -> None:
    values, shape, used = cells
    good = np.array([ok for ok, _ in values], dtype=bool).reshape(shape)
    ratio = np.array([r for _, r in values], dtype=np.float64).reshape(shape)
    used_a, used_b = set(used), set(used)
    found = rewrites._one_to_one(good, ratio, used_a, used_b)
    plain_a, plain_b = set(used), set(used)
    assert found == plain_one_to_one(good, ratio, plain_a, plain_b)
    assert (used_a, used_b) == (plain_a, plain_b)
    assert all(type(i) is int and type(j) is int for i, j in found)
