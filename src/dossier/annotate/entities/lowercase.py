"""Whether a text prints a word in lower case, asked of a few words a document.

Two rules ask whether a capitalised word is also printed in lower case (a
headline's ordinary words, a listed one-word name opening a sentence). A
lower-case word is what `_LOWER_WORD` finds: a run of `[a-z'’-]` opening on a
letter after no word character, apostrophe or hyphen. Each asked word is
looked for with `str.find` and its occurrence checked in place: a set of every
lower-case word of the text took a scan at 31 MB/s, to be asked of a handful.
"""

from __future__ import annotations

import re

# What a lower-case word is (the rules' reference; tests compare `LowerWords`
# with the set of its matches). The letter first, the look-behind after it.
_LOWER_WORD = re.compile(r"[a-z](?<![\w'’-][a-z])[a-z'’-]*")
_SHAPE = re.compile(r"[a-z][a-z'’-]*")
_GLUE = "_'’-"  # with letters and digits, what no word may follow
_GOES_ON = frozenset("abcdefghijklmnopqrstuvwxyz'’-")


class LowerWords:
    """`word in words`: whether the text prints `word` as a lower-case word."""

    __slots__ = ("answers", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.answers.get(word)
        if found is None:
            found = self.answers[word] = _printed(self.text, word)
        return found


def _printed(text: str, word: str) -> bool:
    """Whether `_LOWER_WORD` finds `word` in `text`: an occurrence after no
    word character, apostrophe or hyphen, and followed by none of `[a-z'’-]`
    (a match opens wherever such a letter stands, and runs to the end of the
    run, so no other occurrence is one)."""
    if _SHAPE.fullmatch(word) is None:
        return False
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else ""
        after = text[at + len(word) : at + len(word) + 1]
        if not (before.isalnum() or (before != "" and before in _GLUE)) and (
            after == "" or after not in _GOES_ON
        ):
            return True
        at = text.find(word, at + 1)
    return False
