"""Find rule matches in a text and choose among overlapping ones."""

# One scan of the lower-cased text finds where heads may open (`lead_scan`): at their
# lead words, or at a digit or mark their matches open with; heads with neither are
# scanned over the whole text (in C). The words that may stand before a head are read
# only where a head matched. Overlaps are settled left to right, longest first, and a
# rule may still refuse its match (`May` the verb), in which case the next candidate at
# that place is tried.

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator

from dossier.annotate.failures import Failures
from dossier.annotate.time import (
    absolute,
    durations,
    holidays,
    quarters,
    references,
    relative,
    years,
)
from dossier.annotate.time.calendar import Period
from dossier.annotate.time.context import Context, Found, Hit
from dossier.annotate.time.lead_scan import Leads, join_leads
from dossier.annotate.time.patterns import Rule
from dossier.annotate.time.speech import speech_date

__all__ = ["HANDLERS", "Leads", "find", "join_leads"]

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
    "era": years.era_rule,
    "weekday": relative.weekday_rule,
    "relative": relative.relative_rule,
    "deictic": relative.deictic_rule,
    "part_of_day": relative.part_of_day_rule,
    "reference": references.reference_rule,
    "quarter": quarters.quarter_rule,
    "duration": durations.duration_rule,
    "set": durations.set_rule,
    "clock": durations.clock_rule,
    "vague": durations.vague_rule,
    "vague_span": durations.vague_span_rule,
    "holiday": holidays.holiday_rule,
    "year_end": holidays.year_end_rule,
    "year_back": holidays.year_back_rule,
    "new_year": holidays.new_year_rule,
}
# How far back the words before a head are read ("the better part of the").
LEFT_WINDOW = 48
_LETTERS = re.compile("[a-z]+")
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
    """The rule's matches that open a word, each searched for after the last
    one ends, or one character after a match that opens none."""
    position = 0
    while True:
        for match in rule.pattern.finditer(text, position):
            start = match.start()
            if not _starts_word(text, start, rule.numeric):
                position = start + 1  # a match may still open inside this one
                break
            yield match
        else:
            return


def _led_matches(
    text: str, lowered: str, rules: tuple[Rule, ...], leads: Leads
) -> dict[int, list[re.Match[str]]]:
    """Each lead-word rule's matches, tried only where one of its words opens a
    word, and each opener's where its characters do when the scan holds them
    (`Leads.merged`): the same matches `_matches` finds, from one scan instead
    of one each. `lowered` is `text.lower()`, of the same length."""
    found: dict[int, list[re.Match[str]]] = {}
    resume: dict[int, int] = {}
    whole, both, letters = leads.whole, leads.both, leads.opener_letters
    # The space before the text stands for the character before its first
    # word: a match's start is then where its word starts in `lowered`.
    for hit in leads.scan.finditer(" " + lowered):
        start, end = hit.span()
        end -= 1
        if end > start:
            word = lowered[start:end]
            indexes = whole.get(word)
            if indexes is not None and (
                word not in both or both[word].match(lowered, end)
            ):
                _try(text, start, indexes, rules, resume, found)
            else:
                _try(text, start, _started(lowered, start, leads), rules, resume, found)
            if lowered[start] not in letters:
                continue
        _try(text, start, leads.route(text[start]), rules, resume, found)
    return found


def _started(lowered: str, start: int, leads: Leads) -> tuple[int, ...]:
    """The rules the start words of the run of letters at `start` open."""
    run = _LETTERS.match(lowered, start)
    word = run.group() if run is not None else ""
    return tuple(
        sorted(
            {
                index
                for length in leads.lengths
                if length <= len(word)
                for index in leads.start.get(word[:length], ())
            }
        )
    )


def _opened_matches(
    text: str, rules: tuple[Rule, ...], leads: Leads
) -> dict[int, list[re.Match[str]]]:
    """Each opener's matches (see `Leads.openers`) from their own scan of the
    text, tried only where one of the characters they open with opens a word:
    the same matches `_matches` finds."""
    found: dict[int, list[re.Match[str]]] = {}
    if leads.opens is None:
        return found
    resume: dict[int, int] = {}
    for hit in leads.opens.finditer(text):
        start = hit.start()
        _try(text, start, leads.route(text[start]), rules, resume, found)
    return found


