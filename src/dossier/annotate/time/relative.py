"""Rules for dates relative to the anchor or the last date: `last week`, `Friday`."""

# Rules for dates named relative to the document date or to the last date mentioned:
# weekdays, `last week`, `that year`, `yesterday`, parts of day (`now` and the other
# references: `references.py`).

from __future__ import annotations

import re
from datetime import date, timedelta

from dossier.annotate.time.calendar import Period, around, day, shift, valid_day
from dossier.annotate.time.context import (
    Context,
    Found,
    Hit,
    day_of,
    in_unit,
    weekday_near,
)
from dossier.annotate.time.quarters import ENDED
from dossier.annotate.time.vocabulary import PART_OF_DAY
from dossier.english import WEEKDAY_NUMBER

# Relations counted from the document date...
ANCHOR_OFFSET = {
    "last": -1, "past": -1, "this past": -1, "the last": -1, "the past": -1,
    "previous": -1, "latest": -1, "the latest": -1, "next": 1, "coming": 1,
    "this coming": 1, "the coming": 1, "upcoming": 1, "the upcoming": 1,
    "this": 0, "current": 0, "the current": 0, "present": 0, "the present": 0,
    "the full": 0, "the whole": 0, "the entire": 0,
}  # fmt: skip
# ... and from the last date the text mentioned.
REFERENCE_OFFSET = {
    "the previous": -1, "the prior": -1, "the preceding": -1, "prior": -1,
    "the following": 1, "the next": 1, "the ensuing": 1, "following": 1,
    "that": 0, "the same": 0, "same": 0, "the": 0,
    # "crossed out that same day": the day last named, said twice over.
    "that same": 0, "that very": 0, "the very same": 0, "the very": 0,
}  # fmt: skip
_UNIT = {"year": "Y", "month": "M", "week": "W", "weekend": "W", "decade": "E"}
_UNIT |= {"century": "C", "day": "D"}


def _time_of(period: Period | None, code: str) -> str:
    return f"{period.value if period else 'XXXX-XX-XX'}T{code}"


# A weekday's own event (`Wednesday's ruling`, `Friday's close`) is news of a
# day now come: all 22 such in TimeBank and AQUAINT are that day or before,
# whatever the clause's tense ("would look for ways around Wednesday's ruling").
_POSSESSIVE = re.compile(r"['’]s\b")


# A weekday before `and` and another weekday with a plural part of day.
_SHARED_PARTS = re.compile(
    r"\s+(?:and|or)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+"
    r"(morning|afternoon|evening|night)s\b"
)


def weekday_rule(hit: Hit, ctx: Context) -> Found | None:
    """`Friday`, `last Wednesday`, `Friday morning`, `on Mondays` and `on
    Friday nights` (sets)."""
    number = WEEKDAY_NUMBER[hit.word("w")]
    if hit.group("db") and (hit.group("pl") or hit.group("pods")):
        return None  # "the day before Mondays": no one day
    if hit.group("pl"):
        return Found("SET", f"XXXX-WXX-{number}", refers=False)
    if hit.group("pods"):
        code = PART_OF_DAY[hit.word("pod")]
        return Found("SET", f"XXXX-WXX-{number}T{code}", refers=False)
    shared = _SHARED_PARTS.match(ctx.text, hit.end)
    if shared:
        # "on Monday and Tuesday nights": the first day shares the nights.
        code = PART_OF_DAY[shared.group(1).lower()]
        return Found("SET", f"XXXX-WXX-{number}T{code}", refers=False)
    relation = hit.word("rel")
    if relation == "the" and re.match(
        r"\s+[A-Z][a-z]", ctx.text[hit.end : hit.end + 3]
    ):
        return None  # a name: "the Sunday Times"
    today = ctx.today
    week = _OF_WEEK.match(ctx.text, hit.end)
    if week and not relation and not hit.group("db") and today is not None:
        return _weekday_of_week(hit, today, number, week)
    when = None
    if relation in REFERENCE_OFFSET and relation != "the":
        base = day_of(ctx.reference) or day_of(ctx.anchor)
        if base is not None:
            offset = REFERENCE_OFFSET[relation]
            tense = {1: "future", -1: "before", 0: "past"}[offset]
            start = base.first - timedelta(days=1) if offset < 0 else base.first
            when = weekday_near(start, number, tense)
    elif today is not None:
        tense = (
            "past"
            if _POSSESSIVE.match(ctx.text, hit.end)
            else ctx.tense(hit.start, hit.end)
        )
        when = _weekday_from(today, number, relation, tense)
    if when is not None and hit.group("db"):
        when += timedelta(days=-1 if hit.word("side") == "before" else 1)
    period = day(when) if when else None
    if hit.group("pod"):
        code = PART_OF_DAY[hit.word("pod")]
        return Found("TIME", _time_of(period, code), period, refers=False)
    if period is None:
        unknown = "XXXX-XX-XX" if hit.group("db") else f"XXXX-WXX-{number}"
        return Found("DATE", unknown, refers=False)
    return Found("DATE", period.value, period)


