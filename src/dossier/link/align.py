"""Local alignment of two texts' words, for `link.reuse`: where one repeats the other.

Seed and extend, as BLAST and passim do: the word 3-shingles both texts hold
are anchors; anchors on nearby diagonals chain into one aligned passage
across small edits (an OCR slip, a word changed, added or dropped); each end
is then extended over words equal or one letter apart. The score is the
share of the longer side's words the alignment matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from dossier.link.occurrences import pairs, shared_values
from dossier.link.passages import Words
from dossier.link.shingles import SHINGLE_WORDS

# Anchors chain when the next starts at most GAP words after the last on
# each side and shifts the diagonal by at most SHIFT words: an OCR slip
# breaks the three shingles that hold the word (a gap of 4), a dropped
# phrase of a few words shifts the diagonal, and a slip inside a title
# KCNA repeats (`the Central Committee of the Workers' Party of Korea`,
# whose shingles are no anchors) left a gap of 11 in a kcna-2024 story.
GAP = 16
SHIFT = 4
# A shingle seen more often than this in either text is no anchor (refrains,
# lists): it would tie every occurrence to every other.
MAX_REPEATS = 8
# Runs looked back at for the one a run continues (runs are sorted by start,
# so a long run that ends nearby may start far back).
LOOKBACK = 64


@dataclass(frozen=True, slots=True)
class Alignment:
    """Words [a_start, a_end) of one text aligned with [b_start, b_end) of the
    other; `matched` words of each correspond."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int

    @property
    def score(self) -> float:
        return self.matched / max(self.a_end - self.a_start, self.b_end - self.b_start)


IntegerT = TypeVar("IntegerT", np.uint64, np.int64)
Run = tuple[int, int, int]  # (i, j, n): anchors (i, j) ... (i + n - 1, j + n - 1)


def anchors(a: Words, b: Words, *, least: int = 1) -> list[Run]:
    """Runs of anchors, sorted: the shingle at word i + k of `a` equals the
    one at word j + k of `b` for k < n, and neither text holds it more than
    MAX_REPEATS times; none when fewer than `least` distinct shingles are
    shared so. A shared passage is one run until an edit breaks it."""
    common = shared_values(
        a.distinct[a.counts <= MAX_REPEATS], b.distinct[b.counts <= MAX_REPEATS]
    )
    if len(common) < max(least, 1):
        return []
    # Each text's shingles were grouped once (`Words.grouped`): only the
    # shared ones are looked at here, not every word of both texts (a
    # 7,000-word essay is in hundreds of candidate pairs of wire copy).
    i, j = pairs(a.grouped, b.grouped, common)
    # Along each diagonal (j - i), consecutive anchors make one run.
    diagonal = j - i
    order = np.lexsort((i, diagonal))
    i, diagonal = i[order], diagonal[order]
    starts = np.ones(len(i), dtype=bool)
    starts[1:] = (diagonal[1:] != diagonal[:-1]) | (i[1:] != i[:-1] + 1)
    begin = np.flatnonzero(starts)
    lengths = np.diff(np.append(begin, len(i)))
    run_i, run_j = i[begin], i[begin] + diagonal[begin]
    order = np.lexsort((run_j, run_i))
    return list(
        zip(
            run_i[order].tolist(),
            run_j[order].tolist(),
            lengths[order].tolist(),
            strict=True,
        )
    )


def within(
    values: npt.NDArray[IntegerT], sorted_set: npt.NDArray[IntegerT]
) -> npt.NDArray[np.bool_]:
    """`np.isin(values, sorted_set)` for a sorted set without repeats, by
    binary search: 3x faster on a story's few thousand shingles, where
    `isin` sorts both arrays together every time."""
    if not len(sorted_set):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(sorted_set, values)
    at[at == len(sorted_set)] = 0
    found: npt.NDArray[np.bool_] = sorted_set[at] == values
    return found


