"""The rules of the temporal tagger: a head pattern each, and what may precede it."""

# The rules of the temporal tagger: a head pattern each, and what may stand before the
# head (`before`).
#
# Heads start with a word or a digit, never with `\b` or an optional group, so `re`
# skips ahead to the characters a match may begin with (measured on kcna-2024: 15 to 300
# MB/s per head, against 17 for a case-insensitive `\b...`). The word boundary before a
# head is checked in `finder`.

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from dossier.annotate.time import before
from dossier.annotate.time.before import Before
from dossier.annotate.time.fragments import (
    DAY,
    DAY_REFERENCE,
    MONTH,
    MONTH_FULL,
    NUMBER,
    NUMBER_WORDS,
    PART_OF_DAY,
    SEASON,
    SHORT_YEAR,
    SPELLED_YEAR,
    UNIT,
    WEEKDAY,
    WEEKDAY_SHORT,
    YEAR,
    cased,
    titled,
    year_or_era,
)
from dossier.annotate.time.leads import Leads, Parsed, Source, first_chars, lead_words
from dossier.annotate.time.vocabulary import ORDINAL_WORDS
from dossier.packs import Era


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    before: Before | None = None
    numeric: bool = False  # refuse after "$", "#", a digit and the like
    # Lower-case strings one of which any match must contain: a text holding
    # none of them skips the rule's scan (those heads scan at 30-50 MB/s).
    needs: tuple[str, ...] = ()
    # The words every match opens with (`leads`), or None: then scanned whole,
    # unless `opens` is the class of the characters its matches open with
    # (a head opening on a digit; see `finder.join_leads`).
    leads: Leads | None = None
    opens: str | None = None


_END = r"(?![\w-])"
# Era words after a year: before Christ (TimeML `BC0277`) and the common era.
_BC = r"B\.\s?C\.(?:\s?E\.)?|BCE?"
_AD = r"A\.\s?D\.|AD|C\.\s?E\.|CE"
_RY = cased("last", "next", "this")


