"""SIGKILL a build at a chosen phase, then check what it left (#17).

Shared by `tests/store/test_kill_phases.py` (a few kills on a small corpus)
and `bench/kill_test.py` (50 or more on kcna-2024 + seeds). The phase of a
running build is read from outside, from the database itself: `write` while
files are still going in, `link` once every file is stored and the link
stage is not yet recorded as done (state.linked < state.writes). No hook in
dossier is needed, so the build killed is the build users run.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMAND = "from dossier.present.cli.app import main; main()"
# How often the watcher looks at the database: kills land within this of
# the moment chosen.
POLL_SECONDS = 0.02

# What a clean build and a rebuild after a kill must agree on: documents,
# every annotation (claims are the figures), entities, copies, reuse and the
# files table, by content (rowids differ between two databases).
RECORDS: dict[str, str] = {
    "files": "SELECT path, sha256, size, failure FROM files",
    "documents": "SELECT d.id, d.kind, d.title, d.date, d.date_inferred, d.outlet,"
    " d.author, d.url, d.place, d.text, d.offsets, d.raw_start, d.raw_end,"
    " d.chars, d.copy_of, d.copy_group, d.flags, s.path, s.part"
    " FROM documents d JOIN sources s ON s.id = d.source_id",
    "mentions": "SELECT d.id, m.start, m.end, m.text, m.entity, m.type, m.title,"
    " m.key FROM mentions m JOIN documents d ON d.rowid = m.doc",
    "times": "SELECT d.id, t.start, t.end, t.text, t.type, t.value, t.first_day,"
    " t.last_day, t.sentence_start, t.sentence_end"
    " FROM times t JOIN documents d ON d.rowid = t.doc",
    "claims": "SELECT d.id, f.start, f.end, f.text, f.low, f.high, f.unit,"
    " f.subject, f.hedge FROM figures f JOIN documents d ON d.rowid = f.doc",
    "quotes": "SELECT d.id, q.start, q.end, q.text, q.kind, q.speaker, q.cue,"
    " q.via, q.citation FROM quotes q JOIN documents d ON d.rowid = q.doc",
    "citations": "SELECT d.id, c.number, c.start, c.end, c.text, c.title, c.outlet,"
    " c.date FROM citations c JOIN documents d ON d.rowid = c.doc",
    "entities": "SELECT key, name, type, aliases, mentions, documents,"
    " mentions_all, documents_all FROM entities",
    "reuses": "SELECT da.id, db.id, r.a_start, r.a_end, r.b_start, r.b_end,"
    " r.score, r.words FROM reuses r JOIN documents da ON da.rowid = r.a"
    " JOIN documents db ON db.rowid = r.b",
}


def _read_only(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)


def fingerprint(db: Path) -> dict[str, tuple[int, str]]:
    """Each of RECORDS as (rows, sha256 of its rows in sorted order)."""
    found: dict[str, tuple[int, str]] = {}
    with closing(_read_only(db)) as connection:
        for name, sql in RECORDS.items():
            rows = sorted(repr(tuple(row)) for row in connection.execute(sql))
            digest = hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass"))
            found[name] = (len(rows), digest.hexdigest())
    return found


def documents_by_file(db: Path) -> dict[str, list[str]]:
    """Each stored file's document ids (none for a file with no documents)."""
    with closing(_read_only(db)) as connection:
        found: dict[str, list[str]] = {}
        for path, doc in connection.execute(
            "SELECT f.path, d.id FROM files f JOIN sources s ON s.path = f.path"
            " JOIN documents d ON d.source_id = s.id ORDER BY d.id"
        ):
            found.setdefault(path, []).append(doc)
        for (path,) in connection.execute("SELECT path FROM files"):
            found.setdefault(path, [])
    return found


def stored_paths(db: Path) -> list[str]:
    with closing(_read_only(db)) as connection:
        return [row[0] for row in connection.execute("SELECT path FROM files")]


def whole_files(db: Path, *, clean_db: Path) -> bool:
    """Every file stored in `db` has exactly the documents a clean build
    gave it: a kill leaves whole files or none."""
    reference = documents_by_file(clean_db)
    return all(docs == reference[p] for p, docs in documents_by_file(db).items())


def integrity(db: Path) -> str:
    with closing(sqlite3.connect(db, timeout=30)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def link_pending(db: Path) -> bool:
    with closing(_read_only(db)) as connection:
        state = dict(connection.execute("SELECT key, value FROM state").fetchall())
    return bool(state["linked"] < state["writes"])


def phase(db: Path, files: int) -> str:
    """`start` (no schema yet), `write` (fewer than `files` stored), `link`
    (all stored, link not recorded), or `done`."""
    if not db.exists():
        return "start"
    try:
        with closing(_read_only(db)) as connection:
            stored = connection.execute("SELECT count(*) FROM files").fetchone()[0]
            state = dict(connection.execute("SELECT key, value FROM state").fetchall())
    except sqlite3.Error:
        return "start"  # being created, or busy for a moment
    if stored < files:
        return "write"
    return "link" if state["linked"] < state["writes"] else "done"


def start_build(paths: Sequence[Path], db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, "-c", COMMAND, "build", *map(str, paths), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


@dataclass
class Timeline:
    """When each phase of one uninterrupted build began, in seconds."""

    began: dict[str, float] = field(default_factory=dict)
    total: float = 0.0

    def window(self, name: str) -> tuple[float, float]:
        order = ["start", "write", "link", "done"]
        start = self.began.get(name, 0.0)
        later = [
            self.began[n] for n in order[order.index(name) + 1 :] if n in self.began
        ]
        return start, min(later, default=self.total)


def watch(paths: Sequence[Path], db: Path, files: int) -> Timeline:
    """Build to the end, noting when each phase began."""
    timeline = Timeline()
    process = start_build(paths, db)
    began = time.monotonic()
    while process.poll() is None:
        now = phase(db, files)
        timeline.began.setdefault(now, time.monotonic() - began)
        time.sleep(POLL_SECONDS)
    timeline.total = time.monotonic() - began
    if process.returncode != 0:
        raise RuntimeError(f"the calibration build exited {process.returncode}")
    return timeline


@dataclass
class Kill:
    """One kill: the phase aimed at, the phase seen just before, and when."""

    aimed: str
    seen: str
    at: float
    killed: bool  # False when the build finished before the moment came


def kill_during(
    paths: Sequence[Path],
    db: Path,
    files: int,
    *,
    aim: str,
    timeline: Timeline,
    rng: random.Random,
) -> Kill:
    """Start a build and SIGKILL it at a random moment of phase `aim` (its
    length taken from `timeline`), or of the whole build for `any`."""
    if aim == "any":
        wait_for, delay = "start", rng.uniform(0, timeline.total)
    else:
        low, high = timeline.window(aim)
        wait_for, delay = aim, rng.uniform(0, max(high - low, POLL_SECONDS))
    process = start_build(paths, db)
    began = time.monotonic()
    # Wait for the phase (a loaded machine shifts it), then into it.
    order = ["start", "write", "link", "done"]
    while process.poll() is None:
        if order.index(phase(db, files)) >= order.index(wait_for):
            break
        time.sleep(POLL_SECONDS)
    deadline = time.monotonic() + delay
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
    if process.poll() is not None:
        return Kill(aim, "done", time.monotonic() - began, killed=False)
    seen = phase(db, files)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return Kill(aim, seen, time.monotonic() - began, killed=True)


def rebuild(paths: Sequence[Path], db: Path) -> int:
    process = start_build(paths, db)
    return process.wait()