def chains(found: list[Run], *, shortest: int = 0) -> list[list[Run]]:
    """Runs (sorted) grouped into chains, each the best-scoring path of runs
    where the next starts at most GAP words after the last ends on each side
    and the diagonal moves by at most SHIFT, best first; chains share no run,
    and those matching fewer than `shortest` words are left out."""
    if len(found) < _FEW_RUNS:
        best, previous = _walk_back(found)
    else:
        best, previous = _best_paths(np.array(found, dtype=np.int64))
    used = [False] * len(found)
    result: list[list[Run]] = []
    # Best first; at a tie, the earlier run first (a stable sort keeps
    # equals in order, `reverse` too). Only the runs ending a path of
    # `shortest` words or more are sorted: on three months of generated
    # wire copy most pairs have none, and sorting all runs by a Python key
    # function was a quarter of `chains`.
    ends = [k for k, score in enumerate(best) if score >= shortest]
    for end in sorted(ends, key=best.__getitem__, reverse=True):
        if used[end]:
            continue
        chain: list[int] = []
        k = end
        while k != -1 and not used[k]:
            chain.append(k)
            k = previous[k]
        # A path running into a better chain is a branch of it: its own
        # passage overlaps that chain's.
        if k == -1:
            for m in chain:
                used[m] = True
            result.append([found[m] for m in reversed(chain)])
    return result


# Runs whose links to the runs before them are worked out in one array.
_BLOCK = 4096
# Fewer runs than this are linked in Python: numpy's calls cost more than
# they save (on three months of generated wire copy, 7 in 10 candidate
# pairs have fewer than 40 runs; those of 40 or more took 2.5x less time
# in numpy, those of under 10, 8x more).
_FEW_RUNS = 40


def _best_paths(runs: npt.NDArray[np.int64]) -> tuple[list[int], list[int]]:
    """For each run, the words matched by the best path of runs ending in it
    and the run before it on that path (-1: none). A run may follow one of
    the LOOKBACK runs before it (runs are sorted by start, not end) that ends
    at most GAP words before it starts on each side, the diagonal moving by
    SHIFT at most. Which runs may follow which is a function of positions
    only, found in numpy for all runs at once; nearly all are none (on three
    months of generated wire copy, 24,000 links among 8.3 million runs
    looked back at), so only the links that exist are walked in Python, in
    the order the runs come: on those pairs' chains of 100 runs or more
    2.2x faster than testing each run looked back at in Python."""
    i, j, n = runs[:, 0], runs[:, 1], runs[:, 2]
    last_i, last_j = i + n - 1, j + n - 1
    best: list[int] = (n + SHINGLE_WORDS - 1).tolist()
    previous = [-1] * len(runs)
    # Starts only rise, so a run m ending more than GAP words before run k
    # starts (on side a) is no link, nor is any run before m whose ends all
    # lie before m's furthest end: the nearest run a link may come from is
    # the first whose furthest end so far reaches k's start minus GAP.
    # Columns past the farthest such run, in a block, hold no link: on
    # three months of generated wire copy most blocks need a few of the
    # LOOKBACK columns.
    reach = np.maximum.accumulate(last_i)
    nearest = np.searchsorted(reach, i - GAP, side="left")
    for start in range(0, len(runs), _BLOCK):
        k = np.arange(start, min(start + _BLOCK, len(runs)), dtype=np.int64)
        width = min(LOOKBACK, len(runs) - 1, int((k - nearest[k]).max()))
        back = np.arange(1, width + 1, dtype=np.int64)
        # Row r, column c: run k[r] after run k[r] - 1 - c (nearest first).
        before = k[:, None] - back[None, :]
        inside = before >= 0
        before = np.where(inside, before, 0)
        step_i = i[k][:, None] - last_i[before]
        step_j = j[k][:, None] - last_j[before]
        linked = (
            inside
            & (step_i > 0)
            & (step_i <= GAP)
            & (step_j > 0)
            & (step_j <= GAP)
            & (np.abs(step_j - step_i) <= SHIFT)
        )
        rows, columns = np.nonzero(linked)
        if not len(rows):
            continue
        steps = np.minimum(
            np.minimum(step_i[rows, columns], step_j[rows, columns]), SHINGLE_WORDS
        )
        gains = steps + n[k[rows]] - 1
        # Row by row, nearest run first: the first of equal gains wins.
        for run, other, gain in zip(
            k[rows].tolist(),
            before[rows, columns].tolist(),
            gains.tolist(),
            strict=True,
        ):
            score = best[other] + gain
            if score > best[run]:
                best[run] = score
                previous[run] = other
    return best, previous


