"""Offset maps: how positions in a rewritten text lead back to the raw file.

Every cleaning step rewrites text through `rewrite`, which returns the new text
and an `OffsetMap` from new positions to old ones; `compose` chains the maps so
that a document's clean text maps straight back to the raw characters.

A map is a run of segments, each `(clean_start, raw_start, clean_len, raw_len)`,
contiguous in clean space. A segment whose two lengths agree is *linear*:
position i maps to raw_start + i. Any other segment is a *replacement*: a span
starting in it maps to its raw start, a span ending in it to its raw end.
Deleted raw characters are gaps between segments' raw ranges.

The segments are held as four columns of machine integers, not a tuple each:
an HTML page of 80,000 tiny paragraphs has 800,000 segments, 185 MB as
tuples and 26 MB as columns (docs/reliability.md, "One page's source map").
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import gt
from typing import Any

Segment = tuple[int, int, int, int]

# Signed 64-bit: a position in any text Python can hold.
_TYPECODE = "q"
# How many segments of a stored map are written to JSON text at a time: the
# text of a chunk, not a string per integer of the whole map, is held.
_JSON_CHUNK = 16_384


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace old text[start:end] with `text`; `kind` names the repair."""

    start: int
    end: int
    text: str
    kind: str


class SegmentWriter:
    """Builds a map's columns one segment at a time, merging as it goes:
    empty segments dropped, linear neighbours joined, clean pieces inside
    one raw replacement kept as one segment.

    `cut` ends a piece: the next segment is not merged with the one before
    (an HTML page's text that extraction moved starts a new piece)."""

    __slots__ = ("_clean", "_clean_len", "_floor", "_raw", "_raw_len")

    def __init__(self) -> None:
        self._clean = array(_TYPECODE)
        self._raw = array(_TYPECODE)
        self._clean_len = array(_TYPECODE)
        self._raw_len = array(_TYPECODE)
        self._floor = 0  # segments before this index are not merged into

    def cut(self) -> None:
        self._floor = len(self._clean)

    def add(
        self, clean_start: int, raw_start: int, clean_len: int, raw_len: int
    ) -> None:
        if clean_len <= 0:
            return
        clean, raw, clean_lens, raw_lens = (
            self._clean,
            self._raw,
            self._clean_len,
            self._raw_len,
        )
        if len(clean) > self._floor:
            p_raw, p_clen, p_rlen = raw[-1], clean_lens[-1], raw_lens[-1]
            p_raw_end = p_raw + p_rlen
            if p_raw_end == raw_start and p_clen == p_rlen and clean_len == raw_len:
                clean_lens[-1] = p_clen + clean_len
                raw_lens[-1] = p_rlen + raw_len
                return
            if raw_start < p_raw_end:
                # Two clean pieces inside one raw replacement: keep one segment.
                if p_clen == p_rlen and p_raw < raw_start:
                    # The linear head before the overlap stays linear: a piece
                    # of a replacement whose lengths agree by chance has been
                    # merged into copied text, and must not drag it along.
                    head = raw_start - p_raw
                    clean_lens[-1] = raw_lens[-1] = head
                    clean.append(clean[-1] + head)
                    raw.append(raw_start)
                    p_clen -= head
                    clean_lens.append(p_clen)
                    raw_lens.append(p_rlen - head)
                    p_raw = raw_start
                clean_lens[-1] = p_clen + clean_len
                raw_lens[-1] = max(p_raw_end, raw_start + raw_len) - p_raw
                return
        clean.append(clean_start)
        raw.append(raw_start)
        clean_lens.append(clean_len)
        raw_lens.append(raw_len)

    def extend(self, segments: Iterable[Segment]) -> None:
        add = self.add
        for segment in segments:
            add(*segment)

    def finish(self, clean_length: int, raw_length: int) -> OffsetMap:
        """The map of the segments added; the writer is done with."""
        return OffsetMap(
            clean_length,
            raw_length,
            self._clean,
            self._raw,
            self._clean_len,
            self._raw_len,
        )


