"""A document's annotations stored as `show --json` writes them (table
`shown`, migration 15, #17): the bytes read back are those read row by row,
the linked names are those of the link at the time of showing, a dossier
built before is stored by its migration, and forgetting takes them away."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.errors import StoreError
from dossier.present import shown
from dossier.present.cli.app import app
from dossier.present.encoded import RECORDS, _Values
from dossier.present.encoded import annotation_texts as row_texts
from dossier.present.shown import (
    LAYOUT,
    SEPARATOR,
    annotation_texts,
    store_missing,
    store_shown,
    stored_length,
)
from dossier.store import connect
from dossier.store.queries import offsets_of
from dossier.store.records import (
    _LINKED_NAME,
    ANNOTATION_QUERIES,
    AnnotationBatch,
    source_map,
)

runner = CliRunner()


@pytest.fixture(scope="module")
def stored_db(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds with every document's annotations stored, however few (a
    build stores those of STORE_FROM or more)."""
    db = tmp_path_factory.mktemp("stored") / "stored.db"
    shutil.copy(seeded_db, db)
    with closing(connect(db)) as connection:
        connection.execute("BEGIN IMMEDIATE")
        store_shown(connection, _rowids(connection), again=True)
        connection.execute("COMMIT")
    return db


def _both(connection: sqlite3.Connection, rowid: int, kind: str) -> tuple[bytes, bytes]:
    """`kind` of document `rowid` as stored, and as read row by row."""
    row = connection.execute(
        "SELECT offsets, source_id FROM documents WHERE rowid = ?", (rowid,)
    ).fetchone()
    offsets = offsets_of({"offsets": row[0]})
    source = source_map(connection, row[1])
    # The source's length kept with them is SQLite's count of its text.
    length = stored_length(connection, rowid)
    assert (length,) == tuple(
        connection.execute(
            "SELECT length(raw) FROM sources WHERE id = ?", (row[1],)
        ).fetchone()
    )
    arguments = (connection, kind, rowid, offsets, source, SEPARATOR)
    stored = annotation_texts(*arguments, stored=True)
    return b"|".join(stored), b"|".join(row_texts(*arguments))


def _rowids(connection: sqlite3.Connection) -> list[int]:
    return [r for (r,) in connection.execute("SELECT rowid FROM documents")]


def test_stored_records_are_the_bytes_read_row_by_row(stored_db: Path) -> None:
    kinds = set()
    with closing(connect(stored_db, create=False)) as connection:
        for rowid in _rowids(connection):
            for kind in ANNOTATION_QUERIES:
                stored, rows = _both(connection, rowid, kind)
                assert stored == rows, (rowid, kind)
                if rows:
                    kinds.add(kind)
    assert kinds == set(ANNOTATION_QUERIES)


