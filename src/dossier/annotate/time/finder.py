"""Find rule matches in a text and choose among overlapping ones."""

# Each rule's head pattern is scanned over the whole text (in C); the words that may
# stand before a head are read only where a head matched. Overlaps are settled left to
# right, longest first, and a rule may still refuse its match (`May` the verb), in which
# case the next candidate at that place is tried.

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dossier.annotate.failures import Failures
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
from dossier.annotate.time.speech import speech_date
from dossier.annotate.wordtrie import trie

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
    "reference": relative.reference_rule,
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


@dataclass(frozen=True, slots=True)
class Leads:
    """Where the rules that open on known words are tried (see `leads`)."""

    # Any lead word opening a word of lower-cased text, with the character
    # before it (a class `re` skips ahead to, where a `\b` has it try every
    # character: 24 -> 31 MB/s on kcna-2024; ASCII ranges rather than `\w`,
    # checked faster: 37 MB/s, letting a word after a non-ASCII letter through,
    # which `_starts_word` refuses as it does every match's): group `whole`
    # when the text's whole run of letters is a `whole` lead word, else group
    # `start`.
    scan: re.Pattern[str]
    # A whole run -> the rules it may open (as a whole word or by its start),
    # in order, with one pattern matching where any of them does when there
    # are several: most places `the` or `year` stand open none of them.
    whole: dict[str, tuple[tuple[int, ...], Gate | None]]
    start: dict[str, tuple[int, ...]]  # the start of a run -> rules it opens
    lengths: tuple[int, ...]  # the lengths of the `start` words, shortest first
    # Heads with no lead words that open on a digit (`1950`, `’07`, `3 p.m.`),
    # tried only where one of their first characters opens a word (`opens`,
    # None when there are none): kcna-2024 has about 8,000 such places in 3.2
    # MB, where each head's own scan read the whole text.
    openers: tuple[int, ...]
    opens: re.Pattern[str] | None


def join_leads(rules: tuple[Rule, ...]) -> Leads:
    """The lead words of `rules`, joined once per rule set (see `compiled`)."""
    whole: dict[str, list[int]] = {}
    start: dict[str, list[int]] = {}
    seen: set[tuple[str, bool]] = set()
    for index, rule in enumerate(rules):
        key = (rule.pattern.pattern, rule.numeric)
        if key in seen or rule.leads is None:
            continue  # found once for the first rule of that head (see `_hits`)
        seen.add(key)
        for word in rule.leads.whole:
            whole.setdefault(word, []).append(index)
        for word in rule.leads.start:
            start.setdefault(word, []).append(index)
    opened = {
        word: sorted(
            {
                *indexes,
                *(i for s, found in start.items() if word.startswith(s) for i in found),
            }
        )
        for word, indexes in whole.items()
    }
    followed = _followed(rules, opened, set(start))
    scan = rf"(?:{trie(set(whole) - set(followed))})(?![a-z])"
    for word, openings in sorted(followed.items()):
        scan += rf"|{word}(?=\s+(?:{'|'.join(sorted(openings))}))"
    scan = f"(?P<whole>{scan})"
    if start:
        scan = rf"{scan}|(?P<start>{trie(set(start))})"
    openers, classes = _openers(rules)
    shared: dict[tuple[int, ...], Gate | None] = {}

    def gates(indexes: list[int]) -> Gate | None:
        """One gate per set of rules (the 50 words opening several share 14)."""
        key = tuple(indexes)
        if key not in shared:
            sources = [rules[i].pattern.pattern for i in indexes]
            # A back-reference needs its group's name, which a gate drops.
            usable = len(indexes) > 1 and not any("(?P=" in s for s in sources)
            shared[key] = Gate(sources) if usable else None
        return shared[key]

    return Leads(
        re.compile(rf"[^a-z0-9_](?:{scan})"),
        {word: (tuple(indexes), gates(indexes)) for word, indexes in opened.items()},
        {word: tuple(indexes) for word, indexes in start.items()},
        tuple(sorted({len(word) for word in start})),
        openers,
        # The class, then no word character before it (`\w` and any one).
        re.compile(rf"(?:{'|'.join(classes)})(?<!\w.)") if openers else None,
    )


def _followed(
    rules: tuple[Rule, ...], opened: dict[str, list[int]], starts: set[str]
) -> dict[str, set[str]]:
    """The whole lead words opening several heads, each of which goes on from
    it with white space and a word of known opening (`leads.Leads.after`):
    the scan finds those only before such a word. `the` opens five heads and
    stands 58,219 times in kcna-2024, 454 of them where one matches; before
    a digit or `day`, `dis`, `fut`, `new`, `pas`, `pre`, `wee`... 3,505 times
    (the lead-word hits: 76,277 -> 21,122). A word a start word opens too is
    left to its gate (the scan would find it as that start word)."""
    followed: dict[str, set[str]] = {}
    for word, indexes in opened.items():
        if len(indexes) < 2 or any(word.startswith(s) for s in starts):
            continue
        openings: set[str] = set()
        for index in indexes:
            leads = rules[index].leads
            after = dict(leads.after) if leads is not None else {}
            if word not in after:
                break
            openings |= after[word]
        else:
            followed[word] = openings
    return followed


