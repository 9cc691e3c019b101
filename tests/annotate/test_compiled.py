"""compile_pack: what it builds is kept once per process and left out of the
garbage collector's generations (every full collection would walk it)."""

from __future__ import annotations

import dataclasses
import gc

from dossier.annotate.compiled import compile_pack
from dossier.packs import load_pack


def test_a_compiled_pack_is_frozen_out_of_the_collectors_generations() -> None:
    # A digest no other test compiles: this call builds, not reuses.
    pack = dataclasses.replace(load_pack("korea"), digest="test-compiled-freeze")
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    compiled = compile_pack(pack)
    frozen = gc.get_freeze_count()
    # spaCy's vocabulary and the matchers are tens of thousands of objects.
    assert frozen > 10_000
    made_since = [[] for _ in range(1_000)]
    assert compile_pack(pack) is compiled  # kept: no second build
    # No refreeze: what was made since stays with the collector. (Not an
    # equal count: frozen objects other threads of the suite let go of
    # leave the permanent generation meanwhile.)
    assert gc.get_freeze_count() < frozen + len(made_since) // 2


def test_compiling_runs_no_collection_and_leaves_the_collector_on() -> None:
    # Everything compiling makes outlives the build (dossier/startup.py).
    pack = dataclasses.replace(load_pack("korea"), digest="test-compiled-paused")
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    assert gc.isenabled()
    gc.collect()  # the young generation emptied: no collection is due at once
    gc.callbacks.append(count)
    try:
        compile_pack(pack)
    finally:
        gc.callbacks.remove(count)
    assert collections == []
    assert gc.isenabled()
