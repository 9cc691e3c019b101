"""Figures: numbers a source gives, as intervals, with what they count.

`find(reading, compiled)` (`find_figures(text, pack=pack)` for a text alone)
reads numbers in digits and words, turns hedges into intervals (see
`hedges`), skips numbers that are not counts (years, dates, times, ordinals,
labels: see `contexts`), and finds what each counts (see `subjects`).
Percentages are figures with the unit `%`; sums of money carry their currency
as unit. A number with no counted noun is kept only when at least
`UNITLESS_MIN` (`226 with Order of ...`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dossier.annotate.entities import PackIndex
from dossier.annotate.failures import Failures
from dossier.annotate.figures.contexts import reason_to_skip
from dossier.annotate.figures.hedges import hedge_after, hedge_before, interval
from dossier.annotate.figures.numbers import Number, find_numbers
from dossier.annotate.figures.subjects import (
    TIME_UNITS,
    Counted,
    Mentions,
    counted,
    implied_subject,
)
from dossier.annotate.word_scan import words_of
from dossier.model import Figure, Mention
from dossier.packs import Pack

if TYPE_CHECKING:
    from dossier.annotate.compiled import Compiled
    from dossier.annotate.reading import Bounds, Reading

__all__ = ["find", "find_figures"]

# A bare number with nothing counted after it is kept from this value up:
# smaller ones are ages, scores and list items far more often than claims.
UNITLESS_MIN = 100
# Numbers in words below this are not figures unless hedged or lent a unit
# (`Of them twelve`): `two countries`, `three former republics` describe.
_SMALL_WORDS = 10
_DETERMINER_BEFORE = re.compile(
    r"(?<![\w-])(?:the|these|those|its|their|his|her|our|my|your|both|all|"
    r"first|last|next|other|every)[ \t]+$",
    re.IGNORECASE,
)
_INCLUDING_BEFORE = re.compile(
    r"(?:including|among them|of whom|of which)[ \t]+$", re.I
)
_OF_THEM_BEFORE = re.compile(
    r"(?<![\w-])of[ \t]+(?:them|these|those|whom)[ \t,]*$", re.I
)
# How far back a figure's unit and subject are lent to `of them`, `including`.
_INHERIT_WINDOW = 300


def find_figures(
    text: str,
    *,
    pack: Pack,
    mentions: Sequence[Mention] = (),
    failures: Failures | None = None,
) -> list[Figure]:
    """Every figure in `text`; `mentions` name the entities counted (`find`
    on a reading of `text` alone; errors raised when `failures` is None)."""
    from dossier.annotate.compiled import compile_pack
    from dossier.annotate.reading import read_text

    reading = read_text(text, mentions=tuple(mentions), failures=failures)
    return find(reading, compile_pack(pack))


def find(reading: Reading, compiled: Compiled) -> list[Figure]:
    """Every figure in the document; its mentions name the entities counted.
    A number the rules trip on is left out and noted in `reading.failures`."""
    text, failures = reading.text, reading.failures
    pack, index = compiled.pack, compiled.index
    spans = Mentions(reading.mentions)
    figures: list[Figure] = []
    cores = words_of(reading).numbers
    for number in find_numbers(text, failures, reading.lower, cores):
        figure = failures.attempt(
            "figures",
            number.start,
            number.end,
            _figure,
            text,
            number,
            pack,
            index,
            reading.bounds,
            spans,
            figures,
        )
        if figure is not None:
            figures.append(figure)
    return figures


def _figure(
    text: str,
    number: Number,
    pack: Pack,
    index: PackIndex,
    bounds: Bounds,
    spans: Mentions,
    figures: list[Figure],
) -> Figure | None:
    """The figure `number` gives, or None when it is no count."""
    if _never_a_figure(text, number) or reason_to_skip(text, number, pack):
        return None
    what = counted(text, number.start, number.end, index, spans)
    if what.unit is not None and what.unit.lower() in TIME_UNITS:
        return None
    before = hedge_before(text, number.start)
    after = hedge_after(text, number.end)
    if after is None and what.unit is not None:
        after = hedge_after(text, what.end)
    hedge = before or after
    borrowed = _borrowed(text, number, what, figures)
    lent = borrowed is not what
    what = borrowed
    if what.subject is None and what.unit is not None:
        sentence_start = bounds.start_of(number.start)
        implied = implied_subject(sentence_start, number.start, what.unit, index, spans)
        if implied is not None:
            what = dataclasses.replace(what, subject=implied)
    if not _keep(text, number, what, hedge is not None, lent):
        return None
    low, high = interval(number.low, number.high, hedge.rule if hedge else None)
    start = number.start if what.start is None else what.start
    start = before.start if before is not None else start
    end = max(what.end, number.end, after.end if after is not None else 0)
    return Figure(
        start,
        end,
        text[start:end],
        low,
        high,
        what.unit,
        what.subject,
        hedge.text.lower() if hedge else None,
    )


def _never_a_figure(text: str, number: Number) -> bool:
    """`one` alone, `a` alone: articles and pronouns, not counts."""
    printed = number.text.lower().strip()
    return number.kind == "words" and printed in ("one", "a", "an", "zero", "half")


def _borrowed(
    text: str, number: Number, what: Counted, figures: list[Figure]
) -> Counted:
    """`over 100,000 of them`, `including 2 million civilians`: from the last figure."""
    previous = figures[-1] if figures else None
    if previous is None or number.start - previous.end > _INHERIT_WINDOW:
        return what
    window = text[max(previous.end, number.start - 40) : number.start]
    if what.inherits or (what.unit is None and _OF_THEM_BEFORE.search(window)):
        return Counted(previous.unit, previous.subject, what.end)
    if what.subject is None and _INCLUDING_BEFORE.search(window):
        return Counted(what.unit, previous.subject, what.end)
    return what


def _keep(text: str, number: Number, what: Counted, hedged: bool, lent: bool) -> bool:
    if what.unit is None:
        if number.kind == "vague":
            return True
        if number.kind == "range":
            return False
        return number.kind != "words" and number.high >= UNITLESS_MIN
    if number.kind == "words" and number.high < _SMALL_WORDS and not (hedged or lent):
        return False
    if number.high < _SMALL_WORDS:
        before = text[max(0, number.start - 12) : number.start]
        return not _DETERMINER_BEFORE.search(before)
    return True
