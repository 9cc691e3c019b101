"""Migration 18: the shared shingles of the passages already stored go into
`reuse_passage_keys`, and leave it after their passage (a trigger lists
them, the next write takes them out)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest

from dossier.link import reuse
from dossier.store import connect
from dossier.store.db import StoreError
from dossier.store.passage_keys import index_shared
from tests.link.test_reuse_formula import add, texts


def _keys(connection: sqlite3.Connection) -> set[tuple[int, int]]:
    return {
        (int(key), int(passage))
        for key, passage in connection.execute(
            "SELECT key, passage FROM reuse_passage_keys"
        )
    }


def _linked(corpus: Path, db: Path) -> set[tuple[int, int]]:
    """A dossier whose first three texts are linked (passages stored), one
    of them as stored before schema 17 (no shared shingles); its keys."""
    with closing(connect(db)) as connection:
        connection.execute(
            "INSERT INTO files(path, sha256, size, built_at) VALUES ('t', '', 0, '')"
        )
        connection.execute(
            "INSERT INTO sources(id, path, part, sha256, encoding, raw, repairs,"
            " counts) VALUES (1, 't', 0, '', 'utf-8', '', '', '')"
        )
        add(connection, texts(corpus)[:3])
        reuse.link_reuse(connection, batch=1)
        connection.execute(
            "UPDATE reuses SET shared = NULL WHERE rowid = (SELECT max(rowid)"
            " FROM reuses)"
        )
        connection.execute(
            "DELETE FROM reuse_passage_keys WHERE passage = (SELECT max(rowid)"
            " FROM reuses)"
        )
        index_shared(connection, [])
        connection.commit()
        return _keys(connection)


def test_a_schema_17_dossier_gets_its_passages_keys(
    corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "schema17.db"
    kept = _linked(corpus, db)
    with closing(sqlite3.connect(db)) as connection:
        (passages,) = connection.execute("SELECT count(*) FROM reuses").fetchone()
        assert passages >= 2 and kept
        connection.executescript(
            "DROP TRIGGER reuses_keys_gone; DROP INDEX reuses_unkeyed;"
            " DROP TABLE reuse_passage_keys; DROP TABLE reuse_passages_gone;"
            " PRAGMA user_version = 17;"
        )
    with pytest.raises(StoreError, match="older dossier"):
        connect(db, create=False)
    with closing(connect(db)) as connection:
        assert _keys(connection) == kept
        want = {
            (key, int(rowid))
            for rowid, shared in connection.execute(
                "SELECT rowid, shared FROM reuses WHERE shared IS NOT NULL"
            )
            for key in np.frombuffer(shared, dtype=np.int64).tolist()
        }
        assert _keys(connection) == want
        (first,) = connection.execute("SELECT min(rowid) FROM reuses").fetchone()
        connection.execute("DELETE FROM reuses WHERE rowid = ?", (first,))
        index_shared(connection, [])  # what the next link writes first
        connection.commit()
        assert _keys(connection) == {row for row in want if row[1] != first}
        # SQLite reads the short and keyless passages from their own index.
        plan = " ".join(
            str(row[-1])
            for row in connection.execute(
                "EXPLAIN QUERY PLAN SELECT a, b FROM reuses WHERE shared IS NULL"
                f" OR length(shared) < {reuse.reuse_formula.UNKEYED}"
            )
        )
        assert "reuses_unkeyed" in plan
