"""Rules for years and longer: `1990`, `Juche 113 (2024)`, `1950-53`, decades."""

# Rules for years and longer periods: `1990`, `fiscal 1989`, `Juche 113 (2024)`,
# `1950-53`, numeric dates, decades and centuries.

from __future__ import annotations

import re

from dossier.annotate.time.calendar import MAX_YEAR, Period, valid_day
from dossier.annotate.time.context import Context, Found, Hit
from dossier.annotate.time.vocabulary import ordinal_value, spelled_year
from dossier.dates import era_year, month_and_day

# Words before a bare month or year that make it a date ("in May", "since 1990");
# without one, "May" is usually the verb and "March" the noun.
DATE_PREPOSITION = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|before|after|between|"
    r"to|of|and|or|for|as\s+of|on|early|late|mid|last|next|this|that|each|every|"
    r"around|about|circa|c\.|throughout|into|spring|summer|autumn|fall|winter|"
    r"year|years|fiscal|calendar|vintage|class|pre|post)|[-–(,])\s*$",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    r"\s*(?:%|percent|per\s*cent|[ap]\.?m\b|hours?\b|GMT|UTC|(?:sq(?:uare)?\s+)?"
    r"(?:feet|foot|ft|metres?|meters?|m|km|kilometers?|kilometres?|miles?|yards?|"
    r"inches|cm|mm|tons?|tonnes?|kg|kilograms?|pounds?|lbs?|dollars?|yuan|won|"
    r"euros?|yen|rubles?|people|persons?|troops|soldiers|men|women|children|"
    r"workers|members|delegates|shares|units|cases|cars|vehicles|households|"
    r"families|students|hectares|acres|barrels|points?|votes?|seats?|copies|"
    r"deaths|casualties|employees|jobs|residents|refugees|times|calories|"
    r"megawatts|kilowatts|watts|degrees|rounds|pieces|sets|lines|pages|words|"
    r"items|vessels|ships|planes|aircraft|tanks|rockets|missiles|meter|"
    r"metre|titles|films|books|songs|entries)\b|[-–][a-z])",
    re.IGNORECASE,
)
_NUMBERED = re.compile(
    r"(?:\b(?:no|nos|number|numbers|page|pages|p|pp|article|articles|section|"
    r"resolution|flight|route|room|box|suite|highway|interstate|lot|unit|chapter|"
    r"model|boeing|airbus|windows|office|hall|level|code|tel|phone|fax|item|"
    r"paragraph|rule|law|decree|bill|vol|volume|issue|figure|fig|table|"
    r"division|regiment|squad|hill|height|over|under|than|some|about|nearly|"
    r"almost|total|totalling)\.?|[$£€¥#№+*/×])\s*$",
    re.IGNORECASE,
)


def century_year(two: int, ctx: Context) -> int:
    """A two-digit year in the century that puts it nearest before the anchor."""
    now = ctx.anchor.year if ctx.anchor else 2000
    year = now - now % 100 + two
    return year - 100 if year > now + 10 else year


def year_of(hit: Hit, name: str, ctx: Context) -> int | None:
    """The year a `_year_or_era` group printed: `1950`, `’07` or `Juche 39`."""
    if hit.group(name):
        return int(hit.group(name) or 0)
    short = hit.group(name + "s")
    if short:
        return century_year(int(short[1:]), ctx)
    spelled = hit.group(name + "w")
    if spelled:
        return spelled_year(spelled)
    era = hit.group(name + "e")
    if era:
        return era_year(era, int(hit.group(name + "n") or 0), ctx.pack.eras)
    return None


def _not_a_year(hit: Hit, ctx: Context) -> bool:
    """A number that only looks like a year: `2000 soldiers`, `page 1950`,
    `$1990`, or a lone `’07` or `two thousand` with no word to make it a date."""
    text = ctx.text
    core = hit.match.start()
    prepared = DATE_PREPOSITION.search(text[max(0, core - 12) : core]) is not None
    framed = bool(hit.group("mod") or hit.group("fy"))
    if hit.group("ys"):
        return not (framed or prepared)
    if hit.group("yw"):
        spelled_number = hit.word("yw").startswith("two thousand")
        return spelled_number and (
            not (hit.group("fy") or prepared)
            or _COUNTED.match(text, hit.end) is not None
        )
    if framed or not hit.group("y"):
        return False
    if _NUMBERED.search(text[max(0, core - 14) : core]) and not prepared:
        return True
    if _COUNTED.match(text, hit.match.end("y")):
        return True
    return int(hit.group("y") or 0) < 1500 and not prepared


