"""SIGKILL `dossier build` at random moments, weighted to the write and link
phases, and check after each kill that the dossier is whole (#17).

    python bench/kill_test.py [--kills 50] [--seed 1] [--chain 3] [PATH ...]

PATHs default to ../shared/corpus/kcna-2024 and ../shared/corpus/seeds. One
clean build first gives the reference and each phase's length. Each kill
aims at a phase (45% write, 45% link, 10% anywhere) and is checked at once:
`PRAGMA integrity_check` ok, and every file stored has all its documents
(whole files only). Then a rebuild must equal the clean build (documents,
annotations, claims, entities, copies, reuse, files) with the link stage
recorded as done.

A link-phase kill starts from a copy of a database whose files are all
written and whose link has not run (taken from a build killed as its link
began), so it costs a link, not a whole build. Write-phase and anywhere
kills run in chains of `--chain` on one database: each kill interrupts the
build that resumes the last one, and the chain ends with the rebuild that is
compared. Results go to bench/out/kill_test.json.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
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
    Kill,
    documents_by_file,
    fingerprint,
    integrity,
    kill_during,
    link_pending,
    phase,
    rebuild,
    start_build,
    watch,
)

CORPUS = ROOT.parent / "shared" / "corpus"
AIMS = {"write": 0.45, "link": 0.45, "any": 0.10}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chain", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    paths = args.paths or [CORPUS / "kcna-2024", CORPUS / "seeds"]
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="dossier-kill-"))
    clean = work / "clean.db"
    files = _stored_count(paths, work)
    timeline = watch(paths, clean, files)
    reference = fingerprint(clean)
    whole = documents_by_file(clean)
    print(f"clean build: {timeline.total:.1f} s, phases {timeline.began}", flush=True)
    linkready = _link_ready(paths, work, files)

    aims = rng.choices(list(AIMS), weights=list(AIMS.values()), k=args.kills)
    runs: list[dict[str, object]] = []
    chain: list[dict[str, object]] = []
    chained = work / "chain.db"
    for number, aim in enumerate(aims):
        if aim == "link":
            db = work / "link.db"
            for suffix in ("", "-wal", "-shm"):
                _copy(Path(f"{linkready}{suffix}"), Path(f"{db}{suffix}"))
        else:
            db = chained
        kill = kill_during(paths, db, files, aim=aim, timeline=timeline, rng=rng)
        run = _after_kill(number, kill, db, whole)
        runs.append(run)
        if aim == "link":
            _compare(run, paths, db, reference)
            _remove(db)
        else:
            chain.append(run)
            if len(chain) == args.chain:
                _close_chain(chain, paths, chained, reference)
                chain = []
                _remove(db)
        print(json.dumps(run), flush=True)
    if chain:
        # The last kills of a chain, when link-phase kills came after them.
        _close_chain(chain, paths, chained, reference)
        print(json.dumps(chain[-1]), flush=True)

    held = [r for r in runs if _held(r)]
    summary = {
        "benchmark": "kill_test",
        "paths": [str(p) for p in paths],
        "files": files,
        "clean_build_seconds": round(timeline.total, 1),
        "phases": {k: round(v, 2) for k, v in timeline.began.items()},
        "runs": len(runs),
        "killed": sum(1 for r in runs if r["killed"]),
        "aimed": dict(Counter(str(r["aimed"]) for r in runs)),
        "seen": dict(Counter(str(r["seen"]) for r in runs if r["killed"])),
        "held": len(held),
        "failed": [r for r in runs if r not in held],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "kill_test.json").write_text(
        json.dumps({"summary": summary, "runs": runs}, indent=1)
    )
    print(json.dumps(summary, indent=1))
    shutil.rmtree(work)


def _after_kill(
    number: int, kill: Kill, db: Path, whole: dict[str, list[str]]
) -> dict[str, object]:
    """What the kill left: integrity, files stored, any stored partly."""
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
    return run


def _close_chain(
    chain: list[dict[str, object]],
    paths: list[Path],
    db: Path,
    reference: dict[str, tuple[int, str]],
) -> None:
    """Rebuild the chain's database once and give every member the verdict."""
    for member in chain:
        member["chain"] = [m["run"] for m in chain]
    _compare(chain[-1], paths, db, reference)
    for member in chain[:-1]:
        member["equal"] = chain[-1]["equal"]


def _compare(
    run: dict[str, object],
    paths: list[Path],
    db: Path,
    reference: dict[str, tuple[int, str]],
) -> None:
    """Rebuild, then compare with the clean build."""
    started = time.monotonic()
    run["rebuild_exit"] = rebuild(paths, db)
    run["rebuild_seconds"] = round(time.monotonic() - started, 1)
    run["rebuild_integrity"] = integrity(db)
    found = fingerprint(db)
    run["equal"] = found == reference and not link_pending(db)
    run["differs"] = sorted(k for k in reference if found.get(k) != reference[k])


def _held(run: dict[str, object]) -> bool:
    return (
        bool(run.get("equal"))
        and run.get("integrity", "ok") == "ok"
        and run.get("rebuild_integrity", "ok") == "ok"
        and run.get("rebuild_exit", 0) == 0
        and not run.get("partial_files")
    )


def _link_ready(paths: list[Path], work: Path, files: int) -> Path:
    """A database with every file written and the link not yet run: a build
    killed as soon as its link phase is seen."""
    db = work / "linkready.db"
    process = start_build(paths, db)
    while process.poll() is None and phase(db, files) != "link":
        time.sleep(0.02)
    process.kill()
    process.wait()
    if not link_pending(db):
        raise RuntimeError("the build linked before it could be stopped")
    return db


def _copy(source: Path, target: Path) -> None:
    if source.exists():
        shutil.copyfile(source, target)
    elif target.exists():
        target.unlink()


def _remove(db: Path) -> None:
    for leftover in db.parent.glob(db.name + "*"):
        leftover.unlink()


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
