"""Numbers that are not counts: years, dates, times, ordinals, names and pages."""

from __future__ import annotations

import re

from dossier.annotate.figures.numbers import Number
from dossier.annotate.wordtrie import trie
from dossier.english import MONTH_ABBREVIATIONS, MONTHS, is_plural, word_set
from dossier.packs import Pack

_MONTH = "(?:" + trie({m.lower() for m in (*MONTHS, *MONTH_ABBREVIATIONS)}) + r")\.?"
_MONTH_BEFORE = re.compile(
    rf"(?<![\w-]){_MONTH}(?:[ \t]+(?:of|the))*[ \t,]*$", re.IGNORECASE
)
_MONTH_AFTER = re.compile(rf"[ \t]*(?:of[ \t]+)?{_MONTH}(?![\w])", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|o’clock|hrs\b|h\b|gmt\b|utc\b)",
    re.IGNORECASE,
)
_ERA_AFTER = re.compile(r"[ \t]*(?:B\.?C\.?E?|A\.?D\.?|C\.?E\.?)(?![\w])")
_ERA_BEFORE = re.compile(r"(?:A\.?D\.?|C\.?E\.?)[ \t]*$")
# Words after which a number names something (`page 12`, `No. 3`, `issue 20`).
_LABEL_BEFORE = re.compile(
    r"(?<![\w-])(?:no\.|nos\.|no|number|nr\.|page|pages|p\.|pp\.|issue|vol\.?|volume|"
    r"chapter|article|section|paragraph|para\.?|item|room|flight|route|resolution|"
    r"line|code|version|model|level|grade|class|phase|stage|step|part|book|episode|"
    r"season|act|rule|clause|annex|figure|table|row|platform|gate|terminal|tomb|"
    r"unit|plant|block|building|house|apartment|highway|lot|#)s?[ \t]*"
    # `units 731, 100, 516 and 1855`: every number of the list is a label.
    r"(?:\d+[ \t]*(?:,|and|&)[ \t]*)*$",
    re.IGNORECASE,
)
# Words before a bare year: `in 1950`, `since 1945`, `the 1950 war`.
_YEAR_BEFORE = re.compile(
    r"(?<![\w-])(?:in|since|until|till|by|of|from|to|after|before|during|between|"
    r"early|late|mid|the|circa|c\.|spring|summer|autumn|fall|winter|year|through)"
    r"[ \t]*$",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(r"[ \t]*[-–/][ \t]*\d")
_SENTENCE_OPENERS = word_set(
    """
    about around some nearly almost over more less fewer only just roughly
    approximately up at as no estimated an a of
    """
)


def reason_to_skip(text: str, number: Number, pack: Pack) -> str | None:
    """Why `number` is not a count, or None when it may be one."""
    before = text[max(0, number.start - 40) : number.start]
    after = text[number.end : number.end + 20]
    if number.kind in ("digits", "range"):
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
            return "date"
        if _TIME_AFTER.match(after):
            return "time"
        if _ERA_AFTER.match(after) or _ERA_BEFORE.search(before):
            return "year"
        if _is_year(number, before, after):
            return "year"
        if _LABEL_BEFORE.search(before):
            return "label"
        if _named_before(text, number.start, pack):
            return "name"
        if number.kind == "digits" and _names_a_unit(text, number, pack):
            return "name"
        if _RANGE_AFTER.match(after) and number.kind == "digits":
            return "code"  # `737-800`, `1950-53`, `16/10/2021` halves
    return None


def _is_year(number: Number, before: str, after: str) -> bool:
    printed = number.text.strip()
    if number.kind == "range":
        years = re.findall(r"(?<![\d,.])\d{4}(?![\d,.])", printed)
        short = re.fullmatch(r"\d{4}\s*[-–—]\s*\d{2}", printed)
        return bool(short) or (len(years) == 2 and 1000 <= number.low <= 2100)
    if not re.fullmatch(r"\d{4}", printed) or not 1000 <= number.low <= 2100:
        return False
    if _YEAR_BEFORE.search(before) or _RANGE_AFTER.match(after):
        return True
    # A bare four-digit number is a year unless a plural noun follows it
    # (`1500 soldiers`); `1,500` with its separator is always a count.
    following = re.match(r"[ \t]*([a-z]+)", after)
    return following is None or not is_plural(following.group(1))


def _named_before(text: str, start: int, pack: Pack) -> bool:
    """`Boeing 787`, `Juche 39`, `iPhone 4`: a number that belongs to a name."""
    match = re.search(r"([\w.’'-]+)[ \t]+$", text[max(0, start - 40) : start])
    if match is None:
        return False
    word = match.group(1)
    if any(word == era.name for era in pack.eras):
        return True
    if not any(c.isupper() for c in word):
        return False
    bare = word.lower().rstrip(".")
    if bare in _SENTENCE_OPENERS:
        return False
    if word[0].isupper() and word[1:].islower():
        # A capitalised ordinary word opening a sentence (`Only 12 came`).
        preceding = text[max(0, start - 60) : start - len(match.group(0))].rstrip()
        if not preceding or preceding[-1] in '.!?\n:;"“':
            return False
    return True


# A capitalised name after a number, up to its head: `618 Construction Shock
# Brigade`, `90 Jang Chol Gu Shock Brigade` (issue 15: read as figures).
_NAME_AFTER = re.compile(r"[ \t]+((?:[A-Z][\w'’.-]*[ \t]+){0,5}[A-Z][\w'’.-]*)")
_HEDGED = re.compile(
    r"(?<![\w-])(?:about|around|some|nearly|almost|over|more[ \t]+than|less[ \t]+"
    r"than|up[ \t]+to|at[ \t]+least|roughly|approximately)[ \t]+$",
    re.IGNORECASE,
)


def _names_a_unit(text: str, number: Number, pack: Pack) -> bool:
    """`618 Construction Shock Brigade`: the number is part of a body's name
    when capitalised words after it end in a head the pack lists (Brigade,
    Factory, Regiment), the first of them is no plural (`120 Heroes of
    Labour` are counted) and no hedge comes before (`over 30 Army` counts)."""
    name = _NAME_AFTER.match(text, number.end)
    if name is None:
        return False
    words = name.group(1).split()
    if is_plural(words[0]) or words[-1] not in pack.org_heads:
        return False
    return not _HEDGED.search(text, max(0, number.start - 20), number.start)
