"""The writer counts the mentions it inserts (migration 16): the per-key
tables the entity link reads hold what the mentions themselves say."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from dossier.store import connect
from tests.shared import Shared
from tests.store.conftest import build

# What the insert trigger kept, worked out from the mentions.
FORMS = (
    "SELECT key, entity, type, text, count(*) FROM mentions"
    " GROUP BY key, entity, type, text ORDER BY 1, 2, 3, 4"
)
DOCS = "SELECT key, doc, count(*) FROM mentions GROUP BY key, doc ORDER BY 1, 2"


def _counts(connection: sqlite3.Connection) -> tuple[list[tuple[object, ...]], ...]:
    return (
        [
            tuple(r)
            for r in connection.execute(
                "SELECT * FROM entity_forms ORDER BY 1, 2, 3, 4"
            )
        ],
        [
            tuple(r)
            for r in connection.execute("SELECT * FROM entity_docs ORDER BY 1, 2")
        ],
    )


def test_a_build_counts_every_mention_once(seeds_built: Shared) -> None:
    with closing(sqlite3.connect(seeds_built.db)) as connection:
        forms, docs = _counts(connection)
        assert forms and forms == connection.execute(FORMS).fetchall()
        assert docs == connection.execute(DOCS).fetchall()
        # The flag is down again: other writers are counted by the trigger.
        assert connection.execute("SELECT writer FROM mention_counting").fetchall() == [
            (0,)
        ]


def test_a_rebuild_replaces_the_counts_of_its_documents(
    corpus: Path, tmp_path: Path
) -> None:
    seed = sorted((corpus / "seeds").glob("*.txt"))[0]
    copy = tmp_path / seed.name
    shutil.copy(seed, copy)
    db = tmp_path / "d.db"
    build([copy], db)
    with closing(sqlite3.connect(db)) as connection:
        before = _counts(connection)
    # The same file changed: its old mentions leave (the delete trigger),
    # the new ones come in counted by the writer.
    copy.write_text(seed.read_text(encoding="utf-8") + "\nKim Jong Un spoke.\n")
    build([copy], db)
    with closing(sqlite3.connect(db)) as connection:
        after = _counts(connection)
        assert after[0] == connection.execute(FORMS).fetchall()
        assert after[1] == connection.execute(DOCS).fetchall()
    assert after != before


def test_an_insert_outside_the_writer_is_counted_by_the_trigger(
    tmp_path: Path,
) -> None:
    connection = connect(tmp_path / "d.db")
    connection.executescript(
        """
        INSERT INTO files VALUES ('f', 'x', 1, 'now', '', NULL);
        INSERT INTO sources VALUES (1, 'f', 0, 'x', 'utf-8', 'raw', '[]', '{}');
        INSERT INTO documents(rowid, id, source_id, ordinal, kind, text, offsets,
            raw_start, raw_end, chars)
        VALUES (1, 'a', 1, 0, 'article', 't', x'', 0, 0, 1);
        INSERT INTO mentions(doc, start, end, text, entity, type, title, key)
        VALUES (1, 0, 3, 'KCNA', 'KCNA', 'ORG', NULL, 'kcna'),
               (1, 9, 12, 'KCNA', 'KCNA', 'ORG', NULL, 'kcna');
        """
    )
    assert _counts(connection) == (
        [("kcna", "KCNA", "ORG", "KCNA", 2)],
        [("kcna", 1, 2)],
    )
    stale = connection.execute("SELECT key FROM entity_stale").fetchall()
    assert [tuple(r) for r in stale] == [("kcna",)]


def test_a_failed_insert_leaves_the_trigger_on(tmp_path: Path) -> None:
    from dossier.store.annotations import insert_annotation_rows

    connection = connect(tmp_path / "d.db")
    connection.execute("BEGIN IMMEDIATE")
    # No such document: the foreign key stops the insert.
    row = (9, 0, 4, "KCNA", "KCNA", "ORG", None, "kcna", None, None)
    with pytest.raises(sqlite3.IntegrityError):
        insert_annotation_rows(connection, {"mentions": [row]})
    assert connection.execute("SELECT writer FROM mention_counting").fetchone()[0] == 0
    connection.execute("ROLLBACK")


def test_a_writer_killed_inside_its_file_leaves_the_trigger_on(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    connect(db).close()
    # The writer's steps up to the flag, then SIGKILL before any commit.
    script = (
        "import os, signal, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute('UPDATE mention_counting SET writer = 1')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    killed = subprocess.run([sys.executable, "-c", script, str(db)], check=False)
    assert killed.returncode == -signal.SIGKILL
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT writer FROM mention_counting").fetchall() == [
            (0,)
        ]
