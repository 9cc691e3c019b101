"""The offset map held as columns gives the answers the map of tuples gave.

`OffsetMap` kept a tuple per segment until an HTML page of 80,000 tiny
paragraphs held 185 MB of them (docs/reliability.md, "One page's source
map"). The reference below is that map's logic, kept here as the oracle:
the same segments from the same stream, the same raw positions for every
clean position, the same composition, the same stored text.
"""

from __future__ import annotations

import json
import tracemalloc
from bisect import bisect_right
from itertools import pairwise

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from dossier import offsets as offsets_module
from dossier.offsets import (
    Edit,
    OffsetMap,
    Region,
    Segment,
    SegmentWriter,
    SourceMap,
    compose,
    join_slices,
    rewrite,
)
from dossier.read import markup as markup_module
from dossier.read.markup import align
from tests.pages import PAGES, extracted
from tests.properties import examples

# --- the reference: segments as tuples ----------------------------------------


def reference_normalise(segments: list[Segment]) -> list[Segment]:
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
                if p_clen == p_rlen and p_raw < raw_start:
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


def reference_raw_start(
    segments: list[Segment], clean_length: int, raw_length: int, position: int
) -> int:
    if position >= clean_length:
        return raw_length
    index = bisect_right([s[0] for s in segments], position) - 1
    if index < 0:
        return 0
    clean_start, raw_start, clean_len, raw_len = segments[index]
    if clean_len == raw_len:
        return raw_start + (position - clean_start)
    return raw_start


def reference_raw_end(segments: list[Segment], position: int) -> int:
    if position <= 0:
        return 0
    index = bisect_right([s[0] for s in segments], position - 1) - 1
    if index < 0:
        return 0
    clean_start, raw_start, clean_len, raw_len = segments[index]
    if clean_len == raw_len:
        return raw_start + (position - clean_start)
    return raw_start + raw_len


# --- random segment streams ---------------------------------------------------

# Each step: clean length, raw step from the last raw start (negative: an
# overlap, as pieces of one replacement give), raw length, and a cut before.
_STEPS = st.lists(
    st.tuples(st.integers(0, 4), st.integers(-3, 6), st.integers(0, 4), st.booleans()),
    max_size=40,
)


def _stream(
    steps: list[tuple[int, int, int, bool]],
) -> tuple[list[list[Segment]], int, int]:
    """Pieces of segments contiguous in clean space, the clean and raw lengths."""
    pieces: list[list[Segment]] = [[]]
    clean = raw = raw_end = 0
    for clean_len, step, raw_len, cut in steps:
        if cut and pieces[-1]:
            pieces.append([])
        raw = max(raw + step, 0)
        pieces[-1].append((clean, raw, clean_len, raw_len))
        clean += clean_len
        raw_end = max(raw_end, raw + raw_len)
    return pieces, clean, raw_end + 2


@settings(max_examples=examples(100))
@given(steps=_STEPS)
def test_writer_gives_the_reference_segments_and_answers(
    steps: list[tuple[int, int, int, bool]],
) -> None:
    pieces, clean_length, raw_length = _stream(steps)
    writer = SegmentWriter()
    for number, piece in enumerate(pieces):
        if number:
            writer.cut()
        writer.extend(piece)
    offsets = writer.finish(clean_length, raw_length)
    expected = [s for piece in pieces for s in reference_normalise(piece)]
    assert list(offsets.segments) == expected
    for position in range(-1, clean_length + 2):
        assert offsets.raw_start(position) == reference_raw_start(
            expected, clean_length, raw_length, position
        )
        assert offsets.raw_end(position) == reference_raw_end(expected, position)
    # Every span, empty and reversed ones too, as `to_raw_many` maps them.
    spans = [
        (s, e) for s in range(-1, clean_length + 2) for e in range(-1, clean_length + 2)
    ]
    raw_starts, raw_ends = offsets.to_raw_many(
        [s for s, _ in spans], [e for _, e in spans]
    )
    for (s, e), got_start, got_end in zip(spans, raw_starts, raw_ends, strict=True):
        start = reference_raw_start(expected, clean_length, raw_length, s)
        assert (got_start, got_end) == (
            start,
            start if e <= s else reference_raw_end(expected, e),
        )


