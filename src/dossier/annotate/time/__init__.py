"""Annotate stage: tag time expressions and normalise them as TimeML does."""

# Rules in the spirit of HeidelTime: compiled patterns find expressions (`patterns`),
# rules read each match into a TimeML type and value (`absolute`, `relative`,
# `durations`), resolving relative ones against the document date (the anchor) or the
# last date the text mentioned (`context`); printed ranges are joined (`ranges`) and
# anniversaries dated (`anniversary`). Holidays, quarters and years have their own
# modules; `calendar` holds the periods every rule computes with.

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.annotate.failures import Failures
from dossier.annotate.time import finder
from dossier.annotate.time.anniversary import anniversaries
from dossier.annotate.time.calendar import in_calendar
from dossier.annotate.time.context import Context, Found, parse_anchor
from dossier.annotate.time.extent import extent_start
from dossier.annotate.time.ranges import merge_ranges, order_weekdays
from dossier.model import TimeExpression
from dossier.packs import Pack

if TYPE_CHECKING:
    from dossier.annotate.compiled import Compiled
    from dossier.annotate.reading import Reading

__all__ = ["find", "tag_times"]


def _expression(text: str, start: int, end: int, found: Found) -> TimeExpression | None:
    """The expression a rule found, or None when its period falls off the
    calendar ("last May" in a text dated 0001-01-01 is in no year)."""
    start = extent_start(text, start, end)
    first = last = None
    if found.first and found.last:
        first, last = found.first.isoformat(), found.last.isoformat()
    elif found.period is not None:
        if not in_calendar(found.period) or (
            found.until is not None and not in_calendar(found.until)
        ):
            return None
        first = found.period.first.isoformat()
        last = (found.until or found.period).last.isoformat()
    return TimeExpression(
        start, end, text[start:end], found.type, found.value, first, last
    )


def tag_times(
    text: str, *, anchor: str | None, pack: Pack, failures: Failures | None = None
) -> list[TimeExpression]:
    """Time expressions in `text` with `anchor` as its date (`find` on a
    reading of `text` alone; errors raised when `failures` is None)."""
    from dossier.annotate.compiled import compile_pack
    from dossier.annotate.reading import read_text

    reading = read_text(text, anchor=anchor, failures=failures)
    return find(reading, compile_pack(pack))


def find(reading: Reading, compiled: Compiled) -> list[TimeExpression]:
    """Time expressions in the document, sorted by start.

    `reading.anchor` is the document date as an ISO prefix (`2021-10-16`,
    `2011`) or None; expressions that need it and cannot be resolved keep `X`s
    in their value (`XXXX-10-17`) and have no `first_day`/`last_day`. An
    expression a rule trips on is left out and noted in `reading.failures`.
    """
    text, failures = reading.text, reading.failures
    context = Context(
        text, compiled.pack, reading.bounds, anchor=parse_anchor(reading.anchor)
    )
    matches = finder.find(
        text, reading.lower, compiled.time_rules, compiled.time_leads, context, failures
    )
    times = [
        time
        for start, end, found in matches
        for time in [
            failures.attempt("times", start, end, _expression, text, start, end, found)
        ]
        if time is not None
    ]
    times = merge_ranges(text, order_weekdays(text, times, context.today))
    times += anniversaries(text, times, context.anchor, reading.bounds, failures)
    return sorted(times, key=lambda t: (t.start, t.end))
