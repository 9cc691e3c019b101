"""Find rule matches in a text and choose among overlapping ones."""

# Each rule's head pattern is scanned over the whole text (in C); the words that may
# stand before a head are read only where a head matched. Overlaps are settled left to
# right, longest first, and a rule may still refuse its match (`May` the verb), in which
# case the next candidate at that place is tried.

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator

from dossier.annotate.time import (
    absolute,
    durations,
    holidays,
    quarters,
    relative,
    years,
)
from dossier.annotate.time.calendar import Period
from dossier.annotate.time.context import Context, Found, Hit
from dossier.annotate.time.patterns import Rule

Handler = Callable[[Hit, Context], Found | None]
HANDLERS: dict[str, Handler] = {
    "date": absolute.date_rule,
    "month_year": absolute.month_year_rule,
    "month": absolute.month_rule,
    "season": absolute.season_rule,
    "year": years.year_rule,
    "numeric": years.numeric_rule,
    "decade": years.decade_rule,
    "century": years.century_rule,
    "weekday": relative.weekday_rule,
    "relative": relative.relative_rule,
    "deictic": relative.deictic_rule,
    "reference": relative.reference_rule,
    "quarter": quarters.quarter_rule,
    "duration": durations.duration_rule,
    "set": durations.set_rule,
    "clock": durations.clock_rule,
    "vague": durations.vague_rule,
    "holiday": holidays.holiday_rule,
    "year_end": holidays.year_end_rule,
    "year_back": holidays.year_back_rule,
}
# How far back the words before a head are read ("the better part of the").
LEFT_WINDOW = 48
_MONEY = frozenset("$£€¥#")


def _starts_word(text: str, start: int, numeric: bool) -> bool:
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalnum() or before == "_":
        return False
    if numeric and before in _MONEY:
        return False
    return not (numeric and before in ".,:" and start > 1 and text[start - 2].isdigit())


def _matches(text: str, rule: Rule) -> Iterator[re.Match[str]]:
    search = rule.pattern.search
    position = 0
    while (match := search(text, position)) is not None:
        start = match.start()
        if _starts_word(text, start, rule.numeric):
            yield match
            position = max(match.end(), start + 1)
        else:
            position = start + 1


def _hits(text: str, rules: tuple[Rule, ...]) -> list[tuple[int, int, int, Hit]]:
    hits = []
    # Several rules share a head pattern (a weekday head for dates and for
    # weekdays, a year head for years and eras): scan each pattern once.
    scanned: dict[tuple[str, bool], list[re.Match[str]]] = {}
    lowered = text.lower()
    for index, rule in enumerate(rules):
        if rule.needs and not any(word in lowered for word in rule.needs):
            continue
        key = (rule.pattern.pattern, rule.numeric)
        if key not in scanned:
            scanned[key] = list(_matches(text, rule))
        for match in scanned[key]:
            start, end = match.span()
            left = None
            if rule.before is not None and rule.before.may_match(text, start):
                window = max(0, start - LEFT_WINDOW)
                left = rule.before.pattern.search(text, window, start)
                if left is not None and (
                    left.start() == start or "\n\n" in text[left.start() : start]
                ):
                    left = None
            first = left.start() if left is not None else start
            hits.append((first, -end, index, Hit(match, left, first, end)))
    hits.sort(key=lambda item: item[:3])
    return hits


_HALF = re.compile(r"\b(?:(first)|second|last|latter)\s+half\s+of\b")


def _halved(hit: Hit, found: Found) -> Found:
    """`the second half of the year` is the year's second half (`2024-H2`)."""
    half = _HALF.search(hit.word("mod"))
    period = found.period
    if half is None or period is None or period.unit != "Y" or found.until:
        return found
    halved = Period("H", period.year, 1 if half.group(1) else 2)
    return dataclasses.replace(found, value=halved.value, period=halved)


def find(
    text: str, rules: tuple[Rule, ...], ctx: Context
) -> Iterator[tuple[int, int, Found]]:
    """Chosen matches in text order, each as (start, end, what its rule made)."""
    taken = 0
    for _, _, index, hit in _hits(text, rules):
        if hit.end <= taken:
            continue
        if hit.start < taken:
            if hit.match.start() < taken:
                continue
            hit = Hit(hit.match, None, hit.match.start(), hit.end)
        found = HANDLERS[rules[index].name](hit, ctx)
        if found is None:
            continue
        found = _halved(hit, found)
        end = found.end if found.end is not None else hit.end
        ctx.remember(found)
        taken = end
        yield hit.start, end, found
