"""The formula test's document frequencies stay true as texts come and go
(`link.reuse_formula.count_grams`, schema 14's `reuse_grams`)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from contextlib import closing
from pathlib import Path

import numpy as np

from dossier.link import reuse, reuse_formula
from dossier.link.passages import read_words
from dossier.store import connect
from tests.link.test_reuse_formula import kcna_stories, pairs, texts


def add_source(connection: sqlite3.Connection, texts: list[str]) -> None:
    """`texts` added as `add` does, under the one file and source they need."""
    connection.execute(
        "INSERT INTO files(path, sha256, size, built_at) VALUES ('t', '', 0, '')"
    )
    connection.execute(
        "INSERT INTO sources(id, path, part, sha256, encoding, raw, repairs,"
        " counts) VALUES (1, 't', 0, '', 'utf-8', '', '', '')"
    )
    add(connection, texts)


def add(connection: sqlite3.Connection, texts: list[str]) -> None:
    """Documents `doc-N` (N: their rowid less one, after the last left),
    indexed for search as
    the store does, so that deleting one (a forget, a file replaced) runs
    the store's triggers as a build's does."""
    (last,) = connection.execute(
        "SELECT coalesce(max(rowid), 0) FROM documents"
    ).fetchone()
    connection.executemany(
        "INSERT INTO documents(rowid, id, source_id, ordinal, kind, title, date,"
        " text, offsets, raw_start, raw_end, chars)"
        " VALUES (?,?,1,?,'article','','',?,?,0,0,?)",
        [
            (last + n + 1, f"doc-{last + n}", last + n, text, b"", len(text))
            for n, text in enumerate(texts)
        ],
    )
    connection.execute(
        "INSERT INTO documents_fts(rowid, title, text) SELECT rowid, title, text"
        " FROM documents WHERE rowid > ?",
        (last,),
    )
    connection.commit()


def expected(connection: sqlite3.Connection) -> dict[int, int]:
    """Each shingle's count of signed texts, worked out from their texts."""
    counts: Counter[int] = Counter()
    rows = connection.execute(
        "SELECT d.text FROM documents d JOIN reuse_signed s ON s.doc = d.rowid"
    )
    for (text,) in rows:
        counts.update(reuse_formula.gram_keys(read_words(text).shingles).tolist())
    return dict(counts)


def stored(connection: sqlite3.Connection) -> dict[int, int]:
    return dict(connection.execute("SELECT key, docs FROM reuse_grams").fetchall())


