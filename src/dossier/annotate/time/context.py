"""What relative expressions resolve against: anchor, last date, tense."""

# The anchor is the document date; the reference is the last date the text mentioned
# (TimeML's "temporal function" anchors: news deixis such as `yesterday` uses the
# anchor, narrative anaphora such as `three days later` uses the reference). Tense is
# read from the words of the same clause (`tense`), never past the sentence: the one
# stored sentence split (`reading.Reading.bounds`) bounds both the tense window and
# the year a date printed earlier lends to one printed without it.

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from dossier.annotate.reading import Bounds
from dossier.annotate.time.calendar import (
    MAX_YEAR,
    MIN_YEAR,
    UNITS,
    Period,
    around,
    parse_value,
)
from dossier.annotate.time.tense import CLAUSE, OPENS_CLAUSE, read_tense
from dossier.packs import Pack

# Days a date may lie after the anchor in a past-tense clause and still be in
# the anchor's year ("set Friday, Jan. 14 as the deadline"), and the mirror.
PAST_SLACK = 31
# With no tense to go by, a date more than this many days after the anchor is
# last year's, and one more than UNMARKED_FUTURE days before it next year's:
# news speaks more of the past (measured on TimeML: 180/240 beat 186/186,
# 240/300 and 120/240 by 0.1-0.3 points of value accuracy).
# How far (in characters, within a paragraph) the year of a historical date
# carries to the next date printed without one; each such date carries it on.
# Longer reaches cost value accuracy on TimeML news (0.853 at 150, 0.851 at 300).
STORY_REACH = 150
UNMARKED_PAST = 180
UNMARKED_FUTURE = 240


@dataclass(frozen=True, slots=True)
class Found:
    """What a rule makes of its match: a type, a TimeML value, and its days."""

    type: str
    value: str
    period: Period | None = None
    until: Period | None = None  # the last period of a range
    end: int | None = None  # a shorter end when the rule gave up a tail
    start: int | None = None  # a later start when it gave up words before its head
    bare: bool = False  # the head alone: the words read before it are not part of it
    refers: bool = True  # later anaphora may refer back to it
    first: date | None = None  # days given directly (a weekend), overriding
    last: date | None = None


@dataclass(slots=True)
class Context:
    """The text being tagged, its anchor, and the last date it mentioned."""

    text: str
    pack: Pack
    bounds: Bounds  # the document's one sentence split
    anchor: Period | None = None
    reference: Period | None = None
    explicit_year: tuple[int, int] | None = None  # (year, offset) last printed
    # Where a year printed alone stops lending itself (see `printed_year`).
    lends_until: int | None = None
    # (year, offset) of the last full date printed with a year far from the
    # anchor's: a history being told ("On June 25, 1950 ... On June 28 ...").
    story_year: tuple[int, int] | None = None
    cache: dict[int, str] = field(default_factory=dict)
    # The quote marks the text uses (`speech.quote_marks`), looked for once,
    # and the date of the speech each quote's opening reports.
    quote_marks: tuple[str, ...] | None = None
    first_quote: int = 0  # where the first of them stands
    spoken: dict[int, Period | None] = field(default_factory=dict)

    @property
    def today(self) -> date | None:
        return self.anchor.first if self.anchor and self.anchor.unit == "D" else None

    def tense(self, start: int, end: int) -> str:
        """`future`, `past`, `near` or `none`: the tense of the nearest verb
        in the clause of the expression at `start`-`end` (`tense.read_tense`)."""
        if start not in self.cache:
            self.cache[start] = read_tense(self.text, self.bounds, start, end)
        return self.cache[start]

    def reported(self) -> Period | None:
        """The reference, unless it lies after the anchor: results compared
        with a year before ("a year ago", "the year-earlier quarter") were
        already reported, so a forecast just quoted is not what is compared."""
        reference, anchor = self.reference, self.anchor
        if reference and anchor and reference.first > anchor.last:
            return None
        return reference

    def base(self) -> Period | None:
        """The reference if the text gave one, else the anchor."""
        return self.reference or self.anchor

    def year_for(self, month: int, day: int | None, start: int, end: int) -> int | None:
        """The year of a date printed without one (`On 6 June`, `in October`),
        or None; never one Python's `date` cannot hold (see `_year_for`)."""
        year = self._year_for(month, day, start, end)
        return year if year is None or MIN_YEAR <= year <= MAX_YEAR else None

    def _year_for(
        self, month: int, day: int | None, start: int, end: int
    ) -> int | None:
        """The year of a date printed without one (`On 6 June`, `in October`).

        A year printed earlier in the same sentence wins (`from June 25, 1950
        to July 27`), then the year of a historical date printed just before
        (`On June 25, 1950 ... On June 28`); else the anchor's year, moved back
        when the clause is in the past and the date would fall after the
        anchor, forward when it is in the future, and otherwise only when it
        lies far ahead (behind).
        """
        tense = self.tense(start, end)
        if (
            self.explicit_year is not None
            and (tense == "past" or self.anchor is None)
            and self._same_sentence(self.explicit_year[1], start)
            and (self.lends_until is None or start < self.lends_until)
        ):
            return self.explicit_year[0]
        if (
            self.story_year is not None
            and tense != "future"
            and start - self.story_year[1] < STORY_REACH
            and "\n\n" not in self.text[self.story_year[1] : start]
        ):
            self.story_year = (self.story_year[0], start)
            return self.story_year[0]
        if self.anchor is None:
            return self.reference.year if self.reference else None
        year = self.anchor.year
        if self.anchor.unit not in ("D", "M"):
            return year
        ahead = (month * 31 + (day or 15)) - (
            self.anchor.part * 31 + (self.anchor.day or 15)
        )
        unmarked = tense in ("none", "near")
        if (tense == "past" and ahead > PAST_SLACK) or (
            unmarked and ahead > UNMARKED_PAST
        ):
            return year - 1
        if (tense == "future" and ahead < -PAST_SLACK) or (
            unmarked and ahead < -UNMARKED_FUTURE
        ):
            return year + 1
        return year

    def printed_year(self, year: int, start: int, end: int) -> None:
        """Note a year printed alone (`in 1987`). It lends itself to a day
        printed without one later in its clause, or in its whole sentence
        when it opens it (`In 1987, ... on Sept. 29`); not past a clause
        it sits in ("a plan approved in 1987 that ..., Nashua had bought
        shares through Sept. 29" is this year's Sept. 29)."""
        self.explicit_year = (year, start)
        if OPENS_CLAUSE.fullmatch(self.text[self.bounds.start_of(start) : start]):
            self.lends_until = None
        else:
            cut = CLAUSE.search(self.text, end, self.bounds.end_of(start))
            self.lends_until = cut.start() if cut else None

    def printed_day(self, year: int, start: int) -> None:
        """Note a full date printed with its year (`25 June 1950`)."""
        self.explicit_year = (year, start)
        self.lends_until = None
        if self.anchor is not None and abs(self.anchor.year - year) > 1:
            self.story_year = (year, start)
        else:
            self.story_year = None

    def _same_sentence(self, earlier: int, start: int) -> bool:
        return self.bounds.start_of(start) <= earlier

    def remember(self, found: Found) -> None:
        if found.refers and found.period and found.period.unit not in ("C", "E"):
            self.reference = found.period


