"""Engines map `run_file` over paths: in this process, a process pool or Dask."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from dossier.engine import warm
from dossier.engine.dask import run_dask
from dossier.engine.local import Engine, LazyPool, run_local, run_pool
from dossier.model import FileResult
from dossier.packs import Pack
from dossier.settings import Settings

ENGINES: dict[str, Engine] = {"local": run_local, "pool": run_pool, "dask": run_dask}


def map_files(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    """Each file's result (or piece of one) in file order, by `settings.engine`."""
    return ENGINES[settings.engine](paths, pack, settings, known)


def warm_up(settings: Settings) -> None:
    """Start forking warm workers for `settings.engine` (the server compiles
    the pack while the build reads its input); nothing for `local`, or for a
    remote scheduler's workers, which compile theirs on their first task."""
    if settings.engine == "pool":
        warm.start(settings)
    elif settings.engine == "dask" and not settings.scheduler:
        warm.start(settings, warm.DASK_PRELOAD)


@contextmanager
def link_pool(settings: Settings) -> Iterator[LazyPool | None]:
    """Processes on this machine the link stage maps its pure work over, with
    `--engine pool` or `dask`; None (work in this process) with `local`.
    Dask's workers may be another machine's, so they are not used: the
    writer's machine aligns, in processes started clean (the Dask client's
    threads must not be forked)."""
    if settings.engine == "local":
        yield None
        return
    start = "fork" if settings.engine == "pool" else "forkserver"
    pool = LazyPool(settings.workers or os.cpu_count() or 1, start=start)
    try:
        yield pool
    finally:
        pool.close()


__all__ = ["ENGINES", "link_pool", "map_files", "warm_up"]
