"""Shapes of a line of text that several stages test: headline, date line."""

from __future__ import annotations

import re

SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "vs",
        "via",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|"
    "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# A line that is only a date, perhaps printed twice ("March 09, 2026Mar 09, 2026").
DATE_LINE = re.compile(
    rf"^(?:(?:(?:{MONTHS})\.? \d{{1,2}},? \d{{4}}|\d{{1,2}} (?:{MONTHS})\.? \d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})\s*)+$"
)
# Longest headline seen in the seeds and kcna-2024 is 148 characters.
MAX_HEADLINE = 160


def is_title_case(line: str) -> bool:
    """Most content words capitalised, as in "Origin of Korean Revolution"."""
    words = [w for w in _WORD.findall(line) if w.lower() not in SMALL_WORDS]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.75


def is_headline(line: str) -> bool:
    """Short, title-cased, no sentence punctuation at its end."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= MAX_HEADLINE
        and stripped[-1] not in ",;:"
        and not (stripped[-1] == "." and stripped.count(". ") >= 1)
        and is_title_case(stripped)
    )


def is_date_line(line: str) -> bool:
    return bool(DATE_LINE.match(line.strip()))
