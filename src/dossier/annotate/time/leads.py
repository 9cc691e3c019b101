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

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# Past these the enumeration gives up and the head is scanned whole.
_LONGEST_WORD = 24
# The largest bounded head of the korea pack takes 1,613 steps; a head that
# will give up (a month, a day as a word, its range: "septemberthetwentyfirst...")
# took 38,596 steps, 0.06 CPU s, to reach the longest word.
_MOST_STEPS = 5_000

_Frames = tuple[tuple[Any, int], ...]  # (ops of a sub-pattern, position in it)
# A pattern as one string, or as pieces whose concatenation it is (see `Pieces`).
Source = str | Sequence[str]
# Each piece's parsed ops and global flags, by its text: shared by several
# rules' walks (a date rule's tail, its month) so that each is parsed once.
Parsed = dict[str, tuple[list[Any], int]]


class Pieces:
    """A pattern's pieces, each parsed when a walk first reaches it.

    Each piece is a whole regex with no `|` outside a group, so the pattern's
    ops are the pieces' ops one after the other. A walk stops at the first
    non-letter of each way a match may open: the long tail of a date rule
    (a year, spelled or in an era) was parsed for nothing; `re.compile` parses
    the joined pattern anyway. The korea pack's 38 rules: 41,082 characters
    parsed here (0.077 of the rules' 0.25 CPU s), now 20,765.
    """

    __slots__ = ("parsed", "sources")

    def __init__(self, source: Source, parsed: Parsed | None = None) -> None:
        self.sources = (source,) if isinstance(source, str) else tuple(source)
        self.parsed = {} if parsed is None else parsed

    def __len__(self) -> int:
        return len(self.sources)

    def ops(self, number: int) -> list[Any]:
        """The ops of piece `number`, parsed on first use."""
        return self._parse(number)[0]

    def flags(self) -> int:
        """The pattern's global flags (set only at a pattern's start)."""
        return self._parse(0)[1] if self.sources else 0

    def _parse(self, number: int) -> tuple[list[Any], int]:
        source = self.sources[number]
        found = self.parsed.get(source)
        if found is None:
            parsed = sre_parse.parse(source)
            found = self.parsed[source] = (list(parsed.data), parsed.state.flags)
        return found


