"""SIGKILL in the write phase and in the link phase, seen from the database
(tests/store/killing.py): whole files only, integrity ok, a build after a
write-phase kill stores only the files left, and a rebuild equal to a clean
build. bench/kill_test.py runs 50 and more of these on
kcna-2024 + seeds; these two keep the checks honest on every change."""

from __future__ import annotations

import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.processes import Command
from tests.store import killing
from tests.store.conftest import CONTENT, build, dump, write_corpus

pytestmark = pytest.mark.slow

FILES = 30
GIVE_UP_SECONDS = 120.0
# Only the builds killed run in a process of their own, forked warm
# (tests/processes.py: a new interpreter spends some 3 CPU seconds starting,
# more than building the 30 files); the reference and the rebuilds run here.


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "wire"
    write_corpus(folder, FILES, seed=11, paragraphs=4)
    return folder


@pytest.fixture(scope="module")
def clean(corpus: Path) -> dict[str, tuple[int, str]]:
    db = corpus.parent / "clean.db"
    assert build([corpus], db).failures == []
    return killing.fingerprint(db)


def _kill_when(
    start: Callable[..., Command],
    corpus: Path,
    db: Path,
    wanted: str,
    *,
    after_files: int = 0,
) -> None:
    """Start a build; SIGKILL it as soon as it is in phase `wanted` (with at
    least `after_files` stored)."""
    errors = db.with_suffix(".err")
    process = start(["build", str(corpus), "--db", str(db)], stderr=errors)
    started = time.monotonic()
    while process.poll() is None:
        now = killing.phase(db, FILES)
        if now == wanted and (after_files == 0 or _stored(db) >= after_files):
            break
        assert time.monotonic() - started < GIVE_UP_SECONDS, f"never in {wanted}"
        time.sleep(killing.POLL_SECONDS / 4)
    assert process.poll() is None, (
        f"the build ended before its {wanted} phase: {process.stderr()}"
    )
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL


def _stored(db: Path) -> int:
    try:
        return len(killing.stored_paths(db))
    except sqlite3.Error:  # not created yet: nothing stored
        return 0


def test_kill_in_the_write_phase_keeps_whole_files_and_rebuilds_equal(
    corpus: Path,
    clean: dict[str, tuple[int, str]],
    start_dossier: Callable[..., Command],
    tmp_path: Path,
) -> None:
    # Also the SIGKILL-midway test of before (tests/store/test_kill.py, a
    # build of its own 60 files killed, resumed and built clean again): the
    # same kill, so its checks are made here, on this module's builds.
    db = tmp_path / "write.db"
    _kill_when(start_dossier, corpus, db, "write", after_files=FILES // 4)
    assert killing.integrity(db) == "ok"
    stored = _stored(db)
    assert FILES // 4 <= stored < FILES
    assert killing.whole_files(db, clean_db=corpus.parent / "clean.db")
    # The next build resumes: the files stored are left as they are.
    report = build([corpus], db)
    assert report.failures == []
    assert (report.unchanged, report.stored) == (stored, FILES - stored)
    assert killing.integrity(db) == "ok"
    assert killing.fingerprint(db) == clean
    assert dump(db, CONTENT) == dump(corpus.parent / "clean.db", CONTENT)
    assert not killing.link_pending(db)


def test_kill_in_the_link_phase_leaves_it_pending_and_rebuilds_equal(
    corpus: Path,
    clean: dict[str, tuple[int, str]],
    start_dossier: Callable[..., Command],
    tmp_path: Path,
) -> None:
    db = tmp_path / "link.db"
    _kill_when(start_dossier, corpus, db, "link")
    assert killing.integrity(db) == "ok"
    assert _stored(db) == FILES
    assert killing.link_pending(db)
    assert build([corpus], db).failures == []
    assert killing.fingerprint(db) == clean
    assert not killing.link_pending(db)
