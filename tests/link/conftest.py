"""A store with one file and one source and no documents: the reuse tests
add documents to it as a build would."""

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
