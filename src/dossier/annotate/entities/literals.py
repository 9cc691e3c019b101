"""One pattern for many literal strings, written as a trie of their letters."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Matches nowhere: the pattern of no strings.
_NOTHING = "(?!)"
# Each next character to the node after it; "" marks a string ending here.
_Trie = dict[str, "_Trie"]


def literal_pattern(strings: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of `strings` (none empty), the longest one where
    several start at a place.

    `re` tries an alternation's branches one by one at every place it
    searches, so `a|b|...` over a thousand names costs a thousand tries a
    character; branching letter by letter, a place costs a few tries. Over
    kcna-2024's 6,013 name regions: 0.03 CPU s against 0.17.
    """
    trie: _Trie = {}
    for string in strings:
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return re.compile(_NOTHING)
    return re.compile(_branches(trie))


def _branches(node: _Trie) -> str:
    """The pattern of what follows `node`; optional where a string ends there
    (greedy, so the longer string is tried first)."""
    following = [
        re.escape(char) + _branches(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not following:
        return ""
    body = following[0] if len(following) == 1 else f"(?:{'|'.join(following)})"
    return f"(?:{body})?" if "" in node else body