def _try(
    text: str,
    start: int,
    indexes: tuple[int, ...],
    rules: tuple[Rule, ...],
    resume: dict[int, int],
    found: dict[int, list[re.Match[str]]],
) -> None:
    """Each rule of `indexes` matched at `start` unless an earlier match of
    it covers `start`; a match kept opens a word, as `_matches` would find it."""
    for index in indexes:
        if start < resume.get(index, 0):
            continue
        rule = rules[index]
        match = rule.pattern.match(text, start)
        if match is not None and _starts_word(text, start, rule.numeric):
            found.setdefault(index, []).append(match)
            resume[index] = max(match.end(), start + 1)


def _head_matches(
    text: str, lowered: str, rules: tuple[Rule, ...], leads: Leads
) -> list[tuple[int, list[re.Match[str]]]]:
    """Each head's matches (keyed by its first rule, see `Leads.heads`), for
    the heads that may have some: from the one scan, the openers' scan, or a
    whole-text scan of their own. A head a rule shares is found once (a
    weekday head for dates and for weekdays, a year head for years and eras)."""
    # Lower-casing must keep offsets and map no other letter to an ASCII one
    # (it does, but for `İ` and the Kelvin sign); else every head is scanned.
    led = (
        _led_matches(text, lowered, rules, leads)
        if len(lowered) == len(text) and "\u212a" not in text
        else None
    )
    heads = list(led.items()) if led is not None else []
    if led is None or not leads.merged:
        heads += _opened_matches(text, rules, leads).items()
    whole = (
        leads.scanned
        if led is not None
        else tuple(key for key in leads.sharing if key not in leads.openers)
    )
    for key in whole:
        # Spares the scan when no rule of the head can use it; for the other
        # heads this test costs more than it saves.
        if not any(_may_fire(rules[index], lowered) for index in leads.sharing[key]):
            continue
        heads.append((key, list(_matches(text, rules[key]))))
    return heads


def _may_fire(rule: Rule, lowered: str) -> bool:
    """Whether the text holds one of the words `rule` needs, if it needs any."""
    return not rule.needs or any(word in lowered for word in rule.needs)


def _hits(
    text: str, lowered: str, rules: tuple[Rule, ...], leads: Leads
) -> list[tuple[int, int, int, Hit]]:
    hits = []
    for key, matches in _head_matches(text, lowered, rules, leads):
        if not matches:
            continue
        for index in leads.sharing[key]:
            rule = rules[index]
            if not _may_fire(rule, lowered):
                continue
            for match in matches:
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
    # (start, longest first, rule order): a total order, so the order the
    # heads were met in does not matter.
    hits.sort(key=lambda item: item[:3])
    return hits


_HALF = re.compile(r"\b(?:(first)|second|last|latter)\s+(?:half|two\s+quarters)\s+of\b")


def _halved(hit: Hit, found: Found) -> Found:
    """`the second half of the year` is the year's second half (`2024-H2`)."""
    period = found.period
    if period is None or period.unit != "Y" or found.until:
        return found
    half = _HALF.search(hit.word("mod"))
    if half is None:
        return found
    halved = Period("H", period.year, 1 if half.group(1) else 2)
    return dataclasses.replace(found, value=halved.value, period=halved)


def _read(handler: Handler, hit: Hit, ctx: Context) -> Found | None:
    spoken = speech_date(ctx, hit.start) if ctx.anchor is not None else None
    if spoken is None:
        found = handler(hit, ctx)
    else:
        # Inside a dated speech, its date is what `ago` and `today` count from.
        anchor, ctx.anchor = ctx.anchor, spoken
        try:
            found = handler(hit, ctx)
        finally:
            ctx.anchor = anchor
    return None if found is None else _halved(hit, found)


def find(
    text: str,
    lowered: str,
    rules: tuple[Rule, ...],
    leads: Leads,
    ctx: Context,
    failures: Failures,
) -> Iterator[tuple[int, int, Found]]:
    """Chosen matches in text order, each as (start, end, what its rule made);
    `lowered` is `text.lower()`, `leads` the rules' lead words (`join_leads`).
    A match its rule trips on is noted in `failures` and passed over."""
    taken = 0
    for _, _, index, hit in _hits(text, lowered, rules, leads):
        if hit.end <= taken:
            continue
        if hit.start < taken:
            if hit.match.start() < taken:
                continue
            hit = Hit(hit.match, None, hit.match.start(), hit.end)
        handler = HANDLERS[rules[index].name]
        found = failures.attempt("times", hit.start, hit.end, _read, handler, hit, ctx)
        if found is None:
            continue
        end = found.end if found.end is not None else hit.end
        ctx.remember(found)
        taken = end
        if found.start is not None:
            start = found.start
        else:
            start = hit.match.start() if found.bare else hit.start
        yield start, end, found