@dataclass(frozen=True, slots=True, eq=False)
class OffsetMap:
    """Maps half-open spans of a clean text to spans of the raw text."""

    clean_length: int
    raw_length: int
    # The segments' columns: clean starts (ascending), raw starts, clean
    # lengths, raw lengths.
    starts: array[int]
    raw_starts: array[int]
    clean_lens: array[int]
    raw_lens: array[int]

    @classmethod
    def build(
        cls, segments: Iterable[Segment], clean_length: int, raw_length: int
    ) -> OffsetMap:
        writer = SegmentWriter()
        writer.extend(segments)
        return writer.finish(clean_length, raw_length)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        segments = [(0, 0, length, length)] if length else []
        return cls.build(segments, length, length)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The segments as tuples: for tests and small maps, not hot paths."""
        return tuple(self.iter_segments())

    def iter_segments(self) -> Iterator[Segment]:
        return zip(
            self.starts, self.raw_starts, self.clean_lens, self.raw_lens, strict=True
        )

    def __len__(self) -> int:
        return len(self.starts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        return (
            self.clean_length == other.clean_length
            and self.raw_length == other.raw_length
            and self.starts == other.starts
            and self.raw_starts == other.raw_starts
            and self.clean_lens == other.clean_lens
            and self.raw_lens == other.raw_lens
        )

    def __hash__(self) -> int:
        return hash((self.clean_length, self.raw_length, self.to_bytes()))

    def with_raw_length(self, raw_length: int) -> OffsetMap:
        """The same segments over a raw text of `raw_length` characters."""
        return OffsetMap(
            self.clean_length,
            raw_length,
            self.starts,
            self.raw_starts,
            self.clean_lens,
            self.raw_lens,
        )

    def raw_start(self, position: int) -> int:
        """Raw position where a clean span starting at `position` begins."""
        if position >= self.clean_length:
            return self.raw_length
        starts = self.starts
        index = bisect_right(starts, position) - 1
        if index < 0:
            return 0
        if self.clean_lens[index] == self.raw_lens[index]:
            return self.raw_starts[index] + (position - starts[index])
        return self.raw_starts[index]

    def raw_end(self, position: int) -> int:
        """Raw position where a clean span ending at `position` ends."""
        if position <= 0:
            return 0
        # A span end at p lies in the segment holding p - 1.
        starts = self.starts
        index = bisect_right(starts, position - 1) - 1
        if index < 0:
            return 0
        raw_len = self.raw_lens[index]
        if self.clean_lens[index] == raw_len:
            return self.raw_starts[index] + (position - starts[index])
        return self.raw_starts[index] + raw_len

    def is_identity(self) -> bool:
        """True when every position maps to itself."""
        return self.clean_length == self.raw_length and (
            not self.starts
            or (
                len(self.starts) == 1
                and self.starts[0] == 0
                and self.raw_starts[0] == 0
                and self.clean_lens[0] == self.raw_lens[0] == self.clean_length
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
        length, raw_length = self.clean_length, self.raw_length
        if len(self.starts) == 1 and self.starts[0] == 0 and self.is_linear(0):
            # One copied stretch (a plain text file): a shift, no search.
            shift = self.raw_starts[0]
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
        # `raw_start` and `raw_end` inline, the columns bound once: a call
        # and four attribute reads a span were a third of the time.
        columns, raws = self.starts, self.raw_starts
        clean_lens, raw_lens = self.clean_lens, self.raw_lens
        raw_starts = []
        for s in starts:
            if s >= length:
                raw_starts.append(raw_length)
                continue
            index = bisect_right(columns, s) - 1
            if index < 0:
                raw_starts.append(0)
            elif clean_lens[index] == raw_lens[index]:
                raw_starts.append(raws[index] + s - columns[index])
            else:
                raw_starts.append(raws[index])
        raw_ends = []
        for s, e, a in zip(starts, ends, raw_starts, strict=True):
            if e <= s:
                raw_ends.append(a)
                continue
            index = bisect_right(columns, e - 1) - 1 if e > 0 else -1
            if index < 0:
                raw_ends.append(0)
                continue
            raw_len = raw_lens[index]
            if clean_lens[index] == raw_len:
                raw_ends.append(raws[index] + e - columns[index])
            else:
                raw_ends.append(raws[index] + raw_len)
        return raw_starts, raw_ends

    def is_linear(self, index: int) -> bool:
        """True when segment `index` maps each position to one raw position."""
        return bool(self.clean_lens[index] == self.raw_lens[index])

    def to_bytes(self) -> bytes:
        """Compact storage: the flat integers as 64-bit machine words."""
        return self._flat().tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> OffsetMap:
        flat = array(_TYPECODE)
        flat.frombytes(data)
        return cls.from_list(flat)

    def to_list(self) -> list[int]:
        """Flat integers for storage; `from_list` reads them back."""
        return self._flat().tolist()

    def _flat(self, first: int = 0, stop: int | None = None) -> array[int]:
        """Each segment's four integers in turn, of segments [first, stop);
        the whole map (no bounds) starts with the clean and raw length."""
        whole = first == 0 and stop is None
        count = len(self.starts)
        stop = count if stop is None else min(stop, count)
        head = 2 if whole else 0
        flat = array(_TYPECODE, bytes(8 * (head + 4 * (stop - first))))
        if whole:
            flat[0], flat[1] = self.clean_length, self.raw_length
        flat[head::4] = self.starts[first:stop]
        flat[head + 1 :: 4] = self.raw_starts[first:stop]
        flat[head + 2 :: 4] = self.clean_lens[first:stop]
        flat[head + 3 :: 4] = self.raw_lens[first:stop]
        return flat

    def json_chunks(self) -> Iterator[str]:
        """`json.dumps(self.to_list())` in pieces, a chunk of segments at a
        time: the text of a map of millions of integers without a string
        and a Python integer for each, or a flat copy, held at once."""
        yield f"[{self.clean_length}, {self.raw_length}"
        for first in range(0, len(self.starts), _JSON_CHUNK):
            flat = self._flat(first, first + _JSON_CHUNK)
            yield ", " + ", ".join(map(str, flat))
        yield "]"

    @classmethod
    def from_list(cls, flat: Sequence[int]) -> OffsetMap:
        columns = flat if isinstance(flat, array) else array(_TYPECODE, flat)
        return cls(
            int(columns[0]),
            int(columns[1]),
            columns[2::4],
            columns[3::4],
            columns[4::4],
            columns[5::4],
        )


def rewrite(text: str, edits: Sequence[Edit]) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping edits; return new text and its map to `text`."""
    if not edits:
        return text, OffsetMap.identity(len(text))
    parts: list[str] = []
    writer = SegmentWriter()
    old = 0
    new = 0
    for edit in edits:
        if edit.start < old:
            raise ValueError(f"overlapping edit at {edit.start} ({edit.kind})")
        if edit.start > old:
            length = edit.start - old
            parts.append(text[old : edit.start])
            writer.add(new, old, length, length)
            new += length
        parts.append(edit.text)
        writer.add(new, edit.start, len(edit.text), edit.end - edit.start)
        new += len(edit.text)
        old = edit.end
    if old < len(text):
        length = len(text) - old
        parts.append(text[old:])
        writer.add(new, old, length, length)
        new += length
    return "".join(parts), writer.finish(new, len(text))


def compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """`inner` maps clean -> mid and `outer` maps mid -> raw: return clean -> raw."""
    if outer.is_identity():
        # Most texts need no length-changing repair: nothing to compose.
        return inner.with_raw_length(outer.raw_length)
    if inner.is_identity() and inner.clean_length == outer.clean_length:
        return outer
    writer = SegmentWriter()
    add = writer.add
    for clean_start, mid_start, clean_len, mid_len in inner.iter_segments():
        if clean_len != mid_len:
            if mid_len == 0:
                add(clean_start, outer.raw_start(mid_start), clean_len, 0)
            else:
                raw_start, raw_end = outer.to_raw(mid_start, mid_start + mid_len)
                add(clean_start, raw_start, clean_len, raw_end - raw_start)
            continue
        _add_linear(writer, outer, clean_start, mid_start, mid_len)
    return writer.finish(inner.clean_length, outer.raw_length)


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
    ordered = True  # every piece after the one before, none overlapping
    last_end = 0
    starts, clean_lens, raw_lens = offsets.starts, offsets.clean_lens, offsets.raw_lens
    for number, (start, end) in enumerate(pieces):
        if start < last_end or end < start:
            ordered = False
        last_end = end
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
            o_clen = clean_lens[index]
            direct = o_clen == raw_lens[index] and end <= starts[index] + o_clen
    joined = "".join(parts)
    if direct:
        # One document a paragraph or a few, each in copied text: shift each
        # piece by its segment's offset, without a general compose (50 us a
        # document, a sixth of a wire archive's build).
        writer = SegmentWriter()
        for position, source, clean_len, raw_len in segments:
            writer.add(position, offsets.raw_start(source), clean_len, raw_len)
        return joined, writer.finish(new, offsets.raw_length)
    if ordered and sep and len(segments) > 1 and not offsets.is_identity():
        # Pieces in order with a separator between: the map `build` would
        # make of `segments` is `segments` itself (nothing merges), so they
        # go through `offsets` as `compose` would take them, the inner map
        # never made (a glued name's inserted space leaves 782 of
        # kcna-2024's 1,840 documents here; issue 14).
        return joined, _through(offsets, segments, new)
    local = OffsetMap.build(segments, new, len(text))
    return joined, compose(offsets, local)


