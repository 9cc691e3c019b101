"""One scan of a document's lower-cased text for the words two finders start
from: the quote finder's cue verbs and the figure finder's number words."""

# A scan for whole words (the character before one, then a tree of words) costs
# about the same whatever its words: `re` enters the tree at every character
# that is no letter (a fifth of them). The two finders' own scans of
# wire_3_months, best of 5 at load 4: verbs 0.130 and numbers 0.084 CPU s, the
# one scan for both 0.121. The two lists share no word, and a hit is the whole
# run of letters it opens, so the one scan finds each list's words exactly where
# that list's own scan would.

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dossier.annotate.wordtrie import trie

if TYPE_CHECKING:
    from dossier.annotate.reading import Reading


@dataclass(frozen=True, slots=True)
class Words:
    """Where the words of each list stand in a lower-cased text, in order."""

    verbs: tuple[tuple[int, int], ...]  # spans of `cues.VERBS`
    numbers: tuple[int, ...]  # starts of `numbers.CORE_WORDS`


@lru_cache(maxsize=1)
def scan_pattern() -> re.Pattern[str]:
    """The words of both lists after a character that is no letter, compiled
    on first use. Imported here: both finders import this module."""
    from dossier.annotate.figures.numbers import CORE_WORDS
    from dossier.annotate.quotes.cues import VERBS

    return re.compile(f"[^a-z]((?:{trie(set(VERBS) | CORE_WORDS)})(?![a-z]))")


def scan_words(lowered: str) -> Words:
    """The cue verbs and number words standing as whole words in `lowered`
    (a run of letters `a`-`z` with no letter before it)."""
    from dossier.annotate.quotes.cues import VERBS as verbs

    scan = scan_pattern()
    # The space stands for the character before the first word, as the time
    # finder's scan reads it: one pattern to compile, not one more for a word
    # at the start. Offsets in `lowered` are one less.
    verb_spans: list[tuple[int, int]] = []
    number_starts: list[int] = []
    for match in scan.finditer(" " + lowered):
        start, end = match.span(1)
        if lowered[start - 1 : end - 1] in verbs:
            verb_spans.append((start - 1, end - 1))
        else:
            number_starts.append(start - 1)
    return Words(tuple(verb_spans), tuple(number_starts))


def words_of(reading: Reading) -> Words:
    """`scan_words` of the reading's lower-cased text, scanned once."""
    return reading.remember("words", lambda: scan_words(reading.lower))
