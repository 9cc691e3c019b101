"""Rules for lengths (`three years`), sets (`every year`), clock times (`3 p.m.`)."""

# Rules for lengths of time (`three years`, `the past two months`), sets (`every year`,
# `annually`, `each Monday`) and clock times (`at 3 p.m.`).

from __future__ import annotations

import dataclasses
import re

from dossier.annotate.time.calendar import Period, coarsen, day, shift, valid_day
from dossier.annotate.time.context import (
    Context,
    Found,
    Hit,
    day_of,
    in_unit,
    named,
    weekday_near,
)
from dossier.annotate.time.vocabulary import (
    PART_OF_DAY,
    SEASON_CODE,
    UNIT_CODE,
    number_value,
)
from dossier.english import MONTH_NUMBER, WEEKDAY_NUMBER

# A part of a unit carried to the next smaller one: 2 1/2 years is P2Y6M.
_SMALLER = {
    "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
    "MIN": ("S", 60), "Q": ("M", 3), "DE": ("Y", 10), "CE": ("Y", 100),
}  # fmt: skip
_IN_YEARS = {"DE": 10, "CE": 100, "ML": 1000}
# The period a date `N units ago` is given at.
_DATE_UNIT = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "DE": "Y", "CE": "Y"}
_SHIFT_UNIT = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "DE": "E", "CE": "C"}


def unit_code(word: str) -> str:
    word = word.lower()
    return UNIT_CODE.get(word) or UNIT_CODE.get(word[:-1]) or UNIT_CODE[word[:-2]]


def duration_value(amount: float | None, code: str) -> str:
    """TimeML duration: `P3D`, `PT5H30M`, `P2Y6M`, `PXY` when vague."""
    if code == "FN":
        code, amount = "W", None if amount is None else amount * 2
    if code in _IN_YEARS and amount is not None:
        code, amount = "Y", amount * _IN_YEARS[code]
    time = code in ("H", "MIN", "S")
    prefix = "PT" if time else "P"
    letter = "M" if code == "MIN" else code
    if amount is None:
        return f"{prefix}X{letter}"
    whole = int(amount)
    rest = amount - whole
    if not rest:
        return f"{prefix}{whole}{letter}"
    smaller, factor = _SMALLER.get(code, (code, 1))
    part = round(rest * factor)
    part_letter = "M" if smaller == "MIN" else smaller
    head = f"{prefix}{whole}{letter}" if whole else prefix
    if not time and smaller in ("H", "MIN", "S"):
        return f"{head}T{part}{part_letter}"
    return f"{head}{part}{part_letter}"


# After "one day" or "a year": a date or a description follows, not an amount.
_NOT_AN_AMOUNT = re.compile(r"\s+(?:in|of|last|this|next)\b")
_AS_BEFORE = re.compile(r"\bas\s+$")
# "in a month's time", "in two weeks' time": a date ahead, not a length.
_IN_TIME = re.compile(r"['’]s?[ \t]+time\b")
_IN_BEFORE = re.compile(r"\b[Ii]n\s+\Z")
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall)\s+$")


def duration_rule(hit: Hit, ctx: Context) -> Found | None:
    """`three years`, `two-year`, `the past two months`, `three days later`;
    a range of counts (`two to three weeks`) one length valued by its first
    count, as a range of dates is by its first date, and one TIMEX3 for
    TimeML (`ranges.endpoints` splits dates only), as TimeBank writes two of
    its three."""
    found = _length(hit, ctx)
    low = hit.word("lo") or hit.word("lob") or hit.word("lod")
    if found is None or not low or hit.left is None:
        return found
    low_amount = number_value(low)
    amount = number_value(hit.word("n"))
    code = unit_code(hit.group("u") or "")
    if (
        low_amount is not None
        and amount is not None
        and low_amount < amount
        and found.type == "DURATION"
        and found.value == duration_value(amount, code)
    ):
        return dataclasses.replace(found, value=duration_value(low_amount, code))
    if hit.word("lod"):
        return None  # "won 3-2 minutes before the end": a score, no length
    # No range of lengths ("cut from 12 to six months", "two to three weeks
    # ago"): the last count's expression alone.
    return dataclasses.replace(found, start=hit.left.start("n"))


