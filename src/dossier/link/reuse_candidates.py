"""Candidate pairs for text reuse: which stored texts a batch's passages
share MinHash bands with, and which of those pairs are worth aligning.

Part of `link.reuse`: it signs a batch and stores its bands; this module
finds, from the batch's band keys in memory and the stored index
(`reuse_bands`, `reuse_signed`), the pairs `link.reuse_pairs` compares.
Each pair is judged by the texts up to its later one (by rowid), so the
pairs do not depend on how the texts were batched or split between builds.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt

from dossier.link.pair_grams import SharedKeys, counted, shared_counts, shared_keys_of
from dossier.link.reuse_pairs import LEAST_SHARED
from dossier.link.stock import STOCK_PARTNERS
from dossier.startup import collector_off

# A band more documents hold than this is a stock phrase's: never a candidate,
# and no evidence that a passage is a stock passage either (STOCK_PARTNERS
# counts the documents a passage's other bands reach). On kcna-2024, with 5,
# 10, 50 or no limit: 122, 83, 61, 58 passages stored, in the same time.
# Which of them are reuse is for the gold of issue 15's measures to say.
COMMON = 10
# ... or by more passages than this, in whatever documents: a text repeating
# itself (a page printed over and over, a 2 MB file of one sentence) would
# otherwise join every passage of it to every other, quadratically.
COMMON_PASSAGES = 40
# A pair of documents is aligned when its passages share this many bands ...
SHARED_BANDS = 2
# ... or one, when the two texts share this many distinct shingles (their
# `reuse_signed.grams`, compared before any text is read). A heavy rewrite of
# a passage of 2 or 3 sentences shares one band (eval.reuse's kcna-109 /
# heavy-dev-5: 28 shingles), as does a story retelling two sentences of
# another (kcna-326 / kcna-332: 73). One band alone doubles the candidates
# on kcna-2024 (1,966 -> 3,861) and makes 43 times as many on 100,000
# generated texts (bench/reuse_million.py: 1,089 -> 47,338, CPU 45 -> 98 s),
# nearly all sharing a few shingles only, turned away here unread; what is
# left costs the step 13% more CPU on kcna-2024 (docs/benchmarks.md).
ONE_BAND_GRAMS = LEAST_SHARED
# How the rules above count a key's holders and a passage's partners (part
# of the reuse scheme): 2, among the texts up to each pair's later one; 1
# (before issue 15's order9), among those stored when a batch looked.
COUNTED = 2


def stored_keys(
    connection: sqlite3.Connection, keys: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """The distinct `keys` (sorted) some stored passage holds: one probe of
    the primary key a key, in key order."""
    # A first build's first batch finds the bands empty: its 86,900 keys
    # (kcna-2024) made distinct, sent as JSON and probed one by one took 0.07
    # CPU s of the writer's, alone at the link's start (issue 14 part 3).
    if connection.execute("SELECT 1 FROM reuse_bands LIMIT 1").fetchone() is None:
        return np.empty(0, dtype=np.int64)
    distinct = np.unique(keys)
    if not len(distinct):
        return distinct
    cursor = connection.cursor()
    cursor.row_factory = None
    found = cursor.execute(
        "SELECT k.value FROM json_each(?) k WHERE EXISTS (SELECT 1"
        " FROM reuse_bands x WHERE x.key = k.value AND x.passage >= 0)",
        (json.dumps(distinct.tolist()),),
    ).fetchall()
    return np.array([key for (key,) in found], dtype=np.int64)


def shared_keys(
    rows: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]],
    stored: npt.NDArray[np.int64],
) -> list[int]:
    """The batch's band keys (its `_band_rows`, key order) another text holds
    too: one of the batch's others, or a text stored before it (`stored`,
    asked before the batch's rows went in). Worked out from the batch's keys
    in memory: the query joining each of its 173,700 band rows (kcna-2024)
    back to the index, two probes a row, was most of `candidates`."""
    keys, docs, _ = rows
    if not len(keys):
        return []
    # A key's rows are adjacent (key order); a text's are adjacent within.
    new_doc = np.ones(len(keys), dtype=bool)
    new_doc[1:] = (keys[1:] != keys[:-1]) | (docs[1:] != docs[:-1])
    held_keys = keys[new_doc]
    distinct, texts = np.unique(held_keys, return_counts=True)
    shared = np.union1d(distinct[texts > 1], stored)
    return [int(key) for key in shared.tolist()]


@collector_off()
def candidates(
    connection: sqlite3.Connection, docs: list[int], shared: list[int]
) -> Candidates:
    """(a, b) with a < b -> the passage pairs (of a, of b) sharing a band, once
    per band shared, for pairs sharing SHARED_BANDS bands or more (and the
    shingle keys the texts of every pair looked at share); `shared`:
    the batch's band keys another text holds too (`shared_keys`). Each is
    read whole, at most COMMON_PASSAGES + 1 rows (`held`), and counted and
    paired here, in numpy: a Python tuple a row was about 0.5 CPU s on
    three months of wire copy.

    Each pair is judged as of its later text (by rowid): a key's holders and
    a passage's partners are counted among the texts up to it, not among
    those stored when a batch looks, which depend on where batches begin and
    on which files a build was given first (issue 15: the wire months stored
    1,078 passages linked at once, 1,080 in batches of 100 or of 1). Texts
    are signed in rowid order and a build's new ones get higher rowids, so
    the pairs are those a link one text at a time finds, however the texts
    were batched or split between builds."""
    found = held(connection, shared)
    key, doc, passage = found.keys, found.docs, found.passages
    batch = np.array(docs, dtype=np.int64)
    first = _firsts(key)
    group = np.cumsum(first) - 1
    starts = np.flatnonzero(first)
    sizes = np.diff(np.append(starts, len(key)))
    common = _common_up_to(key, doc, starts)
    # Each of the batch's passages under a key not common as of its text,
    # against every other document's passage under it (common as of a text
    # is common as of every later one).
    mine = np.flatnonzero(~common & np.isin(doc, batch) & (passage >= 0))
    span = sizes[group[mine]]
    left = np.repeat(mine, span)
    right = starts[group[left]] + (
        np.arange(len(left)) - np.repeat(np.cumsum(span) - span, span)
    )
    later = np.where(doc[right] > doc[left], right, left)
    # A pair is seen from its later text's side: a pair within the batch
    # from both, kept once. (A text signed after later ones were, as one
    # that stops being a copy when its original is forgotten, pairs from
    # its own side with them.)
    seen = (doc[right] < doc[left]) | ~np.isin(doc[right], batch)
    other = (doc[right] != doc[left]) & (passage[right] >= 0) & ~common[later] & seen
    left, right = left[other], right[other]
    a_doc, a_passage = doc[left], passage[left]
    b_doc, b_passage = doc[right], passage[right]
    # A passage whose bands lead to more than STOCK_PARTNERS earlier
    # documents is a stock passage: its candidates would be hidden when
    # listed anyway.
    kept = _partners(a_doc, a_passage, b_doc) <= STOCK_PARTNERS
    a_doc, a_passage = a_doc[kept], a_passage[kept]
    b_doc, b_passage = b_doc[kept], b_passage[kept]
    ahead = a_doc < b_doc
    low, high = np.where(ahead, a_doc, b_doc), np.where(ahead, b_doc, a_doc)
    p = np.where(ahead, a_passage, b_passage)
    q = np.where(ahead, b_passage, a_passage)
    order = np.lexsort((q, p, high, low))
    low, high, p, q = low[order], high[order], p[order], q[order]
    new_pair = np.ones(len(low), dtype=bool)
    new_pair[1:] = (low[1:] != low[:-1]) | (high[1:] != high[:-1])
    bounds = np.flatnonzero(new_pair).tolist()
    seeds = list(zip(p.tolist(), q.tolist(), strict=True))
    ends = [*bounds[1:], len(seeds)][: len(bounds)]
    paired = {
        (a, b): seeds[begin:end]
        for a, b, begin, end in zip(
            low[bounds].tolist(), high[bounds].tolist(), bounds, ends, strict=True
        )
    }
    # Both rules read the pair's stored shingle keys: a pair sharing one band
    # needs ONE_BAND_GRAMS of them in common; one sharing more needs
    # LEAST_SHARED, or `compare_pair` finds nothing (its alignment and its
    # sentence tier both want as many): on kcna-2024 a third of the pairs
    # sharing two bands, whose texts need not be read then (in a build, the
    # words of all but a batch's own texts) nor shipped to a pool.
    held_keys = shared_keys_of(connection, list(paired))
    counts = counted(held_keys)
    return Candidates(
        {
            pair: found_seeds
            for pair, found_seeds in paired.items()
            if compared(len(found_seeds), counts.get(pair))
        },
        held_keys,
    )


def _common_up_to(
    key: npt.NDArray[np.int64],
    doc: npt.NDArray[np.int64],
    starts: npt.NDArray[np.int64],
) -> npt.NDArray[np.bool_]:
    """For each `held` row, whether its key is common as of the row's text:
    held by more than COMMON texts, or more than COMMON_PASSAGES passages,
    of rowid up to it. A key's rows past its bound are not held: the
    bound's text holds a key so held COMMON_PASSAGES + 1 times already."""
    if not len(key):
        return np.zeros(0, dtype=bool)
    new_text = _firsts(key, doc)
    text = np.cumsum(new_text) - 1
    text_starts = np.flatnonzero(new_text)
    text_ends = np.append(text_starts[1:], len(key))
    group_start = np.repeat(starts, np.diff(np.append(starts, len(key))))
    passages = text_ends[text] - group_start
    texts = text - text[group_start] + 1
    common: npt.NDArray[np.bool_] = (passages > COMMON_PASSAGES) | (texts > COMMON)
    return common


