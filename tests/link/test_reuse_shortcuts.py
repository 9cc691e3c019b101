"""The reuse step's shortcuts (issue 14: its CPU halved, the same rows): each
gives what the slower way it replaced gives."""

from __future__ import annotations

import itertools
import re
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link import pair_grams, reuse, reuse_candidates, rewrites
from dossier.link.batch import insert_columns
from dossier.link.passages import read_words
from dossier.link.reuse import Keys
from dossier.link.reuse_pairs import LEAST_SHARED, compare_pair
from dossier.link.rewrites import read_sentences
from dossier.link.signing import gram_keys_of, sign_document
from tests.link.test_reuse_formula import add, kcna_stories
from tests.properties import examples

# Few keys, so that stored texts, the batch's and both hold some of them.
KEY = st.integers(-3, 3)
STORED = st.lists(
    st.tuples(KEY, st.integers(1, 6), st.integers(-1, 2)), max_size=20, unique=True
)
BATCH = st.dictionaries(
    st.integers(7, 10), st.lists(KEY, min_size=2, max_size=8).map(sorted), max_size=4
)


@settings(max_examples=examples(80), deadline=None)
@given(stored=STORED, batch=BATCH)
def test_the_batchs_shared_keys_are_those_the_join_back_to_the_index_found(
    store: sqlite3.Connection,
    stored: list[tuple[int, int, int]],
    batch: dict[int, list[int]],
) -> None:
    store.execute("DELETE FROM reuse_bands")
    store.executemany("INSERT INTO reuse_bands VALUES (?,?,?)", stored)
    # A text's keys, two bands a passage.
    bands = {
        doc: Keys(
            np.array(keys[: len(keys) // 2 * 2], dtype=np.int64).reshape(-1, 2),
            np.zeros(0, dtype=np.int64),
        )
        for doc, keys in batch.items()
    }
    rows = reuse._band_rows(bands)
    before = reuse_candidates.stored_keys(store, rows[0])
    store.executemany(
        "INSERT OR IGNORE INTO reuse_bands VALUES (?,?,?)",
        zip(*(column.tolist() for column in rows), strict=True),
    )
    # What `_candidates` asked before: a key of one of the batch's band rows
    # some other text's row holds too.
    joined = {
        key
        for (key,) in store.execute(
            "SELECT DISTINCT n.key FROM reuse_bands n WHERE n.doc >= 7"
            " AND n.passage >= 0 AND EXISTS (SELECT 1 FROM reuse_bands x"
            " WHERE x.key = n.key AND x.doc != n.doc AND x.passage >= 0)"
        )
    }
    shared = reuse_candidates.shared_keys(rows, before)
    assert shared == sorted(joined)


def test_the_shingle_keys_a_build_stores_are_the_words_distinct_shingles(
    corpus: Path,
) -> None:
    # `_shared_counts` counts a pair's shared shingles by the keys stored,
    # `compare_pair` by the words read: they must be the same sets.
    texts = kcna_stories(corpus, 30)
    texts += ["İstanbul talks " + texts[0], "One two."]
    for text in texts:
        stored = gram_keys_of(sign_document(text))
        assert np.array_equal(stored.view(np.uint64), read_words(text).distinct)


def test_pairs_sharing_too_few_shingles_compare_to_nothing(
    connection: sqlite3.Connection, corpus: Path
) -> None:
    # Stories of one outlet share its stock phrases: pairs on both sides of
    # LEAST_SHARED, compared on every pair of their passages.
    texts = kcna_stories(corpus, 40)
    add(connection, texts)
    reuse.link_reuse(connection)
    rowids = [int(row) for (row,) in connection.execute("SELECT rowid FROM documents")]
    pairs = list(itertools.combinations(rowids, 2))
    counts = pair_grams.shared_counts(connection, pairs)
    assert set(counts) == set(pairs)
    words = dict(zip(rowids, map(read_words, texts), strict=True))
    for a, b in pairs:
        read = np.intersect1d(words[a].distinct, words[b].distinct)
        assert counts[(a, b)] == len(read)
    few = [pair for pair in pairs if 0 < counts[pair] < LEAST_SHARED]
    assert len(few) > 20
    for a, b in few:
        assert not reuse_candidates.compared(2, counts[(a, b)])
        everywhere = [
            (p, q)
            for p in range(max(1, len(words[a].tokens) // 16))
            for q in range(max(1, len(words[b].tokens) // 16))
        ]
        found = compare_pair(
            words[a],
            words[b],
            everywhere,
            lambda doc: read_sentences(words[doc]),
            (a, b),
        )
        assert found == []
    assert any(counts[pair] >= LEAST_SHARED for pair in pairs)


# The sentence end as it was written first, two alternatives tried at every
# character: `rewrites._SENTENCE_END` must end sentences where it did.
PLAIN_END = re.compile(
    r"[.!?][\"'”’)\]]*\s+(?=[\"“'‘(\[]?[A-Z0-9])"
    r"|(?<!\S)-\s?\d{1,2}\s?-[ \t\r]*\n\s*"
)


@pytest.mark.parametrize(
    "text",
    [
        "-0-\nNext story. He said 300 000 people came.",
        "Ends here. -12-\n\nThe next one-1-\n begins. (\"Quoted.\") 'Yes.' [Then",
        "x.-3-\nY and U.S. imperialists went on! What? 2024 came.",
        "A dash - 7 -\t\n then text. İstanbul. Ünder",
    ],
)
def test_sentences_end_where_the_plain_pattern_ends_them(text: str) -> None:
    assert [m.end() for m in rewrites._SENTENCE_END.finditer(text)] == [
        m.end() for m in PLAIN_END.finditer(text)
    ]


def test_sentences_of_stories_end_where_the_plain_pattern_ends_them(
    corpus: Path,
) -> None:
    for text in kcna_stories(corpus, 60):
        assert [m.end() for m in rewrites._SENTENCE_END.finditer(text)] == [
            m.end() for m in PLAIN_END.finditer(text)
        ]


@pytest.mark.parametrize("rows", [0, 1, 332, 333, 334, 1000])
def test_rows_inserted_many_a_statement_are_those_inserted_one_by_one(
    store: sqlite3.Connection, rows: int
) -> None:
    # 333 rows of 3 columns fill a statement's 999 parameters; keys repeat,
    # so the upsert adds up some and the plain insert ignores some.
    generator = np.random.default_rng(rows)
    keys = generator.integers(-(2**63), 2**63 - 1, size=rows // 3 + 1)
    columns = (
        generator.choice(keys, size=rows),
        generator.integers(1, 50, size=rows),
        generator.integers(0, 3, size=rows),
    )
    store.execute("CREATE TEMP TABLE IF NOT EXISTS one(k, d, p, PRIMARY KEY (k, d))")
    store.execute("CREATE TEMP TABLE IF NOT EXISTS many(k, d, p, PRIMARY KEY (k, d))")
    for table in ("one", "many"):
        store.execute(f"DELETE FROM {table}")
    upsert = "ON CONFLICT(k, d) DO UPDATE SET p = p + excluded.p"
    store.executemany(
        f"INSERT INTO one(k, d, p) VALUES (?,?,?) {upsert}",
        zip(*(column.tolist() for column in columns), strict=True),
    )
    insert_columns(store, "INSERT INTO many(k, d, p)", columns, upsert)
    one = store.execute("SELECT * FROM one ORDER BY k, d").fetchall()
    many = store.execute("SELECT * FROM many ORDER BY k, d").fetchall()
    assert [tuple(row) for row in many] == [tuple(row) for row in one]
    assert len(one) == len({(k, d) for k, d in zip(*columns[:2], strict=True)})