def _length(hit: Hit, ctx: Context) -> Found | None:
    number = hit.word("n")
    if not number:
        return None
    unit = hit.group("u") or ""
    code = unit_code(unit)
    post = hit.word("post")
    if post == "old":
        return None  # an age ("a 44-year-old protester") is not a time
    if number in ("a", "an", "a single") and code == "S":
        return None  # "a second term"
    if number in ("a", "an") and unit.lower().endswith("s"):
        return None  # the noun's article: "a decades-long feud"
    if number in ("recent", "coming") and not unit.lower().endswith("s"):
        return None
    if re.fullmatch(r"1\d{3}|20\d\d", number) and not unit.lower().endswith("s"):
        return None  # a year: "the 1988 quarter"
    if unit[0].isupper() and not unit.isupper() and number[:1].isdigit():
        return None  # a title: "60 Minutes"
    if code == "Q" and (
        number in ("a", "an", "one")
        or (ctx.text.startswith(" of", hit.end) and number_value(number) is not None)
    ):
        # A fraction: "a quarter of", "three-quarters of"; not a vague count,
        # "after several quarters of losses".
        return None
    if not post and _NOT_AN_AMOUNT.match(ctx.text, hit.end):
        if number in ("one", "a", "an") and code == "D":
            return None  # "one day in May 1967": a certain day, dated after it
        if number in ("a", "an") and _AS_BEFORE.search(
            ctx.text, max(0, hit.start - 6), hit.start
        ):
            return None  # "recorded as a year of changes": a kind of year
    if (
        number == "one"
        and code == "D"
        and not post
        and _MODAL_BEFORE.search(ctx.text, max(0, hit.start - 8), hit.start)
    ):
        return Found("DATE", "FUTURE_REF", refers=False)  # "it will one day be"
    amount = number_value(number)
    if amount is not None and hit.group("half"):
        amount += 0.5
    value = duration_value(amount, code)
    if (
        not post
        and number in ("a", "an")
        and _RATE.search(ctx.text, max(0, hit.start - 24), hit.start)
    ):
        if _TIMES_BEFORE.search(
            ctx.text, max(0, hit.start - 24), hit.start
        ) and not ctx.text.startswith(("'s", "’s"), hit.end):
            # "three times a week" is how often, as "twice a week" is: a set.
            return Found("SET", value, refers=False)
        # A rate ("$1.76 a year", "700 seats a week"): TimeBank marks these
        # for about one in seven, so they are left out (issue 18).
        return None
    if number == "recent" and code in ("Y", "DE", "CE"):
        return Found("DATE", "PAST_REF", refers=False)  # "in recent years"
    if post in ("ago", "back", "from now", "hence", "earlier", "later"):
        return _moved(hit, ctx, amount, code, post) or Found(
            "DURATION", value, refers=False
        )
    in_time = _IN_TIME.match(ctx.text, hit.end) if not post else None
    if in_time and _IN_BEFORE.search(ctx.text, max(0, hit.start - 4), hit.start):
        # "in two weeks' time": the date that far on from the document's.
        moved = _moved(hit, ctx, amount, code, "from now")
        if moved is not None:
            return dataclasses.replace(moved, end=in_time.end())
    if (
        code == "M"
        and amount
        and amount > 3
        and _SPAN_OF_YEAR.fullmatch(hit.word("det"))
    ):
        _speak_of_year(ctx)
    return Found("DURATION", value, refers=False)


# "the nine months", "the first six months": a stretch of the year under
# discussion. A later "a year earlier" compares with that stretch of the year
# before, which TimeML can only write as the year (so in 6 of 9 in TimeBank).
_SPAN_OF_YEAR = re.compile(r"the(?: first| latest| same)?")


def _speak_of_year(ctx: Context) -> None:
    base = ctx.reference or ctx.anchor
    if base is not None and base.unit not in ("C", "E"):
        ctx.reference = coarsen(base, "Y")


def _moved(
    hit: Hit, ctx: Context, amount: float | None, code: str, post: str
) -> Found | None:
    """The date `N units ago` (from the anchor) or `later` (from the reference)."""
    if amount is None:
        if post in ("ago", "back"):
            return Found("DATE", "PAST_REF", refers=False)
        return None
    if code == "FN":
        code, amount = "W", amount * 2  # "a fortnight ago": two weeks back, a week
    if code == "Y" and amount != int(amount) and amount * 12 == int(amount * 12):
        # "a year and a half ago": eighteen months back, a month.
        code, amount = "M", amount * 12
    if code not in _DATE_UNIT or amount != int(amount):
        return None
    sign = -1 if post in ("ago", "back", "earlier") else 1
    steps = sign * int(amount)
    # Narrative steps ("three days later") move the reference on; comparisons
    # with a year or more back ("a year earlier") are asides that must not.
    refers = code in ("D", "W", "M")
    if post in ("earlier", "later") and ctx.reference is not None:
        moved = shift(ctx.reference, _SHIFT_UNIT[code], steps)
    elif code == "Y" and (reported := ctx.reported()) and reported.unit in ("Q", "H"):
        moved = shift(reported, "Y", steps)
    else:
        base = in_unit(ctx.anchor, _DATE_UNIT[code])
        moved = shift(base, _SHIFT_UNIT[code], steps) if base else None
    return Found("DATE", moved.value, moved, refers=refers) if moved else None


