"""Plain records that flow between the stages (see DESIGN.md, "Flow")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dossier.offsets import OffsetMap


@dataclass(frozen=True, slots=True)
class Source:
    """One text as read from a file: a whole file, or one line of a `.jsonl`."""

    path: str
    part: int
    raw: str
    encoding: str
    sha256: str
    fields: dict[str, str] = field(default_factory=dict)
    """Metadata the format itself carries (jsonl keys, HTML meta tags)."""


@dataclass(frozen=True, slots=True)
class Repair:
    """One change cleaning made, located in the raw text."""

    kind: str
    raw_start: int
    raw_end: int
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A source's repaired text and the map from it back to the raw text."""

    source: Source
    text: str
    offsets: OffsetMap
    repairs: tuple[Repair, ...]
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or line of clean text, classified by `segment`."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Removed:
    """A span of raw text kept out of article text (navigation, teaser, ...)."""

    kind: str
    raw_start: int
    raw_end: int


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    date_inferred: bool = False
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """An article or teaser cut from a source; `offsets` maps `text` to raw."""

    kind: str
    ordinal: int
    text: str
    offsets: OffsetMap
    blocks: tuple[Block, ...]
    meta: Metadata = field(default_factory=Metadata)
    raw_start: int = 0
    raw_end: int = 0


@dataclass(frozen=True, slots=True)
class Failure:
    """Why one file (or one part of it) did not go in."""

    path: str
    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class SourceResult:
    """Everything the per-file stages made of one source."""

    source: Source
    cleaned: Cleaned
    documents: tuple[Document, ...]
    removed: tuple[Removed, ...]


@dataclass(frozen=True, slots=True)
class FileResult:
    """What `run_file` returns: the sources of one file, or why it failed."""

    path: str
    sha256: str
    size: int
    sources: tuple[SourceResult, ...] = ()
    failures: tuple[Failure, ...] = ()
    skipped: bool = False

    def summary(self) -> dict[str, Any]:
        kinds: dict[str, int] = {}
        for source in self.sources:
            for document in source.documents:
                kinds[document.kind] = kinds.get(document.kind, 0) + 1
        return kinds
