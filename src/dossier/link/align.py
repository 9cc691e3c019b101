"""Local alignment of two texts' words, for `link.reuse`: where one repeats the other.

Seed and extend, as BLAST and passim do: the word 3-shingles both texts hold
are anchors; anchors on nearby diagonals chain into one aligned passage
across small edits (an OCR slip, a word changed, added or dropped); each end
is then extended over words equal or one letter apart. The score is the
share of the longer side's words the alignment matches.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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


def anchors(a: Words, b: Words) -> list[tuple[int, int]]:
    """(i, j): the shingle at word i of `a` equals the one at word j of `b`."""
    common = np.intersect1d(a.shingles, b.shingles)
    if not len(common):
        return []
    found: list[tuple[int, int]] = []
    positions_a = _positions(a.shingles, common)
    positions_b = _positions(b.shingles, common)
    for value, in_a in positions_a.items():
        in_b = positions_b[value]
        if len(in_a) > MAX_REPEATS or len(in_b) > MAX_REPEATS:
            continue
        found.extend((i, j) for i in in_a for j in in_b)
    found.sort()
    return found


def _positions(shingles: np.ndarray, common: np.ndarray) -> dict[int, list[int]]:
    where = np.flatnonzero(np.isin(shingles, common))
    positions: dict[int, list[int]] = {}
    for index, value in zip(where.tolist(), shingles[where].tolist(), strict=True):
        positions.setdefault(value, []).append(index)
    return positions


def chains(found: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Anchors (sorted) grouped into chains, each the best-scoring path of
    anchors with both positions rising by at most GAP and the diagonal moving
    by at most SHIFT, best first; chains share no anchor."""
    best: list[int] = []  # words matched by the best chain ending here
    previous: list[int] = []
    for k, (i, j) in enumerate(found):
        score, link = SHINGLE_WORDS, -1
        for m in range(k - 1, -1, -1):
            pi, pj = found[m]
            if i - pi > GAP:
                break
            if (
                pi < i
                and pj < j
                and j - pj <= GAP
                and abs((j - pj) - (i - pi)) <= SHIFT
            ):
                gain = best[m] + min(i - pi, j - pj, SHINGLE_WORDS)
                if gain > score:
                    score, link = gain, m
        best.append(score)
        previous.append(link)
    used = [False] * len(found)
    result: list[list[tuple[int, int]]] = []
    for end in sorted(range(len(found)), key=lambda k: -best[k]):
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


def align_chain(chain: list[tuple[int, int]], a: Words, b: Words) -> Alignment:
    """The chain's passage, extended at both ends over similar words."""
    covered: set[int] = set()
    for i, _ in chain:
        covered.update(range(i, i + SHINGLE_WORDS))
    a_start, b_start = chain[0]
    a_end, b_end = chain[-1][0] + SHINGLE_WORDS, chain[-1][1] + SHINGLE_WORDS
    matched = len(covered)
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


def align(a: Words, b: Words) -> list[Alignment]:
    """Every aligned passage of two texts, longest chains first."""
    return [align_chain(chain, a, b) for chain in chains(anchors(a, b))]
