"""Offset maps: how positions in a rewritten text lead back to the raw file.

Every cleaning step rewrites text through `rewrite`, which returns the new text
and an `OffsetMap` from new positions to old ones; `compose` chains the maps so
that a document's clean text maps straight back to the raw characters.

A map is a run of segments, each `(clean_start, raw_start, clean_len, raw_len)`,
contiguous in clean space. A segment whose two lengths agree is *linear*:
position i maps to raw_start + i. Any other segment is a *replacement*: a span
starting in it maps to its raw start, a span ending in it to its raw end.
Deleted raw characters are gaps between segments' raw ranges.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import gt
from typing import Any

Segment = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace old text[start:end] with `text`; `kind` names the repair."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps half-open spans of a clean text to spans of the raw text."""

    segments: tuple[Segment, ...]
    clean_length: int
    raw_length: int
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def build(
        cls, segments: Iterable[Segment], clean_length: int, raw_length: int
    ) -> OffsetMap:
        merged = _normalise(segments)
        return cls(tuple(merged), clean_length, raw_length, tuple(s[0] for s in merged))

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        segments = [(0, 0, length, length)] if length else []
        return cls.build(segments, length, length)

    def _find(self, position: int, *, end: bool) -> Segment | None:
        # A span end at p lies in the segment holding p - 1.
        key = position - 1 if end else position
        index = bisect_right(self._starts, key) - 1
        if index < 0:
            return None
        return self.segments[index]

    def raw_start(self, position: int) -> int:
        """Raw position where a clean span starting at `position` begins."""
        if position >= self.clean_length:
            return self.raw_length
        segment = self._find(position, end=False)
        if segment is None:
            return 0
        clean_start, raw_start, clean_len, raw_len = segment
        if clean_len == raw_len:
            return raw_start + (position - clean_start)
        return raw_start

    def raw_end(self, position: int) -> int:
        """Raw position where a clean span ending at `position` ends."""
        if position <= 0:
            return 0
        segment = self._find(position, end=True)
        if segment is None:
            return 0
        clean_start, raw_start, clean_len, raw_len = segment
        if clean_len == raw_len:
            return raw_start + (position - clean_start)
        return raw_start + raw_len

    def is_identity(self) -> bool:
        """True when every position maps to itself."""
        return self.clean_length == self.raw_length and (
            not self.segments
            or (
                len(self.segments) == 1
                and self.segments[0][:2] == (0, 0)
                and self.segments[0][2] == self.segments[0][3] == self.clean_length
            )
        )

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span that holds clean text[start:end]."""
        if end <= start:
            point = self.raw_start(start)
            return point, point
        return self.raw_start(start), self.raw_end(end)

    def to_raw_many(
        self, starts: Sequence[int], ends: Sequence[int]
    ) -> tuple[list[int], list[int]]:
        """`to_raw` of many spans at once, the same answers without a method
        call per span: `show` of a document of 120,000 annotations spent
        0.4 s in `to_raw` and `locate` alone (#17)."""
        segments = self.segments
        length, raw_length = self.clean_length, self.raw_length
        if len(segments) == 1 and segments[0][0] == 0 and self.is_linear(0):
            # One copied stretch (a plain text file): a shift, no search.
            shift = segments[0][1]
            if (
                starts
                and min(starts) >= 0
                and max(starts) < length
                and all(map(gt, ends, starts))
            ):
                # Every span inside the text and not empty, as annotations
                # are: the shift alone, at C speed.
                return list(map(shift.__add__, starts)), list(map(shift.__add__, ends))
            raw_starts = [
                raw_length if s >= length else (s + shift if s >= 0 else 0)
                for s in starts
            ]
            raw_ends = [
                a if e <= s else (e + shift if e > 0 else 0)
                for s, e, a in zip(starts, ends, raw_starts, strict=True)
            ]
            return raw_starts, raw_ends
        raw_starts = [self.raw_start(s) for s in starts]
        raw_ends = [
            a if e <= s else self.raw_end(e)
            for s, e, a in zip(starts, ends, raw_starts, strict=True)
        ]
        return raw_starts, raw_ends

    def is_linear(self, index: int) -> bool:
        """True when segment `index` maps each position to one raw position."""
        _, _, clean_len, raw_len = self.segments[index]
        return clean_len == raw_len

    def to_bytes(self) -> bytes:
        """Compact storage: the flat integers as 64-bit machine words."""
        return array("q", self.to_list()).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> OffsetMap:
        flat = array("q")
        flat.frombytes(data)
        return cls.from_list(flat)

    def to_list(self) -> list[int]:
        """Flat integers for storage; `from_list` reads them back."""
        flat = [self.clean_length, self.raw_length]
        for segment in self.segments:
            flat.extend(segment)
        return flat

    @classmethod
    def from_list(cls, flat: Sequence[int]) -> OffsetMap:
        clean_length, raw_length = flat[0], flat[1]
        segments = [
            (flat[i], flat[i + 1], flat[i + 2], flat[i + 3])
            for i in range(2, len(flat), 4)
        ]
        return cls(
            tuple(segments), clean_length, raw_length, tuple(s[0] for s in segments)
        )


def _normalise(segments: Iterable[Segment]) -> list[Segment]:
    """Drop empty segments, merge linear neighbours and overlapping replacements."""
    merged: list[Segment] = []
    for segment in segments:
        _, raw_start, clean_len, raw_len = segment
        if clean_len <= 0:
            continue
        if merged:
            p_clean, p_raw, p_clen, p_rlen = merged[-1]
            both_linear = p_clen == p_rlen and clean_len == raw_len
            if both_linear and p_raw + p_rlen == raw_start:
                merged[-1] = (p_clean, p_raw, p_clen + clean_len, p_rlen + raw_len)
                continue
            if raw_start < p_raw + p_rlen:
                # Two clean pieces inside one raw replacement: keep one segment.
                if p_clen == p_rlen and p_raw < raw_start:
                    # The linear head before the overlap stays linear: a piece
                    # of a replacement whose lengths agree by chance has been
                    # merged into copied text, and must not drag it along.
                    head = raw_start - p_raw
                    merged[-1] = (p_clean, p_raw, head, head)
                    p_clean, p_raw, p_clen, p_rlen = (
                        p_clean + head,
                        raw_start,
                        p_clen - head,
                        p_rlen - head,
                    )
                    merged.append((p_clean, p_raw, p_clen, p_rlen))
                raw_end = max(p_raw + p_rlen, raw_start + raw_len)
                merged[-1] = (p_clean, p_raw, p_clen + clean_len, raw_end - p_raw)
                continue
        merged.append(segment)
    return merged


def rewrite(text: str, edits: Sequence[Edit]) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping edits; return new text and its map to `text`."""
    if not edits:
        return text, OffsetMap.identity(len(text))
    parts: list[str] = []
    segments: list[Segment] = []
    old = 0
    new = 0
    for edit in edits:
        if edit.start < old:
            raise ValueError(f"overlapping edit at {edit.start} ({edit.kind})")
        if edit.start > old:
            length = edit.start - old
            parts.append(text[old : edit.start])
            segments.append((new, old, length, length))
            new += length
        parts.append(edit.text)
        segments.append((new, edit.start, len(edit.text), edit.end - edit.start))
        new += len(edit.text)
        old = edit.end
    if old < len(text):
        length = len(text) - old
        parts.append(text[old:])
        segments.append((new, old, length, length))
        new += length
    return "".join(parts), OffsetMap.build(segments, new, len(text))


def compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """`inner` maps clean -> mid and `outer` maps mid -> raw: return clean -> raw."""
    if outer.is_identity():
        # Most texts need no length-changing repair: nothing to compose.
        return OffsetMap(
            inner.segments, inner.clean_length, outer.raw_length, inner._starts
        )
    if inner.is_identity() and inner.clean_length == outer.clean_length:
        return outer
    result: list[Segment] = []
    outer_starts = outer._starts
    for clean_start, mid_start, clean_len, mid_len in inner.segments:
        if clean_len != mid_len:
            if mid_len == 0:
                point = outer.raw_start(mid_start)
                result.append((clean_start, point, clean_len, 0))
            else:
                raw_start, raw_end = outer.to_raw(mid_start, mid_start + mid_len)
                result.append((clean_start, raw_start, clean_len, raw_end - raw_start))
            continue
        # A linear piece: split it where the outer map's segments change.
        position = mid_start
        mid_end = mid_start + mid_len
        index = max(bisect_right(outer_starts, position) - 1, 0)
        while position < mid_end and index < len(outer.segments):
            o_clean, o_raw, o_clen, o_rlen = outer.segments[index]
            piece_end = min(mid_end, o_clean + o_clen)
            if piece_end <= position:
                index += 1
                continue
            offset = clean_start + (position - mid_start)
            if o_clen == o_rlen:
                raw = o_raw + (position - o_clean)
                result.append((offset, raw, piece_end - position, piece_end - position))
            else:
                result.append((offset, o_raw, piece_end - position, o_rlen))
            position = piece_end
            index += 1
    return OffsetMap.build(result, inner.clean_length, outer.raw_length)


def join_slices(
    text: str, offsets: OffsetMap, pieces: Sequence[tuple[int, int]], sep: str
) -> tuple[str, OffsetMap]:
    """Join slices of `text` with `sep`; map the result through `offsets` to raw.

    Separators map to an empty raw point at the start of the slice they precede.
    """
    segments: list[Segment] = []
    parts: list[str] = []
    new = 0
    direct = True  # every piece inside one linear segment of `offsets`
    starts = offsets._starts
    for number, (start, end) in enumerate(pieces):
        if number:
            parts.append(sep)
            segments.append((new, start, len(sep), 0))
            new += len(sep)
        parts.append(text[start:end])
        segments.append((new, start, end - start, end - start))
        new += end - start
        if direct and end > start:
            index = bisect_right(starts, start) - 1
            if index < 0:
                direct = False
                continue
            o_clean, _, o_clen, o_rlen = offsets.segments[index]
            direct = o_clen == o_rlen and end <= o_clean + o_clen
    joined = "".join(parts)
    if direct:
        # One document a paragraph or a few, each in copied text: shift each
        # piece by its segment's offset, without a general compose (50 us a
        # document, a sixth of a wire archive's build).
        shifted: list[Segment] = []
        for position, source, clean_len, raw_len in segments:
            if raw_len == 0:
                shifted.append((position, offsets.raw_start(source), clean_len, 0))
            else:
                raw = offsets.raw_start(source)
                shifted.append((position, raw, clean_len, raw_len))
        return joined, OffsetMap.build(shifted, new, offsets.raw_length)
    local = OffsetMap.build(segments, new, len(text))
    return joined, compose(offsets, local)


@dataclass(frozen=True, slots=True)
class Region:
    """Source text at [start, end) that the reader could place only inside an
    element of the file, [file_start, file_end)."""

    start: int
    end: int
    file_start: int
    file_end: int


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Where a source's raw text lies in its file, as the reader of its format
    knows it (docs/contracts.md, "Locators").

    `offsets` maps raw positions to positions in the located text: the decoded
    file (`text`), the record's line (`jsonl`), the markup (`html`), or the
    pages' texts joined by form feeds (`pdf`, `pages` holding where each page
    starts).
    """

    format: str
    offsets: OffsetMap
    line: int = 0
    pages: tuple[int, ...] = ()
    approximate: tuple[Region, ...] = ()
    breaks: tuple[int, ...] = ()
    """Raw positions where the text jumps back in the file (an HTML extractor
    moved it): a span across one gets the range around its pieces."""
    skips: tuple[int, ...] = ()
    """Raw positions where the text skips file text (an HTML extractor left
    out a caption): a span across one holds more than its text."""

    @classmethod
    def text(cls, length: int) -> SourceMap:
        return cls("text", OffsetMap.identity(length))

    def locate(self, start: int, end: int) -> dict[str, object]:
        """The locator of raw text[start:end] in the file."""
        file_start, file_end = self.offsets.to_raw(start, end)
        approximate = False
        inside = [b for b in self.breaks if start < b < end]
        if inside:
            edges = [start, *inside, end]
            ranges = [self.offsets.to_raw(a, b) for a, b in pairwise(edges)]
            file_start = min(r[0] for r in ranges)
            file_end = max(r[1] for r in ranges)
            approximate = True
        for region in self.approximate:
            if region.start < max(end, start + 1) and start < region.end:
                file_start = min(file_start, region.file_start)
                file_end = max(file_end, region.file_end)
                approximate = True
        if any(start < skip < end for skip in self.skips):
            approximate = True
        locator: dict[str, object] = {"format": self.format}
        if self.format == "jsonl":
            locator["line"] = self.line
        if self.format == "pdf" and self.pages:
            page = max(bisect_right(self.pages, file_start) - 1, 0)
            last = max(bisect_right(self.pages, max(file_end - 1, file_start)) - 1, 0)
            locator["page"] = page + 1
            if last != page:
                locator["end_page"] = last + 1
            file_start -= self.pages[page]
            file_end -= self.pages[last]
        locator["start"] = file_start
        locator["end"] = file_end
        if self.format == "html":
            locator["approximate"] = approximate
        return locator

    def is_plain(self) -> bool:
        """True when every locator is `format`, `line` (JSONL), `start` and
        `end` only, the ends mapped through `offsets`: no page, region or
        break to look up (text and JSONL files)."""
        return self.format in ("text", "jsonl") and not (
            self.breaks or self.approximate or self.skips
        )

    def locate_many(
        self, starts: Sequence[int], ends: Sequence[int]
    ) -> list[dict[str, object]]:
        """`locate` of many raw spans at once, the same locators (#17)."""
        if not self.is_plain():
            return [self.locate(s, e) for s, e in zip(starts, ends, strict=True)]
        file_starts, file_ends = self.offsets.to_raw_many(starts, ends)
        if self.format == "jsonl":
            line = self.line
            return [
                {"format": "jsonl", "line": line, "start": s, "end": e}
                for s, e in zip(file_starts, file_ends, strict=True)
            ]
        return [
            {"format": self.format, "start": s, "end": e}
            for s, e in zip(file_starts, file_ends, strict=True)
        ]

    def to_json(self) -> dict[str, object]:
        """Plain JSON for storage; `from_json` reads it back."""
        return {
            "format": self.format,
            "offsets": self.offsets.to_list(),
            "line": self.line,
            "pages": list(self.pages),
            "approximate": [
                [r.start, r.end, r.file_start, r.file_end] for r in self.approximate
            ],
            "breaks": list(self.breaks),
            "skips": list(self.skips),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SourceMap:
        return cls(
            str(data["format"]),
            OffsetMap.from_list(data["offsets"]),
            int(data.get("line", 0)),
            tuple(data.get("pages", ())),
            tuple(Region(*r) for r in data.get("approximate", ())),
            tuple(data.get("breaks", ())),
            tuple(data.get("skips", ())),
        )
