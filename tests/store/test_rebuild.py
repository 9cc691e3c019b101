"""Building again: unchanged files stay as they are, changed ones are replaced."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from dossier.store import connect
from dossier.store.queries import search
from tests.store.conftest import DOCUMENTS, build, dump

OLD = (
    "Pyongyang, May 3 (KCNA) -- The Chollima tractor factory fulfilled its yearly "
    "plan for tractors ahead of time, officials said at a meeting on Friday. -0-\n"
)
NEW = (
    "Pyongyang, May 4 (KCNA) -- A delegation of marine biologists studied the "
    "migration of sardines along the east coast with local fishermen. -0-\n"
)


def test_rebuild_unchanged_folder_changes_nothing(
    wire_folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "d.db"
    first = build([wire_folder], db)
    assert (first.stored, first.unchanged, first.failures) == (6, 0, [])
    documents = dump(db, DOCUMENTS)
    files = dump(db, "SELECT * FROM files ORDER BY path")
    second = build([wire_folder], db)
    assert (second.files, second.stored, second.unchanged) == (6, 0, 6)
    assert second.documents == {}
    assert dump(db, DOCUMENTS) == documents
    assert dump(db, "SELECT * FROM files ORDER BY path") == files  # not rewritten


def test_rebuild_same_files_named_another_way_changes_nothing(
    wire_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "d.db"
    build([wire_folder], db)
    documents = dump(db, DOCUMENTS)
    monkeypatch.chdir(wire_folder.parent)
    again = build([Path("wire"), Path("./wire/wire-0000.txt")], db)
    assert (again.stored, again.unchanged) == (0, 6)
    assert dump(db, DOCUMENTS) == documents


def test_rebuild_changed_file_replaces_its_documents(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text(OLD)
    (folder / "other.txt").write_text(NEW.replace("May 4", "May 5"))
    db = tmp_path / "d.db"
    build([folder], db)
    old_ids = {
        row[0]
        for row in dump(
            db,
            "SELECT d.id FROM documents d JOIN sources s ON s.id = d.source_id"
            f" WHERE s.path = '{story}'",
        )
    }
    assert len(old_ids) == 1
    connection = connect(db)
    try:
        assert [hit["doc"] for hit in search(connection, "Chollima tractor")] == list(
            old_ids
        )
    finally:
        connection.close()

    story.write_text(NEW)
    report = build([folder], db)
    assert (report.stored, report.unchanged) == (1, 1)

    ids = {row[0] for row in dump(db, "SELECT id FROM documents")}
    assert not ids & old_ids
    assert len(ids) == 2
    connection = connect(db)
    try:
        assert search(connection, "Chollima") == []
        assert search(connection, "tractor") == []
        assert len(search(connection, "sardines")) == 2
        # The external-content index agrees with the documents table.
        connection.execute(
            "INSERT INTO documents_fts(documents_fts, rank)"
            " VALUES('integrity-check', 1)"
        )
    finally:
        connection.close()
    assert dump(db, "SELECT count(*) FROM sources") == [(2,)]
    assert dump(db, "SELECT count(*) FROM documents_fts") == [(2,)]


def test_rebuild_failed_read_keeps_what_was_stored(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text(OLD)
    db = tmp_path / "d.db"
    build([folder], db)
    documents = dump(db, DOCUMENTS)
    story.write_bytes(b"")  # truncated by a crashed editor
    report = build([folder], db)
    assert [(f.stage, f.reason) for f in report.failures] == [("read", "empty file")]
    assert dump(db, DOCUMENTS) == documents


def test_rebuild_deleting_a_file_row_cascades_to_search(
    wire_folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "d.db"
    build([wire_folder], db)
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM files")
        connection.commit()
    assert dump(db, "SELECT count(*) FROM documents") == [(0,)]
    assert dump(db, "SELECT count(*) FROM removed") == [(0,)]
    assert dump(
        db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'the'"
    ) == [(0,)]
