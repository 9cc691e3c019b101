"""Two builds and a reader on one new database: no error, nothing lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.store.conftest import dump, write_corpus

pytestmark = pytest.mark.slow

COMMAND = "from dossier.present.cli.app import main; main()"


def dossier(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", COMMAND, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_two_builds_and_a_reader_share_one_new_database(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    write_corpus(one, 30, seed=1)
    write_corpus(two, 30, seed=2)
    db = str(tmp_path / "d.db")
    builds = [dossier("build", str(folder), "--db", db) for folder in (one, two)]
    read_errors = []
    while any(build.poll() is None for build in builds):
        if Path(db).exists():
            reader = dossier("docs", "--db", db, "--json")
            error = reader.communicate(timeout=60)[1].decode()
            # A reader that came before the schema was made says so, cleanly.
            if reader.returncode != 0 and "no dossier" not in error:
                read_errors.append(error)
    for build in builds:
        # A slow build (a loaded machine) prints periodic progress lines when
        # stderr is not a terminal; anything else would be an error.
        lines = build.communicate()[1].decode().splitlines()
        errors = [line for line in lines if not line.startswith("progress: ")]
        assert (build.returncode, errors) == (0, [])
    assert read_errors == []
    assert dump(Path(db), "SELECT count(*) FROM files") == [(60,)]
    assert dump(Path(db), "PRAGMA integrity_check") == [("ok",)]
    # The last link stage began after the last write: nothing left to link.
    state = dict(dump(Path(db), "SELECT key, value FROM state"))
    assert state["linked"] == state["writes"] > 0
