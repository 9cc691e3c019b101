"""How TimeBank and AQUAINT's gold and dossier tag one class of words.

    python -m eval.timeml --words 'recent(?! \\w+s\\b)' [--errors N --set AQUAINT]

A class of words (`soon`, `recent` before a noun, `annually`) is worth a rule
only if the gold tags it as a class: issue 18's rounds weighed each against
the gold's own tagged and untagged instances of the same words. This counts,
per set, the places a pattern matches, how many lie in a gold TIMEX3 and how
many in an expression dossier writes, and how many of those carry the gold's
value; `--errors N` lists N matches of `--set`, each marked both ways.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# Gold TIMEX3 spans of one document: (start, end, value, type).
GoldSpans = list[tuple[int, int, str, str]]


@dataclass(frozen=True, slots=True)
class Place:
    """One match of the pattern: its document, set, where it is, the gold
    value of the TIMEX3 it lies in and dossier's value there (None: none)."""

    doc: str
    group: str
    start: int
    end: int
    gold: str | None
    ours: str | None
    context: str

    @property
    def line(self) -> str:
        marks = ("G" if self.gold is not None else "-") + (
            "D" if self.ours is not None else "-"
        )
        values = f"gold {self.gold} / dossier {self.ours}"
        return f"{marks} {self.doc} {values} | {self.context}"


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts of one set's `Place`s: `matches`, in the `gold`, tagged by
    `dossier`, in `both`, and in both with the same `value`."""

    matches: int
    gold: int
    dossier: int
    both: int
    value: int

    @property
    def row(self) -> str:
        return (
            f"{self.matches} matches: the gold tags {self.gold}, dossier "
            f"{self.dossier}; both {self.both}, the same value {self.value}"
        )


def _covering(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The value of the first span overlapping [start, end), or None."""
    for first, last, value in spans:
        if first < end and start < last:
            return value
    return None


def places(
    pattern: re.Pattern[str],
    gold: dict[str, tuple[str, str, str, str | None, GoldSpans]],
    predictions: list[dict[str, Any]],
) -> Iterator[Place]:
    """Every match of `pattern` in the gold's texts (`load_gold`'s mapping:
    doc -> set, path, text, DCT, TIMEX3 spans), with the values over it."""
    found = {line["doc"]: line["timexes"] for line in predictions}
    for doc, (group, _path, text, _dct, items) in gold.items():
        ours = [(p["start"], p["end"], str(p["value"])) for p in found.get(doc, [])]
        theirs = [(start, end, str(value)) for start, end, value, _type in items]
        for match in pattern.finditer(text):
            start, end = match.span()
            context = text[max(0, start - 60) : end + 40].replace("\n", " ")
            yield Place(
                doc,
                group,
                start,
                end,
                _covering(theirs, start, end),
                _covering(ours, start, end),
                context,
            )


def tally(found: list[Place]) -> Tally:
    """`found`'s counts (one set's places)."""
    gold = [p for p in found if p.gold is not None]
    both = [p for p in gold if p.ours is not None]
    return Tally(
        matches=len(found),
        gold=len(gold),
        dossier=sum(1 for p in found if p.ours is not None),
        both=len(both),
        value=sum(1 for p in both if p.ours == p.gold),
    )
