"""Map the pipeline over files in-process or with a local process pool.

A file read whole is one task; a streamed file (JSONL, big text) is a task
per batch of its sources, so one 20,000-line JSONL spreads over the workers
as 20,000 files would. Results come back in file order, batch by batch.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from dossier.engine import outlines, tail, warm
from dossier.model import FileResult
from dossier.packs import Pack
from dossier.pipeline import (
    Batch,
    BatchResult,
    Plan,
    flagged,
    piece,
    plan_file,
    prepare_batch,
    run_batch,
    run_file,
)
from dossier.read.stream import streamed
from dossier.settings import Settings

Engine = Callable[
    [Sequence[Path], Pack, Settings, dict[str, str]], Iterator[FileResult]
]

# Files handed to the pool ahead of the one being stored, per worker: enough
# to keep every worker busy, few enough that memory holds only their results.
_AHEAD_PER_WORKER = 4
# Batches the writer may prepare and hold while the workers' server warms,
# per worker: a prepared 250 KB batch is a few MB. On kcna-2024 the writer
# prepares a batch in about 0.09 CPU s and the server warms in about 2, so
# 16 (the whole file) fit in that time on 2 idle cores.
_HELD_PER_WORKER = 8


def run_local(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    for path in paths:
        if not streamed(path):
            yield run_file(path, pack, settings, known=known)
            continue
        plan = plan_file(path, pack, settings, known=known)
        if isinstance(plan, FileResult):
            yield plan
            continue
        for batch, first, last in flagged(plan.batches):
            yield piece(plan, run_batch(batch, pack, settings), first=first, last=last)


# What every task in a worker process shares, sent once when it starts rather
# than pickled with each file.
_worker_state: list[tuple[Pack, Settings]] = []


def _start_worker(pack: Pack, settings: Settings) -> None:
    _worker_state[:] = [(warm.same_pack(pack), settings)]


# A worker also makes each document's link signatures (`run_source`): the
# parent, which stores and then links alone, only looks them up (issue 14).
def _run_in_worker(path: Path, stored_sha256: str | None) -> FileResult:
    pack, settings = _worker_state[0]
    known = {str(path): stored_sha256} if stored_sha256 else None
    return run_file(path, pack, settings, known=known, sign=True)


def _run_batch_in_worker(batch: Batch) -> BatchResult:
    pack, settings = _worker_state[0]
    return run_batch(batch, pack, settings, sign=True)


def _finish_in_worker(sent: outlines.Outlines) -> outlines.Finishings:
    pack, settings = _worker_state[0]
    return outlines.finish(sent, pack, settings)


@dataclass(frozen=True, slots=True)
class _Run:
    """One task of a batch: its results, or (`kept`: a batch the writer
    prepared, sent as outlines) what finishing it made, made whole here."""

    task: Future[Any]
    kept: Batch | None = None

    def result(self) -> BatchResult:
        if self.kept is None:
            found: BatchResult = self.task.result()
            return found
        return outlines.finished(self.kept, self.task.result())


@dataclass(frozen=True, slots=True)
class _Slot:
    """What the pool hands back in order: a file's result (done, or a task), or
    a batch's task whose results become a piece of its plan's file."""

    file: Future[FileResult] | FileResult | None = None
    batch: tuple[_Run, ...] = ()  # a task, or one a run of it
    plan: Plan | None = None
    first: bool = True
    last: bool = True

    def result(self) -> FileResult:
        if self.batch and self.plan is not None:
            found = tail.join_results(task.result() for task in self.batch)
            return piece(self.plan, found, first=self.first, last=self.last)
        if isinstance(self.file, Future):
            return self.file.result()
        assert self.file is not None
        return self.file


def run_pool(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    """Results in file order; each task carries one path and its stored sha256,
    or one batch of a streamed file's sources.

    Sending the whole `known` map with every task, as `pool.map(partial(...))`
    does, costs time quadratic in the number of stored files. A streamed file
    is planned here (hashed, then read as it goes) and its batches sent out.
    """
    workers = settings.workers or os.cpu_count() or 1
    # The workers fork from a server that compiled the pack (`engine.warm`,
    # started by the build before it read anything): this process, which
    # only stores, never imports spaCy. Started here if the build did not.
    warm.start(settings)
    warming = warm.Warming()
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=warm.context(),
        initializer=_start_worker,
        initargs=(pack, settings),
    ) as pool:
        pending: deque[_Slot] = deque()
        ahead = workers * _AHEAD_PER_WORKER
        held = workers * _HELD_PER_WORKER
        slots = _slots(pool, paths, pack, settings, known, warming, held, workers)
        for slot in slots:
            pending.append(slot)
            if len(pending) >= ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _slots(
    pool: ProcessPoolExecutor,
    paths: Sequence[Path],
    pack: Pack,
    settings: Settings,
    known: dict[str, str],
    warming: warm.Warming,
    most_held: int,
    workers: int,
) -> Iterator[_Slot]:
    """Each file's or batch's slot, in order. Until the workers' server is
    warm, a streamed file's batches are cleaned, segmented, described and
    signed here (`prepare_batch`) and held, at most `most_held`: handing out a task
    would wait for the server anyway, and this process had nothing else to
    do (issue 14). They go out, in order, before anything after them; from
    the first hand-out on, every batch goes out as it is read. The build's
    last `workers` batches go out in `tail.PARTS` tasks each."""
    held: list[tuple[Batch, Plan, bool, bool, int]] = []
    # Only until the first hand-out: it returns once the server is warm.
    preparing = [True]

    def handed_out() -> Iterator[_Slot]:
        preparing[0] = preparing[0] and not held
        for batch, plan, first, last, parts in held:
            yield _batch_slot(pool, batch, plan, first, last, parts)
        held.clear()

    for path in paths:
        if not streamed(path):
            yield from handed_out()
            preparing[0] = False
            yield _Slot(file=pool.submit(_run_in_worker, path, known.get(str(path))))
            continue
        plan = plan_file(path, pack, settings, known=known)
        if isinstance(plan, FileResult):
            yield from handed_out()
            yield _Slot(file=plan)
            continue
        # Only the build's end is cut finer: a file's end mid-build is not.
        ends = workers if path == paths[-1] else 0
        for (batch, first, last), end in tail.marked_ends(flagged(plan.batches), ends):
            parts = tail.PARTS if end else 1
            if preparing[0] and len(held) < most_held and not warming.warm:
                prepared = prepare_batch(batch, pack, sign=True)
                held.append((prepared, plan, first, last, parts))
                continue
            yield from handed_out()
            preparing[0] = False
            yield _batch_slot(pool, batch, plan, first, last, parts)
    yield from handed_out()


def _batch_slot(
    pool: ProcessPoolExecutor,
    batch: Batch,
    plan: Plan,
    first: bool,
    last: bool,
    parts: int,
) -> _Slot:
    """A batch handed out as one task, or as a task a run (`split_batch`):
    the writer still stores it as one piece of its file, as ever."""
    runs = tail.split_batch(batch, parts) if parts > 1 else [batch]
    tasks = tuple(_submitted(pool, run) for run in runs)
    return _Slot(batch=tasks, plan=plan, first=first, last=last)


def _submitted(pool: ProcessPoolExecutor, run: Batch) -> _Run:
    """A run handed out: as outlines when the writer prepared it, which it
    keeps to make the results whole (`engine.outlines`)."""
    if outlines.is_prepared(run):
        return _Run(pool.submit(_finish_in_worker, outlines.outlines(run)), run)
    return _Run(pool.submit(_run_batch_in_worker, run))


_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


class LazyPool:
    """A process pool for the link stage's pure work (aligning reuse's
    candidate pairs, working out entities: `engine.aside`), started on
    first use: a build with nothing to align starts nothing. Forked
    (`start` "fork") after the files are stored, the workers start with
    the parent's imports; "forkserver" starts them from a clean process
    instead (a parent running threads, as a Dask client does, must not be
    forked). `close` it when linking is done."""

    def __init__(self, workers: int, *, start: str = "fork") -> None:
        self._workers = workers
        self._start = start
        self._pool: ProcessPoolExecutor | None = None

    def __call__(
        self, work: Callable[[_Item], _Result], items: Sequence[_Item], /
    ) -> Iterable[_Result]:
        return self._started().map(work, items)

    def submit(self, work: Callable[..., _Result], /, *args: Any) -> Future[_Result]:
        """One task, queued before the maps that come after it."""
        return self._started().submit(work, *args)

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # A forked worker's first full collection walked every object
            # it inherited (the writer's whole heap), copying each page it
            # wrote a header to: frozen at once, they are never walked.
            self._pool = ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=multiprocessing.get_context(self._start),
                initializer=gc.freeze,
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
