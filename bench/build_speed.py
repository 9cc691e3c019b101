"""Benchmark: read + clean + segment + meta + store on a generated corpus.

    python bench/build_speed.py [--mb 200] [--engine local]

Prints MB/s of raw input and the build's peak RSS, and appends a JSON line
to bench/out/results.jsonl. Figures are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import OUT, generated, record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200.0, help="corpus size in MB")
    parser.add_argument("--engine", default="local", help="local (one core) or pool")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument(
        "--annotate",
        action="store_true",
        help="also run extraction (the foundation target is measured without it)",
    )
    args = parser.parse_args()

    corpus = generated(args.mb)
    size = sum(p.stat().st_size for p in corpus.iterdir())
    files = sum(1 for _ in corpus.iterdir())
    db = OUT / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    command = [
        str(Path(sys.executable).with_name("dossier")),
        "build",
        str(corpus),
        "--db",
        str(db),
        "--engine",
        args.engine,
        "--workers",
        str(args.workers),
        "--json",
        "--annotate" if args.annotate else "--no-annotate",
    ]
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if completed.returncode not in (0, 1):
        sys.exit(f"build failed: {completed.stderr.strip()}")
    report = json.loads(completed.stdout)
    result = {
        "benchmark": "build",
        "engine": args.engine,
        "annotate": args.annotate,
        "files": files,
        "mb": round(size / 1e6, 1),
        "seconds": round(seconds, 1),
        "mb_per_s": round(size / 1e6 / seconds, 2),
        "peak_rss_mb": round(peak_mb),
        "documents": report["documents"],
        "db_mb": round(db.stat().st_size / 1e6, 1),
    }
    record(result)


if __name__ == "__main__":
    main()
