"""Place text extracted from an HTML page back in its markup, for locators.

trafilatura gives a page's main text, not where it came from. `align` finds
each extracted line, else its longest runs of words, among the page's visible
characters (entities decoded; whitespace and unprintable characters, which
extraction rewrites, left out). Text found is exact; text extraction moved
or that skips page text it left out makes a span across it approximate; text
not found at all is placed inside the smallest element around its neighbours
and marked approximate.
"""

from __future__ import annotations

import html
import io
import re
from array import array
from bisect import bisect_left
from collections.abc import MutableSequence
from dataclasses import dataclass

from dossier.offsets import Region, SegmentWriter, SourceMap

# Markup that holds no page text (comments, scripts, styles, declarations),
# and tags themselves.
_SKIPPED = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|noscript|template)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?][^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)[^>]*?(/?)>")
MARKUP = re.compile(f"{_SKIPPED.pattern}|{_TAG.pattern}", re.DOTALL | re.IGNORECASE)
# A character reference, or a run of other characters that are not space.
_RUN = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?|&|[^\s&]+")
_WORD = re.compile(r"\S+")
# What trafilatura writes that no page holds: "- " before a list item, "|"
# between table cells and "---" under a table head. Unplaced, these are not
# approximate text, just nothing.
_MARKERS = re.compile(r"[\s|-]*")
# An extracted line; trafilatura starts a list item with "- ", which the page
# does not hold.
_LINE = re.compile(r"(?:- )?(?P<body>[^\n]*)")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)
# How far past the last placed character a lone word of a line that was not
# found whole may be looked for: about a paragraph. Further on, a common word
# would be found in the wrong place rather than not at all. With it, all
# 60,474 words extracted from html-dev's 81 pages are placed exactly.
_WORD_WINDOW = 400


# Offsets = a list of integers, or for a large page a column of them, 8
# bytes each: as integers, the visible characters' starts and ends and
# `_place`'s answer for each extracted character took some 40 bytes a
# character (the x16 page of bench/hostile_sizes.py: `align` peaked at 168
# MB, in columns 65 MB; docs/reliability.md). A column's items are read
# back as new integers, which cost a small page more than they save:
# `align` on html-dev's 81 pages (170 kB on average) took 15% longer in
# columns.
Offsets = MutableSequence[int]
COLUMNS_FROM = 1_000_000


def _offsets(size: int) -> Offsets:
    """No offsets yet, for a page or text of `size` characters."""
    return array("q") if size >= COLUMNS_FROM else []


def _filled(size: int, value: int) -> Offsets:
    """`size` offsets of `value`."""
    return array("q", [value]) * size if size >= COLUMNS_FROM else [value] * size


@dataclass(frozen=True, slots=True)
class Visible:
    """A page's visible characters and where each lies in the markup."""

    chars: str
    starts: Offsets
    ends: Offsets


def visible(markup: str) -> Visible:
    # The characters written as they are found, not held as a string a run.
    chars = io.StringIO()
    starts, ends = _offsets(len(markup)), _offsets(len(markup))
    position = 0
    for match in MARKUP.finditer(markup):
        if match.start() > position:
            _add_text(markup, position, match.start(), chars, starts, ends)
        position = match.end()
    _add_text(markup, position, len(markup), chars, starts, ends)
    return Visible(chars.getvalue(), starts, ends)


def _add_text(
    markup: str,
    start: int,
    end: int,
    chars: io.StringIO,
    starts: Offsets,
    ends: Offsets,
) -> None:
    for run in _RUN.finditer(markup, start, end):
        text, first, last = run.group(), run.start(), run.end()
        if text[0] == "&" and len(text) > 1:
            decoded = html.unescape(text)
            kept = [c for c in decoded if c.isprintable() and not c.isspace()]
            chars.write("".join(kept))
            starts.extend([first] * len(kept))
            ends.extend([last] * len(kept))
        elif text.isprintable():
            chars.write(text)
            starts.extend(range(first, last))
            ends.extend(range(first + 1, last + 1))
        else:
            for offset, char in enumerate(text):
                if char.isprintable():
                    chars.write(char)
                    starts.append(first + offset)
                    ends.append(first + offset + 1)


def elements(markup: str) -> list[tuple[int, int]]:
    """The range of each element of the page, from its start tag to its end."""
    found: list[tuple[int, int]] = []
    open_tags: list[tuple[str, int]] = []
    for match in MARKUP.finditer(markup):
        name = (match.group(3) or "").lower()
        if not name or name in _VOID or match.group(4):
            continue
        if not match.group(2):
            open_tags.append((name, match.start()))
            continue
        for depth in range(len(open_tags) - 1, -1, -1):
            if open_tags[depth][0] == name:
                found.append((open_tags[depth][1], match.end()))
                del open_tags[depth:]
                break
    found.extend((start, len(markup)) for _, start in open_tags)
    return found


