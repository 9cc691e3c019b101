"""A stored passage keeps its shared shingles, and is rechecked by them
without its texts' words (link.reuse `_recheck`, schema 17)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from dossier.link import reuse
from dossier.link.align import Alignment
from dossier.link.passages import read_words
from dossier.link.reuse_formula import shared_grams, word_range
from tests.link.test_reuse_formula import HOLDERS, add, pairs, texts

# Holders linked one at a time while the formula is still rare: their
# passages are stored, and dropped when the later holders make it common.
EARLY = 3


def _link_early(connection: sqlite3.Connection, every: list[str]) -> None:
    for text in every[:EARLY]:
        add(connection, [text])
        reuse.link_reuse(connection)
    assert ("doc-0", "doc-1") in pairs(connection)


def _never_again(*_: object) -> bytes:
    raise AssertionError("a stored passage's texts were read again")


def test_each_passage_stores_the_shingles_its_texts_share(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    every = texts(corpus)
    _link_early(connection, every)
    rows = connection.execute(
        "SELECT r.shared, da.text, db.text, a_start, a_end, b_start, b_end"
        " FROM reuses r JOIN documents da ON da.rowid = r.a"
        " JOIN documents db ON db.rowid = r.b"
    ).fetchall()
    assert rows
    for stored, text_a, text_b, a_start, a_end, b_start, b_end in rows:
        words_a, words_b = read_words(text_a), read_words(text_b)
        alignment = Alignment(
            *word_range(words_a, a_start, a_end),
            *word_range(words_b, b_start, b_end),
            0,
        )
        again = shared_grams(words_a, words_b, alignment)
        assert len(again) >= reuse.MIN_GRAMS
        assert np.array_equal(np.frombuffer(stored, dtype=np.int64), again)


def test_passages_turned_formulas_go_without_their_texts_read(
    corpus: Path, connection: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = texts(corpus)
    _link_early(connection, every)
    monkeypatch.setattr(reuse, "_shared_again", _never_again)
    add(connection, every[EARLY:])
    reuse.link_reuse(connection)
    assert pairs(connection) == {(f"doc-{HOLDERS}", f"doc-{HOLDERS + 1}")}


def test_passages_stored_before_schema_17_are_rechecked_from_their_texts(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    every = texts(corpus)
    _link_early(connection, every)
    connection.execute("UPDATE reuses SET shared = NULL")
    connection.commit()
    add(connection, every[EARLY:])
    reuse.link_reuse(connection)
    assert pairs(connection) == {(f"doc-{HOLDERS}", f"doc-{HOLDERS + 1}")}
