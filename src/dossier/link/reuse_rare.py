"""Candidate pairs too poor in rare shingles to keep a passage, found unread.

Part of `link.reuse`, between finding a batch's candidate pairs
(`link.reuse_candidates`) and comparing them: the pair rule of
`link.reuse_formula` says a pair whose texts share fewer than MOST_RARE
rare shingles keeps no passage, counted as the formula test counts them
when the batch's passages are kept. Those counts are the stored ones plus
the texts not counted yet (the batch's own and, with a pool, the batch
begun before it and not finished): nothing else is counted between, so
the pairs found here are exactly those the rule drops, and their texts
are never read. On three months of generated wire copy 6,052 of 12,762
candidate pairs; on kcna-2024, 1,313 of 1,876.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence

import numpy as np
import numpy.typing as npt

from dossier.link.pair_grams import SharedKeys
from dossier.link.reuse_formula import MOST_RARE, RARE_DOCS

Pair = tuple[int, int]


def rare_pairs(
    connection: sqlite3.Connection,
    shared: SharedKeys,
    pairs: Collection[Pair],
    pending: Sequence[npt.NDArray[np.int64]],
) -> set[Pair]:
    """Those of `pairs` whose texts share (`shared`) fewer than MOST_RARE
    rare shingles, by the counts `reuse_grams` holds now plus those of
    `pending` (texts' keys not counted yet). A pair a text of which has no
    keys kept is left out."""
    wanted = np.array([pair in pairs for pair in shared.pairs], dtype=bool)
    if not wanted.any():
        return set()
    kept = wanted[shared.number]
    number, keys = shared.number[kept], shared.keys[kept]
    distinct, inverse = np.unique(keys, return_inverse=True)
    signed = distinct.view(np.int64)
    counts = np.zeros(len(signed), dtype=np.int64)
    uncounted = np.concatenate([np.zeros(0, dtype=np.int64), *pending])
    if len(uncounted):
        waiting, waiting_counts = np.unique(uncounted, return_counts=True)
        at = np.searchsorted(waiting, signed)
        at[at == len(waiting)] = 0
        counts += np.where(waiting[at] == signed, waiting_counts[at], 0)
    # The texts not counted yet make some keys common whatever is stored, and
    # what is stored only adds: a pair with too few keys rare by those texts
    # alone is poor unasked. Only the other pairs' keys are asked.
    rare = (counts <= RARE_DOCS)[inverse]
    open_pairs = np.bincount(number[rare], minlength=len(shared.pairs)) >= MOST_RARE
    asked = np.zeros(len(signed), dtype=bool)
    asked[inverse[rare & open_pairs[number]]] = True
    # A key is common once the store holds it in more than RARE_DOCS less
    # those texts' count: one query for each such count (at most RARE_DOCS
    # + 1 of them a batch).
    for waiting_count in np.unique(counts[asked]).tolist():
        ask = np.flatnonzero(asked & (counts == waiting_count))
        common = _common(connection, signed[ask], RARE_DOCS - waiting_count)
        counts[ask[np.isin(signed[ask], common)]] = RARE_DOCS + 1
    rare = (counts <= RARE_DOCS)[inverse]
    per_pair = np.bincount(number[rare], minlength=len(shared.pairs)).tolist()
    return {
        pair
        for pair, found, looked in zip(
            shared.pairs, per_pair, wanted.tolist(), strict=True
        )
        if looked and found < MOST_RARE
    }


def _common(
    connection: sqlite3.Connection, keys: npt.NDArray[np.int64], more_than: int
) -> npt.NDArray[np.int64]:
    """Those of `keys` more than `more_than` signed texts hold (`reuse_grams`):
    only those rows come back (asking each key's count took twice as long
    on three months of wire copy)."""
    cursor = connection.cursor()
    cursor.row_factory = None
    found = cursor.execute(
        "SELECT g.key FROM json_each(?) k JOIN reuse_grams g ON g.key = k.value"
        " WHERE g.docs > ?",
        (json.dumps(keys.tolist()), more_than),
    ).fetchall()
    return np.array([key for (key,) in found], dtype=np.int64)