class _GiveUp(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Leads:
    """How the run of ASCII letters a match opens with can read, lower-cased."""

    whole: frozenset[str]  # the text's whole run of letters is one of these
    start: frozenset[str]  # the run starts with one of these (the match may stop)
    # For a whole word only ever followed by white space in a match: how the
    # next word may open (up to `_NEXT_LETTERS` lower-cased letters, as regex
    # pieces; `\d` a digit). Words followed otherwise, or by an unbounded next
    # word, are left out (see `finder.join_leads`).
    after: tuple[tuple[str, frozenset[str]], ...] = ()


# How many letters of the word after a lead word are read (`the` + `pas`), and
# in how many places of one pattern a word may end for its next word to be read.
_NEXT_LETTERS = 3
_MOST_PLACES = 64
_DIGIT = "\\d"  # a member standing for any digit (`\d`)
_SPACE = " "  # a member standing for any white space (`\s`)


@dataclass(slots=True)
class _Found:
    words: dict[str, bool] = field(default_factory=dict)
    # A whole word -> where the pattern goes on after the white space ending
    # it (read once the walk is done), or None when something else may follow.
    after: dict[str, list[_Frames] | None] = field(default_factory=dict)
    steps: int = 0


def lead_words(source: Source, parsed: Parsed | None = None) -> Leads | None:
    r"""The words every match of `source` opens with; None if not bounded.

    A word is "whole" when the pattern forbids a letter after it (a non-letter
    follows, or `\b`, or a look-ahead refusing `\w`), else it may be the start
    of a longer run in the text (`sun` in `Sunday` for a pattern that stops).
    `parsed` keeps the pieces parsed, for the next pattern sharing them.
    """
    found = _Found()
    try:
        _walk(((Pieces(source, parsed), 0),), "", found)
    except (_GiveUp, RecursionError):
        return None
    words = found.words
    after = []
    for word, places in found.after.items():
        if places is None or not words[word] or len(places) > _MOST_PLACES:
            continue
        openings = [_openings(frames) for frames in places]
        known = [nexts for nexts in openings if nexts is not None]
        if len(known) == len(openings):
            after.append((word, frozenset().union(*known)))
    return Leads(
        frozenset(w for w, whole in words.items() if whole),
        frozenset(w for w, whole in words.items() if not whole),
        tuple(sorted(after)),
    )


def _next(frames: _Frames) -> tuple[Any, _Frames]:
    while frames:
        ops, position = frames[-1]
        if isinstance(ops, Pieces):
            if position < len(ops):  # the next piece, and the ones after it
                frames = (*frames[:-1], (ops, position + 1), (ops.ops(position), 0))
            else:
                frames = frames[:-1]
            continue
        if position < len(ops):
            return ops[position], (*frames[:-1], (ops, position + 1))
        frames = frames[:-1]
    return None, frames


def _end(prefix: str, found: _Found, *, whole: bool) -> None:
    if not prefix:
        raise _GiveUp  # a match could open on something other than a letter
    found.words[prefix] = found.words.get(prefix, True) and whole


def _walk(frames: _Frames, prefix: str, found: _Found) -> None:
    found.steps += 1
    if found.steps > _MOST_STEPS or len(prefix) > _LONGEST_WORD:
        raise _GiveUp
    item, rest = _next(frames)
    if item is None:
        _end(prefix, found, whole=False)  # the match may stop inside a word
        return
    op, av = item
    if op is sre.LITERAL:
        _char(chr(av), rest, prefix, found)
    elif op is sre.IN:
        for char in _members(av):
            _char(char, rest, prefix, found)
    elif op is sre.BRANCH:
        for branch in av[1]:
            _walk((*rest, (list(branch), 0)), prefix, found)
    elif op is sre.SUBPATTERN:
        _walk((*rest, (list(av[3]), 0)), prefix, found)
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        if low == 0:
            _walk(rest, prefix, found)
        if high != 0:
            # One copy of the body, then the repeat with one copy fewer.
            left = high if high == sre.MAXREPEAT else high - 1
            again = [(op, (max(low - 1, 0), left, body))] if left != 0 else []
            _walk((*rest, (again, 0), (list(body), 0)), prefix, found)
    elif prefix and _no_letter_next(op, av):
        _end(prefix, found, whole=True)
        found.after[prefix] = None  # any non-letter may follow
    elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        _walk(rest, prefix, found)  # zero width: only ever adds words
    else:
        raise _GiveUp  # any character, a back-reference: not bounded


def _char(char: str, rest: _Frames, prefix: str, found: _Found) -> None:
    if char == "" or not ("a" <= char.lower() <= "z" and char.isascii()):
        _end(prefix, found, whole=True)  # a non-letter ("": any) ends the run
        places = found.after.setdefault(prefix, [])
        if places is not None:
            if char == _SPACE or char.isspace():
                places.append(rest)
            else:
                found.after[prefix] = None
    else:
        _walk(rest, prefix + char.lower(), found)


def _openings(frames: _Frames) -> set[str] | None:
    """How the next word may open after the white space a lead word ends on
    (see `Leads.after`); None when not bounded."""
    nexts: set[str] = set()
    try:
        _follow(frames, "", nexts, [0])
    except (_GiveUp, RecursionError):
        return None
    return nexts


def _follow(frames: _Frames, piece: str, nexts: set[str], steps: list[int]) -> None:
    steps[0] += 1
    if steps[0] > _MOST_STEPS:
        raise _GiveUp
    item, rest = _next(frames)
    if item is None:
        if not piece:
            raise _GiveUp  # the match may end on the white space
        nexts.add(piece)
        return
    op, av = item
    if op is sre.LITERAL:
        _follow_char(chr(av), rest, piece, nexts, steps)
    elif op is sre.IN:
        for char in _members(av, _DIGIT):
            _follow_char(char, rest, piece, nexts, steps)
    elif op is sre.BRANCH:
        for branch in av[1]:
            _follow((*rest, (list(branch), 0)), piece, nexts, steps)
    elif op is sre.SUBPATTERN:
        if av[1] & sre.SRE_FLAG_IGNORECASE:
            raise _GiveUp
        _follow((*rest, (list(av[3]), 0)), piece, nexts, steps)
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        if not piece and _spaces_only(body):
            _follow(rest, piece, nexts, steps)  # more white space: same words
            return
        if low == 0:
            _follow(rest, piece, nexts, steps)
        if high != 0:
            left = high if high == sre.MAXREPEAT else high - 1
            again = [(op, (max(low - 1, 0), left, body))] if left != 0 else []
            _follow((*rest, (again, 0), (list(body), 0)), piece, nexts, steps)
    elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        _follow(rest, piece, nexts, steps)  # zero width: only ever adds
    else:
        raise _GiveUp


def _follow_char(
    char: str, rest: _Frames, piece: str, nexts: set[str], steps: list[int]
) -> None:
    if char == _SPACE or (len(char) == 1 and char.isspace()):
        if piece:
            nexts.add(piece)  # the next word ended
        else:
            _follow(rest, piece, nexts, steps)  # more white space
    elif "a" <= char.lower() <= "z" and char.isascii():
        piece += char.lower()
        if len(piece) >= _NEXT_LETTERS:
            nexts.add(piece)
        else:
            _follow(rest, piece, nexts, steps)
    else:
        # A digit or another mark: the piece ends with it.
        nexts.add(piece + (_DIGIT if char == _DIGIT else re.escape(char.lower())))


def _spaces_only(body: Any) -> bool:
    items = list(body)
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is sre.LITERAL:
        return chr(av).isspace()
    return op is sre.IN and all(
        (o is sre.CATEGORY and a is sre.CATEGORY_SPACE)
        or (o is sre.LITERAL and chr(a).isspace())
        for o, a in av
    )


def _no_letter_next(op: Any, av: Any) -> bool:
    r"""`\b` after a letter, or a look-ahead refusing any word character."""
    if op is sre.AT:
        return av is sre.AT_BOUNDARY
    if op is not sre.ASSERT_NOT or av[0] != 1 or len(av[1]) != 1:
        return False
    inner_op, items = av[1][0]
    return inner_op is sre.IN and (sre.CATEGORY, sre.CATEGORY_WORD) in items


def _members(items: list[tuple[Any, Any]], digit: str = "") -> set[str]:
    """The characters of a class: `_SPACE` for white space and `digit` for a
    digit (`""`, "some non-letter", to the lead-word walk; `_DIGIT` where the
    next word's opening is read exactly)."""
    members: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            members.add(chr(av))
        elif op is sre.RANGE:
            low, high = av
            if high - low > 64:
                raise _GiveUp
            members.update(chr(code) for code in range(low, high + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            members.add(_SPACE)
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            members.add(digit)
        else:
            raise _GiveUp  # \w, a negated class: could be any letter
    return members


def first_chars(source: Source, parsed: Parsed | None = None) -> str | None:
    r"""A character class (`[...]`) holding every character a match of
    `source` can open with, or None when that is not bounded (an optional or
    empty opening, a negated class, `\w`, a case-insensitive part).

    Used for heads that open on digits or marks (`1950`, `’07`), which have
    no lead words: one scan for those characters at word starts replaces a
    scan of the whole text per head (see `finder.join_leads`).
    """
    pieces = Pieces(source, parsed)
    try:
        if pieces.flags() & sre.SRE_FLAG_IGNORECASE:
            return None
        for number in range(len(pieces)):
            members = _first_of(pieces.ops(number))
            if members is not None:
                return "[" + "".join(sorted(members)) + "]"
    except (_GiveUp, RecursionError):
        return None
    return None  # the match may be empty


def _first(ops: list[tuple[Any, Any]]) -> set[str]:
    """The class members a match of `ops` opens with (escaped, or `\\d`)."""
    members = _first_of(ops)
    if members is None:
        raise _GiveUp  # the match may be empty or open on what follows
    return members


def _first_of(ops: list[tuple[Any, Any]]) -> set[str] | None:
    """`_first`, or None where `ops` hold only zero-width tests: then the
    match opens on what follows them."""
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
    return None


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
