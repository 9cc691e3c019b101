"""Benchmark: where a build's CPU seconds go, stage by stage, and in a pool.

    python bench/stage_costs.py PATH... [--engine local|pool|dask] [--workers 2]
        [--batch-chars N] [--batch-sources N]

Builds PATH into a fresh database in this process, timing each stage with
`time.process_time` (the stage functions wrapped where the build calls
them): import, read + clean + segment + meta, annotate and each finder, the
pack's compilation, storing, and the link steps. With `--engine pool` or
`dask` the stages run in the workers, so only the parent's own are timed;
the workers' CPU is `resource.getrusage(RUSAGE_CHILDREN)` plus what the
live forkserver and the children it reaped spent (its workers are not this
process's children). This accounts for the pool's speedup: the parent's
serial share bounds it (Amdahl).

`timeline` says where the parent's CPU falls against the pool's window: its
wall clock and CPU when the build starts, when the first task is handed to
a worker, when the first result and the last come back, and at the end;
`serial_cpu_seconds` is the parent's CPU outside the window (before the
first hand-out and after the last result), what no worker overlaps. Each
descendant's own CPU is read from /proc every 0.1 s while it runs
(`worker_cpu_each`, the forkserver marked "server": the last reading, so
a process's last tenth of a second may be missing). `idle_tail_seconds`:
from the first pool worker to run out of work (its CPU last grew) to the
last result back. `after_pool_cpu`: the parent's CPU after the last result,
sampled every 0.1 s, split by whether a worker's CPU grew meanwhile
(`with_workers`: overlapped) or not (`alone`: one core idle).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import functools
import json
import os
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

started = time.process_time()
try:
    from dossier.startup import collector_paused
except ImportError:  # code from before its start paused the collector
    collector_paused = contextlib.nullcontext  # type: ignore[assignment]
# As the `dossier` command imports a build's modules (dossier.startup).
with collector_paused():
    import dossier.annotate.compiled as compiled
    import dossier.annotate.entities as entities
    import dossier.annotate.figures as figures
    import dossier.annotate.quotes as quotes
    import dossier.annotate.quotes.citations as citations
    import dossier.annotate.reading as reading
    import dossier.annotate.time as times
    import dossier.link.claims_stored as claims_stored
    import dossier.link.copies as copies
    import dossier.link.entities as link_entities
    import dossier.link.reuse as reuse
    import dossier.pipeline as pipeline
    import dossier.present.cli.build as build
    from dossier.settings import Settings

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


MARKS: dict[str, tuple[float, float]] = {}


def mark(name: str) -> None:
    """The wall clock and this process's CPU now, the first time `name` is seen."""
    if name not in MARKS:
        MARKS[name] = (time.perf_counter(), time.process_time())


def watch_submits(engine: str) -> None:
    """Mark the first task handed to the pool's processes or Dask's workers."""
    owner: Any
    if engine == "dask":
        from distributed import Client

        owner = Client
    else:
        from concurrent.futures import ProcessPoolExecutor

        owner = ProcessPoolExecutor
    submit = owner.submit

    def first_submit(self: Any, *args: Any, **options: Any) -> Any:
        mark("first task handed out")
        return submit(self, *args, **options)

    owner.submit = first_submit


def watch_warming() -> None:
    """Mark when the pool's server is warm (its readiness probe forked)."""
    try:
        from dossier.engine.warm import Warming
    except ImportError:  # code from before the writer prepared batches
        return
    probe = Warming._probe

    def marked(self: Any) -> None:
        probe(self)
        mark("server warm")

    Warming._probe = marked  # type: ignore[method-assign]


def watch_results() -> None:
    """Mark the first and the last result the engine hands the writer."""
    import dossier.engine as engine

    mapped = engine.map_files

    def marked(*args: Any, **options: Any) -> Any:
        for result in mapped(*args, **options):
            mark("first result back")
            yield result
        mark("last result back")

    engine.map_files = marked


