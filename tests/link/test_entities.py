"""Entities linked across documents from the mentions table."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from dossier.link import link_entities, needs_entities
from dossier.store import connect
from dossier.store.mention_counts import insert_mentions


def test_link_entities_groups_by_key_and_counts_documents(tmp_path: Path) -> None:
    connection = connect(tmp_path / "d.db")
    connection.executescript(
        """
        INSERT INTO files VALUES ('f', 'x', 1, 'now', '', NULL);
        INSERT INTO sources VALUES (1, 'f', 0, 'x', 'utf-8', 'raw', '[]', '{}');
        INSERT INTO documents(rowid, id, source_id, ordinal, kind, text, offsets,
            raw_start, raw_end, chars)
        VALUES (1, 'a', 1, 0, 'article', 't', x'', 0, 0, 1),
               (2, 'b', 1, 1, 'article', 't', x'', 0, 0, 1);
        """
    )
    # Rows as the writer inserts them: text, entity, type, title, key, no phrase.
    insert_mentions(
        connection,
        [
            (doc, start, end, text, entity, "PERSON", title, key, None, None)
            for doc, start, end, text, entity, title, key in [
                (1, 0, 11, "Kim Il Sung", "Kim Il Sung", None, "kim il sung"),
                (1, 20, 31, "Kim Il-sung", "Kim Il Sung", None, "kim il sung"),
                (2, 0, 11, "Kim Jong Il", "Kim Jong Il", None, "kim jong il"),
                (
                    2,
                    20,
                    39,
                    "President Kim Il Sung",
                    "Kim Il Sung",
                    "President",
                    "kim il sung",
                ),
            ]
        ],
    )
    assert link_entities(connection) == 2
    rows = {
        row["name"]: row
        for row in connection.execute("SELECT * FROM entities").fetchall()
    }
    assert set(rows) == {"Kim Il Sung", "Kim Jong Il"}
    assert rows["Kim Il Sung"]["mentions"] == 3
    assert rows["Kim Il Sung"]["documents"] == 2
    assert "Kim Il-sung" in json.loads(rows["Kim Il Sung"]["aliases"])
    # Rebuilding replaces, never duplicates.
    assert link_entities(connection) == 2


def _document(connection: sqlite3.Connection, rowid: int, mentions: list[Row]) -> None:
    connection.execute(
        "INSERT INTO documents(rowid, id, source_id, ordinal, kind, text, offsets,"
        " raw_start, raw_end, chars) VALUES (?, ?, 1, ?, 'article', 't', x'', 0, 0, 1)",
        (rowid, f"d{rowid}", rowid),
    )
    connection.execute(
        "INSERT INTO documents_fts(rowid, title, text) VALUES (?, '', 't')", (rowid,)
    )
    insert_mentions(
        connection,
        [
            (rowid, 0, 1, text, entity, type_, None, key, None, None)
            for text, entity, type_, key in mentions
        ],
    )


Row = tuple[str, str, str, str]  # text, entity, type, key


def _store(tmp_path: Path) -> sqlite3.Connection:
    connection = connect(tmp_path / "d.db")
    connection.executescript(
        """
        INSERT INTO files VALUES ('f', 'x', 1, 'now', '', NULL);
        INSERT INTO sources VALUES (1, 'f', 0, 'x', 'utf-8', 'raw', '[]', '{}');
        """
    )
    return connection


def test_a_new_document_relinks_only_the_keys_it_names(tmp_path: Path) -> None:
    connection = _store(tmp_path)
    _document(connection, 1, [("Steve Jobs", "Steve Jobs", "PERSON", "steve jobs")])
    _document(connection, 2, [("Tim Cook", "Tim Cook", "PERSON", "tim cook")])
    assert link_entities(connection) == 2
    assert not needs_entities(connection)
    # A later document resolving `Jobs` to Steve Jobs and another printing
    # `Jobs` alone: only their keys are stale, and `jobs` joins as an alias.
    _document(connection, 3, [("Jobs", "Steve Jobs", "PERSON", "steve jobs")])
    _document(connection, 4, [("Jobs", "Jobs", "PERSON", "jobs")])
    stale = {row[0] for row in connection.execute("SELECT key FROM entity_stale")}
    assert stale == {"steve jobs", "jobs"}
    assert link_entities(connection) == 2
    jobs = connection.execute(
        "SELECT entity, evidence, via FROM entity_keys WHERE key = 'jobs'"
    ).fetchone()
    assert tuple(jobs) == ("steve jobs", "alias", "steve jobs")
    row = connection.execute(
        "SELECT mentions, documents, evidence FROM entities WHERE key = 'steve jobs'"
    ).fetchone()
    assert (row["mentions"], row["documents"]) == (3, 3)
    assert json.loads(row["evidence"])[0]["alias"] == "Jobs"


def test_removed_documents_and_new_copy_groups_mark_their_keys(
    tmp_path: Path,
) -> None:
    connection = _store(tmp_path)
    _document(connection, 1, [("Ford", "Ford", "ORG", "ford")])
    _document(connection, 2, [("Ford", "Ford", "ORG", "ford")])
    _document(connection, 3, [("GM", "GM", "ORG", "gm")])
    link_entities(connection)
    # The second text turns out a copy of the first: Ford's count of
    # independent texts falls, nothing else is read again.
    connection.execute("UPDATE documents SET copy_group = 'd1' WHERE rowid IN (1, 2)")
    assert {r[0] for r in connection.execute("SELECT key FROM entity_stale")} == {
        "ford"
    }
    link_entities(connection)
    assert connection.execute(
        "SELECT documents, documents_all FROM entities WHERE key = 'ford'"
    ).fetchone()[:] == (1, 2)
    # Deleting a document (as forget and a changed file do, by cascade)
    # takes its entity with it.
    connection.execute("DELETE FROM documents WHERE rowid = 3")
    assert link_entities(connection) == 1
    assert connection.execute("SELECT count(*) FROM entity_keys").fetchone()[0] == 1

    # The counts the link reads instead of mentions follow every change.
    def rows(sql: str) -> list[tuple[object, ...]]:
        return [tuple(row) for row in connection.execute(sql)]

    assert rows("SELECT key, entity, type, text, n FROM entity_forms") == rows(
        "SELECT key, entity, type, text, count(*) FROM mentions"
        " GROUP BY key, entity, type, text"
    )
    assert rows("SELECT key, doc, n FROM entity_docs") == rows(
        "SELECT key, doc, count(*) FROM mentions GROUP BY key, doc"
    )


def test_a_dossier_of_schema_8_is_linked_anew_after_migrating(tmp_path: Path) -> None:
    from dossier.store.schema import MIGRATIONS

    db = tmp_path / "old.db"
    with closing(sqlite3.connect(db)) as old:
        old.executescript(
            "".join(MIGRATIONS[:8])
            + """
            PRAGMA user_version = 8;
            INSERT INTO files VALUES ('f', 'x', 1, 'now', '', NULL);
            INSERT INTO sources VALUES (1, 'f', 0, 'x', 'utf-8', 'raw', '[]', '{}');
            INSERT INTO documents(rowid, id, source_id, ordinal, kind, text,
                offsets, raw_start, raw_end, chars)
            VALUES (1, 'a', 1, 0, 'article', 't', x'', 0, 0, 1);
            INSERT INTO mentions VALUES
                (1, 0, 14, 'General Motors', 'General Motors', 'ORG', NULL, 'motors');
            INSERT INTO entities VALUES ('general motors corp', 'General Motors',
                'ORG', '[]', 1, 1, 1, 1);
            """
        )
    # A build migrates it, then links: the old linking's entities go.
    connection = connect(db)
    assert needs_entities(connection)
    assert link_entities(connection) == 1
    assert connection.execute("SELECT key, name FROM entities").fetchall()[0][:] == (
        "motors",
        "General Motors",
    )
    assert connection.execute("SELECT n FROM entity_forms").fetchone()[0] == 1


def test_copy_groups_written_again_unchanged_mark_nothing(tmp_path: Path) -> None:
    from dossier.link.groups import mark_copies

    connection = _store(tmp_path)
    for rowid in (1, 2, 3):
        _document(connection, rowid, [("Ford", "Ford", "ORG", f"k{rowid}")])
    mark_copies(connection, [[1, 2]])
    link_entities(connection)
    mark_copies(connection, [[1, 2]])  # the next build finds the same group
    assert not needs_entities(connection)
    mark_copies(connection, [[2, 3]])  # 1 leaves it, 3 joins it
    stale = {row[0] for row in connection.execute("SELECT key FROM entity_stale")}
    assert stale == {"k1", "k2", "k3"}
