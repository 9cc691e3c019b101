"""Stores for the reuse tests: `connection`, one file and one source and no
documents, which the tests fill as a build would; `store`, one a module
shares, whose rows name documents never stored (the tests of what the
step reads back from its tables)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from dossier.store import connect


@pytest.fixture
def connection(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    with closing(connect(tmp_path / "link.db")) as found:
        found.execute(
            "INSERT INTO files(path, sha256, size, built_at) VALUES ('t', '', 0, '')"
        )
        found.execute(
            "INSERT INTO sources(id, path, part, sha256, encoding, raw, repairs,"
            " counts) VALUES (1, 't', 0, '', 'utf-8', '', '', '')"
        )
        found.commit()
        yield found


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("store") / "link.db"
    with closing(connect(path)) as found:
        # Rows name documents never stored: what is read back is the point.
        found.execute("PRAGMA foreign_keys = OFF")
        yield found
