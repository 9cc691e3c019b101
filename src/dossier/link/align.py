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


def anchors(a: Words, b: Words, *, least: int = 1) -> list[tuple[int, int]]:
    """(i, j), sorted: the shingle at word i of `a` equals the one at word j
    of `b`, and neither text holds it more than MAX_REPEATS times; none when
    fewer than `least` distinct shingles are shared so."""
    common = np.intersect1d(
        a.distinct[a.counts <= MAX_REPEATS],
        b.distinct[b.counts <= MAX_REPEATS],
        assume_unique=True,
    )
    if len(common) < max(least, 1):
        return []
    in_a = np.flatnonzero(np.isin(a.shingles, common))
    in_b = np.flatnonzero(np.isin(b.shingles, common))
    order = np.argsort(b.shingles[in_b], kind="stable")
    sorted_b = b.shingles[in_b][order]
    positions_b = in_b[order]
    first = np.searchsorted(sorted_b, a.shingles[in_a], side="left")
    last = np.searchsorted(sorted_b, a.shingles[in_a], side="right")
    repeats = last - first
    i = np.repeat(in_a, repeats)
    # Each i's run of matches in b: first[k], first[k] + 1, ... last[k] - 1.
    offsets = np.arange(len(i)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    j = positions_b[np.repeat(first, repeats) + offsets]
    order = np.lexsort((j, i))
    return list(zip(i[order].tolist(), j[order].tolist(), strict=True))


def chains(
    found: list[tuple[int, int]], *, shortest: int = 0
) -> list[list[tuple[int, int]]]:
    """Anchors (sorted) grouped into chains, each the best-scoring path of
    anchors with both positions rising by at most GAP and the diagonal moving
    by at most SHIFT, best first; chains share no anchor, and those matching
    fewer than `shortest` words are left out."""
    best: list[int] = []  # words matched by the best chain ending here
    previous: list[int] = []
    index: dict[tuple[int, int], int] = {}
    for k, (i, j) in enumerate(found):
        index[(i, j)] = k
        # Mostly the anchor just before on the same diagonal continues the
        # chain: no other can add more than the one word it adds.
        m = index.get((i - 1, j - 1), -1)
        if m != -1:
            best.append(best[m] + 1)
            previous.append(m)
            continue
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
        if best[end] < shortest:
            break
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


def align(a: Words, b: Words, *, least: int = 1, shortest: int = 0) -> list[Alignment]:
    """Every aligned passage of two texts, longest chains first; none when
    they share fewer than `least` distinct shingles, and none from a chain of
    anchors matching fewer than `shortest` words."""
    found = anchors(a, b, least=least)
    return [align_chain(chain, a, b) for chain in chains(found, shortest=shortest)]
