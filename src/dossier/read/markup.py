"""Place text extracted from an HTML page back in its markup, for locators.

trafilatura gives a page's main text, not where it came from. `align` finds
each extracted line, then each word, among the page's visible characters
(entities decoded; whitespace and unprintable characters, which extraction
rewrites, left out), in order; text it cannot find is placed inside the
smallest element around its neighbours and marked approximate.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass

from dossier.offsets import OffsetMap, Region, Segment, SourceMap

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
_MARKUP = re.compile(f"{_SKIPPED.pattern}|{_TAG.pattern}", re.DOTALL | re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
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
# would be found in the wrong place rather than not at all.
_WORD_WINDOW = 400


@dataclass(frozen=True, slots=True)
class Visible:
    """A page's visible characters and where each lies in the markup."""

    chars: str
    starts: list[int]
    ends: list[int]
    elements: list[tuple[int, int]]


def visible(markup: str) -> Visible:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    elements: list[tuple[int, int]] = []
    open_tags: list[tuple[str, int]] = []
    position = 0
    for match in _MARKUP.finditer(markup):
        _add_text(markup, position, match.start(), chars, starts, ends)
        position = match.end()
        name = (match.group(3) or "").lower()
        if not name or name in _VOID or match.group(4):
            continue
        if not match.group(2):
            open_tags.append((name, match.start()))
            continue
        for depth in range(len(open_tags) - 1, -1, -1):
            if open_tags[depth][0] == name:
                elements.append((open_tags[depth][1], match.end()))
                del open_tags[depth:]
                break
    _add_text(markup, position, len(markup), chars, starts, ends)
    elements.extend((start, len(markup)) for _, start in open_tags)
    return Visible("".join(chars), starts, ends, elements)


def _add_text(
    markup: str,
    start: int,
    end: int,
    chars: list[str],
    starts: list[int],
    ends: list[int],
) -> None:
    position = start
    while position < end:
        char = markup[position]
        if char == "&" and (entity := _ENTITY.match(markup, position, end)):
            for decoded in html.unescape(entity.group()):
                if decoded.isprintable() and not decoded.isspace():
                    chars.append(decoded)
                    starts.append(position)
                    ends.append(entity.end())
            position = entity.end()
            continue
        if char.isprintable() and not char.isspace():
            chars.append(char)
            starts.append(position)
            ends.append(position + 1)
        position += 1


def align(text: str, markup: str) -> SourceMap:
    """Map `text`, extracted from `markup`, to character ranges of `markup`."""
    page = visible(markup)
    placed = _place(text, page.chars)
    pieces: list[list[Segment]] = [[]]
    regions: list[Region] = []
    skips: list[int] = []
    previous = -1  # index in page.chars of the last placed character
    index = 0
    while index < len(text):
        found = placed[index]
        if found >= 0:
            if found <= previous:
                pieces.append([])  # extraction moved this text: a new piece
            elif previous >= 0 and found > previous + 1:
                skips.append(index)  # it left out page text (a caption, an ad)
            start, end = page.starts[found], page.ends[found]
            pieces[-1].append((index, start, 1, end - start))
            previous = found
            index += 1
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
            pieces[-1].append((index, before, stop - index, 0))
        else:
            pieces[-1].append((index, before, stop - index, after - before))
            outer = _enclosing(page.elements, before, after, len(markup))
            regions.append(Region(index, stop, *outer))
        index = stop
    segments = [
        segment
        for piece in pieces
        for segment in OffsetMap.build(piece, len(text), len(markup)).segments
    ]
    offsets = OffsetMap(
        tuple(segments), len(text), len(markup), tuple(s[0] for s in segments)
    )
    breaks = tuple(piece[0][0] for piece in pieces[1:] if piece)
    return SourceMap(
        "html",
        offsets,
        approximate=tuple(regions),
        breaks=breaks,
        skips=tuple(skips),
    )


def _place(text: str, chars: str) -> list[int]:
    """For each character of `text`, its index in `chars`, or -1.

    A line is looked for after the last one placed, then anywhere (extraction
    may move a headline or a caption); a line not found whole, word by word
    near the last placed one.
    """
    placed = [-1] * len(text)
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
    text: str, words: list[list[int]], chars: str, pointer: int, placed: list[int]
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


def _mark(placed: list[int], indices: list[int], found: int) -> int:
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
