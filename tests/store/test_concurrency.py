"""Two builds and a reader on one new database: no error, nothing lost."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app
from tests.processes import Command
from tests.store.conftest import dump, write_corpus

pytestmark = pytest.mark.slow

# Between two reads. Each reader was a process of its own before, about one a
# second, each starting an interpreter and importing dossier (some 0.6 CPU s,
# eleven of them a run: issue 14, part 7); read here, in this process, the
# command costs a few hundredths and is paced instead.
READ_EVERY_SECONDS = 0.25


def test_two_builds_and_a_reader_share_one_new_database(
    tmp_path: Path, start_dossier: Callable[..., Command]
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    write_corpus(one, 30, seed=1)
    write_corpus(two, 30, seed=2)
    db = str(tmp_path / "d.db")
    # Forked warm (tests/processes.py, 3 CPU s less each), the builds reach
    # the link stage together: each must leave alone what the other derived
    # after it read its pending list (2 runs in 6 failed on `UNIQUE
    # constraint failed: derived.doc` before).
    builds = [
        start_dossier(
            ["build", str(folder), "--db", db], stderr=tmp_path / f"{folder.name}.err"
        )
        for folder in (one, two)
    ]
    read_errors = []
    reads = 0
    while any(build.poll() is None for build in builds):
        if Path(db).exists():
            # The builds are processes of their own; the reader, `docs`,
            # opens its own connection here, as a second process would.
            result = CliRunner().invoke(app, ["docs", "--db", db, "--json"])
            reads += 1
            # A reader that came before the schema was made says so, cleanly.
            if result.exit_code != 0 and "no dossier" not in result.stderr:
                read_errors.append((result.stderr, repr(result.exception)))
        time.sleep(READ_EVERY_SECONDS)
    for build in builds:
        # A slow build (a loaded machine) prints periodic progress lines when
        # stderr is not a terminal; anything else would be an error.
        code = build.wait(timeout=600)
        lines = build.stderr().splitlines()
        errors = [line for line in lines if not line.startswith("progress: ")]
        assert (code, errors) == (0, [])
    assert read_errors == []
    assert reads > 0
    assert dump(Path(db), "SELECT count(*) FROM files") == [(60,)]
    assert dump(Path(db), "PRAGMA integrity_check") == [("ok",)]
    # The last link stage began after the last write: nothing left to link.
    state = dict(dump(Path(db), "SELECT key, value FROM state"))
    assert state["linked"] == state["writes"] > 0
