"""Regex pieces the tagger's patterns are built from, each prefix-factored."""

# Regex pieces the temporal tagger's patterns are built from: month and day names,
# numbers, units, years, modifiers, each as one prefix-factored regex.

from __future__ import annotations

import re

from dossier.annotate.wordtrie import trie
from dossier.english import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    ONES,
    TENS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from dossier.packs import Era


def cased(*phrases: str) -> str:
    """`phrases` in lower, Capitalised and UPPER case, as one factored regex."""
    forms: set[str] = set()
    for phrase in phrases:
        forms |= {phrase, phrase[0].upper() + phrase[1:], phrase.upper()}
    return "(?:" + trie(forms) + ")"


def titled(*names: str) -> str:
    """Proper names, Capitalised or UPPER case only, as one factored regex."""
    return "(?:" + trie({form for name in names for form in (name, name.upper())}) + ")"


def last_words(*phrases: str) -> frozenset[str]:
    """The lower-case last word of each phrase: what may stand before a head."""
    return frozenset(phrase.split()[-1].lower() for phrase in phrases)


MONTH_FULL = titled(*MONTHS)
MONTH = titled(*MONTHS, *MONTH_ABBREVIATIONS)
WEEKDAY = titled(*WEEKDAYS)
WEEKDAY_SHORT = "(?:" + trie(set(WEEKDAY_ABBREVIATIONS)) + r")\."
SEASON = cased("spring", "summer", "autumn", "fall", "winter")
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night", "overnight")
PART_OF_DAY = cased(*PARTS_OF_DAY)
# Every branch opens on a literal digit, so `re` skips ahead to digits (the day-month
# date head scanned at 154 MB/s against 37 for `3[01]|[12]\d|0?[1-9]`, same matches).
DAY = r"(?:3[01]|1\d|2\d|0[1-9]|1|2|3|4|5|6|7|8|9)(?:st|nd|rd|th)?(?![\d:,]\d|\d)"
YEAR = r"(?:1[0-9]|20)\d\d(?![\d,:.]\d|\d)"
SHORT_YEAR = r"['’‘]\d\d(?![\d'’s])"
NUMBER_WORDS = (*ONES[1:], *TENS, "hundred")
_ONES = cased(*NUMBER_WORDS[:9])
VAGUE_NUMBERS = (
    "a couple of", "couple of", "a few", "few", "several", "some", "many",
    "a dozen", "dozens of", "hundreds of", "half an", "half a", "a", "an",
    "recent", "coming", "a single", "a half",
)  # fmt: skip
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2|½)?|"
    + cased(*NUMBER_WORDS)
    + rf"(?:[\s-]{_ONES})?(?:\s+and\s+a\s+half)?|"
    + cased(*VAGUE_NUMBERS)
    + ")"
)
UNITS = (
    "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day",
    "nights", "night", "weeks", "week", "fortnights", "fortnight", "months",
    "month", "quarters", "quarter", "years", "year", "decades", "decade",
    "centuries", "century", "millennia", "millennium",
)  # fmt: skip
UNIT = cased(*UNITS)
_TEENS = cased("nineteen", "eighteen", "seventeen")
_TENS = cased(*NUMBER_WORDS[9:27])
SPELLED_YEAR = (
    rf"{_TEENS}[\s-]+(?:{_TENS}(?:[\s-]+{_ONES})?|"
    rf"{cased('hundred')}(?:\s+and)?(?:\s+{_ONES})?)"
    rf"|{cased('two thousand')}(?:\s+and)?(?:[\s-]+{_TENS}|[\s-]+{_ONES})?"
)
# Words that bound a period ("early 1950", "the end of the month").
BOUNDS = ("early", "late", "earlier", "later", "mid", "middle", "around", "about")
BOUNDS_OF = (
    "the end of", "the beginning of", "the start of", "the middle of",
    "the rest of", "the remainder of", "the balance of", "the first half of",
    "the second half of", "the last half of", "the latter half of",
    "the first two quarters of", "the last two quarters of", "first two quarters of",
    "the early part of", "the latter part of", "the turn of", "end of",
    "beginning of", "the close of", "the first part of", "start of",
    "the dawn of", "the eve of",
)  # fmt: skip
MODIFIER = (
    r"(?:(?:[Tt]he\s+)?"
    + cased(*BOUNDS[:4])
    + r"(?:[\s-]+in)?[\s-]*(?:the\s+)?|"
    # `the mid-1990s` as `the early 1990s`: TimeBank's extent holds `the`.
    + r"(?:[Tt]he\s+)?"
    + cased(*BOUNDS[4:6])
    + r"[\s-]*(?:the\s+)?|"
    + cased(*BOUNDS[6:])
    + r"[\s-]*(?:the\s+)?|"
    + cased(*BOUNDS_OF)
    + r"\s+(?:the\s+)?)"
)
RELATIONS = (
    "last", "next", "this", "coming", "past", "previous", "following", "current",
    "same", "latest", "prior", "present", "upcoming", "that", "this past",
    "this coming", "the", "the last", "the past", "the next", "the coming",
    "the previous", "the following", "the current", "the same", "the latest",
    "the prior", "the present", "the preceding", "the upcoming", "the ensuing",
    "the full", "the whole", "the entire", "that same", "that very",
    "the very same", "the very",
)  # fmt: skip
RELATIVE = cased(*RELATIONS)
DAY_REFERENCE = (
    rf"(?:(?P<rw>{WEEKDAY})|(?P<rd>"
    + cased("today", "yesterday", "tomorrow", "tonight")
    + rf")|(?P<rm>{MONTH})\.?\s+(?P<rn>{DAY}))"
)


def year_or_era(name: str, eras: tuple[Era, ...], *, spelled: bool = False) -> str:
    """A year: `1950`, `’07`, an era year with its Gregorian gloss, or (after
    a month or season) `nineteen ninety-four`."""
    options = [rf"(?P<{name}>{YEAR})", rf"(?P<{name}s>{SHORT_YEAR})"]
    if spelled:
        options.append(rf"(?P<{name}w>{SPELLED_YEAR})(?![\w-])")
    if eras:
        era_names = "|".join(re.escape(era.name) for era in eras)
        options.append(
            rf"(?P<{name}e>{era_names})\s+(?P<{name}n>\d{{1,3}})(?!\d)"
            rf"(?:\s*\(\s*(?P<{name}g>{YEAR})\s*\))?"
        )
    return "(?:" + "|".join(options) + ")"
