"""Document ids are content addresses: the same bytes give the same ids anywhere."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from dossier.store import connect
from dossier.store.db import document_id
from dossier.store.schema import MIGRATIONS
from tests.store.conftest import build, dump

IDS = (
    "SELECT s.path, s.part, d.ordinal, d.id FROM documents d"
    " JOIN sources s ON s.id = d.source_id ORDER BY s.path, s.part, d.ordinal"
)
RECORDS = [
    {
        "title": f"Story {n}",
        "text": f"Pyongyang, May {n} (KCNA) -- Story {n} of "
        "the day: a delegation of workers visited the Chollima tractor factory "
        f"and met {n * 100} workers there. -0-",
    }
    for n in range(1, 5)
]


def ids_by(db: Path, key: str = "part") -> dict[object, str]:
    rows = dump(db, IDS)
    return {(Path(r[0]).name if key == "name" else r[1]): r[3] for r in rows}


def test_document_id_depends_on_content_and_ordinal_only() -> None:
    assert document_id("ab" * 32, 0) == document_id("ab" * 32, 0)
    assert len({document_id("ab" * 32, 0), document_id("ab" * 32, 1)}) == 2
    assert document_id("ab" * 32, 0, copy=2) != document_id("ab" * 32, 0)


def test_ids_same_files_from_another_folder_give_the_same_ids(
    wire_folder: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere" / "copy"
    shutil.copytree(wire_folder, elsewhere)
    build([wire_folder], tmp_path / "a.db")
    build([elsewhere], tmp_path / "b.db")
    first = sorted(r[3] for r in dump(tmp_path / "a.db", IDS))
    second = sorted(r[3] for r in dump(tmp_path / "b.db", IDS))
    assert first == second
    assert len(set(first)) == len(first) > 6


def test_ids_moved_file_keeps_its_rows_under_the_new_path(
    wire_folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "d.db"
    build([wire_folder], db)
    before = dump(db, "SELECT d.id, d.text, d.offsets FROM documents d ORDER BY id")
    mentions = dump(db, "SELECT count(*) FROM mentions")
    old = wire_folder / "wire-0002.txt"
    new = wire_folder / "renamed.txt"
    old.rename(new)
    report = build([wire_folder], db)
    assert (report.moved, report.stored, report.unchanged) == (1, 0, 6)
    assert dump(db, "SELECT d.id, d.text, d.offsets FROM documents d ORDER BY id") == (
        before
    )
    assert dump(db, "SELECT count(*) FROM mentions") == mentions
    paths = {Path(r[0]).name for r in dump(db, "SELECT path FROM files")}
    assert "renamed.txt" in paths and "wire-0002.txt" not in paths
    assert {Path(r[0]).name for r in dump(db, "SELECT path FROM sources")} == paths
    assert build([wire_folder], db).unchanged == 6


def test_ids_a_copy_beside_its_original_gets_ids_of_its_own(
    wire_folder: Path, tmp_path: Path
) -> None:
    shutil.copy(wire_folder / "wire-0001.txt", wire_folder / "again.txt")
    db = tmp_path / "d.db"
    report = build([wire_folder], db)
    assert report.failures == []
    ids = ids_by(db, "name")
    assert ids["again.txt"] != ids["wire-0001.txt"]
    # Built again, and into another dossier in the same order: the same ids.
    build([wire_folder], tmp_path / "other.db")
    assert ids_by(tmp_path / "other.db", "name") == ids


def write_jsonl(path: Path, records: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_ids_jsonl_deleting_a_line_keeps_the_other_records_ids(
    tmp_path: Path,
) -> None:
    wire = tmp_path / "docs" / "wire.jsonl"
    wire.parent.mkdir()
    write_jsonl(wire, RECORDS)
    db = tmp_path / "d.db"
    build([wire.parent], db)
    before = ids_by(db)
    assert sorted(before) == [1, 2, 3, 4]

    write_jsonl(wire, [RECORDS[0], *RECORDS[2:]])
    build([wire.parent], db)
    after = ids_by(db)
    # Line 3 is now line 2: `source` says where it is, its id who it is.
    assert after == {1: before[1], 2: before[3], 3: before[4]}


def test_ids_jsonl_editing_a_line_changes_that_records_ids_only(
    tmp_path: Path,
) -> None:
    wire = tmp_path / "docs" / "wire.jsonl"
    wire.parent.mkdir()
    write_jsonl(wire, RECORDS)
    db = tmp_path / "d.db"
    build([wire.parent], db)
    before = ids_by(db)
    edited = {**RECORDS[1], "text": RECORDS[1]["text"].replace("tractor", "bus")}
    write_jsonl(wire, [RECORDS[0], edited, *RECORDS[2:]])
    build([wire.parent], db)
    after = ids_by(db)
    assert {part for part in before if before[part] != after[part]} == {2}


def test_ids_jsonl_repeated_line_is_stored_twice_with_two_ids(tmp_path: Path) -> None:
    wire = tmp_path / "docs" / "wire.jsonl"
    wire.parent.mkdir()
    write_jsonl(wire, [RECORDS[0], RECORDS[1], RECORDS[0]])
    db = tmp_path / "d.db"
    report = build([wire.parent], db)
    assert report.failures == []
    ids = ids_by(db)
    assert len(set(ids.values())) == 3


def test_ids_files_stored_before_content_ids_are_built_again(
    wire_folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "old.db"
    with closing(sqlite3.connect(db)) as connection:
        for number, script in enumerate(MIGRATIONS[:2], start=1):
            connection.executescript(script)
            connection.execute(f"PRAGMA user_version = {number}")
        connection.execute(
            "INSERT INTO files VALUES (?, 'old-sha', 1, 'then', 'v1', NULL)",
            (str(wire_folder / "wire-0000.txt"),),
        )
        connection.commit()
    connect(db).close()
    assert dump(db, "SELECT pipeline FROM files") == [("",)]
    report = build([wire_folder], db)
    assert (report.stored, report.unchanged) == (6, 0)


def test_a_whole_id_opens_its_document_even_when_a_longer_id_begins_with_it(
    tmp_path: Path,
) -> None:
    from dossier.store.queries import document_rowid

    source = tmp_path / "wire.jsonl"
    write_jsonl(source, RECORDS[:2])
    db = tmp_path / "d.db"
    assert build([source], db).failures == []
    first, second = sorted(ids_by(db).values())
    # A longer id that begins with `first`, as ids grown on a collision do.
    longer = first + "0"
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("UPDATE documents SET id = ? WHERE id = ?", (longer, second))
        connection.commit()
    with closing(connect(db, create=False)) as connection:
        rowids = dict(dump(db, "SELECT id, rowid FROM documents"))
        assert document_rowid(connection, first) == rowids[first]
        assert document_rowid(connection, longer) == rowids[longer]
        # A shorter prefix both begin with names neither.
        assert document_rowid(connection, first[:6]) is None