def _add_linear(
    writer: SegmentWriter,
    outer: OffsetMap,
    clean_start: int,
    mid_start: int,
    mid_len: int,
) -> None:
    """A linear piece of an inner map (clean -> mid, same length) added as
    clean -> raw, split where `outer`'s segments change."""
    add = writer.add
    o_starts, o_raws = outer.starts, outer.raw_starts
    o_clens, o_rlens = outer.clean_lens, outer.raw_lens
    count = len(o_starts)
    position = mid_start
    mid_end = mid_start + mid_len
    index = max(bisect_right(o_starts, position) - 1, 0)
    while position < mid_end and index < count:
        o_clean, o_clen, o_rlen = o_starts[index], o_clens[index], o_rlens[index]
        piece_end = min(mid_end, o_clean + o_clen)
        if piece_end <= position:
            index += 1
            continue
        offset = clean_start + (position - mid_start)
        if o_clen == o_rlen:
            raw = o_raws[index] + (position - o_clean)
            add(offset, raw, piece_end - position, piece_end - position)
        else:
            add(offset, o_raws[index], piece_end - position, o_rlen)
        position = piece_end
        index += 1


def _through(
    outer: OffsetMap, segments: Sequence[Segment], clean_length: int
) -> OffsetMap:
    """`compose(outer, OffsetMap.build(segments, ...))` for segments that
    `build` keeps as they are: the same `add` calls, in the same order."""
    writer = SegmentWriter()
    add = writer.add
    for clean_start, mid_start, clean_len, mid_len in segments:
        if clean_len <= 0:
            continue  # `build` drops empty segments
        if clean_len != mid_len:
            # A separator: `mid_len` is 0.
            add(clean_start, outer.raw_start(mid_start), clean_len, 0)
            continue
        _add_linear(writer, outer, clean_start, mid_start, mid_len)
    return writer.finish(clean_length, outer.raw_length)


_OFFSETS_KEY = '"offsets": ['
# How many characters of a stored list of integers are parsed at a time.
_PARSE_CHUNK = 1 << 20


def _parse_integers(text: str, start: int, end: int) -> array[int]:
    """The comma-separated integers of text[start:end], a chunk at a time."""
    parsed = array(_TYPECODE)
    position = start
    while position < end:
        stop = min(position + _PARSE_CHUNK, end)
        if stop < end:
            # Cut at a comma, so that no integer is split across chunks.
            cut = text.rfind(",", position, stop)
            if cut <= position:
                cut = text.find(",", stop, end)
            stop = end if cut < 0 else cut
        piece = text[position:stop]
        if piece.strip():
            parsed.extend(map(int, piece.split(",")))
        position = stop + 1
    return parsed


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
            **self._json_fields(),
        }

    def _json_fields(self) -> dict[str, object]:
        return {
            "line": self.line,
            "pages": list(self.pages),
            "approximate": [
                [r.start, r.end, r.file_start, r.file_end] for r in self.approximate
            ],
            "breaks": list(self.breaks),
            "skips": list(self.skips),
        }

    def to_json_text(self) -> str:
        """`json.dumps(self.to_json())`, the same text, made without the
        offsets as a list of Python integers: for a page of 800,000
        segments that list and its strings were the writer's largest."""
        if len(self.offsets) < _JSON_CHUNK:
            # A map of one chunk or less (a JSONL record's, a text file's):
            # one `json.dumps`, a third of the time of the pieces joined
            # (50 us a source, kcna-2024's 1,840 sources; issue 14).
            return json.dumps(self.to_json())
        head = json.dumps({"format": self.format})
        tail = json.dumps(self._json_fields())
        return "".join(
            [head[:-1], ', "offsets": ', *self.offsets.json_chunks(), ", ", tail[1:]]
        )

    @classmethod
    def from_json_text(cls, text: str) -> SourceMap:
        """`from_json(json.loads(text))`, the same map, read without the
        offsets as a list of Python integers (a page of 800,000 segments:
        3.2 M integers, some 150 MB for a moment, at each read)."""
        start = text.find(_OFFSETS_KEY)
        end = text.find("]", start)
        if start < 0 or end < 0:
            return cls.from_json(json.loads(text))
        # The key is the only place the text holds it unescaped: the other
        # values are the format's name and lists of integers.
        data = json.loads(f"{text[:start]}{_OFFSETS_KEY}]{text[end + 1 :]}")
        data["offsets"] = _parse_integers(text, start + len(_OFFSETS_KEY), end)
        return cls.from_json(data)

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
