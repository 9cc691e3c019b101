"""Opening the database: schema version, refusals, and full-text search."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from dossier.errors import InputError, StoreError
from dossier.store import connect
from dossier.store.queries import fts_query, search
from dossier.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.shared import Shared
from tests.store.conftest import dump


def test_connect_creates_schema_at_current_version(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    connect(db).close()
    assert dump(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    tables = {row[0] for row in dump(db, "SELECT name FROM sqlite_master")}
    assert {"files", "sources", "documents", "removed", "documents_fts"} <= tables
    assert dump(db, "PRAGMA journal_mode") == [("wal",)]


def test_connect_twice_does_not_migrate_again(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    connect(db).close()
    connect(db).close()
    assert dump(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_connect_refuses_newer_schema(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    with closing(sqlite3.connect(db)) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this dossier"):
        connect(db)


def test_connect_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 100)
    for create in (True, False):
        with pytest.raises(InputError, match=r"is not a dossier database"):
            connect(db, create=create)
    assert db.read_text() == "these are my notes, not a database\n" * 100


def test_connect_refuses_missing_database_when_asked(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="run `dossier build PATH --db"):
        connect(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_reading_never_writes_and_refuses_other_databases(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.commit()
    before = other.read_bytes()
    for create in (False, True):
        with pytest.raises(InputError, match="is not a dossier database"):
            connect(other, create=create)
    assert other.read_bytes() == before
    assert dump(other, "SELECT name FROM sqlite_master") == [("notes",)]


def test_read_only_open_cannot_write(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    connect(db).close()
    with closing(connect(db, create=False)) as connection:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            connection.execute("DELETE FROM files")
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_read_only_open_refuses_an_older_schema_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with closing(sqlite3.connect(db)) as connection:
        connection.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    with pytest.raises(StoreError, match="built by an older dossier"):
        connect(db, create=False)
    assert dump(db, "PRAGMA user_version") == [(1,)]
    connect(db).close()  # a build migrates it
    assert dump(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_read_only_open_of_an_empty_file_says_no_dossier_yet(tmp_path: Path) -> None:
    """A build's connection makes the file before its schema commits: a
    reader then finds an empty file, which is no dossier yet, not an older
    one."""
    db = tmp_path / "new.db"
    db.write_bytes(b"")
    with pytest.raises(InputError, match=r"no dossier at .* yet"):
        connect(db, create=False)
    assert db.read_bytes() == b""


def test_two_processes_creating_one_database_do_not_race(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    script = (
        "import sys; from dossier.store import connect\n"
        "for _ in range(5): connect(sys.argv[1]).close()"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(db)], stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    errors = [run.communicate()[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], errors
    assert dump(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Down-with-Imperialism Union", '"Down-with-Imperialism" "Union"'),
        ('say "hi"', '"say" """hi"""'),
        ("  ", ""),
    ],
)
def test_fts_query_quotes_user_words(query: str, expected: str) -> None:
    assert fts_query(query) == expected


@pytest.mark.corpus
def test_search_finds_hyphenated_name_with_snippet_and_bm25(
    seeds_built: Shared,
) -> None:
    connection = connect(seeds_built.db, create=False)  # the session's build
    try:
        hits = search(connection, "Down-with-Imperialism Union")
        assert hits[0]["title"] == "Origin of Korean Revolution"
        assert hits[0]["kind"] == "article"
        assert "[Down-with-Imperialism] [Union]" in hits[0]["snippet"]
        assert hits[0]["score"] > 0

        broad = search(connection, "Korean revolution")
        scores = [hit["score"] for hit in broad]
        assert len(broad) >= 3
        assert scores == sorted(scores, reverse=True)

        # FTS5 syntax only when asked for; a broken query is an error (#17).
        assert search(connection, "Janggo OR Pomhyanggi", kind="teaser") == []
        assert search(connection, "Janggo OR Pomhyanggi", kind="teaser", syntax="fts")
        with pytest.raises(InputError, match="not an FTS5 query"):
            search(connection, "Juche AND (", syntax="fts")
        assert search(connection, "zzyzx") == []
    finally:
        connection.close()


def test_switching_a_new_database_to_wal_tries_again_when_locked() -> None:
    """Two builds switching one new file to WAL: SQLite answers one of them
    `database is locked` at once (a deadlock, so no busy wait); that build
    tries again instead of failing."""
    from dossier.store.db import _write_ahead

    class Contended:
        def __init__(self, refusals: int) -> None:
            self.refusals = refusals
            self.tries = 0

        def execute(self, sql: str) -> None:
            self.tries += 1
            if self.tries <= self.refusals:
                raise sqlite3.OperationalError("database is locked")

    contended = Contended(refusals=3)
    _write_ahead(contended)  # type: ignore[arg-type]
    assert contended.tries == 4
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _write_ahead(Contended(refusals=10**6), patience=0.05)  # type: ignore[arg-type]
