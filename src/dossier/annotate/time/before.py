"""What may stand before a rule's head (`early`, `the past two`, `the third`)."""

# What may stand before a rule's head (`early`, `the past two`, `the third`), read only
# where a head matched.
#
# Each `Before` is a `$`-anchored pattern run on a short window behind the head, and the
# last words it can end with: the word just before a head is looked up in that set
# first, so the pattern runs only where it can match (this halved the time spent on
# these patterns over kcna-2024).

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.annotate.time.fragments import (
    BOUNDS,
    BOUNDS_OF,
    DAY_REFERENCE,
    MODIFIER,
    NUMBER,
    NUMBER_WORDS,
    RELATIONS,
    RELATIVE,
    VAGUE_NUMBERS,
    YEAR,
    cased,
    last_words,
)
from dossier.english import ORDINAL_NUMBER, WEEKDAYS


@dataclass(frozen=True, slots=True)
class Before:
    pattern: re.Pattern[str]
    words: frozenset[str]
    digits: bool = False  # a word with a digit may end it too ("the 1988")

    def may_match(self, text: str, start: int) -> bool:
        """Whether the word before `start` is one this pattern can end with."""
        end = start
        while end > 0 and text[end - 1] in " \t\r\n-":
            end -= 1
        begin = end
        while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "'’-."):
            begin -= 1
        word = text[begin:end].strip(".-").lower()
        if word in self.words or word.rpartition("-")[2] in self.words:
            return True  # "fiscal-first quarter": the last part may end it too
        return self.digits and any(char.isdigit() for char in word)


