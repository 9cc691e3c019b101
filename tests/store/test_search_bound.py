"""Search ranks at most `RANKED` matches, the last stored; a
query matching fewer is ranked whole (#14 part 6)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from dossier.store import connect, queries
from tests.shared import Shared

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def db(seeds_built: Shared) -> Path:
    """The session's build of the seeds, read only."""
    assert seeds_built.report.failures == []
    return seeds_built.db


@pytest.fixture
def connection(db: Path) -> Iterator[sqlite3.Connection]:
    with closing(connect(db, create=False)) as opened:
        yield opened


def ranked_among(
    connection: sqlite3.Connection, word: str, rowids: list[int]
) -> list[str]:
    """Document ids of the matches of `word` among `rowids`, best first."""
    return [
        row[0]
        for row in connection.execute(
            "SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
            " WHERE documents_fts MATCH ? AND f.rank MATCH 'bm25(5.0, 1.0)'"
            " AND f.rowid IN (SELECT value FROM json_each(?)) ORDER BY f.rank",
            (f'"{word}"', str(rowids)),
        )
    ]


def matches(connection: sqlite3.Connection, word: str) -> list[int]:
    return [
        row[0]
        for row in connection.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
            " ORDER BY rowid",
            (f'"{word}"',),
        )
    ]


def test_a_common_word_is_ranked_among_its_last_stored_matches(
    connection: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = matches(connection, "Korea")
    assert len(found) > 4
    monkeypatch.setattr(queries, "RANKED", 3)
    hits = queries.search(connection, "Korea", limit=None)
    assert [h["doc"] for h in hits] == ranked_among(connection, "Korea", found[-3:])


def test_a_word_matching_fewer_is_ranked_whole(
    connection: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = [h["doc"] for h in queries.search(connection, "Korea", limit=None)]
    monkeypatch.setattr(queries, "RANKED", len(matches(connection, "Korea")))
    assert [h["doc"] for h in queries.search(connection, "Korea", limit=None)] == whole
    assert len(whole) == len(matches(connection, "Korea"))
