"""Rules for dates printed with a month: `10 October 1945`, `May 20-26`, `in May`."""

# Rules for calendar dates printed with a month: days (`10 October 1945`, `July 27,
# 1953`, `May 20-26`), months and seasons, with or without a year.

from __future__ import annotations

import re
from datetime import date

from dossier.annotate.time.calendar import MAX_YEAR, MIN_YEAR, Period, around, valid_day
from dossier.annotate.time.context import Context, Found, Hit
from dossier.annotate.time.vocabulary import SEASON_CODE
from dossier.annotate.time.years import DATE_PREPOSITION, century_year, year_of
from dossier.dates import month_number
from dossier.english import MONTHS, ORDINAL_NUMBER, WEEKDAY_NUMBER

_SEASONS = ("SP", "SU", "FA", "WI")


# Words after a four-digit number that make it a count, not a year.
def _day_number(hit: Hit) -> int | None:
    if hit.group("d"):
        return int(re.sub(r"\D", "", hit.group("d") or ""))
    return ORDINAL_NUMBER.get(hit.word("dw"))


# One capitalised word after a date, then a lower-case noun of an act
# (`-ings`, `-ion(s)`, `-ment(s)`): the noun heads the phrase and the capital
# modifies it ("the Aug. 7 Embassy bombings", "the Nov. 3 Senate elections"),
# so the date is a time. A name ends on its capitals ("the June 15 Joint
# Declaration was", "the April 25 Team took", "the February 16 Kanggye Art
# School helped": every such phrase in kcna-2024), and a name of two or more
# may itself modify such a noun ("the June 15 Joint Declaration
# implementation"). Not a bare `-ing`: "the April 25 Team winning the cup".
_EVENT_HEAD = re.compile(r"\s+[A-Z][a-z]+\s+[a-z]+(?:ings|ions?|ments?)\b")


def _named_event(hit: Hit, ctx: Context) -> bool:
    """`the June 15 Joint Declaration`: a date used as a name, not a time."""
    before = ctx.text[max(0, hit.start - 4) : hit.start].lower()
    after = ctx.text[hit.end : hit.end + 3]
    return (
        before.endswith("the ")
        and re.match(r"\s+[A-Z][a-z]", after) is not None
        and _EVENT_HEAD.match(ctx.text, hit.end) is None
    )


def date_rule(hit: Hit, ctx: Context) -> Found | None:
    """`10 October 1945`, `July 27, 1953`, `Sunday 7 October’07`, `May 20-26`."""
    month, number = month_number(hit.word("m")), _day_number(hit)
    if month is None or number is None or _named_event(hit, ctx):
        return None
    year = year_of(hit, "y", ctx)
    if year is None and hit.group("ys2"):
        year = century_year(int((hit.group("ys2") or "")[1:]), ctx)
    explicit = year is not None
    if year is None and hit.group("ry") and ctx.anchor is not None:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(hit.word("ry"), 0)
    elif year is None:
        year = ctx.year_for(month, number, hit.start, hit.end)
        weekday = _weekday_number(hit.word("wd"))
        if year is not None and weekday is not None:
            year = _year_with_weekday(year, month, number, weekday)
    if year is None:
        return Found("DATE", f"XXXX-{month:02d}-{number:02d}", refers=False)
    period = valid_day(year, month, number)
    if period is None:
        return None
    if explicit:
        ctx.printed_day(year, hit.start)
    if hit.group("wk"):
        week = around(period.first, "W")
        return Found("DATE", week.value, week)
    until = None
    if hit.group("d2"):
        connector = hit.word("to")
        last = valid_day(year, month, int(re.sub(r"\D", "", hit.group("d2") or "")))
        between = ctx.text[max(0, hit.start - 8) : hit.start].lower()
        # Two days joined by `and` are a range only after `between` or when
        # they are next to each other ("on April 24 and 25"); "on May 3 and
        # 9" leaves out the days between.
        if (
            last is None
            or last.day <= number
            or (
                connector == "and"
                and not between.endswith("between ")
                and last.day != number + 1
            )
        ):
            if hit.match.start("m") > hit.match.start("d2"):
                return None
            return Found("DATE", period.value, period, end=hit.match.end("d"))
        until = last
    # The last day of a quarter or half just named ("the quarter ended Sept.
    # 29") is not what follows speaks of: "up 39% from a year earlier"
    # compares the quarters (3 of the 4 such in TimeBank give a quarter, one
    # as QX; the fourth the day).
    refers = _CLOSES_PERIOD.search(ctx.text, max(0, hit.start - 40), hit.start) is None
    end = _full_stop(hit)
    return Found("DATE", period.value, period, until, refers=refers, end=end)


