"""Anchors of many candidate pairs at once, a text against all its partners.

Part of `link.reuse_pairs`: `align.anchors` for every pair of a batch, each
text's shingles searched once for all the pairs it is in. On three months
of generated wire copy a text is in 9 candidate pairs (12,762 pairs of
1,441 texts), each pair's anchors a dozen numpy calls on arrays of a few
hundred values: the calls, not the values, were the cost (1.9 of 11.5 CPU
s of `link_reuse`). Here a text and its partners make one set of calls.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dossier.link.align import MAX_REPEATS, Run
from dossier.link.occurrences import Occurrences, spread
from dossier.link.passages import Words


@dataclass(frozen=True, slots=True)
class PairAnchors:
    """A pair's runs of anchors (`align.anchors`) and the distinct shingles
    its texts share, however often each text repeats them."""

    runs: list[Run]
    shared: int


def pair_anchors(
    words: Mapping[int, Words], pairs: Sequence[tuple[int, int]], *, least: int
) -> list[PairAnchors]:
    """`align.anchors(words[a], words[b], least=least)` and the shingles the
    two share, for each (a, b) of `pairs`, in their order. Each pair is
    worked out from the text of it that more of `pairs` hold (its hub), with
    the hub's other partners."""
    found: list[PairAnchors | None] = [None] * len(pairs)
    for hub, partners in hubs(pairs).items():
        numbers = [number for number, _, _ in partners]
        for number, result in zip(
            numbers,
            _hub_anchors(
                words,
                hub,
                [other for _, other, _ in partners],
                [first for _, _, first in partners],
                least,
            ),
            strict=True,
        ):
            found[number] = result
    return [result for result in found if result is not None]


def hubs(pairs: Sequence[tuple[int, int]]) -> dict[int, list[tuple[int, int, bool]]]:
    """The pairs by hub, the text of each pair that more of `pairs` hold:
    hub -> (the pair's number, its other text, whether the hub is its a)."""
    degree = Counter(doc for pair in pairs for doc in pair)
    found: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)
    for number, (a, b) in enumerate(pairs):
        if degree[a] >= degree[b]:
            found[a].append((number, b, True))
        else:
            found[b].append((number, a, False))
    return found


