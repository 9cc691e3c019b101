"""Candidate pairs (link.reuse_candidates) worked out in numpy: the pairs and
seeds its rules give read one band row at a time."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link import reuse_candidates
from dossier.link.reuse_candidates import COMMON, COMMON_PASSAGES, compared
from dossier.link.stock import STOCK_PARTNERS
from tests.properties import examples

Pair = tuple[int, int]

# Band rows (key, doc, passage) over few keys and documents, so that keys
# pass COMMON documents and COMMON_PASSAGES rows (key 0 is drawn most) and
# passages pass STOCK_PARTNERS partners; passage -1 is a text's row the
# candidates leave out.
BAND_ROWS = st.lists(
    st.tuples(
        st.sampled_from([0, 0, 0, 1, 2, 3, 4]),
        st.integers(1, COMMON + 1),
        st.integers(-1, 4),
    ),
    min_size=COMMON_PASSAGES,
    max_size=3 * COMMON_PASSAGES,
    unique=True,
)


def _by_rows(
    rows: list[tuple[int, int, int]], batch: set[int]
) -> dict[Pair, list[Pair]]:
    """The rules, a band row at a time, each pair as of its later text."""
    by_key: dict[int, list[Pair]] = defaultdict(list)
    for key, doc, passage in sorted(rows):
        by_key[key].append((doc, passage))
    found: list[tuple[int, int, int, int]] = []
    for keyed in by_key.values():
        keyed = keyed[: COMMON_PASSAGES + 1]
        for doc, passage in keyed:
            for other, other_passage in keyed:
                if doc not in batch or passage < 0 or other_passage < 0:
                    continue
                # Seen from the later text's side, or from the batch's when
                # the later text is not in it.
                if other == doc or (other > doc and other in batch):
                    continue
                then = [held for held in keyed if held[0] <= max(doc, other)]
                if len(then) > COMMON_PASSAGES or len({d for d, _ in then}) > COMMON:
                    continue
                found.append((doc, passage, other, other_passage))
    partners: dict[Pair, set[int]] = defaultdict(set)
    for doc, passage, other, _ in found:
        partners[(doc, passage)].add(other)
    seeds: dict[Pair, list[Pair]] = defaultdict(list)
    for doc, passage, other, other_passage in found:
        if len(partners[(doc, passage)]) > STOCK_PARTNERS:
            continue
        if doc < other:
            seeds[(doc, other)].append((passage, other_passage))
        else:
            seeds[(other, doc)].append((other_passage, passage))
    # No text's shingle keys stored: a pair is compared on its bands alone.
    return {
        pair: sorted(found_seeds)
        for pair, found_seeds in seeds.items()
        if compared(len(found_seeds), None)
    }


@settings(max_examples=examples(300), deadline=None)
@given(rows=BAND_ROWS, batch=st.sets(st.integers(1, COMMON + 1)))
def test_candidates_are_the_pairs_and_seeds_read_a_row_at_a_time(
    store: sqlite3.Connection, rows: list[tuple[int, int, int]], batch: set[int]
) -> None:
    store.execute("DELETE FROM reuse_bands")
    store.execute("DELETE FROM reuse_signed")
    store.executemany("INSERT INTO reuse_bands(key, doc, passage) VALUES (?,?,?)", rows)
    keys = sorted({key for key, _, _ in rows})
    found = reuse_candidates.candidates(store, sorted(batch), keys)
    assert {pair: sorted(seeds) for pair, seeds in found.pairs.items()} == _by_rows(
        rows, batch
    )


def test_stored_keys_of_an_empty_band_store_asks_one_row_not_each_key(
    store: sqlite3.Connection,
) -> None:
    # A first build's first batch: 86,900 keys on kcna-2024, each probed
    # for nothing (0.07 CPU s of the writer's, alone at the link's start).
    store.execute("DELETE FROM reuse_bands")
    keys = np.array([5, 3, 5, 9], dtype=np.int64)
    asked: list[str] = []
    store.set_trace_callback(asked.append)
    try:
        assert reuse_candidates.stored_keys(store, keys).tolist() == []
    finally:
        store.set_trace_callback(None)
    assert len(asked) == 1 and "json_each" not in asked[0]
    store.execute("INSERT INTO reuse_bands VALUES (9, 1, 0), (4, 2, -1)")
    assert reuse_candidates.stored_keys(store, keys).tolist() == [9]
    store.execute("DELETE FROM reuse_bands")
