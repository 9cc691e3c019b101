"""The cyclic collector paused around the link step's heavy parts
(`link.collector.paused`): off inside, as it was after, errors too."""

from __future__ import annotations

import gc

import pytest

from dossier.link.collector import paused


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_turns_the_collector_off_and_gives_it_back(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        with paused():
            assert not gc.isenabled()
            with paused():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(KeyError), paused():
            raise KeyError("inside")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