@lru_cache(maxsize=4096)
def parse_anchor(anchor: str | None) -> Period | None:
    """The document date as a period: a day, a month or a year (kept: a
    build's documents share a few hundred dates, and a `Period` is frozen)."""
    if not anchor:
        return None
    period = parse_value(anchor.strip()[:10])
    if period is None or period.unit not in ("D", "M", "Y"):
        return None
    return period


def weekday_near(today: date, weekday: int, tense: str) -> date | None:
    """The `weekday` (1 = Monday) nearest `today`: ahead when `future`, on
    either side when `near`, else behind; None past the calendar's ends (a
    document dated 0001-01-01 or 9999-12-31)."""
    try:
        if tense == "near":
            ahead = (weekday - today.isoweekday()) % 7
            return today + timedelta(days=ahead if ahead <= 3 else ahead - 7)
        if tense == "future":
            # `will open on Friday` in a story dated that Friday is that day
            # (issue 18); news says `next Friday` for the week after.
            ahead = (weekday - today.isoweekday()) % 7
            return today + timedelta(days=ahead)
        return today - timedelta(days=(today.isoweekday() - weekday) % 7)
    except OverflowError:
        return None


def day_of(period: Period | None) -> Period | None:
    """`period` if it is one day, else None."""
    return period if period is not None and period.unit == "D" else None


def in_unit(period: Period | None, unit: str) -> Period | None:
    """`period` seen at `unit` when it is as fine or finer, else None."""
    if period is None or UNITS.index(period.unit) < UNITS.index(unit):
        return None
    return around(period.first, unit)


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's match, with what stood before its head (`early`, `the past`)."""

    match: re.Match[str]
    left: re.Match[str] | None
    start: int
    end: int

    def group(self, name: str) -> str | None:
        """A named group of the head, else of the words before it."""
        if name in self.match.re.groupindex and self.match.group(name) is not None:
            return self.match.group(name)
        if self.left is not None and name in self.left.re.groupindex:
            return self.left.group(name)
        return None

    def word(self, name: str) -> str:
        """A group in lower case with single spaces, or ""."""
        return " ".join((self.group(name) or "").lower().split())


def named(text: str, start: int, printed: str) -> bool:
    """Whether a Capitalised word mid-sentence is a name (`Workers’ Daily`,
    `"Spring of Life"`) rather than a time word."""
    if not printed[:1].isupper() or printed.isupper():
        return False
    before = text[max(0, start - 3) : start]
    return bool(before.strip()) and re.search(r"[.!?:\n]\W*$", before) is None