def _dates(eras: tuple[Era, ...]) -> list[tuple[str, Source, Before | None]]:
    year = year_or_era("y", eras)
    year2 = year_or_era("z", eras)
    tail_year = year_or_era("y", eras, spelled=True)
    weekday = rf"(?P<wd>{WEEKDAY}|{WEEKDAY_SHORT}),?\s+(?:the\s+)?"
    # Pieces of a pattern (see `leads.Pieces`): each a whole regex.
    month_day = (
        rf"(?P<m>{MONTH})\.?\s*(?:the\s+)?(?:(?P<d>{DAY})|(?P<dw>{ORDINAL_WORDS}))",
        rf"(?:\s*(?P<to>[-–]|to|through|and|until|till)\s*(?P<d2>{DAY})"
        rf"(?!\s*{MONTH}))?",
    )
    day_month = (
        rf"(?P<d>{DAY})",
        rf"(?:\s*(?P<to>[-–]|to|and|through)\s*(?P<d2>{DAY}))?"
        rf"(?:\s+of)?\s+(?P<m>{MONTH})\.?",
    )
    # A year named by its relation ("June 16th of last year") is the date's;
    # in lower case, so not past a sentence's end ("on 18 April. This year").
    tail = (
        rf"(?:(?:\s*,\s*|\s+)(?:of\s+)?{tail_year}|\s*(?P<ys2>{SHORT_YEAR})"
        rf"|\s+(?:of\s+)?(?P<ry>last|next|this)\s+year{_END})?"
    )
    return [
        ("date", (*month_day, tail), before.MODIFIER_ONLY),
        ("date", (*day_month, tail), before.MODIFIER_ONLY),
        ("date", (r"the\s+", *day_month, tail), before.MODIFIER_ONLY),
        # "the first of April", "the twenty-fifth of June": a day in words
        # is a day only with `the ... of` and a month written whole.
        (
            "date",
            (rf"[Tt]he\s+(?P<dw>{ORDINAL_WORDS})\s+of\s+(?P<m>{MONTH_FULL})", tail),
            before.MODIFIER_ONLY,
        ),
        ("date", (weekday, *month_day, tail), before.WEEKDAY_DATE),
        ("date", (weekday, *day_month, tail), before.WEEKDAY_DATE),
        ("date", (r"(?P<wk>[Tt]he\s+week\s+of)\s+", *month_day, tail), None),
        (
            "month_year",
            (rf"(?P<m>{MONTH})\.?,?\s+(?:of\s+)?", tail_year),
            before.MODIFIER_ONLY,
        ),
        (
            "month",
            rf"(?P<m>{MONTH_FULL})(?:\s+(?P<ry>{_RY})\s+year)?{_END}",
            before.DATE,
        ),
        (
            "season",
            rf"(?P<s>{SEASON})(?:(?:\s*,\s*|\s+)(?:of\s+)?(?:{tail_year}|"
            rf"(?P<ry>{_RY})\s+year))?{_END}",
            before.DATE,
        ),
        ("year", year, before.YEAR_PREFIX),
        (
            "year",
            (
                year,
                rf"\s*(?P<to>[-–/]|to|through|until|till|and)\s*"
                rf"(?:{year2}|(?P<zz>\d\d)(?![\d%]|\s*(?:%|per)))",
            ),
            before.YEAR_PREFIX,
        ),
        ("year", rf"(?P<yw>{SPELLED_YEAR}){_END}", before.YEAR_PREFIX),
        (
            "numeric",
            r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<ny>\d{4}|\d{2})"
            r"(?![\d/.]\d)",
            before.MODIFIER_ONLY,
        ),
        (
            "numeric",
            r"(?P<iy>\d{4})(?P<isep>[-/])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
            r"(?![\d/.]\d)",
            before.MODIFIER_ONLY,
        ),
        ("decade", r"(?:(?P<dd>\d{3}0)|['’‘](?P<ds>\d0))['’]?s(?!\w)", before.DATE),
        (
            "decade",
            "(?P<dw>"
            + cased(
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            )
            + r")(?!\w)",
            before.DECADE,
        ),
        (
            "century",
            rf"(?P<cu>{cased('century', 'centuries')})"
            rf"(?:\s+(?:(?P<cbc>{_BC})|{_AD}))?{_END}",
            before.CENTURY,
        ),
        # `277 B.C.`, `10000 BC`, `79 AD`, `AD 79` (issue 13); a plain year with
        # no era word stays with the `year` rule.
        (
            "era",
            rf"(?P<bn>\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}})\s*(?:(?P<bc>{_BC})|{_AD})"
            + _END,
            before.YEAR_PREFIX,
        ),
        ("era", r"(?P<ad>AD)\s*(?P<bn>\d{1,4})(?![\d,.]\d|\d)", None),
    ]


_HOLIDAYS = (
    "New Year's Day", "New Year's Eve", "New Year", "Christmas", "Christmas Day",
    "Christmas Eve", "Valentine's Day", "Halloween", "May Day",
    "International Women's Day", "Veterans Day", "Thanksgiving",
    "Thanksgiving Day", "Election Day", "Labor Day", "Memorial Day", "Easter",
    "Easter Sunday", "Easter week", "Easter Week", "Easter Monday", "Good Friday",
    "Fourth of July",
)  # fmt: skip
_REFERENCES = (
    "now", "right now", "just now", "currently", "current", "presently",
    "at present", "nowadays", "these days", "recently", "lately", "the past",
    "the future", "the near future", "the near term", "the short term",
    "the long term", "the longer term", "the distant future",
    "the foreseeable future", "the present", "at the moment", "more recently",
    "most recently", "as soon as possible", "the immediate future",
    "the time being", "shortly ago", "not long ago",
)  # fmt: skip
_AFTER_AMOUNT = (
    "ago", "earlier", "later", "from now", "hence", "old", "long", "or so",
    "in a row", "running", "back", "afterwards", "afterward", "beforehand",
)  # fmt: skip
_FREQUENCY = (
    "daily", "weekly", "monthly", "yearly", "annually", "hourly", "quarterly",
    "nightly", "biweekly", "bimonthly", "semiannually", "semi-annually",
    "biannually",
)  # fmt: skip


