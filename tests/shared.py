"""Builds made once per test session and shared by every xdist worker.

A build of kcna-2024 costs some 20 CPU seconds, and several modules need the
same one: each module building its own, in each worker, was most of the
suite's fixture time (issue 14, part 7). The first worker to ask for a build
makes it under a file lock in the session's common temp folder (the pattern
pytest-xdist documents for session fixtures); the others wait for the lock
and find it made. A build is named by its inputs and options, so two
fixtures asking for the same thing get the same database.

Tests read a shared database as it is; a test that writes works on `copy`.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dossier.present.cli.build import BuildReport, build_files
from dossier.settings import Settings


@dataclass(frozen=True)
class Shared:
    """A built database, and the report of the build that made it."""

    db: Path
    report: BuildReport


def session_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every worker of this session sees: under xdist the parent of
    the worker's own temp folder, else the session's temp folder (the parent
    then is shared by every pytest run of the user)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


class Builds:
    """Shared builds under `root`, one folder each."""

    def __init__(self, root: Path) -> None:
        self.root = root / "shared-builds"
        self.root.mkdir(parents=True, exist_ok=True)

    def build(
        self,
        label: str,
        paths: Sequence[Path],
        *,
        file: str = "dossier.db",
        **options: Any,
    ) -> Shared:
        """`paths` built with these Settings options into `file`, made once per
        session (the file's name shows in what a report prints)."""
        key = repr(([str(p) for p in paths], file, sorted(options.items())))
        name = f"{label}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"
        folder = self.root / name
        db = folder / file
        done = folder / "report.pickle"
        with self._locked(name):
            if not done.exists():
                folder.mkdir(exist_ok=True)
                db.unlink(missing_ok=True)  # a half-made one from a failed try
                report = build_files(list(paths), Settings(db=str(db), **options))
                done.write_bytes(pickle.dumps(report))
        return Shared(db, pickle.loads(done.read_bytes()))

    def folder(self, label: str, make: Callable[[Path], None]) -> Path:
        """A folder of inputs `make` writes, made once per session (files a
        shared build reads: a build is named by its paths)."""
        folder = self.root / label
        done = self.root / f"{label}.done"
        with self._locked(label):
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)  # a half-made one
                folder.mkdir()
                make(folder)
                done.touch()
        return folder

    @contextmanager
    def _locked(self, name: str) -> Iterator[None]:
        with (self.root / f"{name}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            yield


def copy(db: Path, target: Path) -> Path:
    """A private copy of a shared database, for a test that writes (SQLite's
    own backup: whole even if a reader holds the source open)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(db)) as source, closing(sqlite3.connect(target)) as to:
        source.backup(to)
    return target
