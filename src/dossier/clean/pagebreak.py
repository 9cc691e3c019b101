"""Rejoin a sentence that a page break cut into two paragraphs."""

from __future__ import annotations

import re

from dossier.clean.shape import is_date_line, is_headline, is_title_case
from dossier.offsets import Edit

# Words a sentence cannot end on: a paragraph ending with one was cut.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "nor",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "our",
        "their",
        "its",
        "his",
        "her",
        "my",
        "your",
        "this",
        "these",
        "those",
        "into",
        "onto",
        "upon",
        "about",
        "against",
        "between",
        "through",
        "during",
        "without",
        "within",
        "under",
        "over",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "very",
    ]
)
# A continuation long enough to be body text, not a date line or a headline.
MIN_CONTINUATION = 40
_FINAL = '.!?:;"”’)]…'
_BREAK = re.compile(r"\n(?:[ \t]*\n)+")
_LAST_WORD = re.compile(r"(\w+)\W*$")


def pagebreak_edits(text: str) -> list[Edit]:
    edits = []
    for match in _BREAK.finditer(text):
        start, end = match.span()
        line_start = text.rfind("\n", 0, start) + 1
        previous = text[line_start:start]
        next_end = text.find("\n", end)
        following = text[end : next_end if next_end >= 0 else len(text)]
        if not previous or not following or previous[-1] in _FINAL:
            continue
        if is_date_line(following) or is_title_case(following):
            continue
        # A headline may end on a small word ("What We Stand For").
        if is_headline(previous):
            continue
        if following[0].islower():
            edits.append(Edit(start, end, " ", "page-break"))
            continue
        last = _LAST_WORD.search(previous)
        if (
            last is not None
            and last.group(1).lower() in FUNCTION_WORDS
            and len(following) >= MIN_CONTINUATION
        ):
            edits.append(Edit(start, end, " ", "page-break"))
    return edits