def _relatives() -> list[tuple[str, Source, Before | None]]:
    clock_tail = (
        r"(?:\s*(?P<tz>[ECMP][SD]T|GMT|UTC|KST|local\s+time))?(?:\s*,?\s+(?:on\s+)?"
        r"(?P<tb>" + DAY_REFERENCE.replace("?P<r", "?P<s") + "))?"
    )
    units = cased("year", "month", "week", "weekend", "decade", "century", "day")
    return [
        (
            "weekday",
            rf"(?P<w>{WEEKDAY})(?P<pl>s)?(?:\s+(?P<pod>{PART_OF_DAY})(?P<pods>s)?)?{_END}",
            before.DAY_FROM_WEEKDAY,
        ),
        (
            "relative",
            # `-long`: one unit made an adjective ("their third day-long
            # meeting"), read here where its head is tried anyway.
            rf"(?P<u>{units}|{PART_OF_DAY})(?:(?P<pos>['’]s)|(?P<lg>-long))?{_END}",
            before.RELATION,
        ),
        (
            "holiday",
            rf"(?P<hd>{titled(*_HOLIDAYS)})(?:\s+(?P<hwe>weekend))?{_END}",
            before.DATE,
        ),
        (
            "year_end",
            cased("year-end", "year end", "year's end", "year’s end") + _END,
            before.MODIFIER_ONLY,
        ),
        ("year_back", cased("year-earlier", "year-ago", "year earlier") + _END, None),
        # Lower case: `New Year` (the holiday) is the `holiday` rule's.
        ("new_year", rf"the\s+new\s+year(?:\s+(?P<y>{YEAR}))?" + _END, None),
        (
            "deictic",
            "(?P<x>"
            + cased(
                "today",
                "tonight",
                "yesterday",
                "tomorrow",
                "the day before yesterday",
                "the day after tomorrow",
            )
            + rf")(?:\s+(?P<pod>{PART_OF_DAY}))?{_END}",
            before.MODIFIER_ONLY,
        ),
        # `mid-afternoon`, `late morning yesterday`: a part of a day, that day
        # or the one last named.
        (
            "part_of_day",
            rf"(?P<pm>{cased('mid', 'late', 'early')})[-\s]?(?P<pod>{PART_OF_DAY})"
            rf"(?:\s+(?P<x>{cased('yesterday', 'today', 'tomorrow')}))?{_END}",
            None,
        ),
        ("reference", rf"(?P<x>{cased(*_REFERENCES)}){_END}", None),
        # "at a later date": the article read before the head, as a head
        # opening on `a` would be tried at every `a` of the text.
        (
            "reference",
            rf"(?P<x>{cased('later date', 'future date')}){_END}",
            before.ARTICLE,
        ),
        (
            "duration",
            rf"(?P<u>{UNIT})(?P<half>\s+and\s+a\s+half)?(?:[\s-]+(?:or\s+so\s+)?"
            rf"(?P<post>{cased(*_AFTER_AMOUNT)}){_END})?{_END}",
            before.DURATION,
        ),
        (
            "vague",
            "(?P<u>"
            + cased(
                "years",
                "months",
                "weeks",
                "days",
                "decades",
                "centuries",
                "hours",
                "minutes",
                "seconds",
            )
            + rf")(?:(?P<long>-long)\b|{_END})",
            before.STRETCH_END,
        ),
        (
            "vague_span",
            rf"(?P<vx>{cased('while', 'time', 'period')}){_END}",
            before.VAGUE_SPAN,
        ),
        (
            "quarter",
            rf"(?P<qu>{cased('quarter', 'half', 'period')})(?:\s+(?:of|in)\s+"
            rf"(?:fiscal\s+)?(?P<qy2>{YEAR}))?(?:\s+(?P<qago>a\s+year\s+"
            rf"(?:ago|earlier))|\s+(?:of\s+)?(?P<qry>last|this|next)\s+year)?{_END}",
            before.QUARTER,
        ),
        (
            "clock",
            (
                r"(?P<h>\d\d?)(?:(?:[:.](?P<mi>[0-5]\d))?\s*"
                r"(?P<ap>[AaPp]\.?\s?[Mm](?![a-z])\.?)|:(?P<mi24>[0-5]\d)(?![\d:])|"
                r"(?P<oc>\s+o['’]clock)|\s+in\s+the\s+(?P<ip>morning|afternoon|evening))",
                clock_tail,
            ),
            before.CLOCK,
        ),
        (
            "clock",
            rf"(?:(?P<nm>{cased('noon', 'midnight', 'midday')})|(?P<hw>"
            + cased(*NUMBER_WORDS[:12])
            + r")\s+o['’]clock)"
            + clock_tail,
            before.CLOCK,
        ),
        (
            "set",
            rf"(?P<e>{cased('every', 'each', 'per', 'once a', 'twice a')})\s+"
            rf"(?:(?P<other>other|single)\s+|(?P<few>few|several)\s+)?"
            rf"(?:(?P<n>{NUMBER})\s+)?(?P<u>{UNIT}|"
            rf"{cased('weekend', 'season')}|{PART_OF_DAY}|{SEASON}|{WEEKDAY}|"
            rf"{MONTH_FULL})" + _END,
            None,
        ),
        ("set", rf"(?P<adv>{cased(*_FREQUENCY)}){_END}", None),
    ]


