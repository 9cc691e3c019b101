"""Helpers for entity tests: mentions as (text, entity, type) triples."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dossier.annotate.entities import find_mentions
from dossier.model import Mention
from dossier.packs import Pack


@pytest.fixture(scope="session")
def mentions(pack: Pack) -> Callable[[str], list[Mention]]:
    def find(text: str) -> list[Mention]:
        return find_mentions(text, pack=pack)

    return find


@pytest.fixture(scope="session")
def triples(
    mentions: Callable[[str], list[Mention]],
) -> Callable[[str], list[tuple[str, str, str]]]:
    def find(text: str) -> list[tuple[str, str, str]]:
        return [(m.text, m.entity, m.type) for m in mentions(text)]

    return find
