"""Alignment's anchors and chains (`link.align`) on real text: the runs are
every shared shingle's, and runs linked in numpy are linked as in Python."""

from __future__ import annotations

import json
from collections import defaultdict
from itertools import islice, pairwise
from pathlib import Path

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from dossier.link import align
from dossier.link.align import MAX_REPEATS, Run, anchors, chains
from dossier.link.passages import Words, read_words


def kcna_texts(corpus: Path, count: int) -> list[str]:
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as rows:
        return [str(json.loads(line)["text"]) for line in islice(rows, count)]


def edited(text: str, every: int) -> str:
    """The text with every `every`-th word replaced and every (every + 3)-th
    dropped: a copy broken into many runs along drifting diagonals."""
    kept = []
    for k, word in enumerate(text.split()):
        if k % (every + 3) == every + 2:
            continue
        kept.append("changed" if k % every == every - 1 else word)
    return " ".join(kept)


def runs_by_hand(a: Words, b: Words) -> list[Run]:
    """`anchors`, by dictionaries: each position pair holding one shingle
    neither text repeats more than MAX_REPEATS times, then runs along
    diagonals."""
    where_b: dict[int, list[int]] = defaultdict(list)
    for j, shingle in enumerate(b.shingles.tolist()):
        where_b[shingle].append(j)
    count_a: dict[int, int] = defaultdict(int)
    for shingle in a.shingles.tolist():
        count_a[shingle] += 1
    anchored = {
        (i, j)
        for i, shingle in enumerate(a.shingles.tolist())
        if count_a[shingle] <= MAX_REPEATS and len(where_b[shingle]) <= MAX_REPEATS
        for j in where_b[shingle]
    }
    runs = []
    for i, j in anchored:
        if (i - 1, j - 1) in anchored:
            continue
        n = 1
        while (i + n, j + n) in anchored:
            n += 1
        runs.append((i, j, n))
    return sorted(runs)


def test_anchors_are_every_shared_shingles_runs(corpus: Path) -> None:
    texts = kcna_texts(corpus, 40)
    checked = 0
    for text, other in pairwise(texts):
        a, b = read_words(text), read_words(other + " " + edited(text, 9))
        found = anchors(a, b)
        assert found == runs_by_hand(a, b)
        checked += len(found)
    assert checked > 1000


def test_chains_link_many_runs_as_few_are_linked(corpus: Path) -> None:
    texts = sorted(kcna_texts(corpus, 200), key=len)[-20:]
    for text in texts:
        found = anchors(read_words(text), read_words(edited(text, 7)))
        assert len(found) >= align._FEW_RUNS
        in_numpy = align._best_paths(np.array(found, dtype=np.int64))
        assert in_numpy == align._walk_back(found)
        assert chains(found, shortest=20)


@given(
    st.lists(
        # Dense: many runs may follow several others, with equal gains.
        st.tuples(st.integers(0, 80), st.integers(0, 80), st.integers(1, 5)),
        min_size=40,
        max_size=150,
        unique_by=lambda run: (run[0], run[1]),
    )
)
def test_best_paths_agree_on_any_runs(runs: list[tuple[int, int, int]]) -> None:
    found = sorted(runs)
    assert align._best_paths(np.array(found, dtype=np.int64)) == align._walk_back(found)


def paths_by_hand(found: list[Run]) -> tuple[list[int], list[int]]:
    """`_best_paths` without its shortcuts: every run tested against each of
    the LOOKBACK runs before it, nearest first, to the last."""
    best: list[int] = []
    previous: list[int] = []
    for k, (i, j, n) in enumerate(found):
        score, link = n + align.SHINGLE_WORDS - 1, -1
        for m in range(k - 1, max(k - align.LOOKBACK, 0) - 1, -1):
            m_i, m_j, m_n = found[m]
            step_i, step_j = i - (m_i + m_n - 1), j - (m_j + m_n - 1)
            if (
                0 < step_i <= align.GAP
                and 0 < step_j <= align.GAP
                and abs(step_j - step_i) <= align.SHIFT
            ):
                gain = best[m] + min(step_i, step_j, align.SHINGLE_WORDS) + n - 1
                if gain > score:
                    score, link = gain, m
        best.append(score)
        previous.append(link)
    return best, previous


@given(
    st.lists(
        # Sparse and dense stretches along a few near diagonals, and long
        # runs reaching far ahead: the runs looked back at stop where no
        # earlier run can end near enough.
        st.tuples(
            st.integers(0, 400),
            st.sampled_from([0, 1, 2, 3, 4, 5, 6, 50]),
            st.integers(1, 30),
        ),
        min_size=1,
        max_size=150,
        unique_by=lambda run: (run[0], run[1]),
    )
)
# A run GAP words on (20) links to the first (ending at 4) past one off
# its diagonal that ends further back (at 2): looking back stops after it.
@example([(0, 0, 5), (2, 48, 1), (20, 0, 1)])
def test_paths_stop_looking_back_only_past_every_link(
    runs: list[tuple[int, int, int]],
) -> None:
    found = sorted((i, i + drift, n) for i, drift, n in runs)
    by_hand = paths_by_hand(found)
    assert align._walk_back(found) == by_hand
    assert align._best_paths(np.array(found, dtype=np.int64)) == by_hand


def test_chains_best_first_as_sorted_by_hand(corpus: Path) -> None:
    texts = sorted(kcna_texts(corpus, 200), key=len)[-20:]
    for text in texts:
        found = anchors(read_words(text), read_words(edited(text, 5)))
        best, previous = paths_by_hand(found)
        expected: list[list[Run]] = []
        used = [False] * len(found)
        for end in sorted(range(len(found)), key=lambda k: -best[k]):
            if best[end] < 20:
                break
            chain, k = [], end
            while k != -1 and not used[k]:
                chain.append(k)
                k = previous[k]
            if k == -1 and not used[end]:
                for m in chain:
                    used[m] = True
                expected.append([found[m] for m in reversed(chain)])
        assert chains(found, shortest=20) == expected
        assert expected
