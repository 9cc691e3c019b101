"""Offset maps: `rewrite`, `compose`, `join_slices` and the round trip to raw."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.clean import clean
from dossier.model import Source
from dossier.offsets import (
    Edit,
    OffsetMap,
    Region,
    SourceMap,
    compose,
    join_slices,
    rewrite,
)
from dossier.packs import Pack, load_pack
from tests.properties import examples

# --- rewrite ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "edits", "expected"),
    [
        ("Kim II Sung", [Edit(4, 6, "Il", "ocr-name")], "Kim Il Sung"),
        ("revolu-\ntionary", [Edit(6, 8, "", "hyphen-joined")], "revolutionary"),
        ("ComradeKim", [Edit(7, 7, " ", "glued-name")], "Comrade Kim"),
        (
            "a\r\nb\r\nc",
            [Edit(1, 3, "\n", "newline"), Edit(4, 6, "\n", "newline")],
            "a\nb\nc",
        ),
        ("no change", [], "no change"),
        ("the \ufffd\ufffd people", [Edit(3, 6, "", "replacement-char")], "the people"),
    ],
)
def test_rewrite_applies_edits(text: str, edits: list[Edit], expected: str) -> None:
    new, offsets = rewrite(text, edits)
    assert new == expected
    assert offsets.clean_length == len(expected)
    assert offsets.raw_length == len(text)


def test_rewrite_refuses_overlapping_edits() -> None:
    edits = [Edit(0, 4, "x", "a"), Edit(2, 5, "y", "b")]
    with pytest.raises(ValueError, match="overlapping edit at 2"):
        rewrite("abcdefg", edits)


@pytest.mark.parametrize(
    ("text", "edits", "clean_span", "raw_span"),
    [
        # Copied text before and after an edit maps one to one.
        ("Kim II Sung said", [Edit(4, 6, "Il", "ocr-name")], (12, 16), (12, 16)),
        # A word joined over a removed hyphen spans both halves in raw.
        (
            "the revolu-\ntionary war",
            [Edit(10, 12, "", "hyphen-joined")],
            (4, 17),
            (4, 19),
        ),
        # An inserted space maps to an empty raw point.
        ("ComradeKim", [Edit(7, 7, " ", "glued-name")], (7, 8), (7, 7)),
        # A span starting or ending inside a replacement takes all of it.
        ("a \ufffd\ufffd b", [Edit(1, 5, " ", "replacement-char")], (1, 2), (1, 5)),
        ("xy\r\nz", [Edit(2, 4, "\n", "newline")], (0, 3), (0, 4)),
        ("xy\r\nz", [Edit(2, 4, "\n", "newline")], (3, 4), (4, 5)),
    ],
)
def test_rewrite_maps_spans_to_raw(
    text: str,
    edits: list[Edit],
    clean_span: tuple[int, int],
    raw_span: tuple[int, int],
) -> None:
    _, offsets = rewrite(text, edits)
    assert offsets.to_raw(*clean_span) == raw_span


def test_offset_map_empty_span_is_a_point() -> None:
    _, offsets = rewrite("ab\r\ncd", [Edit(2, 4, "\n", "newline")])
    assert offsets.to_raw(4, 4) == (5, 5)
    assert offsets.to_raw(0, 0) == (0, 0)


def test_offset_map_span_at_end_of_text() -> None:
    _, offsets = rewrite("abc  ", [Edit(3, 5, "", "space")])
    assert offsets.to_raw(3, 3) == (5, 5)
    assert offsets.to_raw(0, 3) == (0, 3)


# --- compose ----------------------------------------------------------------


def test_compose_chains_two_rewrites() -> None:
    raw = "Kim II\r\nSung"
    mid, first = rewrite(raw, [Edit(6, 8, "\n", "newline")])
    assert mid == "Kim II\nSung"
    clean_text, second = rewrite(mid, [Edit(4, 6, "Il", "ocr-name")])
    offsets = compose(first, second)
    assert clean_text == "Kim Il\nSung"
    assert offsets.to_raw(7, 11) == (8, 12)
    assert raw[slice(*offsets.to_raw(7, 11))] == "Sung"
    assert offsets.to_raw(6, 7) == (6, 8)
    assert offsets.to_raw(0, 11) == (0, 12)


def test_compose_with_identity_changes_nothing() -> None:
    _, offsets = rewrite("a  b\r\nc", [Edit(1, 3, " ", "space"), Edit(4, 6, "\n", "n")])
    identity = OffsetMap.identity(offsets.clean_length)
    for span in [(0, 1), (1, 2), (0, 5), (3, 4), (4, 5)]:
        assert compose(offsets, identity).to_raw(*span) == offsets.to_raw(*span)


def test_compose_insertion_inside_replacement_stays_inside() -> None:
    raw = "ab\ufffd\ufffdcd"
    mid, first = rewrite(raw, [Edit(2, 4, "", "replacement-char")])
    clean_text, second = rewrite(mid, [Edit(2, 2, " ", "glued-name")])
    offsets = compose(first, second)
    assert clean_text == "ab cd"
    assert raw[slice(*offsets.to_raw(3, 5))] == "cd"
    assert raw[slice(*offsets.to_raw(0, 2))] == "ab"


# --- join_slices --------------------------------------------------------------


def test_join_slices_joins_with_separator_and_maps_to_raw() -> None:
    raw = "Title\r\nFirst paragraph.\r\nnav\r\nSecond one."
    text, offsets = rewrite(
        raw,
        [Edit(5, 7, "\n", "newline"), Edit(23, 25, "\n", "n"), Edit(28, 30, "\n", "n")],
    )
    first = text.index("First")
    second = text.index("Second")
    pieces = [(first, first + 16), (second, second + 11)]
    joined, joined_map = join_slices(text, offsets, pieces, "\n\n")
    assert joined == "First paragraph.\n\nSecond one."
    assert raw[slice(*joined_map.to_raw(0, 16))] == "First paragraph."
    assert raw[slice(*joined_map.to_raw(18, 29))] == "Second one."
    # The separator is an empty raw point where the next slice begins.
    start, end = joined_map.to_raw(16, 18)
    assert raw[start:end] == ""
    assert start == raw.index("Second")


def test_join_slices_of_one_piece_is_that_piece() -> None:
    text = "nav line\nbody text"
    joined, offsets = join_slices(
        text, OffsetMap.identity(len(text)), [(9, 18)], "\n\n"
    )
    assert joined == "body text"
    assert offsets.to_raw(0, 4) == (9, 13)


def _joined_by_compose(
    text: str, offsets: OffsetMap, pieces: list[tuple[int, int]], sep: str
) -> OffsetMap:
    """The map `join_slices` gives, made the general way: the join's own map,
    then `compose`."""
    segments = []
    position = 0
    for number, (start, end) in enumerate(pieces):
        if number:
            segments.append((position, start, len(sep), 0))
            position += len(sep)
        segments.append((position, start, end - start, end - start))
        position += end - start
    return compose(offsets, OffsetMap.build(segments, position, len(text)))


@pytest.mark.parametrize(
    "raw",
    [
        # KCNA's glued names: an inserted space inside a paragraph.
        "Pyongyang, May 2 (KCNA) -- WhenKim Jong Unappeared there.\n"
        "The crowd cheered ComradeKim Jong Un.\n"
        "Nothing glued here.",
        # A misread name and a CRLF before it: a replacement and a shrink.
        "Title\r\nKim II Sung spoke.\r\nnav\r\nWhenKim Il Sungvisited,",
    ],
)
def test_join_slices_of_cleaned_paragraphs_is_the_composed_map(
    raw: str, pack: Pack
) -> None:
    source = Source(path="t.txt", part=0, raw=raw, encoding="utf-8", sha256="")
    cleaned = clean(source, pack)
    assert not cleaned.offsets.is_identity()
    text = cleaned.text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    # Every line; all but the first; a line and an empty piece after it.
    for pieces in (lines, lines[1:], [lines[0], (lines[0][1], lines[0][1])]):
        joined, mapped = join_slices(text, cleaned.offsets, pieces, "\n\n")
        assert mapped == _joined_by_compose(text, cleaned.offsets, pieces, "\n\n")
        assert joined == "\n\n".join(text[a:b] for a, b in pieces)


# --- storage ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "edits"),
    [
        ("Kim II Sung", [Edit(4, 6, "Il", "ocr-name")]),
        ("revolu-\ntionary", [Edit(6, 8, "", "hyphen-joined")]),
        ("", []),
        ("plain", []),
        ("WhenKim Jong Unappeared", [Edit(4, 4, " ", "g"), Edit(15, 15, " ", "g")]),
    ],
)
def test_offset_map_to_list_round_trips(text: str, edits: list[Edit]) -> None:
    new, offsets = rewrite(text, edits)
    flat = offsets.to_list()
    assert all(isinstance(number, int) for number in flat)
    back = OffsetMap.from_list(flat)
    assert back == offsets
    for start in range(len(new) + 1):
        for end in range(start, len(new) + 1):
            assert back.to_raw(start, end) == offsets.to_raw(start, end)


# --- property: two successive rewrites --------------------------------------


@st.composite
def edit_lists(draw: st.DrawFn, text: str) -> list[Edit]:
    """Sorted, non-overlapping edits (insertions, deletions, replacements)."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        replacement = draw(st.text(alphabet="XYZ ", max_size=3))
        edits.append(Edit(start, end, replacement, "test"))
    return edits


