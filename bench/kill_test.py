"""SIGKILL `dossier build` at random moments, weighted to the write and link
phases, and check after each kill that the dossier is whole (#17).

    python bench/kill_test.py [--kills 50] [--seed 1] [PATH ...]

PATHs default to ../shared/corpus/kcna-2024 and ../shared/corpus/seeds. One
clean build first gives the reference and each phase's length; then each run
builds into a new database, kills it in a phase (45% write, 45% link, 10%
anywhere), and checks: `PRAGMA integrity_check` ok; every file stored has
all its documents (whole files only); a rebuild then equals the clean build
(documents, annotations, claims, entities, copies, reuse, files) with the
link stage recorded as done. Results go to bench/out/kill_test.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.store.killing import (  # noqa: E402  (after the path is set)
    fingerprint,
    integrity,
    kill_during,
    link_pending,
    rebuild,
    watch,
)

CORPUS = ROOT.parent / "shared" / "corpus"
AIMS = {"write": 0.45, "link": 0.45, "any": 0.10}


def documents_by_file(db: Path) -> dict[str, list[str]]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        found: dict[str, list[str]] = {}
        for path, doc in connection.execute(
            "SELECT f.path, d.id FROM files f JOIN sources s ON s.path = f.path"
            " JOIN documents d ON d.source_id = s.id ORDER BY d.id"
        ):
            found.setdefault(path, []).append(doc)
        for (path,) in connection.execute("SELECT path FROM files"):
            found.setdefault(path, [])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    paths = args.paths or [CORPUS / "kcna-2024", CORPUS / "seeds"]
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="dossier-kill-"))
    clean = work / "clean.db"
    # The files the build stores: the count the phase watcher waits for.
    timeline = watch(paths, clean, files=_stored_count(paths, work))
    files = len(documents_by_file(clean))
    reference = fingerprint(clean)
    whole = documents_by_file(clean)
    print(f"clean build: {timeline.total:.1f} s, phases {timeline.began}", flush=True)

    runs = []
    for number in range(args.kills):
        aim = rng.choices(list(AIMS), weights=list(AIMS.values()))[0]
        db = work / f"run-{number}.db"
        kill = kill_during(paths, db, files, aim=aim, timeline=timeline, rng=rng)
        run: dict[str, object] = {
            "run": number,
            "aimed": kill.aimed,
            "seen": kill.seen,
            "at": round(kill.at, 2),
            "killed": kill.killed,
        }
        if db.exists():
            run["integrity"] = integrity(db)
            stored = documents_by_file(db)
            run["files_stored"] = len(stored)
            run["partial_files"] = sorted(p for p, d in stored.items() if d != whole[p])
            run["link_pending"] = link_pending(db) if stored else None
        started = time.monotonic()
        run["rebuild_exit"] = rebuild(paths, db)
        run["rebuild_seconds"] = round(time.monotonic() - started, 1)
        run["rebuild_integrity"] = integrity(db)
        run["equal"] = fingerprint(db) == reference and not link_pending(db)
        print(json.dumps(run), flush=True)
        runs.append(run)
        for leftover in work.glob(f"run-{number}.db*"):
            leftover.unlink()

    held = [
        r
        for r in runs
        if r["equal"]
        and r["rebuild_exit"] == 0
        and r.get("integrity", "ok") == "ok"
        and r["rebuild_integrity"] == "ok"
        and not r.get("partial_files")
    ]
    summary = {
        "benchmark": "kill_test",
        "paths": [str(p) for p in paths],
        "files": files,
        "clean_build_seconds": round(timeline.total, 1),
        "phases": {k: round(v, 2) for k, v in timeline.began.items()},
        "runs": len(runs),
        "killed": sum(1 for r in runs if r["killed"]),
        "seen": dict(Counter(str(r["seen"]) for r in runs if r["killed"])),
        "held": len(held),
        "failed": [r for r in runs if r not in held],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "kill_test.json").write_text(
        json.dumps({"summary": summary, "runs": runs}, indent=1)
    )
    print(json.dumps(summary, indent=1))
    (work / "clean.db").unlink()


def _stored_count(paths: list[Path], work: Path) -> int:
    """How many files a build of `paths` records, from a quick build with
    no extraction (the files table counts every file read)."""
    probe = work / "probe.db"
    from dossier.present.cli.build import build_files
    from dossier.settings import Settings

    build_files(paths, Settings(db=str(probe), annotate=False))
    with closing(sqlite3.connect(probe)) as connection:
        count = int(connection.execute("SELECT count(*) FROM files").fetchone()[0])
    for leftover in work.glob("probe.db*"):
        leftover.unlink()
    return count


if __name__ == "__main__":
    main()