def reference_compose(
    outer: list[Segment], outer_lengths: tuple[int, int], inner: list[Segment]
) -> list[Segment]:
    clean_length, raw_length = outer_lengths
    starts = [s[0] for s in outer]
    result: list[Segment] = []
    for clean_start, mid_start, clean_len, mid_len in inner:
        if clean_len != mid_len:
            raw = reference_raw_start(outer, clean_length, raw_length, mid_start)
            if mid_len == 0:
                result.append((clean_start, raw, clean_len, 0))
            else:
                raw_end = reference_raw_end(outer, mid_start + mid_len)
                result.append((clean_start, raw, clean_len, raw_end - raw))
            continue
        position, mid_end = mid_start, mid_start + mid_len
        index = max(bisect_right(starts, position) - 1, 0)
        while position < mid_end and index < len(outer):
            o_clean, o_raw, o_clen, o_rlen = outer[index]
            piece_end = min(mid_end, o_clean + o_clen)
            if piece_end <= position:
                index += 1
                continue
            offset = clean_start + (position - mid_start)
            size = piece_end - position
            if o_clen == o_rlen:
                result.append((offset, o_raw + (position - o_clean), size, size))
            else:
                result.append((offset, o_raw, size, o_rlen))
            position = piece_end
            index += 1
    return reference_normalise(result)


