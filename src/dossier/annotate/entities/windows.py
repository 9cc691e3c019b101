"""Where in a name region a listed name can match: the words spaCy must read.

The gazetteer's PhraseMatchers compare tokens (their text, or their lower
case for names of several words). spaCy cuts each run of non-space
characters into tokens on its own (its special cases hold no space but
single white space characters), so a match's tokens, spaces taken out, spell
the listed form, spaces taken out, and lie in the words where that spelling
is printed. Tokenizing only those words, not the whole region, finds the same
matches: on a first pass over kcna-2024, half of the 6,013 distinct regions
spell no listed form at all, and the rest come down to 866 distinct windows,
a sixteenth of the regions' text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Spellings:
    """The listed forms, spaces taken out: `exact` as printed (one-token
    forms, matched on their text), `lower` in lower case (the others)."""

    exact: re.Pattern[str]
    lower: re.Pattern[str]


def name_windows(region: str, spellings: Spellings) -> list[tuple[int, int]]:
    """Start and end of each run of whole words of `region` that may hold a
    listed name, in order, no two sharing a word; [] where none can."""
    squeezed = "".join(region.split())
    lowered = squeezed.lower()
    if len(lowered) != len(squeezed) or "Σ" in squeezed:
        # `İ` lowers to two characters and `Σ` by its neighbours: the lower
        # case of a word is then no slice of the region's; read it all.
        return [(0, len(region))] if region.strip() else []
    found: list[tuple[int, int]] = []  # spans in `squeezed`, every start tried
    for pattern, text in ((spellings.exact, squeezed), (spellings.lower, lowered)):
        position = 0
        while (match := pattern.search(text, position)) is not None:
            found.append(match.span())
            position = match.start() + 1
    if not found:
        return []
    words = [match.span() for match in _WORD.finditer(region)]
    ends: list[int] = []  # where each word ends in `squeezed`
    length = 0
    for start, end in words:
        length += end - start
        ends.append(length)
    ranges = sorted(
        (bisect.bisect_right(ends, start), bisect.bisect_right(ends, end - 1))
        for start, end in found
    )
    merged: list[list[int]] = []
    for first, last in ranges:
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return [(words[first][0], words[last][1]) for first, last in merged]
