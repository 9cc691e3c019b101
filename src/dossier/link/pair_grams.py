"""The shingle keys the texts of candidate pairs share, by the distinct
keys `reuse_signed` keeps for each text (`Words.distinct`, as int64).

Read by `link.reuse_candidates` (a pair needs so many shared shingles to be
compared) and `link.reuse_rare` (the pair rule counts the rare ones).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dossier.link.batch import rows_of


@dataclass(frozen=True, slots=True)
class SharedKeys:
    """The distinct shingle keys the texts of candidate pairs share, by the
    keys `reuse_signed` keeps: `keys[k]` is held by both texts of
    `pairs[number[k]]`."""

    pairs: list[tuple[int, int]]
    number: npt.NDArray[np.int64]
    keys: npt.NDArray[np.uint64]


def shared_counts(
    connection: sqlite3.Connection, pairs: list[tuple[int, int]]
) -> dict[tuple[int, int], int]:
    """The distinct shingles the texts of each pair share, by the keys
    `reuse_signed` keeps; pairs a text of which has none kept are left out.
    The keys are a text's distinct shingles (`Words.distinct`, as int64)."""
    return counted(shared_keys_of(connection, pairs))


def counted(shared: SharedKeys) -> dict[tuple[int, int], int]:
    counts = np.bincount(shared.number, minlength=len(shared.pairs)).tolist()
    return dict(zip(shared.pairs, counts, strict=True))


def shared_keys_of(
    connection: sqlite3.Connection, pairs: list[tuple[int, int]]
) -> SharedKeys:
    """The keys each pair's texts share (`SharedKeys`), of the pairs both of
    whose texts have keys kept."""
    docs = sorted({doc for pair in pairs for doc in pair})
    grams: dict[int, npt.NDArray[np.uint64]] = {
        int(doc): np.frombuffer(blob, dtype=np.uint64)
        for doc, blob in rows_of(
            connection,
            "SELECT doc, grams FROM reuse_signed WHERE grams IS NOT NULL AND doc IN",
            docs,
        )
    }
    # Each text's partners' keys searched in its own at once (sorted as
    # unsigned, `gram_keys`), from the side with more partners: one search a
    # text, not one a pair (three months of wire copy: 15,000 pairs).
    held = [(a, b) for a, b in pairs if a in grams and b in grams]
    degree = Counter(doc for pair in held for doc in pair)
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for number, (a, b) in enumerate(held):
        hub, other = (a, b) if degree[a] >= degree[b] else (b, a)
        partners[hub].append((number, other))
    numbers: list[npt.NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    keys: list[npt.NDArray[np.uint64]] = [np.zeros(0, dtype=np.uint64)]
    for hub, others in partners.items():
        mine = grams[hub]
        if not len(mine):
            continue
        theirs = np.concatenate([grams[other] for _, other in others])
        owner = np.repeat(
            np.array([number for number, _ in others], dtype=np.int64),
            [len(grams[other]) for _, other in others],
        )
        at = np.searchsorted(mine, theirs)
        at[at == len(mine)] = 0
        found = mine[at] == theirs
        numbers.append(owner[found])
        keys.append(theirs[found])
    return SharedKeys(held, np.concatenate(numbers), np.concatenate(keys))