def year_rule(hit: Hit, ctx: Context) -> Found | None:
    """`1990`, `fiscal 1989`, `Juche 113 (2024)`, `1950-53`, `between 1950 and 1953`."""
    text = ctx.text
    if _not_a_year(hit, ctx):
        return None
    year = year_of(hit, "y", ctx)
    if year is None:
        return None
    period = Period("Y", year)
    ctx.printed_year(year, hit.start, hit.end)
    connector = hit.word("to")
    if not connector:
        return Found("DATE", period.value, period)
    last_year = year_of(hit, "z", ctx)
    if last_year is None and hit.group("zz"):
        two = int(hit.group("zz") or 0)
        last_year = year - year % 100 + two
        if two <= year % 100:
            last_year += 100
    before = text[max(0, hit.start - 8) : hit.start].lower()
    ranged = last_year is not None and year < last_year <= year + 200
    if connector == "and" and not before.endswith("between "):
        ranged = False
    if connector in ("to", "through", "until", "till") and not hit.group("z"):
        ranged = False
    if not ranged or last_year is None:
        return Found("DATE", period.value, period, end=_year_end(hit))
    return Found("DATE", period.value, period, Period("Y", last_year))


def _year_end(hit: Hit) -> int:
    for name in ("yg", "yn", "y", "ys"):
        if name in hit.match.re.groupindex and hit.match.group(name):
            end = hit.match.end(name)
            return end + 1 if name == "yg" else end
    return hit.end


def numeric_rule(hit: Hit, ctx: Context) -> Found | None:
    """`16/10/2021` (day first when forced or by the pack), `2021-10-16`."""
    if hit.group("iy"):
        period = valid_day(
            int(hit.group("iy") or 0),
            int(hit.group("im") or 0),
            int(hit.group("id") or 0),
        )
    else:
        first, second = int(hit.group("a") or 0), int(hit.group("b") or 0)
        printed = hit.group("ny") or ""
        if hit.group("sep") == "." and len(printed) == 2:
            return None
        year = int(printed) if len(printed) == 4 else century_year(int(printed), ctx)
        month, day = month_and_day(first, second, day_first=ctx.pack.day_first)
        period = valid_day(year, month, day)
    if period is None:
        return None
    ctx.printed_day(period.year, hit.start)
    return Found("DATE", period.value, period)


_DECADE_WORD = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip


# Before it, a year with two zeros and `s` names its century ("the 1700s");
# "the 2000s" is as often the first decade of this one.
CENTURY_NOT_DECADE = 2000


def decade_rule(hit: Hit, ctx: Context) -> Found | None:
    """`the 1920s`, `the ’80s`, `the late nineties` (never seconds)."""
    if hit.group("dd"):
        first = int(hit.group("dd") or 0)
        if first % 100 == 0 and first < CENTURY_NOT_DECADE:
            # "the 1800s", "the early 1900s": the hundred years, TimeML's
            # `18` and `19`, as "the 19th century" is; "the 2000s" the decade.
            period = Period("C", first)
            return Found("DATE", period.value, period)
    else:
        if hit.group("dw") and not (hit.group("rel") or hit.group("mod")):
            return None
        if hit.word("rel") not in ("", "the"):
            return None
        if hit.group("ds"):
            two = int(hit.group("ds") or 0)  # the digits after the mark
        else:
            two = _DECADE_WORD[hit.word("dw")]
        century = {"nineteen": 1900, "twenty": 2000}.get(hit.word("dc"))
        first = century + two if century else century_year(two, ctx)
    period = Period("E", first)
    return Found("DATE", period.value, period)


def century_rule(hit: Hit, ctx: Context) -> Found | None:
    """`the 21st century`, `nineteenth-century France`: value `20`, `18`."""
    if not (hit.group("cn") or hit.group("cw")):
        return None
    number = ordinal_value(hit.group("cn") or hit.word("cw"))
    if number is None or not 1 <= number <= 30:
        return None
    if hit.group("cbc"):
        # As issue 13 gives it: `the 3rd century BC` is `BC03`; no days.
        return Found("DATE", f"BC{number:02d}", refers=False)
    period = Period("C", (number - 1) * 100)
    return Found("DATE", period.value, period)


def era_rule(hit: Hit, ctx: Context) -> Found | None:
    """`277 B.C.` (TimeML `BC0277`, no days), `AD 79` and `79 CE` (`0079`)."""
    number = int((hit.group("bn") or "0").replace(",", ""))
    if number == 0:
        return None  # no year 0 in either era
    if hit.group("bc"):
        return Found("DATE", f"BC{number:04d}", refers=False)
    if number > MAX_YEAR:
        return None
    period = Period("Y", number)
    ctx.explicit_year, ctx.lends_until = (number, hit.start), None
    return Found("DATE", period.value, period)
