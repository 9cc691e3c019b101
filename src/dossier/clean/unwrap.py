"""Unwrap hard-wrapped lines (OCR, e-mail) into paragraphs, joining split words."""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import pairwise

from dossier.clean.hyphens import keep_hyphen
from dossier.offsets import Edit

# A text is hard-wrapped when most of its lines stop near one margin. The
# seeds' OCR page wraps at 78-86 columns; web pages saved as text hold one
# paragraph a line (hundreds of columns), so a margin over 120 means "not wrapped".
MAX_MARGIN = 120
MIN_LINES = 6
AT_MARGIN = 0.7  # share of the margin a line must reach to have been wrapped
WRAPPED_SHARE = 0.5  # share of lines that must reach it for the text to count
# Wrapped lines stop mid-sentence: of the lines reaching the margin, 4-10% end
# a sentence on the seeds' OCR page and the newsletter example, 73-100% on
# pages holding one paragraph a line (short KCNA-style paragraphs included).
MAX_SENTENCE_ENDS = 0.5
# A wrapped line had no room for the next line's first word. Share of lines
# that did have room: 0.09 and 0.29 on the OCR pages, 0.6-1.0 on pages of
# one paragraph a line.
MAX_ROOM_LEFT = 0.5

_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_DASHES = "–—"
_HYPHENS = "-\u2010"


def margin(lines: list[str]) -> int | None:
    """The wrap column of a hard-wrapped text, or None if it is not wrapped."""
    filled = [line.rstrip() for line in lines if line.strip()]
    lengths = sorted(len(line) for line in filled)
    if len(lengths) < MIN_LINES:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > MAX_MARGIN or width < 20:
        return None
    long_lines = [line for line in filled if len(line) >= AT_MARGIN * width]
    if len(long_lines) / len(lengths) < WRAPPED_SHARE:
        return None
    ends = sum(1 for line in long_lines if _SENTENCE_END.search(line))
    if ends / len(long_lines) > MAX_SENTENCE_ENDS:
        return None
    followed = [
        (line.rstrip(), after.split()[0])
        for line, after in pairwise(lines)
        if line.strip() and after.strip()
    ]
    room = sum(1 for line, word in followed if len(line) + 1 + len(word) <= width)
    if followed and room / len(followed) > MAX_ROOM_LEFT:
        return None
    return width


def _is_caps_heading(line: str, following: str) -> bool:
    """ "FRIENDSHIP NEWS" over a narrow column: a heading, not a wrapped line."""
    return (
        any(c.isalpha() for c in line)
        and not any(c.islower() for c in line)
        and following[:1].isupper()
        and any(c.islower() for c in following)
    )


def unwrap_edits(text: str, *, prefixes: Collection[str] = ()) -> list[Edit]:
    lines = text.split("\n")
    width = margin(lines)
    edits: list[Edit] = []
    vocabulary: set[str] | None = None
    offset = 0
    for index, line in enumerate(lines[:-1]):
        end = offset + len(line)
        following = lines[index + 1]
        offset = end + 1
        if not line or not following:
            continue
        hyphenated = line[-1] in _HYPHENS and len(line) > 1 and line[-2].isalpha()
        wrapped = width is not None and len(line) >= AT_MARGIN * width
        if wrapped and _is_caps_heading(line, following):
            continue
        if not wrapped and not (hyphenated and following[:1].islower() and width):
            continue
        if hyphenated and following[:1].isalpha():
            if vocabulary is None:
                vocabulary = {w.lower() for w in _WORD.findall(text)}
            left = _WORD.findall(line)[-1] if _WORD.search(line) else ""
            right_match = _WORD.match(following)
            right = right_match.group().split("-")[0] if right_match else ""
            if keep_hyphen(left, right, vocabulary=vocabulary, prefixes=prefixes):
                edits.append(Edit(end, end + 1, "", "hyphen-kept"))
            else:
                edits.append(Edit(end - 1, end + 1, "", "hyphen-joined"))
        elif line[-1] in _DASHES:
            edits.append(Edit(end, end + 1, "", "unwrap"))
        else:
            edits.append(Edit(end, end + 1, " ", "unwrap"))
    return edits
