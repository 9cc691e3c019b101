"""Many pairs' anchors at once (`link.anchor_runs`) are each pair's
`align.anchors`, on stories recombined from kcna-2024's sentences as wire
copy recombines them."""

from __future__ import annotations

import json
import random
import re
from itertools import islice
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link.align import anchors
from dossier.link.anchor_runs import PairAnchors, pair_anchors
from dossier.link.passages import Words, read_words
from dossier.link.reuse_pairs import LEAST_SHARED
from tests.properties import examples


def recombined(corpus: Path, count: int, *, seed: int = 3) -> list[str]:
    """`count` texts of 6 to 30 sentences drawn from 120 kcna-2024 stories'
    sentences (a small pool: many pairs share some), a word in 7 changed."""
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as rows:
        stories = [str(json.loads(line)["text"]) for line in islice(rows, 120)]
    sentences = [
        sentence
        for story in stories
        for sentence in re.split(r"(?<=[.!?])\s+", story)
        if len(sentence) > 30
    ]
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        drawn = " ".join(rng.choices(sentences[:400], k=rng.randint(6, 30))).split()
        texts.append(" ".join("altered" if rng.random() < 1 / 7 else w for w in drawn))
    return texts


def every_pair(count: int) -> list[tuple[int, int]]:
    """Pairs in both orders, so a text is side a of some and b of others."""
    return [
        (a, b) for a in range(count) for b in range(count) if a != b and (a + b) % 3
    ]


@pytest.mark.parametrize("least", [1, LEAST_SHARED])
def test_many_pairs_anchors_are_each_pairs(corpus: Path, least: int) -> None:
    words = dict(enumerate(map(read_words, recombined(corpus, 30))))
    pairs = every_pair(len(words))
    found = pair_anchors(words, pairs, least=least)
    assert len(found) == len(pairs)
    for (a, b), got in zip(pairs, found, strict=True):
        assert got == PairAnchors(
            anchors(words[a], words[b], least=least), shared(words[a], words[b])
        )
    anchored = sum(1 for got in found if got.runs)
    assert 0 < anchored < len(pairs)
    assert sum(len(got.runs) for got in found) > 1000


def test_a_text_with_no_words_has_no_anchors(corpus: Path) -> None:
    words = {0: read_words(""), 1: read_words(recombined(corpus, 1)[0])}
    assert pair_anchors(words, [(0, 1), (1, 0)], least=1) == [
        PairAnchors([], 0),
        PairAnchors([], 0),
    ]


def shared(a: Words, b: Words) -> int:
    return len(np.intersect1d(a.distinct, b.distinct))


# Texts of refrains: a phrase said 1 to 12 times, so that a shingle one text
# holds past MAX_REPEATS times (no anchor) another holds a few times; texts
# with no words, and runs along many diagonals.
PHRASES = ["long live juche korea", "juche korea long live", "the idea of juche"]
REFRAIN = st.tuples(st.sampled_from(PHRASES), st.integers(1, 12)).map(
    lambda said: " ".join([said[0]] * said[1])
)
TEXTS = st.lists(st.lists(REFRAIN, max_size=3).map(" ".join), min_size=2, max_size=5)


@settings(max_examples=examples(150), deadline=None)
@given(texts=TEXTS, least=st.integers(1, 6))
def test_any_texts_anchors_at_once_are_each_pairs(texts: list[str], least: int) -> None:
    words = dict(enumerate(map(read_words, texts)))
    pairs = every_pair(len(words))
    found = pair_anchors(words, pairs, least=least)
    for (a, b), got in zip(pairs, found, strict=True):
        assert got == PairAnchors(
            anchors(words[a], words[b], least=least), shared(words[a], words[b])
        )
