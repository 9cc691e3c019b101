"""Engines map `run_file` over paths: in this process, a process pool or Dask."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from dossier.engine.dask import run_dask
from dossier.engine.local import Engine, run_local, run_pool
from dossier.model import FileResult
from dossier.packs import Pack
from dossier.settings import Settings

ENGINES: dict[str, Engine] = {"local": run_local, "pool": run_pool, "dask": run_dask}


def map_files(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    """Each file's result (or piece of one) in file order, by `settings.engine`."""
    return ENGINES[settings.engine](paths, pack, settings, known)


__all__ = ["ENGINES", "map_files"]
