"""The parts a long document's page is cut into (#17): a 10 MB document drawn
whole was 88 MB of HTML and 9 s of CPU, more than a browser or a reader can
take. A part is about PART_CHARS characters of the clean text, cut where a
paragraph (else a sentence) ends; the parts of a text join to the whole."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from dossier.errors import InputError

# Characters of clean text a part holds at most: a long news story or two;
# a part's page is about 0.7 MB of HTML at kcna's density of annotations.
PART_CHARS = 100_000
# A part ends at the last paragraph or sentence end of its second half, else
# between two words there; a text with none of these (one endless word) is
# cut at PART_CHARS.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Part:
    """Clean text [start, end) of a document; `number` counts from 1."""

    number: int
    start: int
    end: int


def cut_parts(text: str, size: int | None = None) -> list[Part]:
    """`text` in parts of at most `size` (PART_CHARS) characters: one part
    when it is no longer than that."""
    size = size or PART_CHARS
    parts: list[Part] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size)
        parts.append(Part(len(parts) + 1, start, end))
        start = end
    parts.append(Part(len(parts) + 1, start, len(text)))
    return parts


def _cut(text: str, low: int, high: int) -> int:
    """Where to end a part within text[low:high]: after a paragraph break,
    else after a sentence end, else after a space, else at `high`."""
    for separator in ("\n\n", "\n"):
        found = text.rfind(separator, low, high)
        if found >= 0:
            return found + len(separator)
    ends = [found.end() for found in _SENTENCE_END.finditer(text, low, high)]
    if ends:
        return ends[-1]
    space = text.rfind(" ", low, high)
    return high if space < 0 else space + 1


def chosen_part(
    parts: list[Part], number: int | None, mark: tuple[int, int] | None
) -> Part:
    """The part asked for by `number`, else the one holding the start of
    `mark`, else the first."""
    if number is not None:
        if not 1 <= number <= len(parts):
            raise InputError(
                f"there is no part {number}: the document has {len(parts)}"
                f" part{'s' if len(parts) > 1 else ''} (ask for 1 to {len(parts)})"
            )
        return parts[number - 1]
    if mark is None:
        return parts[0]
    index = bisect.bisect_right([p.start for p in parts], mark[0]) - 1
    return parts[max(0, index)]
