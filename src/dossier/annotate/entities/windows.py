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
from collections.abc import Sequence
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
    return _word_windows(region, found)


def name_windows_each(
    regions: Sequence[str], spellings: Spellings
) -> list[list[tuple[int, int]]]:
    """`name_windows` of each region, the spellings looked for in all of them
    at once: the regions, spaces taken out, joined by line breaks (no
    spelling holds one, so no match spans two regions). Per region, the calls
    cost more than the search: half of kcna-2024's first-seen regions spell
    no listed form, and are then passed over without a call of their own."""
    squeezed = ["".join(region.split()) for region in regions]
    joined = "\n".join(squeezed)
    lowered = joined.lower()
    if len(lowered) != len(joined) or "Σ" in joined:
        return [name_windows(region, spellings) for region in regions]
    starts: list[int] = []  # where each region starts in `joined`
    position = 0
    for text in squeezed:
        starts.append(position)
        position += len(text) + 1
    found: list[list[tuple[int, int]]] = [[] for _ in regions]
    for pattern, text in ((spellings.exact, joined), (spellings.lower, lowered)):
        position = 0
        while (match := pattern.search(text, position)) is not None:
            begin = match.start()
            at = bisect.bisect_right(starts, begin) - 1
            found[at].append((begin - starts[at], match.end() - starts[at]))
            position = begin + 1
    return [
        _word_windows(region, spans) if spans else []
        for region, spans in zip(regions, found, strict=True)
    ]


def _word_windows(region: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of whole words of `region` holding the spans `found` in it,
    spaces taken out, merged where they share a word."""
    if not found:
        return []
    words = [match.span() for match in _WORD.finditer(region)]
    ends: list[int] = []  # where each word ends, spaces taken out
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