_ADVERB = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "annually": "P1Y", "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D",
    "biweekly": "P2W", "bimonthly": "P2M", "semiannually": "P6M",
    "semi-annually": "P6M", "biannually": "P6M",
}  # fmt: skip
# An amount just before "a year" makes it a rate: a set, not a length.
_RATE = re.compile(
    r"(?:\d|\b(?:hours|days|times|once|twice|flights|seats|million|"
    r"billion|thousand|hundred|dollars|cents))\s+\Z"
)
# A count of times before "a week": how often something happens.
_TIMES_BEFORE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a few)"
    r"\s+times\s+\Z",
    re.IGNORECASE,
)
# Frequency words TimeML marks even before a noun ("his daily life").
_ADJECTIVE_TOO = {"daily", "weekly", "nightly", "hourly"}
_NOT_FREQUENCY = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|their|our|his|her|every|each)\s+$)", re.I
)


def set_rule(hit: Hit, ctx: Context) -> Found | None:
    """`every year`, `each Monday`, `twice a week`, `annually`, `daily`."""
    adverb = hit.word("adv")
    if adverb and named(ctx.text, hit.start, hit.group("adv") or ""):
        return None  # a name: "Rodong Sinmun (Workers’ Daily)"
    if adverb:
        before = ctx.text[max(0, hit.start - 8) : hit.start]
        after = ctx.text[hit.end : hit.end + 2]
        if re.match(r"\s+[A-Z]", after) or (
            _NOT_FREQUENCY.search(before) and not re.match(r"\s+[a-z]", after)
        ):
            return None  # a newspaper: "the daily said", "the daily Rodong Sinmun"
        if adverb not in _ADJECTIVE_TOO and re.match(r"\s+[a-z]", after):
            return None  # "its quarterly dividend": a kind of report, not a time
        return Found("SET", _ADVERB[adverb], refers=False)
    word = hit.word("u")
    every = hit.word("e")
    if word in WEEKDAY_NUMBER:
        return Found("SET", f"XXXX-WXX-{WEEKDAY_NUMBER[word]}", refers=False)
    if word in MONTH_NUMBER:
        return Found("SET", f"XXXX-{MONTH_NUMBER[word]:02d}", refers=False)
    if word in SEASON_CODE:
        return Found("SET", f"XXXX-{SEASON_CODE[word]}", refers=False)
    if word in PART_OF_DAY:
        return Found("SET", f"XXXX-XX-XXT{PART_OF_DAY[word]}", refers=False)
    if word == "weekend":
        return Found("SET", "XXXX-WXX-WE", refers=False)
    if word == "season":
        # "each season" of a league, a harvest or the rains comes once a year.
        return Found("SET", "P1Y", refers=False)
    if hit.group("few"):
        # "every few days": a set whose step the words leave vague (PXD).
        if every == "per" or not word.endswith("s"):
            return None
        return Found("SET", duration_value(None, unit_code(word)), refers=False)
    amount = number_value(hit.word("n")) if hit.group("n") else 1
    if amount is None:
        return None
    if hit.group("other"):
        amount = amount * 2 if hit.word("other") == "other" else amount
    if every == "per" and word.endswith("s"):
        return None
    return Found("SET", duration_value(amount, unit_code(word)), refers=False)


def _day_named(hit: Hit, ctx: Context, prefix: str) -> Period | None:
    """The day a clock time names beside it: `Friday`, `yesterday`, `Nov. 6`."""
    today = day_of(ctx.anchor)
    if hit.group(prefix + "w"):
        if today is None:
            return None
        number = WEEKDAY_NUMBER[hit.word(prefix + "w")]
        when = weekday_near(today.first, number, ctx.tense(hit.start, hit.end))
        return day(when) if when else None
    if hit.group(prefix + "d"):
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
        return shift(today, "D", offsets[hit.word(prefix + "d")]) if today else None
    if hit.group(prefix + "m"):
        month = MONTH_NUMBER[hit.word(prefix + "m").rstrip(".")]
        number = int(re.sub(r"\D", "", hit.group(prefix + "n") or "0"))
        year = ctx.year_for(month, number, hit.start, hit.end)
        if year is None:
            return None
        return valid_day(year, month, number)
    return None


