"""Map the pipeline over files on Dask: a local cluster, or `--scheduler`'s.

Same contract as the pool: results in file order, to the one writer. A task
costs milliseconds on a cluster, so small files read whole go out in groups of
about a streamed batch's worth of text, and a streamed file's batches go out
as they are. Dask is imported only when this engine runs.
"""

from __future__ import annotations

import os
import tempfile
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from dossier.engine import warm
from dossier.errors import EngineError
from dossier.fingerprint import code_fingerprint
from dossier.model import FileResult
from dossier.packs import Pack
from dossier.pipeline import (
    BATCH_CHARS,
    BATCH_SOURCES,
    Batch,
    BatchResult,
    Plan,
    flagged,
    piece,
    plan_file,
    run_batch,
    run_file,
)
from dossier.read.stream import streamed
from dossier.settings import Settings

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

# Tasks sent ahead of the one being stored, per worker thread: a task is about
# a second of work, so two queued behind each running one keep a worker busy
# while the writer catches up, and memory holds only their results.
_AHEAD_PER_THREAD = 3
# How long to wait for a scheduler to answer, and for its first worker.
_CONNECT_SECONDS = 10


@dataclass(frozen=True, slots=True)
class _Sent:
    """One task in flight, or a result known without one, in file order."""

    task: Future[list[FileResult]] | Future[BatchResult] | None = None
    done: FileResult | None = None
    plan: Plan | None = None  # set when the task runs one batch of this file
    first: bool = True
    last: bool = True

    def results(self) -> list[FileResult]:
        if self.done is not None:
            return [self.done]
        if self.task is None:
            return []
        found = self.task.result()
        if self.plan is not None:
            batch = cast("BatchResult", found)
            return [piece(self.plan, batch, first=self.first, last=self.last)]
        return cast("list[FileResult]", found)