def _weekday_of_week(
    hit: Hit, today: date, number: int, week: re.Match[str]
) -> Found | None:
    """`Tuesday last week`, `Monday of next week`: the weekday of the ISO
    week the relation names from the document date, one expression (was
    the weekday by the clause's tense and the week apart)."""
    step = _WEEK_STEP[week.group(1).lower()]
    try:
        when = today + timedelta(days=7 * step + number - today.isoweekday())
    except OverflowError:
        return None
    period = day(when)
    if hit.group("pod"):
        code = PART_OF_DAY[hit.word("pod")]
        return Found("TIME", _time_of(period, code), period, end=week.end())
    return Found("DATE", period.value, period, end=week.end())


def _weekday_from(today: date, number: int, relation: str, tense: str) -> date | None:
    """The weekday `number` a relation names from the document date, or None
    past the calendar's ends."""
    try:
        if relation in ANCHOR_OFFSET and ANCHOR_OFFSET[relation] < 0:
            return today - timedelta(days=(today.isoweekday() - number) % 7 or 7)
        if relation in ANCHOR_OFFSET and ANCHOR_OFFSET[relation] > 0:
            return weekday_near(today, number, "future")
        if relation in ("this", "current"):
            # "will be held this Tuesday" told on a Sunday is the Tuesday
            # ahead, "was held this Tuesday" on a Wednesday the one behind:
            # a tense says which; without one, the day of the ISO week.
            if tense in ("future", "past"):
                return weekday_near(today, number, tense)
            return today + timedelta(days=number - today.isoweekday())
    except OverflowError:
        return None
    return weekday_near(today, number, tense)


def _weekend(hit: Hit, ctx: Context, relation: str) -> Found | None:
    today = ctx.today
    if relation in REFERENCE_OFFSET and day_of(ctx.reference):
        week = shift(
            around(ctx.reference.first, "W") if ctx.reference else Period("W", 1, 1),
            "W",
            REFERENCE_OFFSET[relation],
        )
    elif today is not None:
        week = around(today, "W")
        if relation in ANCHOR_OFFSET:
            week = shift(week, "W", ANCHOR_OFFSET[relation])
        elif today.isoweekday() < 6 and ctx.tense(hit.start, hit.end) != "future":
            week = shift(week, "W", -1)
    else:
        return Found("DATE", "XXXX-WXX-WE", refers=False)
    if week is None:
        return None
    saturday = week.first + timedelta(days=5)
    return Found(
        "DATE", f"{week.value}-WE", week, first=saturday, last=saturday + timedelta(1)
    )


# "today is the eighth day", "It's the second day": the day is the document's.
_IS_BEFORE = re.compile(r"\b(?:is|it['’]s|today['’]s)\s+\Z", re.IGNORECASE)


def _made_adjective(hit: Hit) -> Found | None:
    """`day-long`, `year-long`: one unit made an adjective, a length of one
    (not the words before it: "their third day-long meeting")."""
    code = _LENGTH.get(hit.word("u"))
    return Found("DURATION", f"P1{code}", refers=False, bare=True) if code else None


# `past` makes a decade or century the stretch up to the document date (the
# gold of AQUAINT's one `the past decade`); `last` keeps the calendar's unit
# before the date's (TimeBank's `the last decade` 198, KCNA's `the last
# century` 19 in 2024, 2 of 2).
_UP_TO_NOW = frozenset({"past", "the past", "this past"})
_LENGTH = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}


def _counted_day(hit: Hit, ctx: Context) -> Found | None:
    """`the eighth day` of something: the document's day when it is said to
    be ("today is the eighth day of Desert Shield", "It's the second day of
    an offensive"), else a day the text does not date ("on his first day in
    office")."""
    if hit.word("u") != "day" or hit.group("pos"):
        return None
    today = day_of(ctx.anchor)
    if today is not None and _IS_BEFORE.search(
        ctx.text, max(0, hit.start - 12), hit.start
    ):
        return Found("DATE", today.value, today, refers=False)
    return Found("DATE", "XXXX-XX-XX", refers=False)


