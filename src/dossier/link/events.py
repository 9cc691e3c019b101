"""Dated events: what a document says happened when, read from anniversaries
("the 100th birth anniversary of Kim Il Sung" in a 2012 story: born 1912)
and from dated births, deaths and foundings ("was born on April 15, 1912").

Pure functions of one document's text, date, mentions and times; `dated`
gathers them across documents so `link.claims` can compare the dates two
sources give one event and `calendar` can list its round anniversaries.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from dossier.english import ORDINAL_NUMBER

# Kinds of event an anniversary or a statement names.
_KIND_WORDS = {
    "birth": "birth",
    "born": "birth",
    "death": "death",
    "died": "death",
    "demise": "death",
    "passed away": "death",
    "founding": "founding",
    "foundation": "founding",
    "founded": "founding",
    "establishment": "founding",
    "established": "founding",
    "formation": "founding",
    "formed": "founding",
}
_ORDINAL_WORDS = "|".join(sorted(ORDINAL_NUMBER, key=len, reverse=True))
_ANNIVERSARY = re.compile(
    r"(?<![\w-])(?:the[ \t]+)?(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<w>"
    + _ORDINAL_WORDS
    + r"))[ \t]+(?:(?P<kind>birth|death|founding|foundation)[ \t]+)?"
    r"anniversary[ \t]+of[ \t]+(?P<event>[^,.;:()\"“”\n]{3,160})",
    re.IGNORECASE,
)
# The pattern tried at every position of a text costs seconds on a 10 MB
# document (6 s of `claims --conflicts`); it is tried only in windows around
# the word it cannot match without. A match starts at most this far before
# that word (`the`, the longest ordinal word, a kind, the spaces between)
# and ends at most this far after it (`of`, 160 characters of event).
_ANNIVERSARY_WORD = re.compile(r"anniversary", re.IGNORECASE)
_BEFORE_WORD = 80 + max(map(len, ORDINAL_NUMBER))
_AFTER_WORD = 240
# Where the name of the commemorated event ends.
_EVENT_END = re.compile(
    r"[ \t]+(?:on|at|with|was|were|is|are|falls?|fell|will|by|which|that|when|who|to"
    r"|from|into"
    r"|for|under|amid|as|this|next|last|\w+ly|in[ \t]+(?:the[ \t]+)?(?:capital|city|"
    r"county|province|presence)|in[ \t]+(?:Pyongyang|Juche|\d))\b",
    re.IGNORECASE,
)
_MAX_EVENT_WORDS = 12
_OF_KIND = re.compile(
    r"^(?:the[ \t]+)?(?P<kind>birth|death|demise|founding|foundation|establishment"
    r"|formation)[ \t]+of[ \t]+",
    re.IGNORECASE,
)
# A dated statement: `was born on April 15, 1912`, `founded on 10 October 1945`.
_STATEMENT = re.compile(
    r"(?<![\w-])(?P<cue>born|died|passed[ \t]+away|founded|established|formed)"
    r"[ \t]+(?:on|in)[ \t]+$",
    re.IGNORECASE,
)
# Praise printed before a name, not part of it: "the glorious WPK".
_ADJECTIVES = re.compile(
    r"(?<![\w-])(?:glorious|veteran|great|heroic|sacred|historic|victorious)[ \t]+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^([A-Z][\w -]*?)'s ([a-z]+)$")
_AS_A_DATE = re.compile(r"(?<![\w-])on[ \t]+$", re.IGNORECASE)
_ANAPHORA = re.compile(
    r"\b(?:two|both|its|their|our|his|her|this|these|that|those|the[ \t]+country)\b",
    re.IGNORECASE,
)
_TITLES = re.compile(
    r"^(?:(?:president|chairman|general|generalissimo|comrade|leader|marshal|"
    r"mother|respected|great|anti-japanese|war|hero|the)[ \t]+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Mentioned:
    """A mention of the document: where, and the entity it resolves to."""

    start: int
    end: int
    entity: str
    type: str = ""  # PERSON, ORG, PLACE, PUBLICATION


@dataclass(frozen=True, slots=True)
class Dated:
    """A time expression of the document with the days it covers."""

    start: int
    end: int
    text: str
    first_day: str
    last_day: str


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date one document gives an event.

    `first_year`..`last_year` bound the year; `day` is the ISO day when the
    document fixes it; `years` the anniversary it was counted from (None for
    a dated statement).
    """

    event: str
    kind: str
    start: int
    end: int
    text: str
    first_year: int
    last_year: int
    day: str | None
    years: int | None


