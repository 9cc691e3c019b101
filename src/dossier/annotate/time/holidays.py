"""Named days (`Thanksgiving Day`, `May Day`) and the year's end, in context."""

# Named days (`Thanksgiving Day`, `Christmas`, `May Day`, `Easter week`) and phrases of
# the year's end, dated for the year the context gives.

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dossier.annotate.time.calendar import (
    MAX_YEAR,
    MIN_YEAR,
    Period,
    around,
    day,
    shift,
)
from dossier.annotate.time.context import Context, Found, Hit


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The `nth` (1-based; -1 = last) `weekday` (1 = Monday) of a month."""
    if nth < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month = (h + leap - 7 * m + 90) // 25
    return date(year, month, (h + leap - 7 * m + 33 * month + 19) % 32)


def _fixed(month: int, number: int) -> Callable[[int], date]:
    return lambda year: date(year, month, number)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "new year": _fixed(1, 1),
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "valentine's day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "may day": _fixed(5, 1),
    "international women's day": _fixed(3, 8),
    "veterans day": _fixed(11, 11),
    "thanksgiving": lambda year: _nth_weekday(year, 11, 4, 4),
    "thanksgiving day": lambda year: _nth_weekday(year, 11, 4, 4),
    "election day": lambda year: _nth_weekday(year, 11, 1, 1) + timedelta(days=1),
    "labor day": lambda year: _nth_weekday(year, 9, 1, 1),
    "memorial day": lambda year: _nth_weekday(year, 5, 1, -1),
    "easter": easter,
    "easter sunday": easter,
    "easter week": easter,
    "easter monday": lambda year: easter(year) + timedelta(days=1),
    "good friday": lambda year: easter(year) - timedelta(days=2),
    "fourth of july": _fixed(7, 4),
}


def holiday_rule(hit: Hit, ctx: Context) -> Found | None:
    """`Thanksgiving Day`, `last Christmas`, `Easter week`; not `May Day Stadium`."""
    name = hit.word("hd").replace("’", "'")
    if re.match(r"\s+[A-Z]", ctx.text[hit.end : hit.end + 2]):
        return None  # a name: "the May Day Stadium"
    when = HOLIDAYS[name]
    relation = hit.word("rel")
    anchor = ctx.anchor
    if anchor is None:
        return Found("DATE", when(2000).strftime("XXXX-%m-%d"), refers=False)
    if anchor.unit == "Y":
        year = anchor.year + {"last": -1, "next": 1}.get(relation, 0)
    else:
        this_year = when(anchor.year)
        if relation in ("last", "past", "this past"):
            year = anchor.year - (this_year >= anchor.first)
        elif relation in ("next", "coming", "this coming"):
            year = anchor.year + (this_year <= anchor.first)
        elif relation == "this":
            year = anchor.year
        else:
            guess = ctx.year_for(this_year.month, this_year.day, hit.start, hit.end)
            year = anchor.year if guess is None else guess
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None  # past the calendar's ends (an anchor of 9999-12-31)
    found = day(when(year))
    if name == "easter week":
        week = around(found.first, "W")
        return Found("DATE", week.value, week)
    if hit.group("hwe"):
        return _weekend_of(found.first)
    return Found("DATE", found.value, found)


def _weekend_of(holiday: date) -> Found:
    """`the Easter weekend`, `Labor Day weekend`: the weekend the day falls
    in or next to; a Monday's is the one it closes (Saturday to Monday)."""
    saturday = holiday + timedelta(days=6 - holiday.isoweekday())
    if holiday.isoweekday() == 1:
        saturday -= timedelta(days=7)
    week = around(saturday, "W")
    last = saturday + timedelta(days=2 if holiday.isoweekday() == 1 else 1)
    return Found("DATE", f"{week.value}-WE", week, first=saturday, last=last)


def year_end_rule(hit: Hit, ctx: Context) -> Found | None:
    """`by year-end`, `year's end`: the year of the anchor (or the reference)."""
    base = ctx.anchor or ctx.reference
    if base is None:
        return Found("DATE", "XXXX", refers=False)
    year = Period("Y", base.year)
    return Found("DATE", year.value, year, refers=False)


def year_back_rule(hit: Hit, ctx: Context) -> Found | None:
    """`year-earlier profit`, `the year-ago results`: a year before the period
    being reported (a quarter in earnings news), else the anchor's last year."""
    reference = ctx.reported()
    if reference is not None and reference.unit in ("Q", "H"):
        moved = shift(reference, "Y", -1)
    elif ctx.anchor is not None:
        moved = Period("Y", ctx.anchor.year - 1)
    else:
        return Found("DATE", "XXXX", refers=False)
    return Found("DATE", moved.value, moved, refers=False) if moved else None


# Up to this month of the anchor, "the new year" is the anchor's own year
# (greetings run into January and February); later it is the coming one.
NEW_YEAR_UNTIL_MONTH = 2


def new_year_rule(hit: Hit, ctx: Context) -> Found | None:
    """`the new year`: the year just begun, or the one coming; `the new year
    2024` says which."""
    printed = hit.group("y")
    if printed:
        year = Period("Y", int(printed))
        return Found("DATE", year.value, year, refers=False)
    anchor = ctx.anchor
    if anchor is None:
        return Found("DATE", "XXXX", refers=False)
    early = anchor.unit in ("M", "D") and anchor.part <= NEW_YEAR_UNTIL_MONTH
    year = Period("Y", anchor.year if early else anchor.year + 1)
    return Found("DATE", year.value, year, refers=False)
