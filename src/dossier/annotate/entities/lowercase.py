"""The words a text prints in lower case, read once per document when first asked.

Two rules ask whether a capitalised word is also printed in lower case (a
headline's ordinary words, a listed one-word name opening a sentence); one
`LowerWords` per document, handed to both, scans the text at most once.
"""

from __future__ import annotations

import re

# The letter first, the look-behind after it: `re` skips ahead to letters.
_LOWER_WORD = re.compile(r"[a-z](?<![\w'’-][a-z])[a-z'’-]*")


class LowerWords:
    """`word in words`: whether the text prints `word` as a lower-case word."""

    __slots__ = ("text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = set(_LOWER_WORD.findall(self.text))
        return word in self.words
