"""Benchmark: `dossier report` on a generated corpus of ~20,000 documents.

    python bench/report_speed.py [--mb 43] [--engine pool]   # ~465 documents a MB

Generates the corpus with bench/generate.py and builds it with annotation
(once: the database is kept in bench/out and reused, the build is not
timed), then times writing the report in HTML and in Markdown, and the
exports of every record kind as JSON Lines. Target (issue 16): the report
for 20,000 documents in under 30 s.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import OUT, generated, record

from dossier.present.cli.build import build_files
from dossier.settings import Settings
from dossier.store import connect


def built(megabytes: float, engine: str) -> Path:
    """The annotated dossier of the generated corpus, built on first use."""
    db = OUT / f"report_{megabytes:g}mb.db"
    done = db.with_suffix(".done")
    if not done.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        build_files([generated(megabytes)], Settings(db=str(db), engine=engine))
        seconds = time.perf_counter() - started
        print(f"built {db} in {seconds:.0f} s", file=sys.stderr)
        done.write_text(f"{seconds:.0f}\n")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=43.0, help="corpus size in MB")
    parser.add_argument("--engine", default="local", help="engine for the build")
    parser.add_argument(
        "--build-only", action="store_true", help="build the database and stop"
    )
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    db = built(args.mb, args.engine)
    if args.build_only:
        return
    # Imported here so --build-only runs before the report code exists.
    from dossier.present.export import WHAT, export
    from dossier.present.report import write_report

    with closing(connect(db, create=False)) as connection:
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    result: dict[str, object] = {
        "bench": "report",
        "corpus": f"generated {args.mb:g} MB",
        "documents": documents,
    }
    for form in ("html", "md"):
        out = OUT / f"report.{form}"
        started = time.perf_counter()
        write_report(db, out, form=form, force=True)
        result[f"report_{form}_s"] = round(time.perf_counter() - started, 2)
        result[f"report_{form}_kb"] = round(out.stat().st_size / 1000)
    for what in WHAT:
        out = OUT / f"export_{what}.jsonl"
        started = time.perf_counter()
        rows = export(db, out, what=what, form="jsonl", force=True)
        result[f"export_{what}_s"] = round(time.perf_counter() - started, 2)
        result[f"export_{what}_rows"] = rows
    result["peak_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    record(result)


if __name__ == "__main__":
    main()
