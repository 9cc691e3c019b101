"""Unwrap hard-wrapped lines (OCR, e-mail) into paragraphs, joining split words."""

from __future__ import annotations

import re
from collections.abc import Collection

from dossier.clean.hyphens import keep_hyphen
from dossier.offsets import Edit

# A text is hard-wrapped when most of its lines stop near one margin. The
# seeds' OCR page wraps at 78-86 columns; web pages saved as text hold one
# paragraph a line (hundreds of columns), so a margin over 120 means "not wrapped".
MAX_MARGIN = 120
MIN_LINES = 6
AT_MARGIN = 0.7  # share of the margin a line must reach to have been wrapped
WRAPPED_SHARE = 0.5  # share of lines that must reach it for the text to count

_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_DASHES = "–—"
_HYPHENS = "-\u2010"


def margin(lines: list[str]) -> int | None:
    """The wrap column of a hard-wrapped text, or None if it is not wrapped."""
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < MIN_LINES:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > MAX_MARGIN or width < 20:
        return None
    long_lines = sum(1 for length in lengths if length >= AT_MARGIN * width)
    if long_lines / len(lengths) < WRAPPED_SHARE:
        return None
    return width


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