def _full_stop(hit: Hit) -> int | None:
    """Where the date ends when its last character is the sentence's full
    stop after a month written whole (`took effect on 1 January.`): the
    dot the pattern allows after `Jan.` is no part of `January`."""
    match = hit.match
    if match.group("m") is None or match.end("m") != match.end() - 1:
        return None
    if not match.group(0).endswith(".") or match.end() != hit.end:
        return None
    return hit.end - 1 if match.group("m").lower() in _WHOLE_MONTHS else None


_WHOLE_MONTHS = frozenset(name.lower() for name in MONTHS)


_CLOSES_PERIOD = re.compile(
    r"\b(?:quarter|period|half)\s+(?:that\s+|which\s+)?"
    r"(?:ended|ending|ends)\s+\Z"
)


def _weekday_number(word: str) -> int | None:
    word = word.rstrip(".")
    for name, number in WEEKDAY_NUMBER.items():
        if word and name.startswith(word[:3]):
            return number
    return None


def _year_with_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year near `year` in which that day falls on that weekday."""
    for candidate in (year, year - 1, year + 1):
        try:
            if date(candidate, month, day).isoweekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def month_year_rule(hit: Hit, ctx: Context) -> Found | None:
    """`October 1998`, `June 1950`, `September Juche 102 (2013)`."""
    month, year = month_number(hit.word("m")), year_of(hit, "y", ctx)
    if month is None or year is None:
        return None
    ctx.explicit_year, ctx.lends_until = (year, hit.start), None
    period = Period("M", year, month)
    return Found("DATE", period.value, period)


def month_rule(hit: Hit, ctx: Context) -> Found | None:
    """`in May`, `last October`, `June last year`; not `May` the verb."""
    month = month_number(hit.word("m"))
    if month is None:
        return None
    relation = hit.word("rel")
    before = ctx.text[max(0, hit.start - 12) : hit.start]
    if _named_event(hit, ctx):
        return None
    if relation == "the" or re.search(r"\ban?\s+$", before, re.IGNORECASE):
        if not re.match(r"\s+[a-z]", ctx.text[hit.end : hit.end + 2]):
            return None  # "the March First Movement"; but "the October slaying"
        relation = ""
    elif not (relation or hit.group("mod") or DATE_PREPOSITION.search(before)):
        return None
    told = _year_told(hit, ctx)
    if told is not None:
        period = Period("M", told[0], month)
        return Found("DATE", period.value, period, end=told[1])
    year = _relative_year(hit, ctx, month, relation)
    if year is None:
        return Found("DATE", f"XXXX-{month:02d}", refers=False)
    period = Period("M", year, month)
    return Found("DATE", period.value, period)


# "in June of that year", "the fall of the following year", "in March of
# this year": the year told by its relation to the last date named or to the
# document's, one expression with the month or season (as TimeML tags it).
_OF_YEAR_TOLD = re.compile(
    r"\s+of\s+(that|the\s+same|the\s+following|the\s+next|the\s+previous"
    r"|the\s+preceding|this|last|next)\s+year\b",
    re.IGNORECASE,
)
_YEAR_STEP = {"the following": 1, "the next": 1, "next": 1, "last": -1}
_YEAR_STEP |= {"the previous": -1, "the preceding": -1}
_FROM_ANCHOR = ("this", "last", "next")


def _year_told(hit: Hit, ctx: Context) -> tuple[int, int] | None:
    """The year and the end of `of that year` after a month or season."""
    told = _OF_YEAR_TOLD.match(ctx.text, hit.end)
    if told is None or hit.group("ry") or hit.group("y"):
        return None
    relation = " ".join(told.group(1).lower().split())
    base = ctx.anchor if relation in _FROM_ANCHOR else ctx.base()
    if base is None:
        return None
    year = base.year + _YEAR_STEP.get(relation, 0)
    return (year, told.end()) if MIN_YEAR <= year <= MAX_YEAR else None


def _relative_year(hit: Hit, ctx: Context, month: int, relation: str) -> int | None:
    """The year of a month or season named by `last`, `next`, `that` or none;
    None past the calendar's ends (`next May` in a text dated 9999-12-31)."""
    year = _year_named(hit, ctx, month, relation)
    return year if year is None or MIN_YEAR <= year <= MAX_YEAR else None