def clock_rule(hit: Hit, ctx: Context) -> Found | None:
    """`at 3 p.m.`, `10:35 a.m.`, `noon Thursday`, `5 p.m. EST, Nov. 6`."""
    hour = int(hit.group("h") or 0)
    minute = int(hit.group("mi") or hit.group("mi24") or 0)
    if hit.group("ap"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if hit.word("ap").startswith("p") else 0)
    elif hit.group("mi24"):
        before = ctx.text[max(0, hit.start - 6) : hit.start].lower()
        if hour > 23 or not (
            re.search(r"\b(?:at|by|from|until|till|to)\s+$", before) or hit.group("tz")
        ):
            return None
    elif hit.group("ip"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (0 if hit.word("ip") == "morning" else 12)
    elif hit.group("nm"):
        if named(ctx.text, hit.start, hit.group("nm") or ""):
            return None  # a title: ``High Noon
        hour, minute = (24 if hit.word("nm") == "midnight" else 12), 0
    else:
        hour = int(hit.group("h") or number_value(hit.word("hw")) or 0)
        if not 1 <= hour <= 12:
            return None
    given = _day_named(hit, ctx, "r") or _day_named(hit, ctx, "s")
    on = given or day_of(ctx.reference) or day_of(ctx.anchor)
    stamp = f"T{hour:02d}:{minute:02d}"
    value = (on.value if on else "XXXX-XX-XX") + stamp
    return Found("TIME", value, on, refers=given is not None)


_AROUND_EVENT = re.compile(r"\s+(?:before|after|that\s+followed|following|ahead)\b")


# `for years`, `within weeks`, and a verb of lasting: `took minutes`, `lasted
# weeks`, `after months of talks` (issue 18: bare lengths missed).
_VAGUE_BEFORE = re.compile(
    r"\b(?:for|in|within|over|after|took|takes?|taking|lasted|lasts?|lasting"
    r"|spent|spends?|spending|waited|waits?|waiting)\s+$"
    # "over the years", "in the weeks ahead": TimeBank marks both.
    r"|\b(?:over|in|during|through|throughout)\s+the\s+$",
    re.IGNORECASE,
)


# ... or what follows: `months of talks`, `weeks ago`, `minutes later`, `days
# after the vote`, `weeks or months` (issue 18; 5 of 6 such are marked in TimeBank).
_VAGUE_AFTER = re.compile(
    r"\s+(?:of\s+(?!the\b|a\b|an\b|this\b|that\b|these\b|those\b)[a-z]|ago\b"
    r"|later\b|earlier\b|after\b|or\s+(?:years|months|weeks|days|hours|minutes)\b)"
)

_OR_UNIT = re.compile(r"\s+or\s+(?:years|months|weeks|days|hours|minutes)\b")


def vague_rule(hit: Hit, ctx: Context) -> Found | None:
    """`for years`, `in decades`, `decades-long`, `months of talks`: a length
    with no number; `the first hours` of something, its words in the extent."""
    if hit.group("fv") and not hit.group("long"):
        if hit.word("u") == "hours" and hit.word("fv").endswith("early"):
            return None  # "the early hours of Thursday morning": a part of a day
        value = duration_value(None, unit_code(hit.word("u")))
        return Found("DURATION", value, refers=False)
    before = ctx.text[max(0, hit.start - 16) : hit.start]
    if not hit.group("long") and not (
        _VAGUE_AFTER.match(ctx.text, hit.end)
        or _VAGUE_BEFORE.search(before)
        or (
            re.search(r"\bthe\s+$", before, re.IGNORECASE)
            and _AROUND_EVENT.match(ctx.text, hit.end)
        )
    ):
        return None
    joined = _OR_UNIT.match(ctx.text, hit.end)
    return Found(
        "DURATION",
        duration_value(None, unit_code(hit.word("u"))),
        refers=False,
        end=joined.end() if joined else None,  # "weeks or months": one length
        bare=True,  # "its first decades-long campaign": the words before not its
    )


def vague_span_rule(hit: Hit, ctx: Context) -> Found | None:
    """`for a while`, `for some time`, `for a fairly lengthy period`."""
    if not hit.group("vd"):
        return None
    if hit.word("vx") == "time" and hit.word("vd") == "a":
        return None  # "for a time" is rare; "in a time of war" is no length
    if hit.word("vx") == "period" and ctx.text.startswith(" of", hit.end):
        return None  # "a period of five years" says its length after it
    return Found("DURATION", "PXX", refers=False)