@settings(max_examples=examples(100))
@given(steps=_STEPS, data=st.data())
def test_compose_and_join_give_the_reference_segments(
    steps: list[tuple[int, int, int, bool]], data: st.DataObject
) -> None:
    pieces, clean_length, raw_length = _stream(steps)
    flat = [s for p in pieces for s in p]
    outer = OffsetMap.build(flat, clean_length, raw_length)
    outer_segments = reference_normalise(flat)
    text = "ab c\nd" * (clean_length // 6 + 1)
    text = text[:clean_length]
    # An inner map as cleaning makes one: edits of the outer map's clean text.
    points = sorted(data.draw(st.lists(st.integers(0, clean_length), max_size=6)))
    edits = [
        Edit(a, b, data.draw(st.sampled_from(["", "-", "xy"])), "test")
        for a, b in zip(points[::2], points[1::2], strict=False)
    ]
    _, inner = rewrite(text, edits)
    composed = compose(outer, inner)
    if inner.is_identity():
        assert composed == outer
    elif not outer.is_identity():
        assert list(composed.segments) == reference_compose(
            outer_segments, (clean_length, raw_length), list(inner.segments)
        )
    # Joined slices: a character the outer map copies maps where it sends it.
    slices = [(a, b) for a, b in pairwise(points) if b > a]
    joined, mapped = join_slices(text, outer, slices, "\n")
    assert mapped.clean_length == len(joined)
    position = 0
    for number, (start, end) in enumerate(slices):
        position += 1 if number else 0
        for offset in range(end - start):
            clean = start + offset
            index = bisect_right([s[0] for s in outer_segments], clean) - 1
            if index < 0 or outer_segments[index][2] != outer_segments[index][3]:
                continue
            assert mapped.to_raw(position + offset, position + offset + 1) == (
                reference_raw_start(outer_segments, clean_length, raw_length, clean),
                reference_raw_end(outer_segments, clean + 1),
            )
        position += end - start


@settings(max_examples=examples(100))
@given(
    steps=_STEPS,
    line=st.integers(0, 5),
    breaks=st.lists(st.integers(0, 50), max_size=3),
)
def test_stored_forms_read_back_the_same_map(
    steps: list[tuple[int, int, int, bool]], line: int, breaks: list[int]
) -> None:
    pieces, clean_length, raw_length = _stream(steps)
    offsets = OffsetMap.build([s for p in pieces for s in p], clean_length, raw_length)
    source = SourceMap(
        "html",
        offsets,
        line=line,
        approximate=(Region(1, 2, 0, raw_length),),
        breaks=tuple(sorted(breaks)),
    )
    text = source.to_json_text()
    assert text == json.dumps(source.to_json())
    assert SourceMap.from_json(json.loads(text)) == source
    assert SourceMap.from_json_text(text) == source
    assert OffsetMap.from_bytes(offsets.to_bytes()) == offsets
    assert OffsetMap.from_list(offsets.to_list()).segments == offsets.segments


def test_json_text_of_a_map_longer_than_a_chunk() -> None:
    segments = [(i * 2, i * 3, 1, 0 if i % 2 else 1) for i in range(40_000)]
    source = SourceMap("html", OffsetMap.build(segments, 80_000, 120_000))
    text = source.to_json_text()
    assert text == json.dumps(source.to_json())
    assert SourceMap.from_json_text(text) == source


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 64])
def test_stored_integers_parsed_across_chunk_edges(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(offsets_module, "_PARSE_CHUNK", chunk)
    segments = [(i * 3, i * 1000 + 7, 3, 3 if i % 3 else 12345) for i in range(30)]
    source = SourceMap("pdf", OffsetMap.build(segments, 90, 40_000), pages=(0, 9))
    assert SourceMap.from_json_text(source.to_json_text()) == source


def test_stored_map_of_other_key_order_is_read_whole() -> None:
    stored = json.dumps({"line": 3, "format": "jsonl", "offsets": [4, 4, 0, 9, 4, 4]})
    assert SourceMap.from_json_text(stored) == SourceMap(
        "jsonl", OffsetMap.build([(0, 9, 4, 4)], 4, 4), line=3
    )


# --- one page of many tiny paragraphs -------------------------------------------


def test_source_map_of_a_page_of_tiny_paragraphs_is_held_as_columns() -> None:
    # The page bench/hostile_sizes.py builds: each paragraph's words are apart
    # in the text by a space the page's visible characters leave out, so
    # each word and each space is a segment of its own (7 a paragraph).
    count = 1000
    markup = (
        "<html><body>"
        + "".join(f"<p>Item {n}: rice {n % 89} t.</p>\n" for n in range(count))
        + "</body></html>"
    )
    text = "\n".join(f"Item {n}: rice {n % 89} t." for n in range(count))
    tracemalloc.start()
    try:
        located = align(text, markup)
        kept, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(located.offsets) >= 7 * count
    # As tuples the map kept 1,500 bytes a paragraph here (185 MB for
    # 80,000); as columns 8 bytes an integer, 4 a segment (330 here).
    assert kept < 600 * count
    first = text.index("rice 5")
    assert located.locate(first, first + 6) == {
        "format": "html",
        "start": markup.index("rice 5"),
        "end": markup.index("rice 5") + 6,
        "approximate": False,
    }


# --- align on random pages ------------------------------------------------------


class _Recording(SegmentWriter):
    """A writer that also keeps the stream it was given, a piece a cut."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[list[Segment]] = [[]]
        _RECORDED.append(self)

    def cut(self) -> None:
        super().cut()
        self.pieces.append([])

    def add(
        self, clean_start: int, raw_start: int, clean_len: int, raw_len: int
    ) -> None:
        super().add(clean_start, raw_start, clean_len, raw_len)
        self.pieces[-1].append((clean_start, raw_start, clean_len, raw_len))


_RECORDED: list[_Recording] = []


@settings(max_examples=examples(200))
@given(markup=PAGES, data=st.data())
def test_align_gives_the_map_the_tuples_gave(markup: str, data: st.DataObject) -> None:
    # The text: the page's lines, some moved, some words dropped or changed,
    # as extraction gives them; align's map must be what the tuple map made
    # of the same segments, piece by piece.
    text = extracted(markup, data)
    _RECORDED.clear()
    original = markup_module.SegmentWriter
    markup_module.SegmentWriter = _Recording  # type: ignore[misc]
    try:
        located = align(text, markup)
    finally:
        markup_module.SegmentWriter = original  # type: ignore[misc]
    (recorded,) = _RECORDED
    event(f"pieces: {min(len(recorded.pieces), 3)}")
    expected = [s for piece in recorded.pieces for s in reference_normalise(piece)]
    assert list(located.offsets.segments) == expected
    assert located.breaks == tuple(p[0][0] for p in recorded.pieces[1:] if p)
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 4) + 1):
            located.locate(start, end)