_MODIFIER_WORDS = last_words(*BOUNDS, *BOUNDS_OF) | {"in", "the"}
_FISCAL = ("fiscal", "calendar", "fiscal year", "the year", "year", "model year")
_DATE = (
    rf"(?<![\w-])(?:(?P<mod>{MODIFIER})\s*)?(?:(?P<rel>{RELATIVE})\s+)?"
    rf"(?:(?P<fy>{cased(*_FISCAL)})\s+)?"
)
DATE = Before(
    re.compile(_DATE + r"\Z"), _MODIFIER_WORDS | last_words(*RELATIONS, *_FISCAL)
)
# "The day before last Tuesday's hearing": a day counted from the weekday
# named is one expression (AQUAINT's gold, 1 of 1), valued that day's.
DAY_FROM_WEEKDAY = Before(
    re.compile(
        r"(?<![\w-])(?:(?P<db>[Tt]he\s+day\s+(?P<side>before|after))\s+)?"
        + _DATE.removeprefix(r"(?<![\w-])")
        + r"\Z"
    ),
    DATE.words | {"before", "after"},
)
YEAR_PREFIX = Before(
    re.compile(
        rf"(?<![\w-])(?:(?P<mod>{MODIFIER})\s*)?(?:(?P<fy>{cased(*_FISCAL)})\s+)?\Z"
    ),
    _MODIFIER_WORDS | last_words(*_FISCAL),
)
DECADE = Before(
    re.compile(_DATE + rf"(?:(?P<dc>{cased('nineteen', 'twenty')})[\s-]+)?\Z"),
    DATE.words | {"nineteen", "twenty"},
)
MODIFIER_ONLY = Before(
    re.compile(rf"(?<![\w-])(?P<mod>{MODIFIER})\s*\Z"), _MODIFIER_WORDS
)
# A weekday named by its relation and then by its date ("this coming Sunday,
# March eighth", "last Friday, Oct. 23") is one day: TimeML tags the whole,
# as TimeBank does; the date gives the value.
_WEEKDAY_RELATIONS = ("this coming", "this past", "last", "next", "this", "coming")
WEEKDAY_DATE = Before(
    re.compile(
        rf"(?<![\w-])(?:(?P<mod>{MODIFIER})\s*)?"
        rf"(?:(?P<rel>{cased(*_WEEKDAY_RELATIONS)})\s+)?\Z"
    ),
    _MODIFIER_WORDS | last_words(*_WEEKDAY_RELATIONS),
)
_YEAR_BACK = ("year-earlier", "year-ago", "the year-earlier", "the year-ago")
_ORDINALS = tuple(sorted(ORDINAL_NUMBER, key=len, reverse=True))
# A day counted in a stretch of time ("today is the eighth day of Desert
# Shield", "on his first day in office"): TimeBank and AQUAINT tag all 5.
# Spelled up to the days of a month: a longer count is printed in figures.
_DAY_ORDINALS = tuple(word for word in _ORDINALS if ORDINAL_NUMBER[word] <= 31)
_OWNERS = ("the", "his", "her", "its", "their", "our", "my", "your")
_KINDS_OF_DAY = ("trading", "business", "working")
RELATION = Before(
    re.compile(
        # "the 27th of last month": a day of the month a relation names (with
        # its article: "June 16th of last year" is the date's, not this).
        r"(?<![\w-])(?:(?:(?P<dom>[Tt]he\s+\d{1,2}(?:st|nd|rd|th))\s+of\s+)?"
        rf"(?:(?P<mod>{MODIFIER})\s*)?(?P<rel>{RELATIVE}|"
        + cased(*_YEAR_BACK)
        + r")\s+(?:(?P<fiscal>fiscal|calendar)\s+)?"
        + rf"|(?P<ord>{cased(*_OWNERS)})\s+(?P<on>{cased(*_DAY_ORDINALS)})"
        + rf"\s+(?:{cased(*_KINDS_OF_DAY)}\s+)?)\Z"
    ),
    last_words(*RELATIONS, *_YEAR_BACK, "fiscal", "calendar")
    | frozenset(_DAY_ORDINALS)
    | frozenset(_KINDS_OF_DAY),
)
ARTICLE = Before(
    re.compile(r"(?<![\w-])(?:[Aa]|[Ss]ome)\s+\Z"), frozenset({"a", "some"})
)
# "the first hours of the ground war", "in the early years": the stretch at
# one end of an event or a time, a vague length with these words (TimeBank's
# gold, 2 of 2, `PTXH` and `PXY`). Not `last`, read by the relations.
_END_OF = ("first", "early", "final", "opening", "initial")
STRETCH_END = Before(
    re.compile(
        r"(?<![\w-])(?P<fv>(?:[Tt]he|its|their|his|her)\s+(?:"
        + "|".join(_END_OF)
        + r"))\s+\Z"
    ),
    frozenset(_END_OF),
)
CENTURY = Before(
    re.compile(
        _DATE.replace("(?:(?P<fy>", "(?:(?P<fy_>")
        + r"(?:(?P<cn>\d{1,2})(?:st|nd|rd|th)|(?P<cw>"
        + cased(*_ORDINALS)
        + r"))(?:\s*(?:and|or|,)\s*(?:\d{1,2}(?:st|nd|rd|th)|"
        + cased(*_ORDINALS)
        + r"))?[\s-]+\Z"
    ),
    frozenset(_ORDINALS),
    digits=True,
)
_QUANTIFIERS = (
    "about", "around", "approximately", "roughly", "nearly", "almost",
    "more than", "less than", "fewer than", "at least", "at most", "up to",
    "some", "just", "only", "barely", "no more than", "no less than",
    "close to", "upwards of", "well over", "a full", "the better part of",
    "an estimated", "just over", "just under", "a little over",
    "a little more than", "as many as", "as long as", "as little as",
    "as much as",
)  # fmt: skip
# Prepositions that are part of a length only right before its number ("over
# an hour", "within 18 months"), never before a determiner ("over the past").
_BOUNDING = ("over", "under", "within")
_DETERMINERS = (
    "the past", "the last", "the next", "the first", "the coming", "the previous",
    "the following", "the latest", "the final", "the initial", "the remaining",
    "the same", "the prior", "the ensuing", "the preceding", "the", "past",
    "last", "next", "first", "coming", "previous", "following", "latest", "final",
    "initial", "remaining", "prior", "each of the past", "each of the last",
    "another", "an additional", "a further", "those", "these", "its first",
    "their first", "his first", "her first", "the year-earlier", "the year-ago",
    "the comparable",
)  # fmt: skip
_ADJECTIVES = (
    "more", "additional", "extra", "straight", "consecutive", "trading",
    "business", "working", "calendar", "full", "long", "odd", "plus", "or so",
    "or more", "solid", "short", "fiscal", "school",
)  # fmt: skip
# The first count of a range of lengths ("two to three weeks", "10-15 minutes",
# "five or six years", "between two and six days"); a dash only between figures,
# as "twenty-five" is one count; no part of a longer figure ("1,000 to").
_COUNT = rf"(?:(?<![\d,.])\d{{1,3}}|{cased(*NUMBER_WORDS)})"
_LOW_COUNT = (
    rf"(?:(?P<lo>{_COUNT})\s+(?:to|or)\s+|(?<=[Bb]etween )(?P<lob>{_COUNT})\s+and\s+"
    r"|(?P<lod>(?<![\d,.])\d{1,3})\s*[-–]\s*(?=\d))"
)
DURATION = Before(
    re.compile(
        rf"(?<![\w-])(?:(?:(?P<q>{cased(*_QUANTIFIERS)})\s+)?"
        rf"(?:(?P<det>{cased(*_DETERMINERS)})\s+)?|{cased(*_BOUNDING)}\s+)"
        rf"{_LOW_COUNT}?(?P<n>{NUMBER})[\s-]+"
        rf"(?:(?P<adj>{cased(*_ADJECTIVES)})[\s-]+)?\Z"
    ),
    last_words(*NUMBER_WORDS, *VAGUE_NUMBERS, *_ADJECTIVES) | {"half", "1/2"},
    digits=True,
)
_QUARTER_DETERMINERS = (
    "the", "its", "this", "that", "a", "last", "next", "this year's",
    "last year's", "next year's", "their", "each", "this year’s", "last year’s",
    "next year’s",
)  # fmt: skip
_QUARTER_WORDS = (
    "year-earlier", "year-ago", "comparable", "corresponding", "fiscal",
    "calendar", "latest", "current", "same", "previous", "prior", "recent",
    "just-ended", "year-before", "year earlier", "flat", "final", "first",
    "second", "third", "fourth", "last", "next", "coming", "upcoming",
)  # fmt: skip
QUARTER = Before(
    re.compile(
        rf"(?<![\w-])(?:(?P<det>{cased(*_QUARTER_DETERMINERS)})\s+)?(?P<qa>(?:(?:"
        + cased(*_QUARTER_WORDS)
        + rf"|1st|2nd|3rd|4th|{YEAR})(?:[\s-]+|\Z))*)\Z"
    ),
    last_words(*_QUARTER_DETERMINERS, *_QUARTER_WORDS),
    digits=True,
)
_AROUND = ("around", "about", "at about", "approximately", "shortly after")
CLOCK = Before(
    re.compile(
        rf"(?<![\w-])(?:(?P<mod>{cased(*_AROUND)})\s+)?"
        rf"(?:{DAY_REFERENCE}\s*,?\s+(?:at\s+)?)?\Z"
    ),
    last_words(*_AROUND, "at", *WEEKDAYS, "today", "yesterday", "tomorrow", "tonight"),
    digits=True,
)

# `for a while`, `in some time`, `for a fairly lengthy period`: a length with no
# unit, read only after a preposition of lasting (which stays outside the span).
_LASTING = ("for", "in", "after", "within", "over")
_SPAN_OPENERS = (
    "a", "some", "quite a", "a long", "a short", "a brief", "a little",
    "a lengthy", "a fairly lengthy", "a considerable", "a fairly long",
)  # fmt: skip
VAGUE_SPAN = Before(
    re.compile(
        "(?:"
        + "|".join(
            rf"(?<=\b{form}\s)"
            for word in _LASTING
            for form in (word, word.capitalize())
        )
        + ")"
        rf"(?P<vd>{cased(*_SPAN_OPENERS)})\s+\Z"
    ),
    last_words(*_SPAN_OPENERS),
)
