"""Map `run_file` over files in-process or with a local process pool."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from dossier.model import FileResult
from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.settings import Settings

Engine = Callable[
    [Sequence[Path], Pack, Settings, dict[str, str]], Iterator[FileResult]
]


def run_local(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    for path in paths:
        yield run_file(path, pack, settings, known=known)


def _run_one(
    path: Path, pack: Pack, settings: Settings, known: dict[str, str]
) -> FileResult:
    return run_file(path, pack, settings, known=known)


def run_pool(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    workers = settings.workers or os.cpu_count() or 1
    # Files go out in order and come back in order, a few at a time per
    # worker, so memory holds only the results not yet stored.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(
            partial(_run_one, pack=pack, settings=settings, known=known),
            paths,
            chunksize=4,
        )


ENGINES: dict[str, Engine] = {"local": run_local, "pool": run_pool}


def map_files(
    paths: Sequence[Path], pack: Pack, settings: Settings, known: dict[str, str]
) -> Iterator[FileResult]:
    return ENGINES[settings.engine](paths, pack, settings, known)
