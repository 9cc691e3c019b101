"""What the report shows: plain records `facts.gather` fills and the
templates read; `Where` pins each item to its document and file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Limits:
    """How many of each thing the report lists; the rest is counted."""

    outlets: int = 12
    bins: int = 8  # timeline periods whose statements are listed
    statements: int = 3  # per period
    conflicts: int = 10
    claims: int = 6  # per conflict
    speakers: int = 8
    outlets_quoted: int = 8
    documents_quoted: int = 12
    quotes: int = 3  # per speaker
    reuse: int = 12
    excerpt: int = 240  # characters of a sentence or passage


@dataclass(frozen=True, slots=True)
class Where:
    """A span of a document, and the same characters in the original file."""

    doc: str
    span: tuple[int, int]
    locator: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Bars:
    """Labelled counts, largest or earliest first; `left_out` counts the
    documents in the labels not shown."""

    bars: list[tuple[str, int]]
    left_out: int = 0


@dataclass(frozen=True, slots=True)
class Statement:
    value: str
    text: str
    sentence: str
    where: Where


@dataclass(frozen=True, slots=True)
class Period:
    """A year or decade of the timeline and its first statements."""

    label: str
    start: int  # first year
    count: int
    statements: list[Statement] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Timeline:
    periods: list[Period]
    unit: str  # "year" or "decade"
    statements: int  # dated statements in all


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    low: float
    high: float
    unit: str | None
    sentence: str
    asserted_by: str | None
    where: Where


@dataclass(frozen=True, slots=True)
class Conflict:
    subject: str
    measure: str | None
    verdict: str
    reason: str
    documents: int
    claims: list[Claim]
    left_out: int


@dataclass(frozen=True, slots=True)
class Quoted:
    speaker: str
    outlet: str
    text: str
    where: Where


@dataclass(frozen=True, slots=True)
class QuoteGraph:
    """Speakers -> outlets -> documents, the top of each layer, with the
    quotes between them counted on each edge."""

    speakers: list[tuple[str, int]]
    outlets: list[tuple[str, int]]
    documents: list[tuple[str, int]]
    speaker_outlet: list[tuple[str, str, int]]
    outlet_document: list[tuple[str, str, int]]
    quotes: list[Quoted]
    speakers_left_out: int
    quotes_total: int
    titles: dict[str, str]  # of the documents drawn


@dataclass(frozen=True, slots=True)
class Reuse:
    a: Where
    b: Where
    score: float
    direction: str
    a_text: str
    b_text: str


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str | None
    date: str | None
    outlet: str | None
    kind: str
    source: str
    url: str | None
    locator: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Facts:
    counts: list[tuple[str, int]]
    outlets: Bars
    years: Bars
    timeline: Timeline
    conflicts: list[Conflict]
    conflicts_left_out: int
    graph: QuoteGraph
    reuse: list[Reuse]
    reuse_left_out: int
    sources: list[Source]