def _rewrite_tracked(
    text: str, sources: list[int | None], edits: list[Edit]
) -> tuple[str, list[int | None]]:
    """Where each character of the new text was copied from (None if written)."""
    new, _ = rewrite(text, edits)
    tracked: list[int | None] = []
    old = 0
    for edit in edits:
        tracked.extend(sources[old : edit.start])
        tracked.extend([None] * len(edit.text))
        old = edit.end
    tracked.extend(sources[old:])
    assert len(tracked) == len(new)
    return new, tracked


@settings(max_examples=examples(200), deadline=None)
@given(data=st.data(), raw=st.text(alphabet="ab-\n \r\ufffd", max_size=30))
def test_compose_maps_copied_characters_back_to_raw(
    data: st.DataObject, raw: str
) -> None:
    first_edits = data.draw(edit_lists(raw))
    mid, first = rewrite(raw, first_edits)
    mid_again, mid_sources = _rewrite_tracked(raw, list(range(len(raw))), first_edits)
    assert mid_again == mid
    second_edits = data.draw(edit_lists(mid))
    clean_text, second = rewrite(mid, second_edits)
    _, sources = _rewrite_tracked(mid, mid_sources, second_edits)
    offsets = compose(first, second)

    assert offsets.clean_length == len(clean_text)
    assert offsets.raw_length == len(raw)
    for index, origin in enumerate(sources):
        if origin is not None:
            assert offsets.to_raw(index, index + 1) == (origin, origin + 1)
            assert raw[origin] == clean_text[index]
    # Every span maps to an ordered raw span, and wider spans to wider ones.
    for start in range(len(clean_text) + 1):
        for end in range(start, len(clean_text) + 1):
            raw_start, raw_end = offsets.to_raw(start, end)
            assert 0 <= raw_start <= raw_end <= len(raw)
            if end > start:
                inner_start, inner_end = offsets.to_raw(start, end - 1)
                assert raw_start == inner_start
                assert inner_end <= raw_end
    round_trip = OffsetMap.from_list(offsets.to_list())
    assert round_trip.to_list() == offsets.to_list()


