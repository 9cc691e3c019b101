"""The recheck after a batch finds the passages its shingles may have made
formulas (link.reuse_formula `crossed`, issue 14 part 5): by the passages'
own shared shingles (`reuse_passage_keys`), and, for a passage those cannot
answer for (fewer than MIN_GRAMS of them), by its texts' shingles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from dossier.link import reuse
from dossier.link.reuse_formula import (
    RARE_DOCS,
    crossed,
)
from tests.link.test_reuse_formula import HOLDERS, add, pairs, texts
from tests.link.test_reuse_rare import short_pair


def _keys(connection: sqlite3.Connection) -> set[tuple[int, int]]:
    """The index's rows, less those of passages deleted since the last
    write (`reuse_passages_gone`, taken out before the next rows go in)."""
    rows = {
        (int(key), int(passage))
        for key, passage in connection.execute(
            "SELECT key, passage FROM reuse_passage_keys"
        )
    }
    gone = {
        (key, int(passage))
        for passage, shared in connection.execute(
            "SELECT passage, shared FROM reuse_passages_gone"
        )
        for key in np.frombuffer(shared, dtype=np.int64).tolist()
    }
    assert gone <= rows
    return rows - gone


def _from_passages(connection: sqlite3.Connection) -> set[tuple[int, int]]:
    """What `reuse_passage_keys` should hold: each passage's shared keys."""
    return {
        (key, int(rowid))
        for rowid, shared in connection.execute("SELECT rowid, shared FROM reuses")
        for key in np.frombuffer(shared, dtype=np.int64).tolist()
    }


def test_a_later_batch_turns_a_passage_formula_and_it_goes(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    # One text a batch: the first holders' passages are stored while the
    # formula is rare, and a later batch of the same link makes it common.
    every = texts(corpus)
    add(connection, every[:3])
    reuse.link_reuse(connection, batch=1)
    assert ("doc-0", "doc-1") in pairs(connection)
    add(connection, every[3:])
    reuse.link_reuse(connection, batch=1)
    assert pairs(connection) == {(f"doc-{HOLDERS}", f"doc-{HOLDERS + 1}")}


def test_the_index_holds_each_stored_passages_keys_and_loses_them_with_it(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    every = texts(corpus)
    add(connection, every[:3])
    reuse.link_reuse(connection, batch=1)
    early = _keys(connection)
    assert early and early == _from_passages(connection)
    add(connection, every[3:])
    reuse.link_reuse(connection, batch=1)
    assert _keys(connection) == _from_passages(connection)
    assert not early & _keys(connection)  # the formulas' rows went with them
    # Their rows are taken out before the next rows go in. (Imported here:
    # the behaviour tests of this file run on the code before schema 18 too.)
    from dossier.store.passage_keys import index_shared

    index_shared(connection, [])
    assert not connection.execute("SELECT 1 FROM reuse_passages_gone").fetchall()
    assert _keys(connection) == _from_passages(connection)


def test_texts_whose_passages_hold_no_turned_shingle_are_not_rechecked(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    every = texts(corpus)
    add(connection, every[:3])
    reuse.link_reuse(connection, batch=1)
    holding = {
        int(doc)
        for pair in connection.execute("SELECT a, b FROM reuses")
        for doc in pair
    }
    connection.execute("CREATE TEMP TABLE batch_none(doc INTEGER)")
    (shared,) = connection.execute("SELECT shared FROM reuses LIMIT 1").fetchone()
    own = np.sort(np.frombuffer(shared, dtype=np.int64))
    assert crossed(connection, "batch_none", own[:1]) == sorted(holding)
    # A shingle of the texts' own words outside every passage: no passage
    # can turn formula by it, and no text is named.
    (grams,) = connection.execute(
        "SELECT grams FROM reuse_signed WHERE doc = 1"
    ).fetchone()
    outside = np.setdiff1d(
        np.frombuffer(grams, dtype=np.int64),
        np.array([key for key, _ in _keys(connection)], dtype=np.int64),
    )
    assert len(outside)
    assert crossed(connection, "batch_none", outside) == []


@pytest.mark.parametrize(
    ("holders", "kept"), [(RARE_DOCS - 2, True), (RARE_DOCS, False)]
)
def test_a_short_passage_goes_when_a_shingle_outside_it_makes_its_pair_poor(
    corpus: Path, connection: sqlite3.Connection, holders: int, kept: bool
) -> None:
    # Story b repeats 60 words of story a and retells a long sentence of a
    # with its words reversed: a passage sharing fewer than MIN_GRAMS
    # shingles (stored here as the sentence tier would, its shared keys
    # with it), the pair's only one once the 60 words' passage is taken
    # away. Texts repeating the 60 words then make the pair poor by
    # shingles the short passage does not hold: it goes; with fewer of
    # them it stays.
    pair = short_pair(corpus)
    add(connection, [pair.first, pair.second])
    reuse.link_reuse(connection)
    connection.execute("DELETE FROM reuses")
    connection.execute(
        "INSERT INTO reuses(a, b, a_start, a_end, b_start, b_end, score, words,"
        " shared) VALUES (1, 2, ?, ?, ?, ?, 0.9, 45, ?)",
        (*pair.spans, pair.shared().tobytes()),
    )
    connection.commit()
    # `first` and `second` hold the 60 words too.
    repeating = pair.stories[2 : 2 + holders]
    add(connection, [f"{story}\n{pair.repeated}" for story in repeating])
    reuse.link_reuse(connection)
    assert (("doc-0", "doc-1") in pairs(connection)) == kept
