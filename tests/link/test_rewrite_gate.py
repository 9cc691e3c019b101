"""The sentence tier's gate (`link.rewrite_gate`): a pair it turns away is
one `rewrites.rewritten` finds nothing in, and it turns away most pairs of
texts sharing a sentence or two."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from dossier.link import rewrites
from dossier.link.passages import read_words
from dossier.link.rewrite_gate import may_rewrite
from dossier.link.rewrites import Sentences, read_sentences, rewritten
from tests.link.test_anchor_runs import every_pair, recombined


def good_by_pair(a: Sentences, b: Sentences) -> list[tuple[int, int]]:
    """`rewrites._matched_sentences`' well matched sentence pairs, one pair
    of texts at a time, as it counts them."""
    shared = rewrites._shared(a.content, b.content)
    ratio = rewrites._ratio(a.content, b.content, shared)
    good = (ratio >= rewrites.SENTENCE_RATIO) & (shared >= rewrites.MIN_CONTENT)
    return sorted(zip(*(axis.tolist() for axis in np.nonzero(good)), strict=True))


def test_pairs_turned_away_have_no_rewrite(corpus: Path) -> None:
    texts = recombined(corpus, 40)
    # Two stories retelling 4 sentences of another, in another order.
    source = texts[0].split(". ")
    texts += [". ".join(source[3:7][::-1]), ". ".join([*source[4:7], source[3]])]
    sentences = {k: read_sentences(read_words(text)) for k, text in enumerate(texts)}
    pairs = every_pair(len(texts))
    gate = [shared is not None for shared in may_rewrite(sentences, pairs)]
    found = {pair: rewritten(sentences[pair[0]], sentences[pair[1]]) for pair in pairs}
    assert all(may for pair, may in zip(pairs, gate, strict=True) if found[pair])
    assert sum(1 for passages in found.values() if passages) >= 4
    # Most pairs share a sentence too short for a passage, or nothing.
    assert sum(gate) < len(pairs) / 2
    for (a, b), may in zip(pairs, gate, strict=True):
        good = good_by_pair(sentences[a], sentences[b])
        assert may == (
            bool(good) and rewrites.may_span(sentences[a], sentences[b], good)
        )


def test_the_gates_counts_are_the_sentence_tiers(corpus: Path) -> None:
    texts = recombined(corpus, 30)
    sentences = {k: read_sentences(read_words(text)) for k, text in enumerate(texts)}
    pairs = every_pair(len(texts))
    counted = 0
    for (a, b), shared in zip(pairs, may_rewrite(sentences, pairs), strict=True):
        if shared is None:
            continue
        counted += 1
        want = rewrites._shared(sentences[a].content, sentences[b].content)
        assert np.array_equal(shared, want)
        assert rewritten(sentences[a], sentences[b], shared=shared) == rewritten(
            sentences[a], sentences[b]
        )
    assert counted > 20
