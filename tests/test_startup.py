"""collector_off, collector_paused: a process's start runs without the cyclic collector,
what it made is frozen, and the collector is left as the caller had it;
import_first does so for a module's first import only."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.startup import collector_off, collector_paused, import_first


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generations collected while the test runs; the collector's state
    put back after it. What the test froze stays frozen: `gc.unfreeze()`
    would also hand back the whole heap the suite froze at collection
    (tests/conftest.py), and each later `gc.collect()` here, and every full
    collection of the worker after, would walk it again (issue 14, part 7)."""
    was_enabled = gc.isenabled()
    gc.collect()  # the young generation emptied: no collection is due at once
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def made() -> list[list[object]]:
    """Cycles enough for several young collections (700 objects each)."""
    made: list[list[object]] = []
    for _ in range(5_000):
        made.append([])
        made[-1].append(made[-1])
    return made


def test_the_block_runs_no_collection_and_what_it_made_is_frozen(
    collections: list[int],
) -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
        kept = made()
    assert collections == []
    assert gc.isenabled()
    # Out of the collector's generations: no later collection walks them.
    assert gc.get_freeze_count() >= len(kept)


def test_nested_blocks_leave_the_collector_off_until_the_outer_one_ends(
    collections: list[int],
) -> None:
    gc.enable()
    with collector_paused():
        with collector_paused():
            made()
        assert not gc.isenabled()
        made()
    assert gc.isenabled()
    assert collections == []


def test_a_collector_turned_off_by_the_caller_stays_off(
    collections: list[int],
) -> None:
    gc.disable()
    with collector_paused():
        made()
    assert not gc.isenabled()
    assert collections == []


def test_the_collector_is_restored_when_the_block_raises(
    collections: list[int],
) -> None:
    gc.enable()
    with pytest.raises(ImportError), collector_paused():
        raise ImportError("a module the block imports is missing")
    assert gc.isenabled()


def test_a_module_is_imported_paused_the_first_time_only(
    collections: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "startup_probe.py").write_text("TABLE = [[n] for n in range(5000)]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "startup_probe", raising=False)
    gc.enable()
    frozen = gc.get_freeze_count()
    module = import_first("startup_probe")
    assert len(module.TABLE) == 5000
    assert collections == []
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + 4_000  # its 5,000 lists, less any let go
    again = gc.get_freeze_count()
    since = made()  # the caller's objects since: a second call must not freeze them
    assert import_first("startup_probe") is module
    # Not an equal count: frozen objects other threads of the suite let go
    # of leave the permanent generation meanwhile (the xdist worker's).
    assert gc.get_freeze_count() < again + len(since) // 2


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_off_turns_the_collector_off_and_gives_it_back(
    enabled: bool,
) -> None:
    # As the link step's heavy parts use it: nested, and around an error.
    (gc.enable if enabled else gc.disable)()
    try:
        with collector_off():
            assert not gc.isenabled()
            with collector_off():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(KeyError), collector_off():
            raise KeyError("inside")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
