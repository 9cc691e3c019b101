"""Where a word stands in one text, in any case: found once, asked per window.

The frame rules search each passage's sentence for `according to`, `quoted
… as`, `as follows`; most texts hold none of these words, and a window that
holds none of them needs no search. A word's places are found as a
case-blind `re` reads it (so `ACCORDING`, and `accordıng` with a dotless
`ı` that `re` folds to `i`): in the lower-cased text, unless the text holds a
character that `str.lower` does not fold as `re` does.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from dossier.annotate.quotes.ends import FOLDING


class Places:
    """The places of words in one text, each found on first use."""

    __slots__ = ("folds", "lowered", "places", "text")

    def __init__(self, text: str, lowered: str | None = None) -> None:
        self.text = text
        self.lowered = text.lower() if lowered is None else lowered
        self.folds = any(char in text for char in FOLDING)
        self.places: dict[str, list[int]] = {}

    def of(self, word: str) -> list[int]:
        """Where `word` (lower-case) stands in any case, in order."""
        places = self.places.get(word)
        if places is None:
            places = self.places[word] = self._find(word)
        return places

    def may_hold(self, word: str, start: int, end: int) -> bool:
        """False when `text[start:end]` surely holds no `word` (lower-case) in
        any case."""
        places = self.of(word)
        index = bisect_left(places, start)
        return index < len(places) and places[index] + len(word) <= end

    def _find(self, word: str) -> list[int]:
        if self.folds:  # rare: read as `re` reads it
            spelled = re.compile(re.escape(word), re.IGNORECASE)
            return [match.start() for match in spelled.finditer(self.text)]
        # Without those characters the lower-cased text keeps every offset and
        # holds the word just where the text holds it in some case.
        found = []
        place = self.lowered.find(word)
        while place >= 0:
            found.append(place)
            place = self.lowered.find(word, place + len(word))
        return found
