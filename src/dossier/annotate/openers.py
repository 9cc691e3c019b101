"""A whole-text scan for a pattern that opens on one of a few characters:
what `finditer` gives, with the characters found by `str.find`; and whether a
pattern that opens on one of a few words matches anywhere (`search`), from
those words' places.

`re` skips ahead to a match's first character one character at a time when
the pattern opens on a class (`[(\\[]`, `[‘“"']`): about 10 ms a MB on
wire_3_months, whatever the class holds. `str.find` looks for one character
at memory-search speed, so a class of a few characters rare in the text is
found from their places at a tenth of that (`bench/openers_cpu.py`), and the
pattern is then matched only there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def places_of(text: str, characters: str) -> list[int]:
    """Every place in `text` holding one of `characters`, in order."""
    places: list[int] = []
    add, find = places.append, text.find
    for character in characters:
        at = find(character)
        while at >= 0:
            add(at)
            at = find(character, at + 1)
    if len(characters) > 1:
        places.sort()
    return places


def opening_on(
    pattern: re.Pattern[str], text: str, characters: str
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` where every match of `pattern` opens on one
    of `characters` (its first element is a class of them, or a subset).

    As `finditer` does, a match is tried at each place from the end of the
    last one on, and one that fails moves on to the next place: the places
    between hold none of `characters`, where no match can open. `match`
    at a place sees the text before it, as `finditer` does, so look-behinds
    read the same characters. A match is never empty (it holds its first
    character), so `finditer`'s rule for empty matches never applies.
    """
    position = 0
    match_at = pattern.match
    for at in places_of(text, characters):
        if at < position:
            continue
        found = match_at(text, at)
        if found is not None:
            position = found.end()
            yield found


def matches_at_words(
    pattern: re.Pattern[str], text: str, words: tuple[str, ...]
) -> bool:
    """Whether `pattern.search(text)` finds a match, where every match of
    `pattern` opens with one of `words` (its first element is an alternation
    of them). `re` tries such a pattern at every character its words open
    with (`release` and `code` at each `r` and `c`); `str.find` finds the
    words themselves, and the pattern is matched only there, seeing the text
    before each place as `search` does."""
    match_at, find = pattern.match, text.find
    for word in words:
        at = find(word)
        while at >= 0:
            if match_at(text, at) is not None:
                return True
            at = find(word, at + 1)
    return False