class _ByStart:
    """A document's mentions in start order, a range of them found by
    bisection: scanning every mention for each event phrase and each dated
    statement made `claims --conflicts` spend 17.6 s on one 10 MB document
    (119,660 mentions)."""

    def __init__(self, mentions: Sequence[Mentioned]) -> None:
        # Stable: mentions given in start order keep their order among ties.
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[Mentioned]:
        """The mentions lying in [start, end), in start order."""
        first = bisect_left(self.starts, start)
        last = bisect_right(self.starts, end)
        return [m for m in self.items[first:last] if m.end <= end]


class _TimesByStart:
    """A document's times in start order, the one holding a position found by
    bisection (each anniversary phrase scanned every time before)."""

    def __init__(self, times: Sequence[Dated]) -> None:
        self.items = sorted(times, key=lambda t: t.start)
        # The furthest any time so far reaches: the first to reach past a
        # position is the first (in start order) that can hold it.
        self.reach = list(accumulate((t.end for t in self.items), max))

    def at(self, position: int) -> Dated | None:
        """The first time, in start order, with start <= position < end."""
        index = bisect_right(self.reach, position)
        if index < len(self.items) and self.items[index].start <= position:
            return self.items[index]
        return None


def events(
    text: str,
    *,
    date: str | None,
    mentions: Sequence[Mentioned],
    times: Sequence[Dated],
) -> list[EventDate]:
    """Every event date one document gives."""
    by_start = _ByStart(mentions)
    found = [*_anniversaries(text, date, by_start, _TimesByStart(times))]
    found.extend(_statements(text, by_start, times))
    return found


def _anniversaries(
    text: str, date: str | None, mentions: _ByStart, times: _TimesByStart
) -> list[EventDate]:
    year = _year(date)
    found = []
    for match in _anniversary_matches(text):
        years = (
            int(match.group("n"))
            if match.group("n")
            else ORDINAL_NUMBER.get(match.group("w").lower())
        )
        if not years:
            continue
        start, phrase = match.start("event"), match.group("event")
        phrase = _EVENT_END.split(phrase, maxsplit=1)[0]
        phrase = " ".join(phrase.split()[:_MAX_EVENT_WORDS]).rstrip()
        if not phrase:
            continue
        kind = (match.group("kind") or "").lower()
        event, kind = _event(text, start, start + len(phrase), phrase, kind, mentions)
        if not event:
            continue
        # What the time annotator read for the phrase (`falls on October 17`).
        stored = times.at(match.start())
        if stored is not None and len(stored.first_day) == 10:
            first = int(stored.first_day[:4])
            last = int(stored.last_day[:4])
            day = stored.first_day if stored.first_day == stored.last_day else None
        elif _AS_A_DATE.search(text, max(0, match.start() - 4), match.start()):
            # "a lecture given on the 76th founding anniversary of the WPK" in
            # a 2024 story: the anniversary dates something else, often years
            # back, so the story's date does not give its year.
            continue
        elif year is not None:
            # The anniversary falls in the year the story is dated, or near
            # it: a story of December may announce January's anniversary, one
            # of January look back on December's (`refine` fixes the year
            # when another source gives the day).
            first = last = year - years
            month = int(date[5:7]) if date and len(date) >= 7 else 6
            if month <= 2:
                first -= 1
            elif month >= 11:
                last += 1
            day = None
        else:
            continue
        end = start + len(phrase)
        found.append(
            EventDate(
                event, kind, match.start(), end, text[match.start() : end],
                first, last, day, years,
            )
        )  # fmt: skip
    return found


def _anniversary_matches(text: str) -> list[re.Match[str]]:
    """`_ANNIVERSARY.finditer(text)`, run only over the stretches around the
    word `anniversary` (windows that overlap are merged, so no match is cut)."""
    windows: list[list[int]] = []
    for word in _ANNIVERSARY_WORD.finditer(text):
        start = max(0, word.start() - _BEFORE_WORD)
        end = min(len(text), word.end() + _AFTER_WORD)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return [
        match
        for start, end in windows
        for match in _ANNIVERSARY.finditer(text, start, end)
    ]