def align(text: str, markup: str) -> SourceMap:
    """Map `text`, extracted from `markup`, to character ranges of `markup`."""
    page = visible(markup)
    placed = _place(text, page.chars)
    # Segments go straight into the map's columns; a piece of text that
    # extraction moved starts a new piece, not merged with the one before.
    writer = SegmentWriter()
    add = writer.add
    breaks: list[int] = []
    regions: list[Region] = []
    skips: list[int] = []
    outer: list[tuple[int, int]] | None = None  # the page's elements, once needed
    previous = -1  # index in page.chars of the last placed character
    index = 0
    while index < len(text):
        found = placed[index]
        if found >= 0:
            if found <= previous:
                writer.cut()  # extraction moved this text: a new piece
                breaks.append(index)
            elif previous >= 0 and found > previous + 1:
                skips.append(index)  # it left out page text (a caption, an ad)
            start, end = page.starts[found], page.ends[found]
            # Characters that follow each other in the page, one for one, make
            # one linear segment.
            stop = index + 1
            if end == start + 1:
                while (
                    stop < len(text)
                    and placed[stop] == found + (stop - index)
                    and page.starts[placed[stop]] == end
                    and page.ends[placed[stop]] == end + 1
                ):
                    end += 1
                    stop += 1
            length = stop - index
            add(index, start, length, end - start)
            previous = found + length - 1
            index = stop
            continue
        # A run of characters not placed: spaces between placed ones, or text
        # extraction added or changed.
        stop = index
        while stop < len(text) and placed[stop] < 0:
            stop += 1
        before = page.ends[previous] if previous >= 0 else None
        after = page.starts[placed[stop]] if stop < len(text) else None
        if after is None or (before is not None and after < before):
            after = before  # the run ends this piece; the next one jumps back
        if before is None:
            before = after
        if before is None or after is None:
            before = after = 0
        if _MARKERS.fullmatch(text, index, stop):
            # Nothing of the page: a span ending here ends with the text before.
            add(index, before, stop - index, 0)
        else:
            add(index, before, stop - index, after - before)
            if outer is None:
                outer = elements(markup)
            around = _enclosing(outer, before, after, len(markup))
            regions.append(Region(index, stop, *around))
        index = stop
    return SourceMap(
        "html",
        writer.finish(len(text), len(markup)),
        approximate=tuple(regions),
        breaks=tuple(breaks),
        skips=tuple(skips),
    )


def _place(text: str, chars: str) -> Offsets:
    """For each character of `text`, its index in `chars`, or -1.

    A line is looked for after the last one placed, then anywhere (extraction
    may move a headline or a caption); a line not found whole, word by word
    near the last placed one.
    """
    placed = _filled(len(text), -1)
    pointer = 0
    for line in _LINE.finditer(text):
        indices = [
            i
            for i in range(line.start("body"), line.end())
            if text[i].isprintable() and not text[i].isspace()
        ]
        cells = [i for i in indices if text[i] != "|"]  # table cells joined
        found = -1
        for variant in (indices, cells) if len(cells) < len(indices) else (indices,):
            found = _find(text, variant, chars, pointer, None)
            if found < 0:
                found = _find(text, variant, chars, 0, None)
            if found >= 0:
                pointer = _mark(placed, variant, found)
                break
        if found >= 0:
            continue
        words = [
            indices[bisect_left(indices, w.start()) : bisect_left(indices, w.end())]
            for w in _WORD.finditer(text, line.start("body"), line.end())
        ]
        pointer = _place_words(text, words, chars, pointer, placed)
    return placed


def _place_words(
    text: str,
    words: list[list[int]],
    chars: str,
    pointer: int,
    placed: Offsets,
) -> int:
    """Place the longest run of words found after `pointer`, then the next: a
    line extraction changed in one spot keeps the rest exact. A lone word is
    placed only near `pointer`, where it is likely the same one."""
    first = 0
    while first < len(words):
        low, high = 0, len(words) - first  # the longest run found is in (low, high]
        while low < high:
            size = (low + high + 1) // 2
            run = [i for word in words[first : first + size] for i in word]
            window = _WORD_WINDOW if size == 1 else None
            if _find(text, run, chars, pointer, window) >= 0:
                low = size
            else:
                high = size - 1
        if low == 0:
            first += 1
            continue
        run = [i for word in words[first : first + low] for i in word]
        window = _WORD_WINDOW if low == 1 else None
        pointer = _mark(placed, run, _find(text, run, chars, pointer, window))
        first += low
    return pointer


def _find(
    text: str, indices: list[int], chars: str, pointer: int, window: int | None
) -> int:
    needle = "".join(text[i] for i in indices)
    if window is not None and not any(char.isalnum() for char in needle):
        return -1  # a lone "|" or "-" would be found anywhere
    if not needle:
        return -1
    stop = len(chars) if window is None else pointer + window + len(needle)
    return chars.find(needle, pointer, stop)


def _mark(placed: Offsets, indices: list[int], found: int) -> int:
    for offset, i in enumerate(indices):
        placed[i] = found + offset
    return found + len(indices)


def _enclosing(
    elements: list[tuple[int, int]], start: int, end: int, length: int
) -> tuple[int, int]:
    """The smallest element holding markup[start:end], else the whole page."""
    best = (0, length)
    for element in elements:
        inside = element[0] <= start and end <= element[1]
        if inside and element[1] - element[0] < best[1] - best[0]:
            best = element
    return best
