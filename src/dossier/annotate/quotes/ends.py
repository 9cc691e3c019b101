"""Where a rule anchored at a window's end (`…$`) needs to start reading.

`re` tries a `$`-anchored search at every position of the window, and the
windows the speaker rules read run from the sentence's start to the cue
(some 100 characters on kcna-2024; `_PASSIVE` alone was 8% of the quote
finder). A pattern whose match holds at most `runs` runs of non-space
characters (`is described`, `was widely called`) starts inside the last
`runs` of them, so searching from there finds the same match.
"""

from __future__ import annotations


def tail_start(text: str, start: int, end: int, runs: int) -> int:
    """The position in `text[start:end]` before its last `runs` runs of
    non-space characters (the white space before them), or `start`."""
    head = text[start:end].rsplit(None, runs)
    return start + len(head[0]) if len(head) > runs else start


# Characters that `re` with IGNORECASE matches to an ASCII letter but that
# `str.lower` does not lower to one (`ı`, `ſ`), or lowers to two (`İ`); the
# Kelvin sign lowers to `k` and is kept here for the same reason.
FOLDING = ("ı", "İ", "ſ", "\u212a")


def may_end_on(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """False when `text[start:end]`, less trailing white space and one comma or
    colon, surely ends on none of `words` in any case (lower-case `words`):
    a case-blind rule whose match ends on one of them, then `\\s*,?\\s*$`,
    cannot match there."""
    tail = text[start:end].rstrip()
    if tail.endswith((",", ":")):
        tail = tail[:-1].rstrip()
    # `FOLDING` holds no ASCII: most windows are spared the look for it.
    if not tail.isascii() and any(char in tail for char in FOLDING):
        return True
    return tail.lower().endswith(words)
