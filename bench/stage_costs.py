"""Benchmark: where a build's CPU seconds go, stage by stage, and in a pool.

    python bench/stage_costs.py PATH... [--engine local|pool] [--workers 2]
        [--batch-chars N] [--batch-sources N]

Builds PATH into a fresh database in this process, timing each stage with
`time.process_time` (the stage functions wrapped where the build calls
them): import, read + clean + segment + meta, annotate and each finder, the
pack's compilation, storing, and the link steps. With `--engine pool` the
stages run in the workers, so only the parent's own are timed; the workers'
CPU comes from `resource.getrusage(RUSAGE_CHILDREN)`. This accounts for the
pool's speedup: the parent's serial share bounds it (Amdahl).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import functools
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

started = time.process_time()
import dossier.annotate.compiled as compiled  # noqa: E402
import dossier.annotate.entities as entities  # noqa: E402
import dossier.annotate.figures as figures  # noqa: E402
import dossier.annotate.quotes as quotes  # noqa: E402
import dossier.annotate.quotes.citations as citations  # noqa: E402
import dossier.annotate.reading as reading  # noqa: E402
import dossier.annotate.time as times  # noqa: E402
import dossier.link.claims_stored as claims_stored  # noqa: E402
import dossier.link.copies as copies  # noqa: E402
import dossier.link.entities as link_entities  # noqa: E402
import dossier.link.reuse as reuse  # noqa: E402
import dossier.pipeline as pipeline  # noqa: E402
import dossier.present.cli.build as build  # noqa: E402
from dossier.settings import Settings  # noqa: E402

SPENT: collections.Counter[str] = collections.Counter()
SPENT["import"] = time.process_time() - started


def timed(module: Any, name: str, label: str) -> None:
    """Replace `module.name` by the same function, its CPU time added to `label`."""
    work: Callable[..., Any] = getattr(module, name)

    @functools.wraps(work)
    def wrapper(*args: Any, **options: Any) -> Any:
        begun = time.process_time()
        try:
            return work(*args, **options)
        finally:
            SPENT[label] += time.process_time() - begun

    setattr(module, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--engine", default="local", choices=["local", "pool"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", type=Path, default=Path("bench/out/stage_costs.db"))
    parser.add_argument(
        "--batch-chars", type=int, help="a streamed file's batches (pipeline)"
    )
    parser.add_argument("--batch-sources", type=int)
    args = parser.parse_args()
    if args.batch_chars:
        pipeline.BATCH_CHARS = args.batch_chars
    if args.batch_sources:
        pipeline.BATCH_SOURCES = args.batch_sources
    for label, (module, name) in {
        "clean": (pipeline, "clean"),
        "segment": (pipeline, "segment"),
        "meta": (pipeline, "describe"),
        "annotate (all)": (pipeline, "annotate"),
        "  reading (sentences)": (reading, "read_text"),
        "  compile pack": (compiled, "_compile"),
        "  mentions": (entities, "find"),
        "  times": (times, "find"),
        "  figures": (figures, "find"),
        "  citations": (citations, "find"),
        "  quotes": (quotes, "find"),
        "store": (build, "write_result"),
        # The build imports these from `dossier.link` when it links, which
        # reads them off their modules then: wrapped there, not in `build`.
        "link copies": (copies, "link_copies"),
        "link reuse": (reuse, "link_reuse"),
        "link entities": (link_entities, "link_entities"),
        "link conflicts": (claims_stored, "link_conflicts"),
    }.items():
        timed(module, name, label)
    try:
        import dossier.link.signing as signing
    except ImportError:  # code from before link signatures were made per document
        pass
    else:
        # Made in pool workers only (`run_source`'s `sign`): not timed here.
        timed(signing, "sign_once", "sign (link signatures, per document)")
    args.db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    settings = dataclasses.replace(
        Settings(), db=str(args.db), engine=args.engine, workers=args.workers
    )
    wall = time.perf_counter()
    report = build.build_files(list(args.paths), settings)
    wall = time.perf_counter() - wall
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent_cpu = own.ru_utime + own.ru_stime
    worker_cpu = workers.ru_utime + workers.ru_stime
    size = sum(
        p.stat().st_size
        for path in args.paths
        for p in ([path] if path.is_file() else path.rglob("*"))
        if p.is_file()
    )
    print(
        json.dumps(
            {
                "benchmark": "stage_costs",
                "engine": args.engine,
                "batch": [pipeline.BATCH_CHARS, pipeline.BATCH_SOURCES],
                "mb": round(size / 1e6, 2),
                "documents": report.documents,
                "wall_seconds": round(wall, 2),
                "parent_cpu_seconds": round(parent_cpu, 2),
                "worker_cpu_seconds": round(worker_cpu, 2),
                "mb_per_cpu_s": round(size / 1e6 / (parent_cpu + worker_cpu), 3),
                "parent_stages": {k: round(v, 2) for k, v in SPENT.most_common()},
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    sys.exit(main())
