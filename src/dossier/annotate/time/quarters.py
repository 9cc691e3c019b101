"""Rules for quarters and halves of (fiscal) years: `the third quarter`."""

# Rules for quarters and halves of (fiscal) years: `the third quarter`, `third-quarter`,
# `the year-ago period`, `the first half of 1990`.

from __future__ import annotations

import re

from dossier.annotate.time.calendar import MAX_YEAR, MIN_YEAR, Period, coarsen, shift
from dossier.annotate.time.context import Context, Found, Hit, in_unit
from dossier.annotate.time.fragments import MONTH
from dossier.english import MONTH_NUMBER

# "the year ended June 30", "the quarter ending Sept. 30": a period named by
# its last day.
ENDED = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to)\s+(?P<m>"
    + MONTH
    + r")\.?\s+(?P<d>\d{1,2})\b(?:,?\s+(?P<y>\d{4}))?"
)


_ORDINAL = re.compile(r"\b(first|second|third|fourth|final|1st|2nd|3rd|4th)\b")
_PART = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_PART |= {"fourth": 4, "4th": 4}
_YEAR_IN = re.compile(r"\b(1[0-9]\d\d|20\d\d)\b")


def quarter_rule(hit: Hit, ctx: Context) -> Found | None:
    """`the third quarter`, `third-quarter`, `the year-ago period`, `the first half`."""
    head = hit.word("qu")
    unit = "H" if head == "half" else "Q"
    determiner = hit.word("det").replace("’", "'")
    words = hit.word("qa").replace("-", " ")
    ordinal = _ORDINAL.search(words)
    told = hit.word("qry")  # "the third quarter of last year"
    back = bool(
        re.search(r"year (?:earlier|ago|before)", words)
        or hit.group("qago")
        or (told == "last" and not ordinal)
    )
    printed = _YEAR_IN.search(words) or _YEAR_IN.search(hit.group("qy2") or "")
    if determiner in ("each", "every") or not (determiner or words):
        return None
    if len(_YEAR_IN.findall(words)) > 1:
        return None  # "the 1996-2000 period": years, not a quarter of one
    if head == "period" and not (back or printed or words):
        return None
    if (head == "half" or determiner == "a") and not ordinal:
        return None
    ended = ENDED.match(ctx.text, hit.end) if head != "half" else None
    if ended and not ordinal and not back:
        found = _ended(ended, ctx)
        if found is not None:
            return found
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(told, 0) if ctx.anchor else 0
    if ordinal and told and MIN_YEAR <= year <= MAX_YEAR and not printed:
        # The year told by its relation to the document's: the quarter of it,
        # whether still to come or not.
        told_period = Period(unit, year, _number(ordinal.group(1), unit))
        return Found("DATE", told_period.value, told_period)
    if ordinal:
        period = _numbered(hit, ctx, unit, ordinal.group(1), printed)
        if period is None:
            return Found("DATE", f"XXXX-{unit}{_number(ordinal.group(1), unit)}")
    else:
        period = _named(ctx, unit, head, f"{determiner} {words}", back=back)
        if period is not None and printed:
            period = Period(period.unit, int(printed.group(1)), period.part)
    year_shift = {"last year's": -1, "next year's": 1}.get(determiner, 0) - back
    if period is not None and year_shift:
        period = shift(period, "Y", year_shift)
    if period is None:
        return Found("DATE", f"XXXX-{unit}X", refers=False)
    # A year-ago comparison is an aside: what follows still speaks of the
    # period before it ("a year earlier" must not drift back a year each time).
    return Found("DATE", period.value, period, refers=not back)


def _number(word: str, unit: str) -> int:
    return min(_PART.get(word, 4), 4 if unit == "Q" else 2)


def _ended(ended: re.Match[str], ctx: Context) -> Found | None:
    """`the quarter ended Sept. 30`: the quarter its last month closes."""
    month = MONTH_NUMBER[ended.group("m").lower().rstrip(".")]
    if ended.group("y"):
        year = int(ended.group("y"))
    elif ctx.anchor is not None:
        later = ctx.anchor.unit != "Y" and month > ctx.anchor.part
        year = ctx.anchor.year - later
    else:
        return None
    # A fiscal quarter ending July 31 runs May-July: name it by its middle
    # month's calendar quarter.
    period = Period("Q", year, (month - 2) % 12 // 3 + 1)
    return Found("DATE", period.value, period)


def _numbered(
    hit: Hit, ctx: Context, unit: str, word: str, printed: re.Match[str] | None
) -> Period | None:
    """`the third quarter` of the printed year, else of the anchor's year (the
    year before when that quarter is still to come and the clause is not in
    the future)."""
    number = _number(word, unit)
    if printed:
        return Period(unit, int(printed.group(1)), number)
    if ctx.anchor is None:
        return None
    period = Period(unit, ctx.anchor.year, number)
    anchor = in_unit(ctx.anchor, unit)
    if (
        anchor
        and period.first > anchor.last
        and ctx.tense(hit.start, hit.end) != "future"
    ):
        return Period(unit, ctx.anchor.year - 1, number)
    return period


# Periods "the same period" repeats as they are; a day or a year is coarsened
# to its quarter as for "the period" (TimeBank's year-earlier quarter).
_OWN_PERIOD = frozenset({"M", "Q", "H", "S", "W"})


def _named(
    ctx: Context, unit: str, head: str, words: str, *, back: bool = False
) -> Period | None:
    """`this quarter`, `the latest quarter`, `the quarter`, `the period`;
    with `back`, the period a year-ago comparison is made against."""
    anchor = in_unit(ctx.anchor, unit)
    reference = ctx.reported() if back else ctx.reference
    if re.search(r"\b(?:current|this)\b", words):
        return anchor
    if re.search(r"\b(?:next|coming|upcoming)\b", words):
        return shift(anchor, unit, 1) if anchor else None
    if re.search(r"\b(?:latest|recent|just ended|last)\b", words):
        return shift(anchor, unit, -1) if anchor else None
    if head == "period" and reference is not None:
        if re.search(r"\bsame\b", words) and reference.unit in _OWN_PERIOD:
            # "In July alone, ... as against the same period of last year":
            # the month, half or season just named (kcna-2024, 12 such).
            return reference
        return coarsen(reference, "Q")
    reference = in_unit(reference, unit)
    return reference or (shift(anchor, unit, -1) if anchor else None)
