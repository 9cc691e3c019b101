"""Cut clean text into line blocks and tell what each line looks like."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from dossier.clean.shape import MONTHS, is_date_line, is_title_case
from dossier.packs import Pack

# "Pyongyang, August 5 (KCNA) --": place, date, outlet, then the story.
WIRE_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w.'’ -]{{1,40}}),\s+(?P<date>(?:{MONTHS})\.? \d{{1,2}}"
    rf"(?:,? \d{{4}})?)\s+\((?P<outlet>[A-Za-z][\w .&-]{{1,30}})\)\s*(?:--|—|–)\s*"
)
# "Proletarian issue 20 (October 2007)"
ISSUE_LINE = re.compile(
    r"^(?P<outlet>[A-Z][\w’' &.-]{1,60}?),?\s+(?:issue|no\.|number|vol\.?)\s*\d+"
    r"(?:\s*\((?P<date>[^)]{3,40})\))?\s*$",
    re.IGNORECASE,
)
# "Date: 16/10/2021 | Source: Naenara (En) | ..." and "By Jane Doe"
LABELLED = re.compile(
    r"^(?:date|source|published|posted|by|author|updated|dateline)\b\s*:?",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*$")
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
_CLOSING = ".!?…\"”’')]"
# Body text: a paragraph at least this long, or one that ends like a sentence.
MIN_BODY = 90


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


@lru_cache(maxsize=16)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Phrases as whole words: "register" is not "registered", "back to" is
    not "waved back to" inside a longer word; a plural "s" may follow."""
    alternatives = []
    for phrase in sorted(phrases, key=len, reverse=True):
        if not phrase:
            continue
        head = r"(?<!\w)" if phrase[0].isalnum() else ""
        tail = r"s?(?!\w)" if phrase[-1].isalnum() else ""
        alternatives.append(head + re.escape(phrase) + tail)
    return re.compile("|".join(alternatives)) if alternatives else None


def matches_phrase(line: str, phrases: tuple[str, ...], max_line: int) -> bool:
    if len(line) > max_line:
        return False
    pattern = _phrase_pattern(phrases)
    return pattern is not None and pattern.search(line.casefold()) is not None


def is_meta_line(line: str, pack: Pack) -> bool:
    stripped = line.strip()
    if is_date_line(stripped) or ISSUE_LINE.match(stripped):
        return True
    if pack.outlet_for(stripped) is not None:
        return True
    if len(stripped) <= 200 and (
        LABELLED.match(stripped) and ("|" in stripped or ":" in stripped[:12])
    ):
        return True
    return bool(BYLINE.match(stripped))


def is_body(line: str) -> bool:
    stripped = line.strip()
    if SENTENCE_END.search(stripped):
        return len(stripped.split()) >= 6
    # Long but unpunctuated: body text unless it is cased like a headline.
    return len(stripped) >= MIN_BODY and not is_title_case(stripped)


def end_marker_at(line: str, pack: Pack) -> int | None:
    """Index where a trailing end marker (` -0-`) starts in `line`, if any."""
    stripped = line.rstrip()
    for marker in pack.end_markers:
        if stripped.endswith(marker):
            cut = len(stripped) - len(marker)
            # KCNA glues the marker to a sentence now and then ("happiness.-0-").
            if cut == 0 or stripped[cut - 1].isspace() or stripped[cut - 1] in _CLOSING:
                return len(stripped[:cut].rstrip())
    return None
