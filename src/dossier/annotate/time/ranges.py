"""Join two dates printed as a range (`June 1950-July 1953`) into one expression."""

# Join two dates printed as a range (`June 1950-July 1953`, `from August 27 to September
# 9`) into one expression whose days run from the first to the last.

from __future__ import annotations

import re

from dossier.model import TimeExpression

_DASH = re.compile(r"\s*[-–—]\s*")
_WORD = re.compile(r"\s+(?P<w>to|through|till|until|and)\s+", re.IGNORECASE)
_OPENS = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


def merge_ranges(text: str, times: list[TimeExpression]) -> list[TimeExpression]:
    """`times` with each printed range of two dates made one DATE expression.

    The value is the first date's (TimeML has no range value); `first_day` and
    `last_day` bound the whole range.
    """
    merged: list[TimeExpression] = []
    index = 0
    while index < len(times):
        first = times[index]
        second = times[index + 1] if index + 1 < len(times) else None
        if second is not None and _is_range(text, first, second):
            merged.append(
                TimeExpression(
                    first.start,
                    second.end,
                    text[first.start : second.end],
                    "DATE",
                    first.value,
                    first.first_day,
                    second.last_day,
                )
            )
            index += 2
            continue
        merged.append(first)
        index += 1
    return merged


def _is_range(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    if first.type != "DATE" or second.type != "DATE":
        return False
    if not (
        first.first_day and first.last_day and second.first_day and second.last_day
    ):
        return False
    if second.last_day <= first.last_day or second.first_day < first.first_day:
        return False
    between = text[first.end : second.start]
    if _DASH.fullmatch(between):
        return True
    word = _WORD.fullmatch(between)
    if word is None:
        return False
    opened = _OPENS.search(text, max(0, first.start - 10), first.start)
    if opened is None:
        return False
    return (word.group("w").lower() == "and") == opened.group(0).lower().startswith("b")