def _partners(
    doc: npt.NDArray[np.int64],
    passage: npt.NDArray[np.int64],
    other: npt.NDArray[np.int64],
) -> npt.NDArray[np.int64]:
    """For each row, how many distinct `other` documents the rows of its
    (doc, passage) lead to."""
    if not len(doc):
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((other, passage, doc))
    d, p, o = doc[order], passage[order], other[order]
    new_holder = _firsts(d, p)
    new_other = _firsts(d, p, o)
    holder = np.cumsum(new_holder) - 1
    counted = np.bincount(holder[new_other], minlength=int(holder[-1]) + 1)
    found = np.empty(len(d), dtype=np.int64)
    found[order] = counted[holder]
    return found


def _firsts(*columns: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """For sorted rows given as `columns`, whether each row is the first of
    its run: the first row, or one differing from the row before in any
    column."""
    first = np.zeros(len(columns[0]), dtype=bool)
    first[:1] = True
    for column in columns:
        first[1:] |= column[1:] != column[:-1]
    return first


def compared(bands: int, shingles: int | None) -> bool:
    """Whether a pair sharing `bands` bands, whose texts share `shingles`
    distinct shingles (None: a text's keys not kept), is compared."""
    if bands < SHARED_BANDS:
        return shingles is not None and shingles >= ONE_BAND_GRAMS
    return shingles is None or shingles >= LEAST_SHARED


@dataclass(frozen=True, slots=True)
class Held:
    """Band rows (`reuse_bands`) as columns: a key's rows adjacent, in
    (doc, passage) order, keys ascending."""

    keys: npt.NDArray[np.int64]
    docs: npt.NDArray[np.int64]
    passages: npt.NDArray[np.int64]


def held(connection: sqlite3.Connection, keys: list[int]) -> Held:
    """Each key's first COMMON_PASSAGES + 1 (doc, passage) rows in the
    primary key's order, as `SELECT doc, passage FROM reuse_bands WHERE key
    = ? LIMIT COMMON_PASSAGES + 1` gives them, for all `keys` in one query
    (three months of wire copy: 0.45 -> 0.31 CPU s; the query finding the
    shared keys, not this, is most of `candidates`).
    A key's rows are read up to its (COMMON_PASSAGES + 1)th row's document
    only (found by one probe of the key's range), so a stock phrase's
    thousands of rows are not; that document's passages past the bound are
    dropped here."""
    connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS reuse_shared"
        "(key INTEGER PRIMARY KEY, last INTEGER)"
    )
    connection.execute("DELETE FROM reuse_shared")
    # Each key's bound is worked out once, as it goes in (a subquery in the
    # join below would run again for each of the key's rows).
    connection.execute(
        "INSERT OR IGNORE INTO reuse_shared(key, last) SELECT k.value,"
        " coalesce((SELECT x.doc FROM reuse_bands x WHERE x.key = k.value"
        " ORDER BY x.doc, x.passage LIMIT 1 OFFSET ?), 9223372036854775807)"
        " FROM json_each(?) k",
        (COMMON_PASSAGES, json.dumps(keys)),
    )
    # CROSS JOIN keeps the keys outside, each a range of the primary key
    # (the planner scanned all of `reuse_bands` otherwise). Plain tuples,
    # not the connection's `sqlite3.Row`s, flattened straight into numpy.
    cursor = connection.cursor()
    cursor.row_factory = None
    rows = np.fromiter(
        chain.from_iterable(
            cursor.execute(
                "SELECT s.key, b.doc, b.passage FROM reuse_shared s"
                " CROSS JOIN reuse_bands b ON b.key = s.key AND b.doc <= s.last"
                " ORDER BY s.key, b.doc, b.passage"
            )
        ),
        dtype=np.int64,
    ).reshape(-1, 3)
    key = rows[:, 0].copy()
    starts = np.flatnonzero(_firsts(key))
    rank = np.arange(len(key)) - np.repeat(starts, np.diff(np.append(starts, len(key))))
    kept = rank <= COMMON_PASSAGES
    return Held(key[kept], rows[kept, 1].copy(), rows[kept, 2].copy())


def sharing(
    connection: sqlite3.Connection, pairs: list[tuple[int, int]]
) -> set[tuple[int, int]]:
    """The `pairs` whose texts share ONE_BAND_GRAMS distinct shingles or
    more, by the shingle keys `reuse_signed` keeps (the batch's are stored
    already)."""
    return {
        pair
        for pair, shared in shared_counts(connection, pairs).items()
        if shared >= ONE_BAND_GRAMS
    }


@dataclass(frozen=True, slots=True)
class Candidates:
    """`candidates`' pairs (a < b) and their passage pairs sharing a band,
    and the shingle keys each pair's texts share (`shared_keys_of`)."""

    pairs: dict[tuple[int, int], list[tuple[int, int]]]
    shared: SharedKeys
