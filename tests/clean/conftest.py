"""Helpers for the cleaning tests: run `clean` on a string."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dossier.clean import clean
from dossier.model import Cleaned, Source
from dossier.packs import Pack

CleanFunction = Callable[[str], Cleaned]


def source_of(raw: str, path: str = "snippet.txt") -> Source:
    return Source(path=path, part=0, raw=raw, encoding="utf-8", sha256="")


@pytest.fixture
def run_clean(pack: Pack) -> CleanFunction:
    """`clean` of a raw string with the bundled pack."""

    def run(raw: str) -> Cleaned:
        return clean(source_of(raw), pack)

    return run
