"""Hedges around a number (`nearly`, `over`, `some`) turned into an interval.

Each rule is a named factor; `low`/`high` of a figure are the bounds of what
the source claims, the number itself included unless the hedge excludes it
(an excluded bound is stored as the number: `nearly 3 million` = [2.7M, 3M)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# `about`, `some`, `around`, `roughly`, `an estimated`, `or so`: within 10% of
# the number either way (a source rounding to its leading digits).
APPROXIMATE = 0.10
# `nearly`, `almost`, `close to`, `just under`, `as many as`: just under the
# number, at most 10% below it.
JUST_UNDER = 0.10
# `over`, `more than`, `above`, `upwards of`, `in excess of`: just over the
# number, at most 10% above it (a source would round up to the next figure).
JUST_OVER = 0.10
# `at least`, `no fewer than`, `or more`: the number or up to 10% above it.
AT_LEAST = 0.10

# Longest first: `more than` before `more`.
_BEFORE = {
    "approximately": "about", "about": "about", "around": "about", "some": "about",
    "roughly": "about", "an estimated": "about", "estimated": "about",
    "circa": "about", "approx.": "about", "approx": "about", "c.": "about",
    "in the region of": "about", "of the order of": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "just under": "nearly", "nigh on": "nearly", "as many as": "nearly",
    "over": "over", "more than": "over", "above": "over", "upwards of": "over",
    "in excess of": "over", "exceeding": "over", "just over": "over",
    "well over": "over", "well above": "over",
    "at least": "at least", "no fewer than": "at least",
    "no less than": "at least", "a minimum of": "at least",
    "less than": "under", "fewer than": "under", "under": "under",
    "below": "under", "up to": "up to", "at most": "up to",
    "no more than": "up to", "not more than": "up to",
}  # fmt: skip
# `80-odd`: more than the number, like `over`.
_AFTER = {
    "or so": "about", "or more": "at least", "plus": "over", "or less": "up to",
    "-odd": "over",
}  # fmt: skip

_BEFORE_PATTERN = re.compile(
    r"(?<![\w-])(?P<hedge>"
    + "|".join(re.escape(h) for h in sorted(_BEFORE, key=len, reverse=True))
    + r")[ \t]+$",
    re.IGNORECASE,
)
_AFTER_PATTERN = re.compile(
    r"(?:[ \t]+|(?=-))(?P<hedge>"
    + "|".join(re.escape(h) for h in _AFTER)
    + r")(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Hedge:
    start: int
    end: int
    text: str
    rule: str  # about, nearly, over, at least, under, up to


def hedge_before(text: str, start: int) -> Hedge | None:
    match = _BEFORE_PATTERN.search(text, max(0, start - 20), start)
    if match is None:
        return None
    printed = match.group("hedge")
    return Hedge(
        match.start("hedge"), match.end("hedge"), printed, _BEFORE[printed.lower()]
    )


def hedge_after(text: str, end: int) -> Hedge | None:
    match = _AFTER_PATTERN.match(text, end)
    if match is None:
        return None
    printed = match.group("hedge")
    return Hedge(
        match.start("hedge"), match.end("hedge"), printed, _AFTER[printed.lower()]
    )


def interval(low: float, high: float, rule: str | None) -> tuple[float, float]:
    """The claimed interval of a number `[low, high]` under a hedge rule."""
    if rule == "about":
        return low * (1 - APPROXIMATE), high * (1 + APPROXIMATE)
    if rule == "nearly":
        return low * (1 - JUST_UNDER), high
    if rule == "over":
        return low, high * (1 + JUST_OVER)
    if rule == "at least":
        return low, high * (1 + AT_LEAST)
    if rule in ("under", "up to"):
        return 0.0, high
    return low, high
