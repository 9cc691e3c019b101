"""The reuse step's store reads done once a batch, not once a key or a
passage (issue 14): the same rows as the queries they replace."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link import reuse, reuse_candidates, reuse_formula
from dossier.link.reuse_formula import MIN_GRAMS, RARE_DOCS
from dossier.store import connect
from tests.link.test_reuse_formula import add, pairs, texts
from tests.properties import examples

# Three keys (signed 64-bit hashes: the extremes too) sharing up to four
# times the rows a key is read to, by documents of up to 5 passages (so the
# bound falls inside a document's rows), passage -1 included (a text's rows
# the candidates leave out).
KEYS = st.sampled_from([-(2**63), 0, 2**63 - 1])
BAND_ROWS = st.lists(
    st.tuples(
        KEYS,
        st.integers(1, 40),
        st.integers(-1, 3),
    ),
    min_size=reuse_candidates.COMMON_PASSAGES,
    max_size=4 * (reuse_candidates.COMMON_PASSAGES + 1),
    unique=True,
)


def _by_key(held: reuse_candidates.Held) -> dict[int, list[tuple[int, int]]]:
    found: dict[int, list[tuple[int, int]]] = {}
    for key, doc, passage in zip(
        held.keys.tolist(), held.docs.tolist(), held.passages.tolist(), strict=True
    ):
        found.setdefault(key, []).append((doc, passage))
    return found


@settings(max_examples=examples(60), deadline=None)
@given(rows=BAND_ROWS, extra=st.lists(KEYS, unique=True))
def test_each_keys_rows_read_at_once_are_those_its_own_query_reads(
    store: sqlite3.Connection,
    rows: list[tuple[int, int, int]],
    extra: list[int],
) -> None:
    store.execute("DELETE FROM reuse_bands")
    store.executemany("INSERT INTO reuse_bands(key, doc, passage) VALUES (?,?,?)", rows)
    keys = sorted({key for key, _, _ in rows} | set(extra))
    held = _by_key(reuse_candidates.held(store, keys))
    for key in keys:
        one = [
            (doc, passage)
            for doc, passage in store.execute(
                "SELECT doc, passage FROM reuse_bands WHERE key = ? LIMIT ?",
                (key, reuse_candidates.COMMON_PASSAGES + 1),
            )
        ]
        assert held.get(key, []) == one


def test_a_key_past_its_bound_keeps_its_first_rows_in_key_order(
    store: sqlite3.Connection,
) -> None:
    # 30 documents of 2 passages: the bound's row is document 20's first
    # passage, and its second is not read.
    store.execute("DELETE FROM reuse_bands")
    store.executemany(
        "INSERT INTO reuse_bands(key, doc, passage) VALUES (7,?,?)",
        [(doc, passage) for doc in range(30, 0, -1) for passage in (1, 0)],
    )
    held = _by_key(reuse_candidates.held(store, [7]))[7]
    assert len(held) == reuse_candidates.COMMON_PASSAGES + 1
    assert held[-1] == (21, 0)
    assert held == sorted(held)


SHARED = st.lists(st.integers(0, 30), unique=True, max_size=3 * MIN_GRAMS)


@settings(max_examples=examples(60), deadline=None)
@given(
    counts=st.lists(st.integers(1, 2 * RARE_DOCS + 2), min_size=31, max_size=31),
    passages=st.lists(SHARED, max_size=5),
)
def test_the_formula_test_by_counts_read_once_is_the_one_by_queries(
    store: sqlite3.Connection, counts: list[int], passages: list[list[int]]
) -> None:
    # Shingle keys 0..30 held by `counts` texts, except one never counted.
    store.execute("DELETE FROM reuse_grams")
    store.executemany(
        "INSERT INTO reuse_grams(key, docs) VALUES (?, ?)",
        [(key, docs) for key, docs in enumerate(counts) if key != 30],
    )
    shared = [np.array(sorted(keys), dtype=np.int64).tobytes() for keys in passages]
    read = reuse._counts(store, shared)
    for blob in shared:
        assert reuse._is_formula(read, blob) == reuse_formula.is_formula_of(
            store, np.frombuffer(blob, dtype=np.int64)
        )


def test_formula_counts_are_read_for_the_passages_tested_only(
    store: sqlite3.Connection,
) -> None:
    store.execute("DELETE FROM reuse_grams")
    short = np.arange(MIN_GRAMS - 1, dtype=np.int64)
    long = np.arange(100, 100 + MIN_GRAMS, dtype=np.int64)
    read = reuse._counts(store, [short.tobytes(), long.tobytes()])
    assert sorted(read) == long.tolist()
    assert set(read.values()) == {0}


def test_real_stories_link_the_same_passages_in_batches_of_one_and_many(
    corpus: Path, tmp_path: Path
) -> None:
    # kcna-2024 stories, some repeating a passage of another: linked in one
    # batch the counts and keys are read once for all; one text a batch,
    # once a text. The passages stored must not depend on it.
    found = []
    for batch in (1, reuse.BATCH):
        path = tmp_path / f"b{batch}.db"
        with closing(connect(path)) as connection:
            connection.execute(
                "INSERT INTO files(path, sha256, size, built_at) VALUES ('t','',0,'')"
            )
            connection.execute(
                "INSERT INTO sources(id, path, part, sha256, encoding, raw, repairs,"
                " counts) VALUES (1, 't', 0, '', 'utf-8', '', '', '')"
            )
            add(connection, texts(corpus))
            reuse.link_reuse(connection, batch=batch)
            found.append(pairs(connection))
    assert found[0] == found[1]
    assert found[0]