# `before` or `after` closing its clause after `the day`, `the year`: the
# unit counted from the last date named ("The day before, police had ...").
_TOLD_BEFORE = re.compile(r"[ \t]+(before|after)(?=\s*[,.;:!?]|\s*$)", re.IGNORECASE)
# "the week after next", "the month before last": two units on or back.
_TWO_ON = re.compile(r"[ \t]+(?:(after)[ \t]+next|before[ \t]+last)\b", re.IGNORECASE)
# "Tuesday last week", "Monday of next week": the weekday of that week.
_OF_WEEK = re.compile(
    r"[ \t]+(?:of[ \t]+)?(last|this|next)[ \t]+week\b(?!['’]s|-)", re.IGNORECASE
)
_WEEK_STEP = {"last": -1, "this": 0, "next": 1}


def _day_of_month(hit: Hit, ctx: Context, relation: str) -> Found | None:
    """`the 27th of last month`, `the 3rd of this month`: that day of the
    month the relation names, from the document date or the last date."""
    if hit.word("u") != "month" or hit.group("pos"):
        return None
    if relation in REFERENCE_OFFSET:
        base = in_unit(ctx.reference, "M") or in_unit(ctx.anchor, "M")
        offset = REFERENCE_OFFSET[relation]
    else:
        base = in_unit(ctx.anchor, "M")
        offset = ANCHOR_OFFSET.get(relation, 0)
    month = shift(base, "M", offset) if base else None
    number = int(re.sub(r"\D", "", hit.group("dom") or ""))
    period = valid_day(month.year, month.part, number) if month else None
    return Found("DATE", period.value, period) if period else None


def relative_rule(hit: Hit, ctx: Context) -> Found | None:
    """`last year`, `this week`, `that day`, `the following month`, `this morning`."""
    if hit.group("lg"):
        return _made_adjective(hit)
    if hit.group("ord"):
        return _counted_day(hit, ctx)
    relation = hit.word("rel")
    if not relation:
        return None
    if hit.group("dom"):
        return _day_of_month(hit, ctx, relation)
    word = hit.word("u")
    end = hit.match.start("pos") if hit.group("pos") else None
    printed = hit.group("u") or ""
    if printed[0].isupper() and not printed.isupper():
        return None  # a title: ABC's "This Week"
    if word in ("night", "morning", "evening") and ctx.text.startswith(" of", hit.end):
        return None  # "on the night of Oct. 23": the date says it
    if word in PART_OF_DAY:
        if relation == "the" and _EVENT_CLAUSE.match(ctx.text, hit.end):
            before = ctx.text[max(0, hit.start - 7) : hit.start]
            if _CLAUSE_PREPOSITION.search(before):
                # "tapes from the night the plane went down": the night of an
                # event the clause tells, which the words do not date.
                return Found("TIME", _time_of(None, PART_OF_DAY[word]), refers=False)
        return _part_of_day(hit, ctx, relation, PART_OF_DAY[word])
    if relation in ("year-earlier", "year-ago", "the year-earlier", "the year-ago"):
        base = ctx.base()
        moved = shift(base, "Y", -1) if base else None
        return Found("DATE", moved.value, moved, refers=False) if moved else None
    if word == "weekend":
        return _weekend(hit, ctx, relation)
    unit = _UNIT[word]
    if (
        unit in ("E", "C")
        and relation in _UP_TO_NOW
        and not ctx.text.startswith(" of", hit.end)
    ):
        # "over the past decade" in 1998 is the ten years up to it, not the
        # 1980s; "the past century" in 1989 is not the 19th century.
        return Found("DURATION", "P10Y" if unit == "E" else "P100Y", refers=False)
    if (
        unit == "Y"
        and relation in ("the", "the current")
        and ENDED.match(ctx.text, hit.end)
    ):
        return Found("DURATION", "P1Y", refers=False)  # "for the year ended June 30"
    two_on = _TWO_ON.match(ctx.text, hit.end) if relation == "the" else None
    if two_on and end is None and unit in ("Y", "M", "W") and ctx.anchor is not None:
        base = in_unit(ctx.anchor, unit)
        moved = shift(base, unit, 2 if two_on.group(1) else -2) if base else None
        if moved is not None:
            return Found("DATE", moved.value, moved, end=two_on.end())
    if relation == "the" and end is None:
        told_before = _TOLD_BEFORE.match(ctx.text, hit.end)
        base = in_unit(ctx.reference, unit) if told_before else None
        if told_before and base is not None:
            # "Sales fell in 1998. The year before, they rose": the unit
            # before or after the last one named, the word kept in the span.
            step = -1 if told_before.group(1).lower() == "before" else 1
            moved = shift(base, unit, step)
            if moved is not None:
                return Found("DATE", moved.value, moved, end=told_before.end(1))
    if unit == "D":
        if relation == "the" or (relation in ANCHOR_OFFSET and relation != "next"):
            return None
        relation = "the next" if relation == "next" else relation
    if relation in REFERENCE_OFFSET:
        if relation == "the" and unit in ("E", "C"):
            return None
        offset = REFERENCE_OFFSET[relation]
        reference = ctx.reference
        if (
            offset == 0
            and reference is not None
            and in_unit(reference, unit) is None
            and reference != ctx.anchor
        ):
            # "one day in May 1967 ... That day": a day of the month last
            # named, known only as that month.
            return Found("DATE", reference.value, reference, end=end)
        base = in_unit(reference, unit) or in_unit(ctx.anchor, unit)
    else:
        base = in_unit(ctx.anchor, unit)
        offset = ANCHOR_OFFSET.get(relation, 0)
    if base is None:
        masked = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX"}
        value = masked.get(unit, "XXXX")
        return Found("DATE", value, refers=False, end=end)
    moved = shift(base, unit, offset)
    if moved is None:
        return None
    return Found("DATE", moved.value, moved, end=end)