def _walk_back(found: list[Run]) -> tuple[list[int], list[int]]:
    """`_best_paths` for a few runs, in Python: each run tested against the
    LOOKBACK runs before it, nearest first (the same links, in the same
    order)."""
    best: list[int] = []
    previous: list[int] = []
    # Where each run's last anchor is, on each side, worked out once: most
    # runs looked back at fail the first test (2x faster on the 11,800 pairs
    # of three months of generated wire copy).
    last_i = [i + n - 1 for i, _, n in found]
    last_j = [j + n - 1 for _, j, n in found]
    # Runs are sorted by start: going back from run k, once no run from m
    # back ends within GAP words of k's start (the furthest end so far,
    # `reach[m]`, falls short), none further back links to it either.
    reach = list(accumulate(last_i, max))
    for k, (i, j, n) in enumerate(found):
        score, link = n + SHINGLE_WORDS - 1, -1
        for m in range(k - 1, max(k - LOOKBACK, 0) - 1, -1):
            step_i = i - last_i[m]
            if not 0 < step_i <= GAP:
                if i - reach[m] > GAP:
                    break
                continue
            step_j = j - last_j[m]
            if 0 < step_j <= GAP and abs(step_j - step_i) <= SHIFT:
                gain = best[m] + min(step_i, step_j, SHINGLE_WORDS) + n - 1
                if gain > score:
                    score, link = gain, m
        best.append(score)
        previous.append(link)
    return best, previous


def align_chain(chain: list[Run], a: Words, b: Words) -> Alignment:
    """The chain's passage, extended at both ends over similar words."""
    matched = 0
    reached = -1  # words of `a` before this are counted
    for i, _, n in chain:
        end = i + n - 1 + SHINGLE_WORDS
        matched += max(0, end - max(i, reached))
        reached = max(reached, end)
    a_start, b_start, _ = chain[0]
    last_i, last_j, last_n = chain[-1]
    a_end = last_i + last_n - 1 + SHINGLE_WORDS
    b_end = last_j + last_n - 1 + SHINGLE_WORDS
    # Backwards: compare the words before each start.
    back = _extend(a.tokens, b.tokens, a_start - 1, b_start - 1, -1)
    forth = _extend(a.tokens, b.tokens, a_end, b_end, 1)
    return Alignment(
        a_start - back[0],
        a_end + forth[0],
        b_start - back[0],
        b_end + forth[0],
        matched + back[1] + forth[1],
    )


def _extend(a: list[str], b: list[str], i: int, j: int, step: int) -> tuple[int, int]:
    """How many word pairs from (i, j) on, in direction `step`, continue the
    alignment (similar words, or one dissimilar pair followed by two similar
    ones), and how many of them match."""
    taken = matched = 0

    def ok(n: int) -> bool:
        x, y = i + n * step, j + n * step
        inside = 0 <= x < len(a) and 0 <= y < len(b)
        return inside and similar(a[x], b[y])

    while True:
        if ok(taken):
            taken += 1
            matched += 1
        elif ok(taken + 1) and ok(taken + 2):
            taken += 3
            matched += 2
        else:
            return taken, matched


def similar(x: str, y: str) -> bool:
    """Equal, or (words of four letters or more) one edit apart: an OCR slip."""
    if x == y:
        return True
    if min(len(x), len(y)) < 4 or abs(len(x) - len(y)) > 1:
        return False
    # One substitution, insertion or deletion.
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y, strict=True)) == 1
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def align(a: Words, b: Words, *, least: int = 1, shortest: int = 0) -> list[Alignment]:
    """Every aligned passage of two texts, longest chains first; none when
    they share fewer than `least` distinct shingles, and none from a chain of
    anchors matching fewer than `shortest` words."""
    return aligned(anchors(a, b, least=least), a, b, shortest=shortest)


def aligned(found: list[Run], a: Words, b: Words, *, shortest: int) -> list[Alignment]:
    """`align` from the pair's runs of anchors (`anchors`, or
    `link.anchor_runs` for many pairs at once)."""
    return [align_chain(chain, a, b) for chain in chains(found, shortest=shortest)]
