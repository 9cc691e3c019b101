"""Evidence that short lines at a page's edge are furniture, not text (#13).

Two kinds of evidence, never shortness alone: a line printed more than once
in the file (menus and sign-up lines repeated above and below), and a run of
menu-shaped lines that reaches the top or bottom edge of the page.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from dossier.clean.pagebreak import FUNCTION_WORDS
from dossier.clean.shape import is_title_case
from dossier.packs import Pack
from dossier.segment.lines import is_body

# A menu is at least this many lines in a row (the seeds' web page has 6 at
# its top; a headline with a date and a byline above a story has 3 but the
# date and byline are metadata, found by their own shape).
MENU_RUN = 3
# A menu item: a few words, no sentence. "Prol Shop Prol TV Prol Radio
# Lalkar Red Youth Photos" (10 words) is the longest in the seeds.
MAX_MENU_WORDS = 12
MAX_MENU_LINE = 100
# Short menu items need not be title-cased ("Search Proletarian search").
FEW_WORDS = 4
# Lines already given a furniture kind by their own evidence join a run.
FURNITURE_KINDS = frozenset({"nav", "footer", "meta"})
_CONTINUED = ".!?…:;,-\u2010"


def announces_list(line: str) -> bool:
    """ "... will be made up of following persons:" -- the lines after are text."""
    return line.rstrip().endswith(":")


@lru_cache(maxsize=8)
def _name_starts(surnames: tuple[str, ...]) -> frozenset[str]:
    return frozenset(name.casefold() for name in surnames)


def is_menu_like(line: str, pack: Pack) -> bool:
    """A navigation item's shape: a few capitalised words and no sentence.

    Wrapped prose is not: it ends on a small word or a hyphen, or starts in
    lower case; nor is a list of people, whose lines open on a family name,
    nor a list of dates or amounts.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_MENU_LINE or stripped[-1] in _CONTINUED:
        return False
    words = stripped.split()
    if len(words) > MAX_MENU_WORDS or stripped[0].islower():
        return False
    if words[-1].casefold() in FUNCTION_WORDS or is_body(stripped):
        return False
    if words[0].casefold() in _name_starts(pack.surnames):
        return False
    # Menu labels are words: a line with a figure or a comma is an item of
    # a list (dates of a tour, a recipe's amounts, vote counts).
    if "," in stripped or any(c.isdigit() for c in stripped):
        return False
    return len(words) <= FEW_WORDS or is_title_case(stripped)


def edge_runs(
    lines: list[str], kinds: list[str], first_body: int, last_body: int, pack: Pack
) -> set[int]:
    """Undecided lines in a menu run at the top (above `first_body`) or the
    bottom (below `last_body`) edge of the page."""
    found: set[int] = set()
    top = range(0, min(first_body, len(lines)))
    bottom = range(len(lines) - 1, max(last_body, -1), -1)
    for side in (top, bottom):
        run: list[int] = []
        for index in side:
            if kinds[index] in FURNITURE_KINDS or (
                not kinds[index] and is_menu_like(lines[index], pack)
            ):
                run.append(index)
            else:
                break
        if len(run) >= MENU_RUN:
            found.update(i for i in run if not kinds[i])
    return found


def repeated_lines(
    lines: list[str], kinds: list[str], *, around: tuple[int, int] | None = None
) -> set[int]:
    """Undecided lines printed more than once in the file, sentences aside.

    With `around` (the first and last body line), only lines printed both
    above the first and below the last: in an extractor's main text the
    menus are gone, and a line repeated on one side is a table's or a list's
    (a meal plan's rows, a poll's "61 votes"), which the html-dev gold keeps.
    """
    counts = Counter(line.strip() for line in lines)
    found = {
        index
        for index, line in enumerate(lines)
        if not kinds[index] and counts[line.strip()] > 1 and not is_body(line)
    }
    if around is None:
        return found
    above = {lines[i].strip() for i in found if i < around[0]}
    below = {lines[i].strip() for i in found if i > around[1]}
    return {i for i in found if lines[i].strip() in above & below}