def hub_pairs(
    mine: Occurrences,
    theirs: list[Occurrences],
    my_rows: npt.NDArray[np.int64],
    their_rows: list[npt.NDArray[np.int64]],
    *,
    least: int = 1,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """`occurrences.pairs` of one array (`mine`) with each of several: every
    (position in mine, position in theirs[k], k) holding equal values, of
    the values at rows `my_rows` of mine and `their_rows[k]` of theirs[k]
    (distinct values, sorted), for the k sharing `least` such values or
    more. One set of numpy calls for all of `theirs`."""
    count = len(theirs)
    # Each partner's groups laid end to end: a row (a distinct value) and a
    # position into `where` shift by the partners before it.
    row_shift = np.cumsum([0] + [len(group.values) for group in theirs])
    rows = np.concatenate(
        [kept + row_shift[k] for k, kept in enumerate(their_rows)]
    ).astype(np.int64)
    row_owner = np.repeat(np.arange(count), [len(kept) for kept in their_rows])
    values = np.concatenate([group.values for group in theirs])[rows]
    my_values = mine.values[my_rows]
    at = np.searchsorted(my_values, values)
    hit = _found_in(my_values, values, at)
    if least > 1:
        common = np.bincount(row_owner[hit], minlength=count)
        hit &= (common >= least)[row_owner]
    return _expanded(mine, theirs, my_rows[at[hit]], rows[hit], row_owner[hit])


def _expanded(
    mine: Occurrences,
    theirs: list[Occurrences],
    in_mine: npt.NDArray[np.int64],
    in_theirs: npt.NDArray[np.int64],
    pair_of: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """`hub_pairs`' positions from the values found: row `in_mine[k]` of
    mine equals row `in_theirs[k]` of theirs laid end to end, a row of
    theirs[pair_of[k]]."""
    where_shift = np.cumsum([0] + [len(group.where) for group in theirs])
    counts = np.concatenate([group.counts for group in theirs])
    firsts = np.concatenate(
        [group.first + where_shift[k] for k, group in enumerate(theirs)]
    )
    wheres = np.concatenate([group.where for group in theirs])
    my_counts = mine.counts[in_mine]
    value = np.repeat(np.arange(len(in_mine), dtype=np.int64), my_counts)
    at_mine = mine.where[spread(mine.first[in_mine], my_counts)]
    repeats = counts[in_theirs][value]
    return (
        np.repeat(at_mine, repeats),
        wheres[spread(firsts[in_theirs][value], repeats)],
        np.repeat(pair_of[value], repeats),
    )


def _hub_anchors(
    words: Mapping[int, Words],
    hub: int,
    others: list[int],
    hub_first: list[bool],
    least: int,
) -> list[PairAnchors]:
    """The runs and shared shingles of `hub` with each of `others` (the hub
    is side a of a pair where `hub_first` says so, side b otherwise)."""
    mine = words[hub].grouped
    theirs = [words[other].grouped for other in others]
    count = len(others)
    # Every distinct shingle of the partners searched once in the hub's:
    # how many each shares (anchor or not: `reuse_pairs`' sentence gate),
    # and which are anchors, shingles neither text holds more than
    # MAX_REPEATS times (`hub_pairs` searched them again, a tenth of
    # comparing the pairs of three months of generated wire copy).
    values = np.concatenate([group.values for group in theirs])
    owner = np.repeat(np.arange(count), [len(group.values) for group in theirs])
    at = np.minimum(np.searchsorted(mine.values, values), len(mine.values) - 1)
    found = (
        mine.values[at] == values
        if len(mine.values)
        else np.zeros(len(values), dtype=bool)
    )
    shared = np.bincount(owner[found], minlength=count)
    anchor = found & (np.concatenate([group.counts for group in theirs]) <= MAX_REPEATS)
    if len(mine.values):
        anchor &= mine.counts[at] <= MAX_REPEATS
    rows = np.flatnonzero(anchor)
    # Pairs sharing fewer than `least` anchors have none (`align.anchors`).
    enough = np.bincount(owner[rows], minlength=count) >= max(least, 1)
    rows = rows[enough[owner[rows]]]
    at_hub, at_other, pair = _expanded(mine, theirs, at[rows], rows, owner[rows])
    first = np.array(hub_first, dtype=bool)[pair]
    i = np.where(first, at_hub, at_other)
    j = np.where(first, at_other, at_hub)
    runs = _runs(i, j, pair, count)
    return [
        PairAnchors(pair_runs, int(number))
        for pair_runs, number in zip(runs, shared.tolist(), strict=True)
    ]


def _runs(
    i: npt.NDArray[np.int64],
    j: npt.NDArray[np.int64],
    pair: npt.NDArray[np.int64],
    count: int,
) -> list[list[Run]]:
    """`align.anchors`' runs along each pair's diagonals, sorted, per pair."""
    diagonal = j - i
    order = np.lexsort((i, diagonal, pair))
    i, diagonal, pair = i[order], diagonal[order], pair[order]
    starts = np.ones(len(i), dtype=bool)
    starts[1:] = (
        (pair[1:] != pair[:-1])
        | (diagonal[1:] != diagonal[:-1])
        | (i[1:] != i[:-1] + 1)
    )
    begin = np.flatnonzero(starts)
    lengths = np.diff(np.append(begin, len(i)))
    run_i, run_j, run_pair = i[begin], i[begin] + diagonal[begin], pair[begin]
    order = np.lexsort((run_j, run_i, run_pair))
    bounds = np.searchsorted(run_pair[order], np.arange(count + 1)).tolist()
    found = list(
        zip(
            run_i[order].tolist(),
            run_j[order].tolist(),
            lengths[order].tolist(),
            strict=True,
        )
    )
    return [found[bounds[k] : bounds[k + 1]] for k in range(count)]


def _found_in(
    sorted_values: npt.NDArray[np.generic],
    values: npt.NDArray[np.generic],
    at: npt.NDArray[np.intp] | None = None,
) -> npt.NDArray[np.bool_]:
    """Whether each of `values` is in `sorted_values` (sorted, distinct);
    `at`: where `np.searchsorted` put them, when known."""
    if not len(sorted_values):
        return np.zeros(len(values), dtype=bool)
    if at is None:
        at = np.searchsorted(sorted_values, values)
    at = np.minimum(at, len(sorted_values) - 1)
    found: npt.NDArray[np.bool_] = sorted_values[at] == values
    return found
