"""One document as every finder reads it: built once, handed to each in turn.

`read_text` makes the `Reading` of a document's clean text: the text and its
lower-cased copy, its paragraphs, the one sentence split every finder uses
(and `annotate` stores), the anchor date, and what earlier finders made that
later ones read (mentions, citations). `scratch` keeps per-document lookups a
finder works out once and asks for again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from dossier.annotate.failures import Failures, strict_or
from dossier.annotate.sentences import split_sentences
from dossier.model import Citation, Mention, Sentence

T = TypeVar("T")


@dataclass(slots=True, eq=False)
class Reading:
    """A document's clean text and what every finder reads of it."""

    text: str
    lower: str  # `text.lower()`; same offsets but for `İ` and the Kelvin sign
    anchor: str | None  # the document date, an ISO prefix (`2021-10-16`)
    paragraphs: tuple[tuple[int, int], ...]  # (start, end), cut at blank lines
    sentences: tuple[Sentence, ...]
    failures: Failures
    model: str | None = None  # a spaCy pipeline merged with the entity rules
    language: str = "en"  # `language.language_of`; English rules run on "en" only
    mentions: tuple[Mention, ...] = ()  # the entity finder's, once it has run
    citations: tuple[Citation, ...] = ()  # the citation finder's
    scratch: dict[str, Any] = field(default_factory=dict, repr=False)

    def remember(self, name: str, make: Callable[[], T]) -> T:
        """The value `make` gives, made once for this document."""
        if name not in self.scratch:
            self.scratch[name] = make()
        return cast(T, self.scratch[name])

    @property
    def bounds(self) -> Bounds:
        """Sentence lookups by position over the one split."""
        return self.remember("bounds", lambda: Bounds(self.text, self.sentences))


class Bounds:
    """Where the sentence around a position starts and the next one starts.

    A position between two sentences (the space after a stop) belongs to the
    one before it; text before the first sentence starts at 0.
    """

    __slots__ = ("length", "starts")

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        self.length = len(text)
        self.starts = [0, *(s.start for s in sentences if s.start > 0)]

    def start_of(self, position: int) -> int:
        return self.starts[bisect_right(self.starts, position) - 1]

    def end_of(self, position: int) -> int:
        index = bisect_right(self.starts, position)
        return self.starts[index] if index < len(self.starts) else self.length


def read_text(
    text: str,
    *,
    anchor: str | None = None,
    model: str | None = None,
    mentions: tuple[Mention, ...] = (),
    citations: tuple[Citation, ...] = (),
    failures: Failures | None = None,
) -> Reading:
    """The `Reading` of one document's clean text. A paragraph the sentence
    rule trips on is noted in `failures` (raised when None)."""
    failures = strict_or(failures, text)
    sentences = failures.attempt(
        "sentences", 0, len(text), split_sentences, text, failures=failures
    )
    return Reading(
        text=text,
        lower=text.lower(),
        anchor=anchor,
        paragraphs=tuple(_paragraphs(text)),
        sentences=tuple(sentences or ()),
        failures=failures,
        model=model,
        mentions=mentions,
        citations=citations,
    )


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    offset = 0
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return spans
