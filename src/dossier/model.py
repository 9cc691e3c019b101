"""Plain records that flow between the stages (see DESIGN.md, "Flow")."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dossier.offsets import OffsetMap, Region, SourceMap


@dataclass(frozen=True, slots=True)
class Source:
    """One text as read from a file: a whole file, or one line of a `.jsonl`.

    `sha256` is of the source's own bytes (a JSONL record's line, else the
    file), which with a document's ordinal makes its id.
    """

    path: str
    part: int
    raw: str
    encoding: str
    sha256: str
    fields: dict[str, str] = field(default_factory=dict)
    """Metadata the format itself carries (jsonl keys, HTML meta tags)."""
    locator: SourceMap | None = None
    """Where `raw` lies in the file; None: `raw` is the decoded file itself."""

    def source_map(self) -> SourceMap:
        return self.locator or SourceMap.text(len(self.raw))


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
    annotations: Annotations | None = None
    flags: tuple[str, ...] = ()
    """What segment noted: `kept-whole` when no line read as an article."""
    signs: Signs | None = None
    """What `link` makes of `text`, made with the document (in a pool worker)."""
    facts: DocumentFacts | None = None
    """Its event dates and claim facts (`link.derive`), made with the document
    from its annotations; None: the link stage derives them from the store."""


@dataclass(frozen=True, slots=True)
class Signs:
    """A document's link signatures (`link.signing`), made where the document
    is made, so the one process that links only looks their bands up (#14).

    Pure functions of the clean text; plain bytes and ints, so they pickle
    small and compare by value, and `import dossier` loads no numpy.
    """

    digest: bytes  # of the text's words (`link.shingles.digest`)
    shingles: int  # distinct word 3-shingles
    bands: tuple[int, ...]  # copies' MinHash band keys; () below MIN_SHINGLES
    minhash: bytes  # copies' MinHash values when banded, else empty
    passages: bytes  # reuse's passage band keys, int64, `passages.BANDS` a row
    grams: bytes = b""  # reuse's distinct word-shingle keys, int64 (formula test)


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """What the link stage stores of one document for `claims --conflicts` and
    `calendar` (`link.derive`), made where the document is made so the one
    writer only inserts it (#14). Rows without what only the writer knows
    (the document's rowid and id, its figures' rowids)."""

    events: tuple[tuple[Any, ...], ...] = ()
    """`event_dates` columns after (doc, n, doc_id, doc_date), in order."""
    figures: bytes = b""
    """Its figures' `claim_facts` columns, in `Annotations.figures` order, as
    `store.facts.pack_figures` writes them (compressed JSON lines: a page of
    80,000 tiny figures held 87 MB of facts as dicts until stored)."""


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
    """What `run_file` returns: the sources of one file, or why it failed.

    A streamed file's result comes in pieces: `first` opens the file's
    transaction and `last` commits it; a file read whole is both.
    """

    path: str
    sha256: str
    size: int
    sources: tuple[SourceResult, ...] = ()
    failures: tuple[Failure, ...] = ()
    skipped: bool = False
    pipeline: str = ""  # fingerprint.build_fingerprint of the build that made it
    first: bool = True
    last: bool = True


# Annotations (the `annotate` stage). Spans are half-open offsets into the
# document's clean text; `OffsetMap` on the document leads them back to raw.


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text, resolved to an entity's canonical name."""

    start: int
    end: int
    text: str
    entity: str
    type: str  # PERSON, ORG, PLACE, PUBLICATION
    title: str | None = None  # honorific or title printed before the name
    phrase_start: int | None = None
    """Where the name's noun phrase starts when before `start` (`the` in `the
    European Union`, `Senator` in `Senator McCain`; annotate/entities/phrase.py),
    else None; stored with the mention (`phrase_start` in `--json`)."""
    phrase_end: int | None = None
    """Where the phrase ends when after `end` (`Mobile, Alabama`), else None."""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression, normalised as TimeML writes it."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TimeML value: 1950-10-25, 1950-10, 195, P3D, PRESENT_REF, ...
    first_day: str | None = None  # ISO day the expression starts, when a date
    last_day: str | None = None  # ISO day it ends


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a source gives, as an interval, with what it counts."""

    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str | None  # what is counted, as printed ("volunteers", "troops")
    subject: str | None  # the counted thing resolved to an entity, if named
    hedge: str | None = None  # "nearly", "over", "some", ...


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference to a source: `(‘Title’, KCNA, 21 October 2010)`."""

    start: int
    end: int
    text: str
    title: str | None
    outlet: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted or reported speech, its speaker and cue."""

    start: int  # span of the content
    end: int
    text: str
    kind: str  # direct, reported, scare
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    via: str | None = None  # an outlet that reported the speaker ("KCNA")
    citation: int | None = None  # index into the document's citations


@dataclass(frozen=True, slots=True)
class AnnotationFailure:
    """A span one finder could not read: skipped, the rest of the document kept."""

    stage: str  # "annotate"
    finder: str  # sentences, mentions, times, figures, quotes, citations
    start: int  # the span tried; the whole text when the finder failed outright
    end: int
    excerpt: str  # the span's text on one line, cut short
    reason: str  # the error on one line: "ValueError: year 0 is out of range"


@dataclass(frozen=True, slots=True)
class Annotations:
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = ()
    entity_keys: dict[str, str] = field(default_factory=dict)
    """Canonical entity name -> the key `link` resolves it by across documents."""
    failures: tuple[AnnotationFailure, ...] = ()
    """Spans a finder failed on and skipped (issue 13); kept last for old pickles."""
    language: str = "en"
    """The text's language (`annotate/language.py`); in another than English
    only the names the pack lists are found (issue 18)."""


def _pickled_by_fields(cls: type) -> None:
    """Pickle a record as its class and its field values, in order.

    A frozen slots dataclass pickles through the generic `__setstate__` of
    `dataclasses`, which looks up the fields again for every record: 85% of
    the time the writer spent unpickling a worker's results (30,000 records
    a batch of 500 wire stories). Rebuilt by `cls(*values)`, a batch loads
    about 3x faster; the values and equality are unchanged.
    """
    values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))

    def reduce(record: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return cls, values(record)

    setattr(cls, "__reduce__", reduce)  # noqa: B010 (set on the class, after it)


# The records a pool worker sends back, many thousands a batch.
for _record in (
    Source,
    Repair,
    Cleaned,
    Block,
    Removed,
    Metadata,
    Document,
    Signs,
    DocumentFacts,
    Failure,
    SourceResult,
    FileResult,
    Sentence,
    Mention,
    TimeExpression,
    Figure,
    Citation,
    Quote,
    AnnotationFailure,
    Annotations,
    OffsetMap,
    SourceMap,
    Region,
):
    _pickled_by_fields(_record)