def _show(db: Path, doc_id: str) -> str:
    result = runner.invoke(app, ["show", doc_id, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _most_mentioned(connection: sqlite3.Connection) -> tuple[int, str]:
    rowid, doc_id = connection.execute(
        "SELECT d.rowid, d.id FROM documents d ORDER BY"
        " (SELECT count(*) FROM mentions m WHERE m.doc = d.rowid) DESC LIMIT 1"
    ).fetchone()
    return int(rowid), str(doc_id)


def test_show_gives_the_names_linked_when_shown(
    stored_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "relinked.db"
    shutil.copy(stored_db, db)
    with closing(sqlite3.connect(db, isolation_level=None)) as connection:
        rowid, doc_id = _most_mentioned(connection)
        # As a later link or an override would: the entity of this
        # document's most printed key is named otherwise.
        (key,) = connection.execute(
            "SELECT k.entity FROM mentions m JOIN entity_keys k ON k.key = m.key"
            " WHERE m.doc = ? GROUP BY k.entity ORDER BY count(*) DESC LIMIT 1",
            (rowid,),
        ).fetchone()
        connection.execute(
            "UPDATE entities SET name = name || ' \"renamed\"' WHERE key = ?", (key,)
        )
        linked = [
            name
            for (name,) in connection.execute(
                f"SELECT {_LINKED_NAME} FROM mentions m WHERE doc = ? ORDER BY start",
                (rowid,),
            )
        ]
    shown = json.loads(_show(db, doc_id))
    assert [m["entity"] for m in shown["mentions"]] == linked
    assert any(name.endswith(' "renamed"') for name in linked)


def test_placeholders_hold_any_key_and_entity(seeded_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "odd-names.db"
    shutil.copy(seeded_db, db)
    with closing(connect(db)) as connection:
        rowid, _ = _most_mentioned(connection)
        connection.execute("BEGIN IMMEDIATE")
        for n, name in enumerate(['a "quoted" name', "back\\slash\nline", "ü ’ 😀"]):
            connection.execute(
                "UPDATE mentions SET key = ?, entity = ? WHERE rowid = (SELECT rowid"
                " FROM mentions WHERE doc = ? ORDER BY start LIMIT 1 OFFSET ?)",
                (name, name, rowid, n),
            )
        store_shown(connection, [rowid], again=True)
        connection.execute("COMMIT")
        stored, rows = _both(connection, rowid, "mentions")
    assert stored == rows
    assert b'"a \\"quoted\\" name"' in stored


def test_a_dossier_built_before_is_stored_by_its_migration(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "schema14.db"
    shutil.copy(seeded_db, db)
    with closing(sqlite3.connect(db)) as connection:
        rowid, doc_id = _most_mentioned(connection)
        (least,) = connection.execute(
            "SELECT count(*) FROM mentions WHERE doc = ?", (rowid,)
        ).fetchone()
        connection.executescript(
            "DROP TRIGGER reuses_keys_gone; DROP INDEX reuses_unkeyed;"
            " DROP TABLE reuse_passage_keys; DROP TABLE reuse_passages_gone; "
            "DROP TABLE shown; DROP TABLE deferred_indexes;"
            " ALTER TABLE reuses DROP COLUMN shared; PRAGMA user_version = 14;"
        )
    with pytest.raises(StoreError, match="older dossier"):
        connect(db, create=False)
    # The seeds' documents are small: stored here from this one's size.
    monkeypatch.setattr(shown, "STORE_FROM", least)
    connect(db).close()  # what a build does first
    with closing(sqlite3.connect(db)) as connection:
        marked = [
            doc
            for (doc,) in connection.execute("SELECT doc FROM shown WHERE kind = ''")
        ]
    assert rowid in marked
    assert 0 < len(marked) < len(_documents_of(db))
    assert _show(db, doc_id) == _show(seeded_db, doc_id)


def _documents_of(db: Path) -> list[int]:
    with closing(sqlite3.connect(db)) as connection:
        return _rowids(connection)


def test_a_build_stores_the_documents_of_store_from_annotations_or_more(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shown, "STORE_FROM", 20)
    db = tmp_path / "seeds.db"
    built = runner.invoke(app, ["build", str(corpus / "seeds"), "--db", str(db)])
    assert built.exit_code == 0, built.output
    with closing(sqlite3.connect(db)) as connection:
        counted = " UNION ALL ".join(
            f"SELECT doc FROM {kind}" for kind in ANNOTATION_QUERIES
        )
        large = {
            doc
            for (doc,) in connection.execute(
                f"SELECT doc FROM ({counted}) GROUP BY doc HAVING count(*) >= 20"
            )
        }
        marked = {
            doc
            for (doc,) in connection.execute("SELECT doc FROM shown WHERE kind = ''")
        }
    assert marked == large
    assert large and len(large) < len(_documents_of(db))


def test_forgotten_documents_take_their_stored_records_away(
    stored_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "forget.db"
    shutil.copy(stored_db, db)
    with closing(sqlite3.connect(db)) as connection:
        rowid, doc_id = _most_mentioned(connection)
        (before,) = connection.execute("SELECT count(*) FROM shown").fetchone()
    result = runner.invoke(app, ["forget", doc_id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(db)) as connection:
        (after,) = connection.execute("SELECT count(*) FROM shown").fetchone()
        orphans = connection.execute(
            "SELECT count(*) FROM shown WHERE doc NOT IN (SELECT rowid FROM documents)"
        ).fetchone()
        mine = connection.execute(
            "SELECT count(*) FROM shown WHERE doc = ?", (rowid,)
        ).fetchone()
    assert after < before
    assert orphans == mine == (0,)


def test_a_document_stored_without_annotations_shows_none(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "note.txt").write_text(
        "Kim Il Sung visited Pyongyang on 25 October 1950.\n", encoding="utf-8"
    )
    db = tmp_path / "bare.db"
    built = runner.invoke(app, ["build", str(folder), "--db", str(db), "--no-annotate"])
    assert built.exit_code == 0, built.output
    with closing(connect(db, create=False)) as connection:
        kinds = {k for (k,) in connection.execute("SELECT kind FROM shown")}
        (doc_id,) = connection.execute("SELECT id FROM documents").fetchone()
    # Nothing to store: read row by row, which is nothing.
    assert kinds == set()
    shown = json.loads(_show(db, doc_id))
    assert all(shown[kind] == [] for kind in ANNOTATION_QUERIES)


# One record of each kind as the encoder writes it, with the LAYOUT it was
# stored in. A change here changes what stored documents would show: bump
# shown.LAYOUT and add a migration calling `store_missing` (schema.py).
LAYOUT_PINNED = 1
RECORDS_PINNED = {
    "mentions": (
        ("Kim Il Sung", "Kim Il Sung", "PERSON", "President", 10, 24, 20, 31, "k"),
        '{"text": "Kim Il Sung", "entity": "Kim Il Sung", "type": "PERSON",'
        ' "title": "President", "phrase_start": 10, "phrase_end": 24,'
        ' "span": [20, 31], "locator": {"format": "text", "start": 1, "end": 2}}',
    ),
    "times": (
        ("October 25", "DATE", "1950-10-25", "1950-10-25", None, 40, 50),
        '{"text": "October 25", "type": "DATE", "value": "1950-10-25",'
        ' "first_day": "1950-10-25", "last_day": null, "span": [40, 50],'
        ' "locator": {"format": "text", "start": 1, "end": 2}}',
    ),
    "figures": (
        ("nearly three million", 2.7e6, 3e6, "fighters", None, "nearly", 60, 80),
        '{"text": "nearly three million", "low": 2700000.0, "high": 3000000.0,'
        ' "unit": "fighters", "subject": null, "hedge": "nearly", "span": [60, 80],'
        ' "locator": {"format": "text", "start": 1, "end": 2}}',
    ),
    "quotes": (
        ("We are ready", "direct", "Kim", "said", None, 0, 90, 102),
        '{"text": "We are ready", "kind": "direct", "speaker": "Kim", "cue": "said",'
        ' "via": null, "citation": 0, "span": [90, 102],'
        ' "locator": {"format": "text", "start": 1, "end": 2}}',
    ),
    "citations": (
        ("(KCNA, 21 October 2010)", None, "KCNA", "2010-10-21", 110, 133),
        '{"text": "(KCNA, 21 October 2010)", "title": null, "outlet": "KCNA",'
        ' "date": "2010-10-21", "span": [110, 133],'
        ' "locator": {"format": "text", "start": 1, "end": 2}}',
    ),
}


def test_the_stored_layout_is_pinned() -> None:
    locator = '{"format": "text", "start": 1, "end": 2}'
    for kind, (row, pinned) in RECORDS_PINNED.items():
        batch = AnnotationBatch((), [row], [1], [2], {})
        (written,) = RECORDS[kind](batch, [locator], _Values())
        assert (written, LAYOUT) == (pinned, LAYOUT_PINNED), kind
    assert set(RECORDS_PINNED) == set(ANNOTATION_QUERIES)


def test_a_document_stored_in_another_layout_is_read_row_by_row(
    stored_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "layout.db"
    shutil.copy(stored_db, db)
    monkeypatch.setattr(shown, "STORE_FROM", 1)
    with closing(sqlite3.connect(db, isolation_level=None)) as connection:
        rowid, doc_id = _most_mentioned(connection)
        # As a later layout would find it: its records stale, marked so.
        connection.execute(
            "UPDATE shown SET part = ? WHERE doc = ? AND kind = ''",
            (LAYOUT + 1, rowid),
        )
        connection.execute(
            "UPDATE shown SET records = x'' WHERE doc = ? AND kind != ''", (rowid,)
        )
    assert _show(db, doc_id) == _show(stored_db, doc_id)
    with closing(connect(db)) as connection:
        assert stored_length(connection, rowid) is None
        connection.execute("BEGIN IMMEDIATE")
        store_missing(connection)
        connection.execute("COMMIT")
        assert stored_length(connection, rowid) is not None
        assert _both(connection, rowid, "mentions")[0]
    assert _show(db, doc_id) == _show(stored_db, doc_id)
