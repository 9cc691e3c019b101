"""Workers forked warm from a server process, so the one writer stays light.

A pool's or a local Dask cluster's workers are forked from multiprocessing's
forkserver, which imports this module once before its first fork: the
pipeline, numpy and spaCy are then loaded and the build's pack compiled (the
finders run on a short text, loading the word frequencies too) in every
worker from its first instant, and the build's own process (the writer,
which only stores and links) never imports spaCy nor compiles the pack.
The server is started at the top of a build (`start`), so it warms up while
the writer walks the paths, opens the database and plans the first file,
instead of before or after them (issue 14: the serial start of a pool).

As with any forkserver, a worker imports the main script of the build's
process (as `__mp_main__`): a script calling `build_files` with `--engine
pool` keeps its work under `if __name__ == "__main__":` (the `dossier`
command does).

The pack to compile reaches the server by the environment (PACK_VARIABLE),
the only thing a forkserver's preload can read. A server is one per process
and started once: a later build with another pack gets workers that compile
theirs themselves, on first use, as a cold worker would (same output).
"""

from __future__ import annotations

import atexit
import importlib
import json
import multiprocessing
import multiprocessing.forkserver as forkserver
import os
import threading
from collections.abc import Sequence
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING

from dossier.settings import Settings
from dossier.startup import collector_paused

if TYPE_CHECKING:
    from dossier.packs import Pack

PACK_VARIABLE = "DOSSIER_WARM_PACK"
# What the server imports for a pool (this module, which imports the rest as
# it warms: `_SERVER_IMPORTS`); a Dask cluster's needs distributed too.
POOL_PRELOAD = [__name__]
DASK_PRELOAD = ["distributed", *POOL_PRELOAD]
_SERVER_IMPORTS = ("numpy", "dossier.pipeline", "dossier.link.signing")

# Text that takes every finder through the data it loads on first use (the
# word frequencies that tell a name opening a sentence from a common word).
WARM_UP = (
    "Officials said on 3 May 1950 that 300 troops of the Korean People's Army"
    ' "came" to Pyongyang.\n\nYesterday, Kim Il Sung spoke.'
)

# The pack this process compiled as the server (its workers inherit it), and
# the last pack a worker was sent matched against it.
_WARM: list[Pack] = []
_MATCHED: list[tuple[Pack, Pack]] = []


def context() -> BaseContext:
    """The forkserver's context where the platform has one; else its default."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context()


def start(settings: Settings, preload: Sequence[str] = POOL_PRELOAD) -> None:
    """Start the forkserver, compiling `settings.pack` once it runs (without
    waiting for it); nothing when it runs already or the platform has none."""
    if context().get_start_method() != "forkserver":
        return
    multiprocessing.get_context("forkserver").set_forkserver_preload(list(preload))
    wanted = (
        {"pack": settings.pack, "model": settings.model} if settings.annotate else {}
    )
    before = os.environ.get(PACK_VARIABLE)
    os.environ[PACK_VARIABLE] = json.dumps(wanted)
    try:
        # The server is a new interpreter that copies this environment as it
        # starts; taken back at once, so no later process inherits it.
        forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ[PACK_VARIABLE]
        else:
            os.environ[PACK_VARIABLE] = before


class Warming:
    """Whether the forkserver is warm yet (its preload done, so it forks),
    known without waiting for it: a thread has it fork a child that does
    nothing, and notes when that child is done. Meanwhile the build's writer
    does what needs no compiled pack (issue 14: one core was idle while the
    server compiled). Warm at once where there is no forkserver."""

    def __init__(self) -> None:
        self._done = threading.Event()
        if context().get_start_method() != "forkserver":
            self._done.set()
            return
        threading.Thread(target=self._probe, daemon=True).start()

    def _probe(self) -> None:
        try:
            server = multiprocessing.get_context("forkserver")
            child = server.Process(target=_nothing, daemon=True)
            child.start()  # returns once the server has forked it
            child.join()
        except Exception:
            pass  # a server that cannot fork: the pool reports it
        finally:
            self._done.set()

    @property
    def warm(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)


def _nothing() -> None:
    """What the readiness probe's child does."""


def prepare(pack: Pack, model: str | None = None) -> None:
    """Compile `pack` (importing spaCy and the finders, loading the word
    frequencies) in this process."""
    from dossier.annotate import annotate

    annotate(WARM_UP, pack=pack, anchor=None, model=model)


def same_pack(pack: Pack) -> Pack:
    """The pack this process compiled before it forked, when `pack` (a copy
    sent to a worker) equals it; else `pack`. The compiled pack is found by
    identity first: handing the finders the warm one spares a comparison of
    whole packs for every document."""
    for sent, warm in _MATCHED:
        if sent is pack:
            return warm
    found = next((warm for warm in _WARM if warm == pack), pack)
    _MATCHED[:] = [(pack, found)]
    return found


def compiled_before_fork() -> list[str]:
    """The digests of the packs this process inherited compiled from the
    server (a worker's view; empty in the build's own process)."""
    return [pack.digest for pack in _WARM]


def _warm_server() -> None:
    """In the forkserver, as it imports this module: compile the pack asked."""
    asked = os.environ.get(PACK_VARIABLE)
    if not asked:
        return
    # The server ends when the build does. Tearing its heap down (spaCy, the
    # compiled pack) took about a second more, while it still held the
    # build's stdout and stderr: `dossier build --json | jq` waited for it.
    # Its children never run this: a forked worker leaves by os._exit too.
    atexit.register(os._exit, 0)
    try:
        # All it makes here lives as long as the server and its workers.
        with collector_paused():
            for name in _SERVER_IMPORTS:
                importlib.import_module(name)
            wanted = json.loads(asked)
            if not wanted:
                return
            from dossier.packs import load_pack

            pack = load_pack(wanted["pack"])
            prepare(pack, model=wanted["model"])
    except Exception:
        return  # the workers compile theirs themselves, as cold ones do
    _WARM.append(pack)


_warm_server()