# --- property: every clean word is found in raw -------------------------------

# Seven lines at a 40-column margin, so that unwrapping has work to do.
_WRAPPED = (
    "The school heard a talk on the long revo-\n"
    "lutionary traditions of the people, with\n"
    "a second on the guerrilla years, when the\n"
    "partisans fought for a decade side-by-\n"
    "side with their Chinese comrades in the\n"
    "forests of the north-east in costly co-\n"
    "operation against the occupying army\n"
)
_PIECES = [
    "Kim II Sung",
    "Kim Jong II",
    "Kim II\nSung",
    "Kim II Sung-Kim Jong II",
    "World War II",
    "ComradeKim Jong Un",
    "WhenKim Jong Unappeared",
    "revolu-\ntionary",
    "side-by-\nside",
    "co-\noperation",
    _WRAPPED,
    "\ufffd",
    "\ufffd\ufffd ",
    "\r\n",
    "\n\n\n",
    "“quoted”",
    "Workers’ Party",
    "Workersâ€™ Party",
    " - ",
    "-",
    "  ",
    "\t",
    "the",
    "of the\n\n",
]
_NOISE = st.text(
    alphabet=st.sampled_from("abcdefghij ABCDE\n-\ufffd“”’‘\r.,"), max_size=12
)
_RAW_TEXTS = st.lists(st.one_of(st.sampled_from(_PIECES), _NOISE), max_size=14).map(
    "".join
)
# Any text at all, with the pieces mixed in.
_ANY_TEXTS = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=10)), max_size=10
).map("".join)
_LINE_BREAK_HYPHEN = re.compile(r"-\s+")
_IGNORED = re.compile(r"[\s\ufffd]+")


def _bare(raw: str) -> str:
    """Raw text as a word: no line-break hyphens, whitespace or U+FFFD."""
    return _IGNORED.sub("", _LINE_BREAK_HYPHEN.sub("", raw))


def _invisible(char: str) -> bool:
    # Controls and format characters, which cleaning drops and only counts.
    return unicodedata.category(char) in {"Cc", "Cf"} and not char.isspace()