_NUMERIC_RULES = {"year", "numeric", "decade", "clock", "date", "era"}


@lru_cache(maxsize=8)
def compile_rules(eras: tuple[Era, ...]) -> tuple[Rule, ...]:
    """The rules for a pack's calendar eras, compiled once per set of eras."""
    rules = []
    parsed: Parsed = {}  # pieces parsed, shared by the rules
    for name, pieces, left in [*_dates(eras), *_relatives()]:
        source = pieces if isinstance(pieces, str) else "".join(pieces)
        leads = lead_words(pieces, parsed)
        opens = _opens(pieces, parsed) if leads is None else None
        scanned = leads is None and opens is None
        rules.append(
            Rule(
                name,
                _compile(source, scanned=scanned),
                left,
                name in _NUMERIC_RULES,
                _needs(source),
                leads,
                opens,
            )
        )
    return tuple(rules)


def _opens(source: Source, parsed: Parsed) -> str | None:
    """The class of characters the head `source` opens with, if it holds a
    digit: such heads are tried where those characters open a word."""
    chars = first_chars(source, parsed)
    return chars if chars is not None and re.search(r"\\d|[0-9]", chars) else None


# A head scanned over the whole text that opens on a choice of named groups (a
# year, `’07`, an era year) or on a weekday or a look-behind gives `re` no
# characters to skip ahead to; the `regex` engine scans those 3-6x faster
# (kcna-2024 x 1,500 articles: years 35 -> 169 MB/s, numeric dates 87 -> 263,
# decades 50 -> 128, weekday dates 46 -> 200) and slower than `re` on the
# others. Heads tried only at their lead words or first characters are only
# ever matched at a place, where `re` is as fast and compiles 3x faster (the
# eight such heads of the korea pack: 0.025 -> 0.009 CPU s).
_REGEX_OPENINGS = (
    "(?:(?P<y>",
    "(?P<a>",
    "(?P<iy>",
    "(?:(?P<dd>",
    "(?P<h>",
    "(?P<wd>",
    "(?P<bn>",
)


def _compile(source: str, *, scanned: bool) -> re.Pattern[str]:
    if scanned and source.startswith(_REGEX_OPENINGS):
        return regex.compile(source, regex.V0)  # type: ignore[no-any-return]
    return re.compile(source)


def _needs(source: str) -> tuple[str, ...]:
    """Words every match of the rule `source` contains, lower-cased: only for
    rules whose pattern opens on the group named (a date rule that merely
    ends on a spelled year needs none)."""
    for group, words in _NEEDS.items():
        if source.startswith((f"(?P<{group}>", f"(?:(?P<{group}>")):
            return words
    return ()


_NEEDS = {
    "yw": ("nineteen", "eighteen", "seventeen", "thousand"),  # "nineteen fifty"
    "dd": ("0s", "0's", "0’s"),  # "the 1950s", "the '50s"
    "dw": ("ties",),  # "the fifties"
    "nm": ("noon", "midnight", "midday", "o'clock", "o’clock"),  # "ten o'clock"
}
