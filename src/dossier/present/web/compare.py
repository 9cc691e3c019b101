"""Side by side: why claims conflict or agree, and where two reused passages
differ word by word."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from dossier.present.web.templating import number

_WORD = re.compile(r"\S+")
# Pairs named per group; a subject many texts count gives dozens.
REASONS = 6


def _interval(claim: dict[str, Any]) -> str:
    low, high = claim["low"], claim["high"]
    return number(low) if low == high else f"{number(low)} to {number(high)}"


def reasons(group: dict[str, Any]) -> list[str]:
    """Each pair of documents whose figures cannot both hold, or, when all
    overlap, the range every figure allows."""
    claims = group["claims"]
    said = []
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a["doc"] == b["doc"] or (
                a["high"] >= b["low"] and b["high"] >= a["low"]
            ):
                continue
            low, high = (a, b) if a["high"] < b["low"] else (b, a)
            key = (low["text"], high["text"])
            if key in seen:
                continue
            seen.add(key)
            said.append(
                f"“{low['text']}” ({_interval(low)}, {low['doc']}) is below"
                f" “{high['text']}” ({_interval(high)}, {high['doc']}):"
                " both cannot hold"
            )
    if said:
        if len(said) > REASONS:
            rest = len(said) - REASONS + 1
            said = [
                *said[: REASONS - 1],
                f"and {rest} more pairs that cannot both hold",
            ]
        return said
    floor = max(c["low"] for c in claims)
    ceiling = min(c["high"] for c in claims)
    return [
        f"every figure allows {number(floor)} to {number(ceiling)}:"
        f" {group['documents']} independent texts agree"
    ]


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    same: bool


def align(a: str, b: str) -> tuple[list[Word], list[Word]]:
    """The words of two passages, each marked whether the other side has it
    in the same place (compared without case)."""
    left = _WORD.findall(a)
    right = _WORD.findall(b)
    matcher = difflib.SequenceMatcher(
        None, [w.casefold() for w in left], [w.casefold() for w in right], False
    )
    same_left = [False] * len(left)
    same_right = [False] * len(right)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            same_left[block.a + k] = True
            same_right[block.b + k] = True
    return (
        [Word(w, s) for w, s in zip(left, same_left, strict=True)],
        [Word(w, s) for w, s in zip(right, same_right, strict=True)],
    )