def _touches(word: tuple[int, int], repair: tuple[int, int]) -> bool:
    """Does a word's raw span overlap a repair (or hold an insertion point)?"""
    (start, end), (repair_start, repair_end) = word, repair
    if repair_start == repair_end:
        return start < repair_start < end
    return repair_start < end and start < repair_end


def _assert_words_map_back(raw: str, pack: Pack, *, drop_invisible: bool) -> None:
    source = Source(path="property.txt", part=0, raw=raw, encoding="utf-8", sha256="")
    cleaned = clean(source, pack)
    repaired = [(r.raw_start, r.raw_end) for r in cleaned.repairs]
    for word in re.finditer(r"\w+", cleaned.text):
        span = cleaned.offsets.to_raw(word.start(), word.end())
        if any(_touches(span, repair) for repair in repaired):
            continue
        found = raw[span[0] : span[1]]
        if drop_invisible:
            found = "".join(char for char in found if not _invisible(char))
        assert _bare(found) == word.group(), (word, raw)


# The bundled pack, loaded here rather than taken as a fixture: hypothesis
# prints a failing example with its arguments, and a pack prints as 40 kB.
PACK = load_pack("korea")


@settings(max_examples=examples(200), deadline=None)
@given(raw=_RAW_TEXTS)
def test_clean_words_map_back_to_the_same_raw_word(raw: str) -> None:
    _assert_words_map_back(raw, PACK, drop_invisible=False)


@settings(max_examples=examples(200), deadline=None)
@given(raw=_ANY_TEXTS)
def test_clean_words_of_any_text_map_back_to_raw(raw: str) -> None:
    _assert_words_map_back(raw, PACK, drop_invisible=True)


def test_clean_property_text_is_unwrapped(pack: Pack) -> None:
    # The wrapped piece really exercises unwrapping and both hyphen decisions.
    source = Source(path="p.txt", part=0, raw=_WRAPPED, encoding="utf-8", sha256="")
    cleaned = clean(source, pack)
    assert "revolutionary traditions" in cleaned.text
    assert "side-by-side" in cleaned.text
    assert "co-operation" in cleaned.text
    assert "\n" not in cleaned.text


# --- property: many spans at once give what one span at a time gives -------


_SPANS = st.lists(st.tuples(st.integers(-2, 40), st.integers(-2, 40)), max_size=30)


@settings(max_examples=examples(200), deadline=None)
@given(
    data=st.data(),
    raw=st.text(alphabet="ab-\n \r\ufffd", max_size=30),
    shift=st.integers(0, 5),
    spans=_SPANS,
)
def test_to_raw_many_equals_to_raw_of_each_span(
    data: st.DataObject, raw: str, shift: int, spans: list[tuple[int, int]]
) -> None:
    clean, rewritten = rewrite(raw, data.draw(edit_lists(raw)))
    # A document lying further on in its source: one linear segment, shifted.
    shifted = OffsetMap.build(
        [(0, shift, len(clean), len(clean))], len(clean), len(clean) + shift
    )
    # The edges every time: before the text, empty, reversed, past its end.
    end = len(clean)
    spans = [*spans, (-2, -1), (-1, 0), (0, 0), (3, 1), (end - 1, end + 2)]
    spans += [(end, end + 3), (end + 1, end)]
    starts = [start for start, _ in spans]
    ends = [end for _, end in spans]
    for offsets in (rewritten, shifted, OffsetMap.identity(len(clean))):
        raw_starts, raw_ends = offsets.to_raw_many(starts, ends)
        assert list(zip(raw_starts, raw_ends, strict=True)) == [
            offsets.to_raw(start, end) for start, end in spans
        ]


@pytest.mark.parametrize(
    "source",
    [
        SourceMap.text(40),
        SourceMap(
            "jsonl", OffsetMap.build([(0, 9, 12, 14), (12, 23, 28, 28)], 40, 60), 7
        ),
        SourceMap(
            "html",
            OffsetMap.build([(0, 100, 40, 40)], 40, 300),
            approximate=(Region(10, 14, 90, 160),),
            breaks=(25,),
            skips=(30,),
        ),
        SourceMap("pdf", OffsetMap.identity(40), pages=(0, 15, 31)),
    ],
    ids=["text", "jsonl", "html", "pdf"],
)
@settings(max_examples=examples(50), deadline=None)
@given(spans=_SPANS)
def test_locate_many_equals_locate_of_each_span(
    source: SourceMap, spans: list[tuple[int, int]]
) -> None:
    starts = [start for start, _ in spans]
    ends = [end for _, end in spans]
    assert source.locate_many(starts, ends) == [
        source.locate(start, end) for start, end in spans
    ]
