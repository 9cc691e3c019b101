"""Helpers for the segmentation tests: clean and segment a string."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from dossier.clean import clean
from dossier.model import Cleaned, Document, Removed, Source
from dossier.packs import Pack
from dossier.segment import segment
from dossier.segment.classify import classify


@dataclass(frozen=True)
class Segmented:
    cleaned: Cleaned
    documents: list[Document]
    removed: list[Removed]

    def of_kind(self, kind: str) -> list[Document]:
        return [d for d in self.documents if d.kind == kind]


SegmentFunction = Callable[[str], Segmented]
ClassifyFunction = Callable[[str], list[tuple[str, str]]]


def _clean(raw: str, pack: Pack) -> Cleaned:
    source = Source(path="page.txt", part=0, raw=raw, encoding="utf-8", sha256="")
    return clean(source, pack)


@pytest.fixture
def run_segment(pack: Pack) -> SegmentFunction:
    """Clean and segment a raw string with the bundled pack."""

    def run(raw: str) -> Segmented:
        cleaned = _clean(raw, pack)
        documents, removed = segment(cleaned, pack)
        return Segmented(cleaned, documents, removed)

    return run


@pytest.fixture
def kinds_of(pack: Pack) -> ClassifyFunction:
    """(kind, text) of each block `classify` finds in a cleaned raw string."""

    def run(raw: str) -> list[tuple[str, str]]:
        return [(b.kind, b.text) for b in classify(_clean(raw, pack).text, pack)]

    return run