def test_counts_follow_texts_signed_forgotten_and_made_copies(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    stories = kcna_stories(corpus, 8)
    # Two texts share a passage, so some shingles are held by more than one.
    add(connection, [*stories[:6], f"{stories[6]}\n{stories[0][:600]}"])
    reuse.link_reuse(connection, batch=3)
    first = stored(connection)
    assert first == expected(connection)
    assert max(first.values()) >= 2
    # Forgetting deletes the document row; its shingles leave with it.
    connection.execute("DELETE FROM documents WHERE id IN ('doc-0', 'doc-4')")
    connection.commit()
    add(connection, [stories[7]])
    reuse.link_reuse(connection)
    assert stored(connection) == expected(connection) != first
    # A text found to be a copy is no longer an independent text.
    connection.execute("UPDATE documents SET copy_of = 'doc-1' WHERE id = 'doc-2'")
    connection.commit()
    reuse.link_reuse(connection)
    assert stored(connection) == expected(connection)
    assert not connection.execute("SELECT 1 FROM reuse_gone").fetchone()


def test_holders_counts_signed_texts_up_to_one_past_rare(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    every = texts(corpus)
    add(connection, every)
    reuse.link_reuse(connection)
    counts = expected(connection)
    # The most held shingles (the formula's), rare ones, and one none holds.
    ranked = sorted(counts, key=lambda key: (-counts[key], key))
    keys = np.array([*ranked[:100], *ranked[-100:], 12345], dtype=np.int64)
    found = reuse_formula.holders(connection, keys)
    cap = reuse_formula.RARE_DOCS + 1
    assert found == [min(counts.get(int(key), 0), cap) for key in keys]
    assert cap in found  # the formula's shingles are held by more


def test_a_formula_forgotten_by_enough_texts_is_rare_again(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    # The holders of the formula, then two more texts repeating it: while
    # all are stored it is a formula; forget all holders but one and a new
    # quoting text is reuse again, as in a dossier that never held them.
    every = texts(corpus)
    holders = reuse_formula.RARE_DOCS + 2
    add(connection, every[:holders])
    reuse.link_reuse(connection)
    assert not pairs(connection)
    forgotten = [f"doc-{n}" for n in range(1, holders)]
    connection.execute(
        f"DELETE FROM documents WHERE id IN ({','.join('?' * len(forgotten))})",
        forgotten,
    )
    connection.commit()
    add(connection, [every[1]])
    reuse.link_reuse(connection)
    (new,) = connection.execute(
        "SELECT id FROM documents ORDER BY rowid DESC LIMIT 1"
    ).fetchone()
    assert pairs(connection) == {("doc-0", new)}


def test_a_schema_13_dossier_is_signed_again_into_counts(
    corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "old.db"
    with closing(connect(db)) as built:
        add_source(built, texts(corpus))
        reuse.link_reuse(built)
        found = pairs(built)
        counts = stored(built)
    # As schema 13 left it: a row of passage -1 per text and shingle, the
    # scheme of then.
    with closing(sqlite3.connect(db)) as old:
        rows = [
            (int(key), int(doc), -1)
            for doc, grams in old.execute("SELECT doc, grams FROM reuse_signed")
            for key in np.frombuffer(grams, dtype=np.int64)
        ]
        old.executescript(
            "DROP TRIGGER reuses_keys_gone; DROP INDEX reuses_unkeyed;"
            " DROP TABLE reuse_passage_keys; DROP TABLE reuse_passages_gone; "
            "DROP TRIGGER reuse_signed_gone; DROP TABLE reuse_grams;"
            " DROP TABLE reuse_gone; ALTER TABLE reuse_signed DROP COLUMN grams;"
            " UPDATE reuse_signed SET scheme = 'before';"
            " DROP TABLE shown; ALTER TABLE reuses DROP COLUMN shared;"
            " PRAGMA user_version = 13;"
        )
        old.executemany("INSERT INTO reuse_bands VALUES (?,?,?)", rows)
        old.commit()
    with closing(connect(db)) as migrated:
        assert reuse.needs_reuse(migrated)
        reuse.link_reuse(migrated)
        assert pairs(migrated) == found
        assert stored(migrated) == counts == expected(migrated)
        assert not migrated.execute(
            "SELECT 1 FROM reuse_bands WHERE passage < 0"
        ).fetchone()


def test_shingles_turned_common_are_those_the_counts_carried_past_rare(
    connection: sqlite3.Connection, corpus: Path
) -> None:
    # Stories of one outlet share its stock phrases: batches of them carry
    # some shingles past RARE_DOCS texts, one batch after another.
    stories = kcna_stories(corpus, 40)
    words = [read_words(text).distinct.view(np.int64) for text in stories]
    turned_in_all = 0
    for start in range(0, len(words), 8):
        batch = words[start : start + 8]
        before = dict(connection.execute("SELECT key, docs FROM reuse_grams"))
        turned = reuse_formula.add_grams(connection, batch)
        after = dict(connection.execute("SELECT key, docs FROM reuse_grams"))
        assert after == Counter(before) + Counter(
            key for grams in batch for key in grams.tolist()
        )
        want = sorted(
            key
            for key, docs in after.items()
            if docs > reuse_formula.RARE_DOCS
            and before.get(key, 0) <= reuse_formula.RARE_DOCS
        )
        assert turned.tolist() == want
        turned_in_all += len(want)
    assert turned_in_all > 20


def test_shingles_new_and_common_in_one_batch_are_turned_and_nothing_left_behind(
    connection: sqlite3.Connection, corpus: Path
) -> None:
    # One batch of stories: each stock phrase of the outlet that more than
    # RARE_DOCS of them hold is new to the store and common at once (the
    # counts' insert, not an update, carries it past rare); texts taken
    # away after it (`count_grams` with -1) turn nothing and find no
    # temporary trigger or table of the count left on the connection.
    stories = kcna_stories(corpus, 12)
    batch = [read_words(text).distinct.view(np.int64) for text in stories]
    turned = reuse_formula.add_grams(connection, batch)
    held = Counter(key for grams in batch for key in grams.tolist())
    want = sorted(key for key, docs in held.items() if docs > reuse_formula.RARE_DOCS)
    assert want
    assert turned.tolist() == want
    assert not connection.execute(
        "SELECT name FROM sqlite_temp_master WHERE name LIKE 'reuse_turned%'"
    ).fetchall()
    reuse_formula.count_grams(connection, batch[:1], -1)
    assert dict(connection.execute("SELECT key, docs FROM reuse_grams")) == +(
        held - Counter(batch[0].tolist())
    )