# A clause right after `the night` ("the night the plane went down", "the
# morning he left") names it by an event; after `during` or `in` the same
# words are a clause of their own ("During the night the rebels attacked").
_EVENT_CLAUSE = re.compile(
    r"[ \t]+(?:that[ \t]+|when[ \t]+)?"
    r"(?:the|a|an|his|her|their|its|our|my|he|she|they|we|I|it)[ \t]"
)
_CLAUSE_PREPOSITION = re.compile(
    r"\b(?:on|from|since|of|until|till|before|after|to)\s+\Z", re.IGNORECASE
)


def _part_of_day(hit: Hit, ctx: Context, relation: str, code: str) -> Found | None:
    if relation in ("this", "the", "that", "the same", "same") or (
        REFERENCE_OFFSET.get(relation) == 0
    ):
        base = day_of(ctx.anchor) if relation == "this" else None
        base = base or day_of(ctx.reference) or day_of(ctx.anchor)
        offset = 0
    elif relation in ("last", "the previous", "previous", "the prior"):
        if relation == "last" and code not in ("NI", "EV"):
            return None
        base = day_of(ctx.anchor) if relation == "last" else day_of(ctx.reference)
        offset = -1
    elif relation in ("next", "the next", "the following", "following"):
        base = day_of(ctx.reference) or day_of(ctx.anchor)
        offset = 1
    else:
        return None
    moved = shift(base, "D", offset) if base else None
    return Found("TIME", _time_of(moved, code), moved, refers=False)


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_DEICTIC |= {"the day before yesterday": -2, "the day after tomorrow": 2}


# Nouns of a time of life rather than a day: "today's youth", "the world of
# tomorrow" speak of an age (none of the 5 such in TimeBank and AQUAINT is
# tagged; "today's editions", "tomorrow's vote" are, and are kept).
_AGE = (
    r"(?:world|youth|society|generations?|children|young|era|age|times"
    r"|people|peoples|life|lives)"
)
_AGE_AFTER = re.compile(rf"['’]s\s+(?:[a-z]+\s+)?{_AGE}\b")
_AGE_BEFORE = re.compile(rf"\b{_AGE}\s+of\s+\Z")


def deictic_rule(hit: Hit, ctx: Context) -> Found | None:
    """`today`, `yesterday`, `tomorrow morning`, `tonight`."""
    word = hit.word("x")
    if word in ("today", "tomorrow", "yesterday") and (
        _AGE_AFTER.match(ctx.text, hit.end)
        or (
            _AGE_BEFORE.search(ctx.text, max(0, hit.start - 16), hit.start)
            and not _POSSESSIVE.match(ctx.text, hit.end)  # "lives of today's dead"
        )
    ):
        return None
    code = PART_OF_DAY.get(hit.word("pod")) or ("NI" if word == "tonight" else None)
    today = day_of(ctx.anchor)
    moved = shift(today, "D", _DEICTIC[word]) if today else None
    if code:
        return Found("TIME", _time_of(moved, code), moved, refers=False)
    if moved is None:
        value = "PRESENT_REF" if word == "today" else "XXXX-XX-XX"
        return Found("DATE", value, refers=False)
    return Found("DATE", moved.value, moved)


def part_of_day_rule(hit: Hit, ctx: Context) -> Found | None:
    """`mid-afternoon`, `late morning yesterday`: on the day named, else on the
    day last mentioned, else on the document's day."""
    code = PART_OF_DAY[hit.word("pod")]
    if hit.word("pm") == "mid" and code not in ("MO", "AF"):
        return None  # "midnight" is a clock time; "mid-evening" is rare
    word = hit.word("x")
    if word:
        today = day_of(ctx.anchor)
        on = shift(today, "D", _DEICTIC[word]) if today else None
    else:
        on = day_of(ctx.reference) or day_of(ctx.anchor)
    return Found("TIME", _time_of(on, code), on, refers=bool(word))
