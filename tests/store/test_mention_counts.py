"""The link stage's counts of mentions, kept by the writer set by set (schema 16)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from typer.testing import CliRunner

from dossier.present.cli.app import app
from dossier.store import connect
from dossier.store.mention_counts import insert_mentions
from dossier.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.shared import Shared, copy
from tests.store.conftest import build

runner = CliRunner()
Rows = list[tuple[object, ...]]


def _rows(connection: sqlite3.Connection, sql: str) -> Rows:
    return [tuple(row) for row in connection.execute(sql)]


def _mention(
    doc: int, start: int, text: str, entity: str, type_: str, key: str
) -> tuple[object, ...]:
    """A mention row as the writer inserts it, without title or phrase."""
    return (doc, start, start + len(text), text, entity, type_, None, key, None, None)


def _counts(connection: sqlite3.Connection) -> tuple[Rows, Rows]:
    """`entity_forms` and `entity_docs` as stored."""
    return (
        _rows(
            connection, "SELECT * FROM entity_forms ORDER BY key, entity, type, text"
        ),
        _rows(connection, "SELECT * FROM entity_docs ORDER BY key, doc"),
    )


def _counted(connection: sqlite3.Connection) -> tuple[Rows, Rows]:
    """The same counts worked out from `mentions` itself."""
    return (
        _rows(
            connection,
            "SELECT key, entity, type, text, count(*) FROM mentions"
            " GROUP BY key, entity, type, text ORDER BY key, entity, type, text",
        ),
        _rows(
            connection,
            "SELECT key, doc, count(*) FROM mentions"
            " GROUP BY key, doc ORDER BY key, doc",
        ),
    )


def test_a_build_counts_its_mentions_and_forgetting_takes_them_off(
    seeds_built: Shared, tmp_path: Path
) -> None:
    db = copy(seeds_built.db, tmp_path / "seeds.db")
    with closing(connect(db)) as connection:
        forms, docs = _counts(connection)
        assert len(forms) > 100 and len(docs) > 100  # real text, many names
        assert (forms, docs) == _counted(connection)
        (path,) = connection.execute(
            "SELECT f.path FROM files f JOIN sources s ON s.path = f.path"
            " JOIN documents d ON d.source_id = s.id"
            " JOIN mentions m ON m.doc = d.rowid"
            " GROUP BY f.path ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    result = runner.invoke(app, ["forget", path, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    with closing(connect(db)) as connection:
        after = _counts(connection)
        assert after == _counted(connection)
        assert len(after[1]) < len(docs)


def test_a_changed_file_built_again_replaces_its_counts(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    note = folder / "note.txt"
    note.write_text(
        "Kim Jong Un met Xi Jinping in Beijing. Kim Jong Un spoke of Pyongyang.\n",
        encoding="utf-8",
    )
    (folder / "other.txt").write_text(
        "Xi Jinping visited Pyongyang and Wonsan in June.\n", encoding="utf-8"
    )
    db = tmp_path / "d.db"
    build([folder], db)
    note.write_text(
        "Moon Jae-in met Kim Jong Un in Panmunjom.\n"
        "Kim Jong Un and Moon Jae-in signed it.\n",
        encoding="utf-8",
    )
    build([folder], db)
    with closing(connect(db)) as connection:
        forms, docs = _counts(connection)
        assert (forms, docs) == _counted(connection)
        texts = {row[3] for row in forms}
        assert "Moon Jae-in" in texts and "Beijing" not in texts


# Two one-letter articles of one file, for mentions to point at.
_TWO_DOCUMENTS = """
    INSERT INTO files VALUES ('f', 'x', 1, 'now', '', NULL);
    INSERT INTO sources VALUES (1, 'f', 0, 'x', 'utf-8', 'raw', '[]', '{}');
    INSERT INTO documents(rowid, id, source_id, ordinal, kind, text,
        offsets, raw_start, raw_end, chars)
    VALUES (1, 'a', 1, 0, 'article', 't', x'', 0, 0, 1),
           (2, 'b', 1, 1, 'article', 't', x'', 0, 0, 1);
"""


def _old_dossier(db: Path) -> None:
    """A dossier of schema 15, its counts kept by the insert trigger."""
    with closing(sqlite3.connect(db)) as old:
        old.executescript(
            "".join(MIGRATIONS[:15])
            + """
            PRAGMA user_version = 15;
            """
            + _TWO_DOCUMENTS
            + """
            INSERT INTO documents_fts(rowid, title, text)
            VALUES (1, '', 't'), (2, '', 't');
            INSERT INTO mentions VALUES
                (1, 0, 11, 'Kim Il Sung', 'Kim Il Sung', 'PERSON', NULL,
                 'kim il sung', NULL, NULL),
                (1, 20, 31, 'Kim Il-sung', 'Kim Il Sung', 'PERSON', NULL,
                 'kim il sung', NULL, NULL),
                (2, 0, 11, 'Kim Il Sung', 'Kim Il Sung', 'PERSON', NULL,
                 'kim il sung', NULL, NULL),
                (2, 15, 17, 'GM', 'GM', 'ORG', NULL, 'gm', NULL, NULL);
            """
        )


def test_a_dossier_of_schema_15_keeps_its_counts_when_migrated(
    tmp_path: Path,
) -> None:
    db = tmp_path / "old.db"
    _old_dossier(db)
    with closing(sqlite3.connect(db)) as old:
        before = _counts(old)
        stale = _rows(old, "SELECT key FROM entity_stale ORDER BY key")
    assert before[0] == [
        ("gm", "GM", "ORG", "GM", 1),
        ("kim il sung", "Kim Il Sung", "PERSON", "Kim Il Sung", 2),
        ("kim il sung", "Kim Il Sung", "PERSON", "Kim Il-sung", 1),
    ]
    with closing(connect(db)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert SCHEMA_VERSION >= 16
        triggers = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            )
        }
        assert "mentions_stale_insert" not in triggers
        assert "mentions_stale_delete" in triggers
        assert _counts(connection) == before
        assert _rows(connection, "SELECT key FROM entity_stale ORDER BY key") == stale
        # After the migration the writer's counts add to the trigger's.
        connection.execute("DELETE FROM entity_stale")
        insert_mentions(
            connection,
            [
                _mention(2, 30, "Kim Il-sung", "Kim Il Sung", "PERSON", "kim il sung"),
                _mention(2, 50, "Pyongyang", "Pyongyang", "GPE", "pyongyang"),
            ],
        )
        assert _counts(connection) == _counted(connection)
        assert _rows(connection, "SELECT key FROM entity_stale ORDER BY key") == [
            ("kim il sung",),
            ("pyongyang",),
        ]
        assert ("kim il sung", 2, 2) in _counts(connection)[1]
        connection.execute("DELETE FROM documents WHERE rowid = 1")
        assert _counts(connection) == _counted(connection)


def test_the_migrated_dossier_equals_one_built_new(tmp_path: Path) -> None:
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    _old_dossier(old)
    shutil.copy(old, tmp_path / "copy.db")
    connect(old).close()
    with closing(sqlite3.connect(tmp_path / "copy.db")) as source:
        mentions = _rows(source, "SELECT * FROM mentions ORDER BY rowid")
    with closing(connect(new)) as connection:
        connection.executescript(_TWO_DOCUMENTS)
        insert_mentions(connection, mentions)
        built = _counts(connection)
    with closing(sqlite3.connect(old)) as migrated:
        assert _counts(migrated) == built
