"""A build killed with SIGKILL half-way leaves whole files only, and resumes."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.settings import Settings
from tests.store.conftest import CONTENT, build, dump, write_corpus

pytestmark = pytest.mark.slow

# 60 files keep the test to a few seconds (300 before, a third of the whole
# suite's wall time); bench/kill_test.py makes 50 and more kills on
# kcna-2024 + seeds for docs/reliability.md.
FILES = 60
# Kill once this many files are in (or once one is, after a second), while the
# build is still going: 60 files of 8 paragraphs take over a second here.
KILL_AFTER_FILES = 10
KILL_AFTER_SECONDS = 1.0
# A build that has stored nothing by then is broken, not slow to start.
GIVE_UP_SECONDS = 60.0

COMMAND = "from dossier.present.cli.app import main; main()"


def stored_files(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(db, timeout=1)) as connection:
            return int(connection.execute("SELECT count(*) FROM files").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or busy
        return 0


def test_build_killed_midway_keeps_whole_files_and_resumes(
    tmp_path: Path, pack: Pack
) -> None:
    folder = tmp_path / "wire"
    write_corpus(folder, FILES, seed=3, paragraphs=8)
    db = tmp_path / "killed.db"

    process = subprocess.Popen(
        [sys.executable, "-c", COMMAND, "build", str(folder), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started = time.monotonic()
    while process.poll() is None:
        elapsed = time.monotonic() - started
        stored = stored_files(db)
        if stored >= KILL_AFTER_FILES or (stored and elapsed > KILL_AFTER_SECONDS):
            break
        assert elapsed < GIVE_UP_SECONDS, "the build stored no file in a minute"
        time.sleep(0.01)
    assert process.poll() is None, "the build ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=10) == -signal.SIGKILL

    assert dump(db, "PRAGMA integrity_check") == [("ok",)]
    paths = [row[0] for row in dump(db, "SELECT path FROM files ORDER BY path")]
    assert 0 < len(paths) < FILES
    counts = dict(
        dump(
            db,
            "SELECT s.path, count(d.rowid) FROM sources s"
            " LEFT JOIN documents d ON d.source_id = s.id GROUP BY s.path",
        )
    )
    for path in paths:
        expected = run_file(Path(path), pack, Settings())
        assert counts.get(path, 0) == sum(len(s.documents) for s in expected.sources)

    report = build([folder], db)
    assert (report.unchanged, report.stored) == (len(paths), FILES - len(paths))
    clean = tmp_path / "clean.db"
    build([folder], clean)
    assert dump(db, CONTENT) == dump(clean, CONTENT)
    assert dump(db, "SELECT path, sha256, size, failure FROM files ORDER BY path") == (
        dump(clean, "SELECT path, sha256, size, failure FROM files ORDER BY path")
    )
    assert dump(db, "PRAGMA integrity_check") == [("ok",)]
