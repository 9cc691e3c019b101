"""A process's start: its imports and the pack's compilation, run without the
cyclic garbage collector, whose work there is spent on objects that live as
long as the process."""

# What a build's start makes (modules, classes, compiled patterns, spaCy's
# vocabulary and tokenizer, the gazetteer) stays alive to the end, yet the
# collector walks it: over kcna-2024's imports and compiled pack it ran 374
# collections, 2 of them full, 0.15-0.18 of 1.8-1.9 CPU s (load 6). Turned
# back on, it would at once walk all the block made as one young generation;
# frozen first (`gc.freeze`), that is never walked again, and workers forked
# from a warm server do not write to its pages. A full collection after a
# paused start found 3,487 unreachable objects of some 98,000 (import cycles,
# spaCy's config): they stay, as `gc.freeze` after the compilation kept
# whatever the last collection had left before this.

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType


@contextmanager
def collector_off() -> Iterator[None]:
    """Run the block without the cyclic collector and restore it as it was
    (a caller who had turned it off keeps it off), whatever is raised. Also
    a decorator: the link step's heavy parts (comparing pairs, finding them,
    keeping a batch's passages) make hundreds of thousands of short-lived
    containers and no cycle, and the collector, left on, ran 363 + 490
    times over a relink of three months of wire copy (0.16 + 0.24 CPU s)
    and freed nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block without the cyclic collector, freeze all that is alive
    when it ends (not after an error), and restore the collector as it was."""
    with collector_off():
        yield
        gc.freeze()


def import_first(name: str) -> ModuleType:
    """The module `name`, imported under `collector_paused` the first time in
    this process; later calls (a test's CLI runner invokes the app again and
    again) return it and freeze nothing that the caller has made since."""
    if name in sys.modules:
        return sys.modules[name]
    with collector_paused():
        return importlib.import_module(name)
