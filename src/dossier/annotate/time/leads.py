"""The words a head pattern's matches can open with, read off the pattern itself."""

# A head such as `(?P<u>{units}|{PART_OF_DAY})...` opens on one of a few dozen words, in
# three cases each; `re` tries it at every letter of the text that a case of one of
# those words starts with, which is most letters (27-60 MB/s per head). Knowing the
# opening words lets the finder scan once for all of them and try a head only where
# its words stand. The words are enumerated from the parsed pattern, so they cannot
# drift from it: literal letters extend the word, anything else ends it, optional parts
# branch, and look-arounds are skipped (which only adds words). A pattern whose
# opening could be any letter (`\w`, `.`, `[^x]`) or not a letter at all has no lead
# words and is scanned whole.

from __future__ import annotations

import re._constants as sre
import re._parser as sre_parse
from dataclasses import dataclass
from typing import Any

# Past these the enumeration gives up and the head is scanned whole.
_LONGEST_WORD = 24
# The largest bounded head of the korea pack takes 1,613 steps; a head that
# will give up (a month, a day as a word, its range: "septemberthetwentyfirst...")
# took 38,596 steps, 0.06 CPU s, to reach the longest word.
_MOST_STEPS = 5_000

_Frames = tuple[tuple[Any, int], ...]  # (ops of a sub-pattern, position in it)


class _GiveUp(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Leads:
    """How the run of ASCII letters a match opens with can read, lower-cased."""

    whole: frozenset[str]  # the text's whole run of letters is one of these
    start: frozenset[str]  # the run starts with one of these (the match may stop)


def lead_words(source: str) -> Leads | None:
    r"""The words every match of `source` opens with; None if not bounded.

    A word is "whole" when the pattern forbids a letter after it (a non-letter
    follows, or `\b`, or a look-ahead refusing `\w`), else it may be the start
    of a longer run in the text (`sun` in `Sunday` for a pattern that stops).
    """
    words: dict[str, bool] = {}
    steps = [0]
    try:
        _walk(((list(sre_parse.parse(source).data), 0),), "", words, steps)
    except (_GiveUp, RecursionError):
        return None
    return Leads(
        frozenset(w for w, whole in words.items() if whole),
        frozenset(w for w, whole in words.items() if not whole),
    )


def _next(frames: _Frames) -> tuple[Any, _Frames]:
    while frames:
        ops, position = frames[-1]
        if position < len(ops):
            return ops[position], (*frames[:-1], (ops, position + 1))
        frames = frames[:-1]
    return None, frames


def _end(prefix: str, words: dict[str, bool], *, whole: bool) -> None:
    if not prefix:
        raise _GiveUp  # a match could open on something other than a letter
    words[prefix] = words.get(prefix, True) and whole


def _walk(
    frames: _Frames, prefix: str, words: dict[str, bool], steps: list[int]
) -> None:
    steps[0] += 1
    if steps[0] > _MOST_STEPS or len(prefix) > _LONGEST_WORD:
        raise _GiveUp
    item, rest = _next(frames)
    if item is None:
        _end(prefix, words, whole=False)  # the match may stop inside a word
        return
    op, av = item
    if op is sre.LITERAL:
        _char(chr(av), rest, prefix, words, steps)
    elif op is sre.IN:
        for char in _members(av):
            _char(char, rest, prefix, words, steps)
    elif op is sre.BRANCH:
        for branch in av[1]:
            _walk((*rest, (list(branch), 0)), prefix, words, steps)
    elif op is sre.SUBPATTERN:
        _walk((*rest, (list(av[3]), 0)), prefix, words, steps)
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        if low == 0:
            _walk(rest, prefix, words, steps)
        if high != 0:
            # One copy of the body, then the repeat with one copy fewer.
            left = high if high == sre.MAXREPEAT else high - 1
            again = [(op, (max(low - 1, 0), left, body))] if left != 0 else []
            _walk((*rest, (again, 0), (list(body), 0)), prefix, words, steps)
    elif prefix and _no_letter_next(op, av):
        _end(prefix, words, whole=True)
    elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        _walk(rest, prefix, words, steps)  # zero width: only ever adds words
    else:
        raise _GiveUp  # any character, a back-reference: not bounded


def _char(
    char: str, rest: _Frames, prefix: str, words: dict[str, bool], steps: list[int]
) -> None:
    if char == "" or not ("a" <= char.lower() <= "z" and char.isascii()):
        _end(prefix, words, whole=True)  # a non-letter ("": any) ends the run
    else:
        _walk(rest, prefix + char.lower(), words, steps)


def _no_letter_next(op: Any, av: Any) -> bool:
    r"""`\b` after a letter, or a look-ahead refusing any word character."""
    if op is sre.AT:
        return av is sre.AT_BOUNDARY
    if op is not sre.ASSERT_NOT or av[0] != 1 or len(av[1]) != 1:
        return False
    inner_op, items = av[1][0]
    return inner_op is sre.IN and (sre.CATEGORY, sre.CATEGORY_WORD) in items


def _members(items: list[tuple[Any, Any]]) -> set[str]:
    """The characters of a class, with "" standing for "some non-letter"."""
    members: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            members.add(chr(av))
        elif op is sre.RANGE:
            low, high = av
            if high - low > 64:
                raise _GiveUp
            members.update(chr(code) for code in range(low, high + 1))
        elif op is sre.CATEGORY and av in (
            sre.CATEGORY_SPACE,
            sre.CATEGORY_DIGIT,
        ):
            members.add("")
        else:
            raise _GiveUp  # \w, a negated class: could be any letter
    return members


def first_chars(source: str) -> str | None:
    r"""A character class (`[...]`) holding every character a match of
    `source` can open with, or None when that is not bounded (an optional or
    empty opening, a negated class, `\w`, a case-insensitive part).

    Used for heads that open on digits or marks (`1950`, `’07`), which have
    no lead words: one scan for those characters at word starts replaces a
    scan of the whole text per head (see `finder.join_leads`).
    """
    try:
        parsed = sre_parse.parse(source)
        if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
            return None
        members = _first(list(parsed.data))
    except (_GiveUp, RecursionError):
        return None
    return "[" + "".join(sorted(members)) + "]"


def _first(ops: list[tuple[Any, Any]]) -> set[str]:
    """The class members a match of `ops` opens with (escaped, or `\\d`)."""
    for op, av in ops:
        if op is sre.LITERAL:
            return {_escaped(av)}
        if op is sre.IN:
            return _class_of(av)
        if op is sre.BRANCH:
            return set().union(*(_first(list(branch)) for branch in av[1]))
        if op is sre.SUBPATTERN:
            if av[1] & sre.SRE_FLAG_IGNORECASE:
                raise _GiveUp
            return _first(list(av[3]))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] > 0:
            return _first(list(av[2]))
        if op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            raise _GiveUp  # optional, any character, a back-reference
        # A zero-width test at the opening only narrows where matches open.
    raise _GiveUp  # the match may be empty or open on what follows


def _escaped(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else char


def _class_of(items: list[tuple[Any, Any]]) -> set[str]:
    members: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            members.add(_escaped(av))
        elif op is sre.RANGE:
            members.add(f"{_escaped(av[0])}-{_escaped(av[1])}")
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            members.add(r"\d")
        else:
            raise _GiveUp  # a negated class, `\w`, `\s`: too wide to scan for
    return members