def _stat(pid: int) -> list[int]:
    """utime, stime, cutime, cstime of `pid` in clock ticks ([] once gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []
    return [int(field) for field in fields[11:15]]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


class Workers:
    """Every descendant process's own CPU seconds, sampled from /proc while
    it runs (the last reading before it ends): a pool's workers are the
    forkserver's children, not this process's, and RUSAGE_CHILDREN gives
    only a sum of the children reaped."""

    def __init__(self) -> None:
        self.cpu: dict[int, float] = {}
        self.servers: set[int] = set()  # processes that forked others
        # Wall clock when each was first seen, and when its CPU last grew.
        self.seen: dict[int, float] = {}
        self.busy: dict[int, float] = {}
        # This process's CPU after the last result, split by whether some
        # descendant's CPU grew in the same tenth of a second.
        self.tail = {"with_workers": 0.0, "alone": 0.0}
        self._own = time.process_time()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._tick = os.sysconf("SC_CLK_TCK")

    def __enter__(self) -> Workers:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self.sample()

    def sample(self) -> None:
        own, self._own = self._own, time.process_time()
        grew = False
        waiting = _children(os.getpid())
        while waiting:
            pid = waiting.pop()
            ticks = _stat(pid)
            if ticks:
                now = time.perf_counter()
                cpu = (ticks[0] + ticks[1]) / self._tick
                self.seen.setdefault(pid, now)
                if cpu > self.cpu.get(pid, 0.0):
                    self.busy[pid] = now
                    grew = grew or pid not in self.servers
                self.cpu[pid] = cpu
            grandchildren = _children(pid)
            if grandchildren:
                self.servers.add(pid)
            waiting += grandchildren
        if "last result back" in MARKS:
            self.tail["with_workers" if grew else "alone"] += self._own - own

    def unreaped(self) -> float:
        """CPU of the live children that forked others (the forkserver) and
        of their children reaped by them: not in this RUSAGE_CHILDREN yet."""
        mine = set(_children(os.getpid()))
        return sum(sum(_stat(pid)) for pid in self.servers & mine) / self._tick


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--engine", default="local", choices=["local", "pool", "dask"])
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
    if hasattr(build, "restore_indexes"):
        # An empty dossier's unordered indexes, dropped before its files are
        # stored and made after (store/bulk_indexes.py): storing's cost too.
        timed(build, "defer_indexes", "store: indexes after the load")
        timed(build, "restore_indexes", "store: indexes after the load")
    try:
        import dossier.engine.local as local_engine
    except ImportError:
        pass
    else:
        if hasattr(local_engine, "prepare_batch"):
            # A pool's writer cleans the first batches while the server warms.
            timed(local_engine, "prepare_batch", "prepare batches (pool writer)")
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
    watch_submits(args.engine)
    watch_warming()
    watch_results()
    wall = time.perf_counter()
    mark("build starts")
    with Workers() as children:
        report = build.build_files(list(args.paths), settings)
    mark("build ends")
    wall = time.perf_counter() - wall
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent_cpu = own.ru_utime + own.ru_stime
    # A forkserver's workers count once it reaps them, in its cutime.
    worker_cpu = workers.ru_utime + workers.ru_stime + children.unreaped()
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
                "timeline": {
                    name: {
                        "wall": round(at - MARKS["build starts"][0], 2),
                        "parent_cpu": round(cpu - MARKS["build starts"][1], 2),
                    }
                    for name, (at, cpu) in sorted(MARKS.items(), key=lambda m: m[1])
                },
                "serial_cpu_seconds": serial(),
                "worker_cpu_each": {
                    ("server " if pid in children.servers else "") + str(pid): round(
                        c, 2
                    )
                    for pid, c in sorted(children.cpu.items())
                },
                "idle_tail_seconds": idle_tail(children),
                "after_pool_cpu": {k: round(v, 2) for k, v in children.tail.items()},
                "load": [round(x, 2) for x in os.getloadavg()],
            },
            indent=1,
        )
    )


def idle_tail(children: Workers) -> float | None:
    """From the first of the pool's workers to run out of work (its CPU last
    grew) to the last result back: how long one of them idled at the end.
    The pool's workers: seen before the last result, no server."""
    if "last result back" not in MARKS:
        return None
    last = MARKS["last result back"][0]
    workers = [
        children.busy[pid]
        for pid in children.busy
        if pid not in children.servers
        and children.seen[pid] < last
        and children.cpu.get(pid, 0) > 0.5
    ]
    if len(workers) < 2:
        return None
    return round(last - min(workers), 2)


def serial() -> dict[str, float]:
    """The parent's CPU before the first task is handed out (import included)
    and after the last result is back: no worker overlaps it."""
    if "first task handed out" not in MARKS or "last result back" not in MARKS:
        return {}
    before = MARKS["first task handed out"][1] - MARKS["build starts"][1]
    after = MARKS["build ends"][1] - MARKS["last result back"][1]
    return {
        "import": round(SPENT["import"], 2),
        "before_pool": round(before, 2),
        "after_pool": round(after, 2),
        "all": round(SPENT["import"] + before + after, 2),
    }


if __name__ == "__main__":
    sys.exit(main())
