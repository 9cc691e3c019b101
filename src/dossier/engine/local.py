"""Map `run_file` over files in-process or with a local process pool."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from dossier.model import FileResult
from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.settings import Settings

Engine = Callable[
    [Sequence[Path], Pack, Settings, dict[str, str]], Iterator[FileResult]
]

# Files handed to the pool ahead of the one being stored, per worker: enough
# to keep every worker busy, few enough that memory holds only their results.
_AHEAD_PER_WORKER = 4


def run_local(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    for path in paths:
        yield run_file(path, pack, settings, known=known)


# What every task in a worker process shares, sent once when it starts rather
# than pickled with each file.
_worker_state: list[tuple[Pack, Settings]] = []


def _start_worker(pack: Pack, settings: Settings) -> None:
    _worker_state[:] = [(pack, settings)]


def _run_in_worker(path: Path, stored_sha256: str | None) -> FileResult:
    pack, settings = _worker_state[0]
    known = {str(path): stored_sha256} if stored_sha256 else None
    return run_file(path, pack, settings, known=known)


def run_pool(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    """Results in file order; each task carries one path and its stored sha256.

    Sending the whole `known` map with every task, as `pool.map(partial(...))`
    does, costs time quadratic in the number of stored files.
    """
    workers = settings.workers or os.cpu_count() or 1
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(pack, settings)
    ) as pool:
        pending: deque[Future[FileResult]] = deque()
        for path in paths:
            pending.append(pool.submit(_run_in_worker, path, known.get(str(path))))
            if len(pending) >= workers * _AHEAD_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


ENGINES: dict[str, Engine] = {"local": run_local, "pool": run_pool}


def map_files(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    return ENGINES[settings.engine](paths, pack, settings, known)
