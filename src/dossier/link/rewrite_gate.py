"""Which candidate pairs the sentence tier may find a rewrite in, for many
pairs at once: the others are not compared sentence by sentence.

Part of `link.reuse_pairs`. `rewrites.rewritten` fills a matrix of the
content words each sentence of one text shares with each of the other's,
then keeps sentence pairs and groups them; on three months of generated
wire copy it found a passage in 3,663 of 12,762 candidate pairs and cost
3.0 of `link_reuse`'s 11.5 CPU s, most of it numpy's calls on small
arrays, a pair at a time. Here the matrices of a text and all its partners
are counted with one set of calls, and a pair goes on to `rewritten` only
when its well matched sentences may group into a passage long enough
(`rewrites.may_span`): 4,137 of those 12,762 pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from dossier.link.anchor_runs import hub_pairs, hubs
from dossier.link.rewrites import (
    MIN_CONTENT,
    MOST_PAIRS,
    SENTENCE_RATIO,
    Sentences,
    may_span,
)


def may_rewrite(
    sentences: Mapping[int, Sentences], pairs: Sequence[tuple[int, int]]
) -> list[npt.NDArray[np.int64] | None]:
    """For each (a, b) of `pairs`, None where `rewrites.rewritten(sentences[a],
    sentences[b])` finds no passage; else it may, and here are the content
    words each sentence of a shares with each of b's (its `shared`)."""
    found: list[npt.NDArray[np.int64] | None] = [None] * len(pairs)
    for hub, partners in hubs(pairs).items():
        others = [other for _, other, _ in partners]
        for (number, other, hub_first), (good, shared) in zip(
            partners, _good_pairs(sentences, hub, others), strict=True
        ):
            cells = good if hub_first else sorted((j, i) for i, j in good)
            a, b = (hub, other) if hub_first else (other, hub)
            if cells and may_span(sentences[a], sentences[b], cells):
                found[number] = shared if hub_first else shared.T
    return found


def _good_pairs(
    sentences: Mapping[int, Sentences], hub: int, others: list[int]
) -> list[tuple[list[tuple[int, int]], npt.NDArray[np.int64]]]:
    """For each of `others`, the (hub's sentence, its sentence) pairs
    sharing MIN_CONTENT content words and SENTENCE_RATIO of the larger
    set's, sorted: `rewrites._matched_sentences`' `good`, counted as its
    `_shared` counts them, for all of `others` at once; and that count,
    the hub's sentences by the other's."""
    mine = sentences[hub].content
    theirs = [sentences[other].content for other in others]
    rows = len(mine.sizes)
    columns = np.array([len(sets.sizes) for sets in theirs], dtype=np.int64)
    # Pairs of texts with too many sentences are never compared (`rewritten`).
    compared = rows * columns <= MOST_PAIRS
    cells = np.where(compared, rows * columns, 0)
    cell_shift = np.concatenate(([0], np.cumsum(cells)))
    column_shift = np.concatenate(([0], np.cumsum(columns)))
    entry_shift = np.concatenate(([0], np.cumsum([len(s.owner) for s in theirs])))
    at_mine, at_theirs, pair = hub_pairs(
        mine.grouped,
        [sets.grouped for sets in theirs],
        np.arange(len(mine.grouped.values), dtype=np.int64),
        [
            np.arange(len(sets.grouped.values) if ok else 0, dtype=np.int64)
            for sets, ok in zip(theirs, compared.tolist(), strict=True)
        ],
    )
    their_owner = np.concatenate([sets.owner for sets in theirs])
    their_sizes = np.concatenate([sets.sizes for sets in theirs])
    cell = (
        cell_shift[pair]
        + mine.owner[at_mine] * columns[pair]
        + their_owner[at_theirs + entry_shift[pair]]
    )
    shared = np.bincount(cell, minlength=int(cell_shift[-1])).astype(
        np.int64, copy=False
    )
    enough = np.flatnonzero(shared >= MIN_CONTENT)
    of = np.searchsorted(cell_shift, enough, side="right") - 1
    local = enough - cell_shift[of]
    row, column = local // columns[of], local % columns[of]
    size = np.maximum(mine.sizes[row], their_sizes[column + column_shift[of]])
    ratio = shared[enough] / np.maximum(size, 1)
    good = ratio >= SENTENCE_RATIO
    found: list[list[tuple[int, int]]] = [[] for _ in others]
    for k, i, j in zip(
        of[good].tolist(), row[good].tolist(), column[good].tolist(), strict=True
    ):
        found[k].append((i, j))
    bounds, widths = cell_shift.tolist(), columns.tolist()
    return [
        (good_k, shared[bounds[k] : bounds[k + 1]].reshape(rows, widths[k]))
        if good_k
        else (good_k, shared[:0].reshape(0, 0))
        for k, good_k in enumerate(found)
    ]
