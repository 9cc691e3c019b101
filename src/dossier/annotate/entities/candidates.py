"""A span that may name an entity, before the document's names are resolved."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Where a candidate came from; on overlap the earlier kind wins unless the
# later one is strictly longer (an organisation named after a person).
PACK = "pack"
DEFINED = "defined"  # long form of an acronym defined in the text
SHAPE = "shape"
MODEL = "model"


# Not frozen: a frozen dataclass's `__init__` sets each field through
# `object.__setattr__`, about 3x slower, and a document makes hundreds of these.
# Nothing assigns to one; equal and hashable by value as before.
@dataclass(slots=True, unsafe_hash=True)
class Candidate:
    start: int
    end: int
    text: str
    type: str | None  # PERSON, ORG, PLACE, PUBLICATION; None until typed
    entity: str | None  # canonical name, when the pack or a definition gives it
    source: str
    title: str | None = None
    sentence_start: bool = False  # first word of a sentence (capitalised by position)

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


_START = operator.attrgetter("start")


def without_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Longest first, then leftmost: a span set in which no two overlap."""
    ordered = sorted(candidates, key=_START)
    # Often no two overlap (kcna-2024: 2,343 of 3,680 calls): then all are
    # kept, in text order, and the longest-first walk below (a sort, a
    # bisection and an insertion per candidate) is skipped.
    end = -1
    for candidate in ordered:
        if candidate.start < end or candidate.start >= candidate.end:
            break
        end = candidate.end
    else:
        return ordered
    return longest_first(ordered)


def longest_first(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Longest first, then leftmost, each kept if it overlaps none kept."""
    starts: list[int] = []
    chosen: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        at = bisect.bisect_right(starts, candidate.start)
        if at > 0 and chosen[at - 1].end > candidate.start:
            continue
        if at < len(chosen) and chosen[at].start < candidate.end:
            continue
        starts.insert(at, candidate.start)
        chosen.insert(at, candidate)
    return chosen


def within(spans: Sequence[tuple[int, int]], position: int) -> bool:
    """Whether `position` falls in one of `spans` (sorted, apart)."""
    at = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= position < spans[at][1]
