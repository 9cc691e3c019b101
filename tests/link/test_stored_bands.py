"""The band keys a link stored, kept in memory (`link.stored_bands`): the
same keys the store's probe finds (`reuse_candidates.stored_keys`), and the
probe again whenever memory could miss one."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link import reuse, reuse_candidates, stored_bands
from dossier.store import connect
from tests.link.test_reuse_formula import add, kcna_stories
from tests.properties import examples


def _spied(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, list[int], list[int]]]:
    """Each `StoredBands.stored` answer: whether memory held the keys, its
    keys and the probe's for the same batch."""
    answers: list[tuple[bool, list[int], list[int]]] = []
    stored = stored_bands.StoredBands.stored

    def spy(self: Any, connection: sqlite3.Connection, keys: Any) -> Any:
        in_memory = self._keys is not None
        found = stored(self, connection, keys)
        probed = reuse_candidates.stored_keys(connection, keys)
        answers.append((in_memory, found.tolist(), probed.tolist()))
        return found

    monkeypatch.setattr(stored_bands.StoredBands, "stored", spy)
    return answers


def test_a_first_links_keys_in_memory_are_the_stores(
    connection: sqlite3.Connection, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Kcna-2024 stories, and copies of their openings over others: texts
    # of later batches share bands with those of earlier ones.
    stories = kcna_stories(corpus, 24)
    quoting = [
        f"{stories[n]}\n{' '.join(stories[n - 12].split()[:120])}"
        for n in range(12, 24)
    ]
    add(connection, [*stories[:12], *quoting])
    answers = _spied(monkeypatch)
    reuse.link_reuse(connection, batch=5)
    assert len(answers) == 5
    assert all(in_memory for in_memory, _, _ in answers)
    assert any(found for _, found, _ in answers)
    assert [found for _, found, _ in answers] == [probed for _, _, probed in answers]

    # A store holding bands when the link begins is probed.
    add(connection, stories[12:16])
    answers.clear()
    reuse.link_reuse(connection, batch=2)
    assert len(answers) == 2 and not any(in_memory for in_memory, _, _ in answers)
    assert answers[0][1] and answers[0][1] == answers[0][2]


def test_a_key_another_connection_stores_is_found(tmp_path: Path) -> None:
    path = tmp_path / "two.db"
    with closing(connect(path)) as mine, closing(connect(path)) as theirs:
        bands = stored_bands.StoredBands(mine)
        bands.add(np.array([5, 9], dtype=np.int64))
        theirs.execute("PRAGMA foreign_keys = OFF")
        theirs.execute("INSERT INTO reuse_bands(key, doc, passage) VALUES (7, 1, 0)")
        theirs.commit()
        keys = np.array([5, 7, 8], dtype=np.int64)
        assert bands.stored(mine, keys).tolist() == [7]
        # Given up for good: memory no longer stands for the store.
        assert bands.stored(mine, np.array([9], dtype=np.int64)).tolist() == []


KEY = st.integers(-(2**63), 2**63 - 1)


@settings(max_examples=examples(200), deadline=None)
@given(batches=st.lists(st.lists(KEY, max_size=30), min_size=1, max_size=6))
def test_memory_answers_as_the_keys_added_before(batches: list[list[int]]) -> None:
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.execute(
            "CREATE TABLE reuse_bands(key INTEGER, doc INTEGER, passage INTEGER)"
        )
        bands = stored_bands.StoredBands(connection)
        before: set[int] = set()
        for keys in batches:
            # A batch's keys come sorted, repeats side by side (`_band_rows`).
            ordered = np.array(sorted(keys), dtype=np.int64)
            found = bands.stored(connection, ordered)
            assert found.tolist() == sorted(before & set(keys))
            bands.add(ordered)
            before |= set(keys)
        # Keys out of order too.
        shuffled = np.array(list(reversed(sorted(before))), dtype=np.int64)
        assert bands.stored(connection, shuffled).tolist() == sorted(before)
