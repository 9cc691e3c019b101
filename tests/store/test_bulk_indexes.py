"""Unordered annotation indexes made after the load of an empty dossier."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

import dossier.present.cli.build as build_module
from dossier.model import FileResult
from dossier.store import connect
from dossier.store.bulk_indexes import defer_indexes
from tests.store.conftest import build, write_corpus

UNORDERED = {"mentions_key", "times_first_day", "quotes_speaker"}


def _indexes(connection: sqlite3.Connection) -> set[tuple[str, str]]:
    return {
        (str(name), str(sql))
        for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
            " AND sql IS NOT NULL"
        )
    }


def _names(connection: sqlite3.Connection) -> set[str]:
    return {name for name, _ in _indexes(connection)}


def test_a_build_into_an_empty_dossier_makes_them_after_storing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with closing(connect(tmp_path / "schema.db")) as fresh:
        schema = _indexes(fresh)
    assert {name for name, _ in schema} >= UNORDERED
    seen: list[set[str]] = []
    write = build_module.write_result

    def watched(connection: sqlite3.Connection, result: FileResult) -> None:
        seen.append(_names(connection))
        write(connection, result)

    monkeypatch.setattr(build_module, "write_result", watched)
    folder = tmp_path / "wire"
    write_corpus(folder, 3)
    db = tmp_path / "d.db"
    build([folder], db)
    assert seen and all(not names & UNORDERED for names in seen)
    with closing(connect(db)) as connection:
        assert _indexes(connection) == schema
        assert connection.execute("SELECT * FROM deferred_indexes").fetchall() == []
    # Into a dossier that holds documents, every index is kept up as it goes.
    seen.clear()
    write_corpus(folder, 5, seed=2)
    build([folder], db)
    assert seen and all(names >= UNORDERED for names in seen)


def test_a_dossier_holding_documents_keeps_its_indexes(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    write_corpus(folder, 1)
    db = tmp_path / "d.db"
    build([folder], db)
    with closing(connect(db)) as connection:
        before = _indexes(connection)
        assert defer_indexes(connection) is False
        assert _indexes(connection) == before


def test_a_build_killed_before_making_them_has_them_made_on_next_opening(
    tmp_path: Path,
) -> None:
    db = tmp_path / "d.db"
    with closing(connect(db)) as connection:
        schema = _indexes(connection)
        assert defer_indexes(connection) is True
        # What a build killed here leaves: the rows of what to make again.
        assert not _names(connection) & UNORDERED
        assert {
            r[0] for r in connection.execute("SELECT name FROM deferred_indexes")
        } == UNORDERED
    # Reading never writes: a read-only opening leaves them as they are.
    with closing(connect(db, create=False)) as reader:
        assert not _names(reader) & UNORDERED
    with closing(connect(db)) as connection:
        assert _indexes(connection) == schema
        assert connection.execute("SELECT * FROM deferred_indexes").fetchall() == []
