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
_STOPS = frozenset(".!?…")  # SENTENCE_END's stops, then its closers
_CLOSERS = "\"”’')]"
# Body text: a paragraph at least this long, or one that ends like a sentence.
MIN_BODY = 90


# The "(" of a wire dateline's outlet falls within this many characters.
_DATELINE_REACH = 90


def dateline_at(line: str) -> re.Match[str] | None:
    """The wire dateline opening `line`, if any (a cheap test first)."""
    if "(" not in line[:_DATELINE_REACH]:
        return None
    return WIRE_DATELINE.match(line)


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


_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=16)
def _phrase_keys(phrases: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The longest word of each phrase, and the phrases that have no word."""
    keys: set[str] = set()
    symbols = []
    for phrase in phrases:
        words = _WORDS.findall(phrase.casefold())
        if words:
            key = max(words, key=len)
            keys.update((key, key + "s"))  # the pattern allows a plural
        elif phrase:
            symbols.append(phrase.casefold())
    return frozenset(keys), tuple(symbols)


def phrase_words(line: str) -> frozenset[str]:
    """Lower-cased words of a line, to test against several phrase lists."""
    return frozenset(_WORDS.findall(line.casefold()))


def matches_phrase(
    line: str,
    phrases: tuple[str, ...],
    max_line: int,
    words: frozenset[str] | None = None,
) -> bool:
    if len(line) > max_line:
        return False
    lowered = line.casefold()
    # Most lines hold none of the phrases' key words: a set test settles them
    # without running the phrase pattern (13 us a line, 5 s of a 13 s build).
    keys, symbols = _phrase_keys(phrases)
    if words is None:
        words = frozenset(_WORDS.findall(lowered))
    if keys.isdisjoint(words) and not any(symbol in lowered for symbol in symbols):
        return False
    pattern = _phrase_pattern(phrases)
    return pattern is not None and pattern.search(lowered) is not None


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


# "© Reuters", "Copyright 2019 The Associated Press. All rights reserved."
RIGHTS = re.compile(r"©|\(c\) \d{4}|\bcopyright\b|\ball rights reserved\b", re.I)
# A page's title carries the site's name ("Opinion | Is Football Violence a
# Crime?", "... - SpaceNews.com"); the headline is most of it.
MIN_TITLE_SHARE = 0.5


def is_rights_line(line: str) -> bool:
    return bool(RIGHTS.search(line))


def repeats_title(line: str, title: str) -> bool:
    """The line is the page's title, or most of it beside the site's name."""
    stripped = " ".join(line.split()).casefold()
    whole = " ".join(title.split()).casefold()
    return bool(stripped) and (
        stripped == whole
        or (stripped in whole and len(stripped) >= MIN_TITLE_SHARE * len(whole))
    )


def is_body(line: str) -> bool:
    stripped = line.strip()
    # `SENTENCE_END.search` and a count of all the words, read from the
    # line's end and up to six words: every long line of a build comes here.
    if stripped.rstrip(_CLOSERS)[-1:] in _STOPS:
        return len(stripped.split(maxsplit=6)) >= 6
    # Long but unpunctuated: body text unless it is cased like a headline.
    return len(stripped) >= MIN_BODY and not is_title_case(stripped)


@lru_cache(maxsize=16)
def _marker_ends(markers: tuple[str, ...]) -> frozenset[str]:
    """Last characters of the end markers ("-0-", "###"): a cheap first test."""
    return frozenset(marker[-1] for marker in markers if marker)


def end_marker_at(line: str, pack: Pack) -> int | None:
    """Index where a trailing end marker (` -0-`) starts in `line`, if any."""
    stripped = line.rstrip()
    if not stripped or stripped[-1] not in _marker_ends(pack.end_markers):
        return None
    for marker in pack.end_markers:
        if stripped.endswith(marker):
            cut = len(stripped) - len(marker)
            # KCNA glues the marker to a sentence now and then ("happiness.-0-").
            if cut == 0 or stripped[cut - 1].isspace() or stripped[cut - 1] in _CLOSING:
                return len(stripped[:cut].rstrip())
    return None
