"""Where a time expression's extent starts: past the words TimeML leaves out.

Rules read a match with the words before it (`within a week`, `a
third-quarter charge`); the expression `annotate.time.find` stores starts
where TimeBank's would.
"""

from __future__ import annotations

import re

# A determiner the extent leaves out: a possessive always (`its fourth
# quarter`), an article or `that` before a time that modifies a noun (`a
# third-quarter charge`, `the two-week strike`); TimeBank leaves out 40 of 41
# such articles and 8 of 10 possessives, and keeps 46 of 49 in `the third
# quarter`.
_DETERMINER = re.compile(
    r"(?:(?P<own>[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Yy]our)|[Aa]n?|[Tt]he"
    r"|[Tt]h(?:is|at|ese|ose))\s+"
)

# A lower-case word after the expression: the noun it modifies.
_NOUN_AFTER = re.compile(r"[ \t]+[a-z]")
# A month or weekday named alone before a noun ("the October slaying", "The
# March accession", "the Tuesday deadline"): TimeBank and AQUAINT leave the
# article out of all 4 such, as of all 13 `the Aug. 7 bombings`; a holiday
# so named too ("the Christmas holidays", as "the Christmas" it was).
_NAME_FORM = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|Christmas|Easter|Thanksgiving|Halloween)$"
)
_OF_AFTER = re.compile(r"\s+of\b")
# A hyphened time word made to stand before a noun: `third-quarter`,
# `two-week`, `year-earlier`, `late-November` (not `ninety-four`).
_MODIFIER_FORM = re.compile(
    r"-(?:quarter|year|month|week|day|hour|minute|second|decade|century|period"
    r"|earlier|ago|end|long)s?$|^(?:early|late|mid)-",
    re.IGNORECASE,
)

# Words a rule reads that the extent leaves out, as TimeBank and AQUAINT do:
# `within` 8 times of 9, `only`, `just` and `barely` every time (7).
_LEFT_OUT = re.compile(r"(?:[Ww]ithin|[Oo]nly|[Jj]ust|[Bb]arely)\s+")

# `around` and `about` before a possessive are prepositions, not a bound of
# the time ("ways to get around Wednesday's ruling"; AQUAINT 2 of 2).
_PREPOSITION = re.compile(r"(?:[Aa]round|[Aa]bout)\s+")
_POSSESSIVE = re.compile(r"['’]s\b")

# The first letters of all the words above.
_INITIALS = frozenset("AaBbHhIiJjOoTtWwYy")


def extent_start(text: str, start: int, end: int) -> int:
    """Where the expression's extent starts, past words it leaves out."""
    if text[start] not in _INITIALS:
        return start  # most start with a digit, a month or `last`: no regex
    left_out = _LEFT_OUT.match(text, start, end)
    if left_out is None and _POSSESSIVE.match(text, end):
        left_out = _PREPOSITION.match(text, start, end)
    if left_out is not None and left_out.end() < end:
        start = left_out.end()
    determiner = _DETERMINER.match(text, start, end)
    if determiner is None:
        return start
    words = text[determiner.end() : end].split()
    # `this` before a weekday or month is its relation, kept whatever follows
    # ("will strike this Monday unless ..."); `that` points at the noun after
    # ("that October meeting").
    named = (
        len(words) == 1
        and _NAME_FORM.match(words[0]) is not None
        and not determiner.group().lower().startswith("this")
    )
    modifies = bool(
        words
        and (_MODIFIER_FORM.search(words[-1]) or named)
        and _NOUN_AFTER.match(text, end)
        and not (named and _OF_AFTER.match(text, end))  # "the March of 1950"
    )
    return determiner.end() if determiner.group("own") or modifies else start
