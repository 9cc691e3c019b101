"""Sorted spans that answer `is this position inside one?` in logarithmic time."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class SpanIndex:
    """The union of half-open spans, kept as sorted disjoint runs."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(span for span in spans if span[1] > span[0]):
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        self.starts = starts
        self.ends = ends

    def contains(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]

    def overlap(self, start: int, end: int) -> int:
        """How many characters of `[start, end)` the spans cover."""
        covered = 0
        index = bisect_right(self.starts, end - 1) - 1
        while index >= 0 and self.ends[index] > start:
            covered += min(end, self.ends[index]) - max(start, self.starts[index])
            index -= 1
        return covered
