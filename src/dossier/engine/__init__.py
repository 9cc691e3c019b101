"""Engines map `run_file` over paths: in this process, a process pool or Dask.

The engines' modules (the pipeline, Dask's glue) are imported on first use
(PEP 562), so a build can start the pool's warm server (`warm_up`) before
it imports them and the link stage: the server's compile, the pool's serial
start, then overlaps those imports too (issue 14 part 3).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.engine import warm
from dossier.settings import Settings

if TYPE_CHECKING:
    # Not imported to start the warm server (`cli/early.py`): the records'
    # and packs' modules took 0.06 CPU s of the writer before it.
    from dossier.engine.local import Engine, LazyPool
    from dossier.model import FileResult
    from dossier.packs import Pack

# The names `--engine` takes, checked before any engine is imported.
ENGINE_NAMES = ("local", "pool", "dask")


def engines() -> dict[str, Engine]:
    """Each engine by name (imports them)."""
    from dossier.engine.dask import run_dask
    from dossier.engine.local import run_local, run_pool

    return {"local": run_local, "pool": run_pool, "dask": run_dask}


def __getattr__(name: str) -> Any:
    if name == "ENGINES":
        return engines()
    if name in {"local", "dask"}:
        return importlib.import_module(f"dossier.engine.{name}")
    raise AttributeError(f"module 'dossier.engine' has no attribute {name!r}")


def map_files(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    """Each file's result (or piece of one) in file order, by `settings.engine`."""
    return engines()[settings.engine](paths, pack, settings, known)


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
    from dossier.engine.local import LazyPool

    if settings.engine == "local":
        yield None
        return
    start = "fork" if settings.engine == "pool" else "forkserver"
    pool = LazyPool(settings.workers or os.cpu_count() or 1, start=start)
    try:
        yield pool
    finally:
        pool.close()


__all__ = ["ENGINES", "ENGINE_NAMES", "engines", "link_pool", "map_files", "warm_up"]