def _statements(
    text: str, mentions: _ByStart, times: Sequence[Dated]
) -> list[EventDate]:
    found = []
    for time in times:
        if time.first_day != time.last_day:
            continue
        cue = _STATEMENT.search(text, max(0, time.start - 30), time.start)
        if cue is None:
            continue
        kind = _KIND_WORDS[" ".join(cue.group("cue").lower().split())]
        # The entity whose birth, death or founding it is: the nearest one
        # named before the cue in its sentence.
        sentence_start = max(text.rfind(". ", 0, cue.start()) + 1, 0)
        before = mentions.within(sentence_start, cue.start())
        if not before:
            continue
        subject = before[-1].entity
        year = int(time.first_day[:4])
        found.append(
            EventDate(
                f"{kind} of {subject}",
                kind,
                before[-1].start,
                time.end,
                text[before[-1].start : time.end],
                year,
                year,
                time.first_day,
                None,
            )
        )
    return found


def _event(
    text: str,
    start: int,
    end: int,
    phrase: str,
    kind: str,
    mentions: _ByStart,
) -> tuple[str, str]:
    """The event's name, one for every way it is printed: a birth, death or
    founding of a named entity is keyed by the entity, anything else by its
    words with names resolved."""
    of_kind = _OF_KIND.match(phrase)
    if of_kind is not None:
        kind = _KIND_WORDS[of_kind.group("kind").lower()]
        start += of_kind.end()
        phrase = phrase[of_kind.end() :]
    kind = _KIND_WORDS.get(kind, kind)
    inside = mentions.within(start, end)
    # Keyed by the entity only when the phrase is its name: "the founding of
    # the WPK", not "the establishment of diplomatic relations between the
    # DPRK and Nicaragua".
    lead = _ADJECTIVES.match(
        text, start + 4 if text.startswith("the ", start) else start
    )
    skip = lead.end() - start if lead else 4
    whole = [m for m in inside if m.start - start <= skip and end - m.end <= 1]
    if whole and not kind:
        # "the 80th anniversary of the WPK" is of its founding; "the 112th
        # anniversary of Kim Il Sung", of his birth.
        kind = {"ORG": "founding", "PERSON": "birth"}.get(whole[0].type, "")
    if kind and whole:
        return f"{kind} of {whole[0].entity}", kind
    words = text[start:end]
    for mention in sorted(inside, key=lambda m: m.start, reverse=True):
        words = (
            words[: mention.start - start]
            + mention.entity
            + words[mention.end - start :]
        )
    words = _ADJECTIVES.sub("", _TITLES.sub("", words.strip()))
    name = " ".join(words.replace("’", "'").split())
    # "Korea's liberation" is the "liberation of Korea".
    name = _POSSESSIVE.sub(lambda m: f"{m.group(2)} of {m.group(1)}", name)
    if _ANAPHORA.search(name) or not any(w[:1].isupper() for w in name.split()):
        # "the two countries", "its independence": which ones, the words do
        # not say; nor do words without a name ("the founding of schools").
        return "", kind or "event"
    return (f"{kind} of {name}" if kind else name), kind or "event"


def _year(date: str | None) -> int | None:
    if not date or not date[:4].isdigit():
        return None
    return int(date[:4])


# Anniversaries state media marks: these, and every 25th after 100.
ROUND = (1, 5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100)


def is_round(years: int) -> bool:
    """A round anniversary: one of `ROUND`, or a multiple of 25 past 100."""
    return years in ROUND or (years > 100 and years % 25 == 0)


def refine(found: EventDate, day: str, date: str | None) -> EventDate:
    """An anniversary counted from a story's date, made exact by the day
    another source gives the event: the anniversary is the one nearest the
    story's date."""
    if found.years is None or found.day is not None or not date or len(date) < 7:
        return found
    year = int(date[:4])
    month_day = day[5:]
    story = (year, int(date[5:7]))
    nearest = min(
        (year - 1, year, year + 1),
        key=lambda y: abs((y - story[0]) * 12 + int(month_day[:2]) - story[1]),
    )
    event_year = nearest - found.years
    return EventDate(
        found.event, found.kind, found.start, found.end, found.text,
        event_year, event_year, None, found.years,
    )  # fmt: skip
