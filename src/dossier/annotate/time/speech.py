"""The date of a quoted speech: what `six decades ago` inside it counts from.

`In a speech on 25 October 2010 he said: “Six decades ago, the volunteers
came.”` The speaker's `ago`, `today` and `last year` are the speech's, not
the report's (issue 18: anchored on a 2011 report, 1951 where 1950 was
meant). A date counts when the lead-in of the quote, from its sentence's
start to the opening mark, prints a full date beside a word of speaking.
"""

from __future__ import annotations

import re
from datetime import date

from dossier.annotate.time.calendar import Period
from dossier.annotate.time.context import Context
from dossier.english import MONTH_NUMBER, MONTH_PATTERN

# Marks that open a quote and those that close it: curly, the ``…'' of
# typeset news, and the straight mark that does both.
_STRAIGHT = '"'
_CLOSERS = {"“": "”", "``": "''"}
_OPENERS = ("“", "``", _STRAIGHT)
_FULL_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_PATTERN})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTH_PATTERN})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))\b"
)
_SPEAKING = re.compile(
    r"\b(?:speech|address|remarks|said|says|told|declared|stated|noted|stressed"
    r"|wrote|letter|message|statement|interview|report(?:ed)?|answer(?:ed)?)\b",
    re.IGNORECASE,
)
# The furthest back an opening mark is looked for: a long quoted speech runs
# over several paragraphs, each reopened with a mark.
MAX_QUOTE_CHARS = 3000


def speech_date(ctx: Context, position: int) -> Period | None:
    """The day of the speech a quote holding `position` reports, if printed."""
    if ctx.quote_marks is None:
        ctx.quote_marks, ctx.first_quote = quote_marks(ctx.text)
    if position <= ctx.first_quote:
        return None
    opening = _opening(ctx.text, ctx.quote_marks, position)
    if opening < 0:
        return None  # not inside quote marks
    if opening not in ctx.spoken:
        ctx.spoken[opening] = _lead_date(ctx, opening)
    return ctx.spoken[opening]


def _lead_date(ctx: Context, opening: int) -> Period | None:
    """The full date printed beside a word of speaking before `opening`."""
    text = ctx.text
    start = ctx.bounds.start_of(opening)
    if not text[start:opening].strip():
        # The quote opens its sentence: the lead-in is the sentence before
        # (`… said on 25 October 2010:`).
        start = ctx.bounds.start_of(max(0, start - 1))
    lead = text[start:opening]
    if not _SPEAKING.search(lead):
        return None
    dates = list(_FULL_DATE.finditer(lead))
    if not dates:
        return None
    found = dates[-1]  # the date nearest the quote
    month = found.group("m1") or found.group("m2")
    number = MONTH_NUMBER.get(month.rstrip(".").lower() if month else "")
    day = int(found.group("d1") or found.group("d2"))
    year = int(found.group("y1") or found.group("y2"))
    if number is None:
        return None
    try:
        date(year, number, day)
    except ValueError:
        return None
    return Period("D", year, number, day)


def quote_marks(text: str) -> tuple[tuple[str, ...], int]:
    """The opening marks `text` uses and where the first stands, looked for
    once per document: most texts use one kind or none, and each kind costs a
    search per expression."""
    found = [(text.find(opener), opener) for opener in _OPENERS]
    used = [(at, opener) for at, opener in found if at >= 0]
    return tuple(opener for _, opener in used), min(used)[0] if used else len(text)


def _opening(text: str, marks: tuple[str, ...], position: int) -> int:
    """Where the quote holding `position` opens, or -1 when none does."""
    low = max(0, position - MAX_QUOTE_CHARS)
    for opener in marks:
        if opener == _STRAIGHT:
            # A straight mark opens and closes alike: inside when an odd
            # number of them stand between the paragraph's start and here.
            paragraph = max(low, text.rfind("\n\n", low, position) + 1)
            if text.count(_STRAIGHT, paragraph, position) % 2:
                return text.rfind(_STRAIGHT, paragraph, position)
            continue
        opening = text.rfind(opener, low, position)
        if opening >= 0 and text.rfind(_CLOSERS[opener], opening, position) < 0:
            return opening
    return -1