def _openers(rules: tuple[Rule, ...]) -> tuple[tuple[int, ...], list[str]]:
    """The rules opening on a digit (`Rule.opens`), once per head pattern, and
    the classes of the characters their matches open with."""
    openers: list[int] = []
    classes: list[str] = []
    seen: set[tuple[str, bool]] = set()
    for index, rule in enumerate(rules):
        key = (rule.pattern.pattern, rule.numeric)
        if rule.opens is None or key in seen:
            continue
        seen.add(key)
        openers.append(index)
        classes.append(rule.opens)
    return tuple(openers), classes


_LETTERS = re.compile("[a-z]+")
_GROUP_NAME = re.compile(r"\(\?P<\w+>")


class Gate:
    """Where any of several heads matches: tried at a lead word they share
    before each head is (most places `the` or `year` stand open none of them).

    Compiled on first use: the gates are unions of whole heads, and compiling
    the 14 of the korea pack took 0.05 of the 0.07 CPU s of `join_leads`, paid
    in every process that compiles the pack, though a short text needs few.
    """

    __slots__ = ("pattern", "sources")

    def __init__(self, sources: list[str]) -> None:
        self.sources = sources
        self.pattern: re.Pattern[str] | None = None

    def compile(self) -> re.Pattern[str]:
        """Any of the sources, group names dropped (so they may repeat)."""
        self.pattern = re.compile(
            "|".join(f"(?:{_GROUP_NAME.sub('(?:', s)})" for s in self.sources)
        )
        return self.pattern


def _lead_words(lowered: str, leads: Leads) -> Iterator[tuple[int, str | None]]:
    r"""Where a lead word opens a word of `lowered`, with the word when the
    whole run of letters is a `whole` lead word (else it opens with a `start`
    one): what `\b` before the scan's words would find, the text's start
    read here as the scan needs a character before."""
    run = _LETTERS.match(lowered)
    if run is not None:
        word = run.group()
        if word in leads.whole:
            yield 0, word
        elif any(word[:length] in leads.start for length in leads.lengths):
            yield 0, None
    for hit in leads.scan.finditer(lowered):
        yield hit.start() + 1, hit.group("whole")


def _led_matches(
    text: str, lowered: str, rules: tuple[Rule, ...], leads: Leads
) -> dict[int, list[re.Match[str]]]:
    """Each lead-word rule's matches, tried only where one of its words opens a
    word: the same matches `_matches` finds, from one scan instead of one each."""
    found: dict[int, list[re.Match[str]]] = {}
    resume: dict[int, int] = {}
    for start, word in _lead_words(lowered, leads):
        if word is not None:
            indexes, gate = leads.whole[word]
            if gate is not None:
                pattern = gate.pattern or gate.compile()
                if pattern.match(text, start) is None:
                    continue
        else:
            run = _LETTERS.match(lowered, start)
            word = run.group() if run is not None else ""
            indexes = tuple(
                sorted(
                    {
                        index
                        for length in leads.lengths
                        if length <= len(word)
                        for index in leads.start.get(word[:length], ())
                    }
                )
            )
        _try(text, start, indexes, rules, resume, found)
    return found


def _opened_matches(
    text: str, rules: tuple[Rule, ...], leads: Leads
) -> dict[int, list[re.Match[str]]]:
    """Each opener's matches (see `Leads.openers`), tried only where one of the
    characters they open with opens a word: the same matches `_matches` finds."""
    found: dict[int, list[re.Match[str]]] = {}
    if leads.opens is None:
        return found
    resume: dict[int, int] = {}
    for hit in leads.opens.finditer(text):
        _try(text, hit.start(), leads.openers, rules, resume, found)
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


def _hits(
    text: str, lowered: str, rules: tuple[Rule, ...], leads: Leads
) -> list[tuple[int, int, int, Hit]]:
    hits = []
    # Several rules share a head pattern (a weekday head for dates and for
    # weekdays, a year head for years and eras): scan each pattern once.
    scanned: dict[tuple[str, bool], list[re.Match[str]]] = {}
    # Lower-casing must keep offsets and map no other letter to an ASCII one
    # (it does, but for `İ` and the Kelvin sign); else every head is scanned.
    led = (
        _led_matches(text, lowered, rules, leads)
        if len(lowered) == len(text) and "\u212a" not in text
        else None
    )
    opened = _opened_matches(text, rules, leads)
    for index, rule in enumerate(rules):
        key = (rule.pattern.pattern, rule.numeric)
        matches = scanned.get(key)
        if matches is None:
            if led is not None and rule.leads is not None:
                matches = led.get(index, [])
            elif index in leads.openers:
                matches = opened.get(index, [])
            elif rule.needs and not any(word in lowered for word in rule.needs):
                continue  # spares the scan; for the others it costs more than it saves
            else:
                matches = list(_matches(text, rule))
            scanned[key] = matches
        if matches and rule.needs and not any(word in lowered for word in rule.needs):
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
        yield (hit.match.start() if found.bare else hit.start), end, found