def run_dask(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    """Results in file order, with at most a few tasks per worker in flight."""
    with _connect(settings) as client:
        _check_workers(client, settings)
        threads = sum(client.nthreads().values()) or 1
        [shared] = client.scatter([(pack, settings)], broadcast=True, hash=False)
        pending: deque[_Sent] = deque()
        for sent in _send(client, shared, paths, pack, settings, known):
            pending.append(sent)
            if len(pending) >= threads * _AHEAD_PER_THREAD:
                yield from pending.popleft().results()
        while pending:
            yield from pending.popleft().results()


def _send(
    client: Client,
    shared: Future[tuple[Pack, Settings]],
    paths: Sequence[Path],
    pack: Pack,
    settings: Settings,
    known: dict[str, str],
) -> Iterator[_Sent]:
    group: list[tuple[str, str | None]] = []
    chars = 0
    for path in paths:
        if not streamed(path):
            group.append((str(path), known.get(str(path))))
            chars += _size(path)
            if chars >= BATCH_CHARS or len(group) >= BATCH_SOURCES:
                yield _Sent(task=_submit(client, _run_group, group, shared))
                group, chars = [], 0
            continue
        if group:
            yield _Sent(task=_submit(client, _run_group, group, shared))
            group, chars = [], 0
        plan = plan_file(path, pack, settings, known=known)
        if isinstance(plan, FileResult):
            yield _Sent(done=plan)
            continue
        for batch, first, last in flagged(plan.batches):
            task = _submit(client, _run_batch, batch, shared)
            yield _Sent(task=task, plan=plan, first=first, last=last)
    if group:
        yield _Sent(task=_submit(client, _run_group, group, shared))


def _submit(
    client: Client, function: Any, work: Any, shared: Future[tuple[Pack, Settings]]
) -> Future[Any]:
    # pure=False: a random key, so Dask does not hash a megabyte of text to
    # name the task.
    return client.submit(function, work, shared, pure=False)


def _run_group(
    group: list[tuple[str, str | None]], shared: tuple[Pack, Settings]
) -> list[FileResult]:
    """Files read whole, each with the sha256 already stored for it."""
    pack, settings = shared
    pack = warm.same_pack(pack)  # the pack compiled before the fork, if equal
    return [
        run_file(
            Path(path),
            pack,
            settings,
            known={path: stored} if stored else None,
            sign=True,  # the link signatures too, made here, not in the writer
        )
        for path, stored in group
    ]


def _run_batch(batch: Batch, shared: tuple[Pack, Settings]) -> BatchResult:
    pack, settings = shared
    pack = warm.same_pack(pack)
    return run_batch(batch, pack, settings, sign=True)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the worker reports why


@contextmanager
def _connect(settings: Settings) -> Iterator[Client]:
    """A client of `settings.scheduler`, or of a local cluster closed on exit
    (also on errors and Ctrl-C)."""
    try:
        from distributed import Client
    except ImportError as err:
        raise EngineError(
            "--engine dask needs Dask: install it with pip install 'dossier[dask]'"
        ) from err

    if settings.scheduler:
        try:
            client = Client(
                settings.scheduler,
                timeout=f"{_CONNECT_SECONDS}s",
                set_as_default=False,
            )
        except (OSError, TimeoutError) as err:
            raise EngineError(
                f"cannot reach the Dask scheduler at {settings.scheduler} ({err}): "
                "start one with `dask scheduler`, or leave --scheduler out to "
                "run a local cluster"
            ) from err
        with client:
            yield client
        return
    with (
        tempfile.TemporaryDirectory(prefix="dossier-dask-") as scratch,
        local_cluster(
            settings.workers or os.cpu_count() or 1, scratch, settings
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


# The local cluster's worker processes are forked from one server process
# that imported distributed, the pipeline and spaCy once and compiled the
# build's pack (`engine.warm`), instead of each spawned afresh to import
# them and compiling the pack on its first task (issue 14). Spawned workers
# also took 3-4 s of wall each at the end of a kcna-2024 build to tear their
# heaps down, until their nannies killed them ("still alive after 4.0
# seconds"); a forked child ends without that (close: 3.1-4.2 s -> 0.2 s).
# The link stage's pool of `--engine dask` forks from the same server.


# What distributed's own tests set for every cluster they start
# (`distributed.utils_test.config_for_cluster_tests`): no statistical
# profiler sampling each worker's threads every 10 ms (it feeds a dashboard a
# local cluster does not serve), and the event loops' health checked every
# 500 ms instead of 20. Both cost CPU for as long as the cluster lives: the
# Dask test module alone, at load 12, took 28.2 CPU s with distributed's
# defaults and 21.6 with these (issue 14). Neither changes what a task
# computes or where its result goes. The nannies, made in this process, hand
# this configuration to the workers they start.
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500 ms",
}


def local_cluster(
    workers: int, scratch: str | None = None, settings: Settings | None = None
) -> LocalCluster:
    """A cluster of `workers` one-thread processes on this machine, listening
    on the loopback only, with no dashboard and its files under `scratch`;
    forked warm, with `settings`' pack compiled, unless the server runs."""
    import dask
    from distributed import LocalCluster

    # The nannies start their workers here, reading the method as they do;
    # the preload counts only before the server's first start.
    warm.start(settings or Settings(annotate=False), warm.DASK_PRELOAD)
    with dask.config.set(
        {**QUIET, "distributed.worker.multiprocessing-method": "forkserver"}
    ):
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            # The scheduler serves its health routes over HTTP even without a
            # dashboard: on a free port, so two builds at once never clash on
            # 8787.
            dashboard_address="127.0.0.1:0",
            scheduler_kwargs={"dashboard": False},
            local_directory=scratch,
        )


def _check_workers(client: Client, settings: Settings) -> None:
    """Every worker must run this dossier: the same code and libraries make
    the same output, and the stored fingerprint says which made it."""
    try:
        client.wait_for_workers(1, timeout=_CONNECT_SECONDS)
    except TimeoutError as err:
        raise EngineError(
            f"no worker joined the Dask scheduler at {settings.scheduler} in "
            f"{_CONNECT_SECONDS} s: start one on each machine with "
            f"`dask worker {settings.scheduler}`"
        ) from err
    here = code_fingerprint()
    try:
        theirs = client.run(code_fingerprint)
    except Exception as err:
        raise EngineError(
            f"a Dask worker cannot run dossier ({type(err).__name__}: {err}): "
            "install this dossier on every worker"
        ) from err
    for worker, fingerprint in sorted(theirs.items()):
        if fingerprint != here:
            raise EngineError(
                f"Dask worker {worker} runs other dossier code or libraries "
                f"(fingerprint {fingerprint}, here {here}): install the same "
                "dossier on every worker"
            )