def _year_named(hit: Hit, ctx: Context, month: int, relation: str) -> int | None:
    year_word = hit.word("ry")
    anchor = ctx.anchor
    if year_word and anchor:
        return anchor.year + {"last": -1, "next": 1}.get(year_word, 0)
    if relation in (
        "that", "that same", "that very", "the following", "the previous", "the next"
    ):  # fmt: skip
        base = ctx.base()
        if base is None:
            return None
        shift = {"the following": 1, "the next": 1, "the previous": -1}
        return base.year + shift.get(relation, 0)
    if anchor is None:
        return ctx.reference.year if ctx.reference else None
    known = anchor.part if anchor.unit in ("D", "M") else None
    if relation in ("last", "past", "this past", "the last", "the past", "previous"):
        # "last February" written in March is a year back: the month just gone
        # would be "last month" (issue 18).
        return anchor.year if known and month < known - 1 else anchor.year - 1
    if relation in ("next", "coming", "this coming", "the coming", "upcoming"):
        return anchor.year if known and month > known else anchor.year + 1
    if relation in ("this", "current", "the current"):
        return anchor.year
    return ctx.year_for(month, None, hit.start, hit.end)


# `fall of` before anything but a year ("the fall of 1989", "of that year",
# read before) names a collapse: "the fall of the Berlin Wall", "of Saigon".
_FALL_OF = re.compile(r"\s+of\s", re.IGNORECASE)


def season_rule(hit: Hit, ctx: Context) -> Found | None:
    """`autumn 1950`, `last fall`, `this summer`, `the winter of 1994`."""
    code = SEASON_CODE[hit.word("s")]
    printed = hit.group("s") or ""
    if (
        printed[0].isupper()
        and not printed.isupper()
        and hit.start == hit.match.start()
    ):
        before = ctx.text[max(0, hit.start - 3) : hit.start]
        if before.strip() and not re.search(r"[.!?\n]\W*$", before):
            return None  # a name: "``Spring of Life'' demonstrations"
    relation = hit.word("rel")
    year = year_of(hit, "y", ctx)
    told = _year_told(hit, ctx) if year is None else None
    if told is not None:
        period = Period("S", told[0], _SEASONS.index(code))
        return Found("DATE", period.value, period, end=told[1])
    if year is None:
        if code == "FA" and not (relation or hit.group("ry") or hit.group("mod")):
            return None
        if code == "FA" and _FALL_OF.match(ctx.text, hit.end):
            return None  # "the fall of Saigon": a collapse, not the autumn
        start_month = (3, 6, 9, 12)[_SEASONS.index(code)]
        year = _relative_year(hit, ctx, start_month, relation)
    if year is None:
        return Found("DATE", f"XXXX-{code}", refers=False)
    period = Period("S", year, _SEASONS.index(code))
    return Found("DATE", period.value, period)
