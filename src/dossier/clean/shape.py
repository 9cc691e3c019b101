"""Shapes of a line of text that several stages test: headline, date line."""

from __future__ import annotations

import re

from dossier.english import MONTH_PATTERN as MONTHS
from dossier.english import SMALL_WORDS, is_title_case

__all__ = [
    "DATE_LINE",
    "MAX_HEADLINE",
    "MONTHS",
    "SMALL_WORDS",
    "is_date_line",
    "is_headline",
    "is_title_case",
]

# A line that is only a date, perhaps printed twice ("March 09, 2026Mar 09, 2026").
DATE_LINE = re.compile(
    rf"^(?:(?:(?:{MONTHS})\.? \d{{1,2}},? \d{{4}}|\d{{1,2}} (?:{MONTHS})\.? \d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})\s*)+$"
)
# Longest headline seen in the seeds and kcna-2024 is 148 characters.
MAX_HEADLINE = 160


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
