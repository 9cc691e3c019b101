"""Lines set in title case (headlines, teaser titles): their names need support."""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.annotate.entities.index import PackIndex
from dossier.annotate.entities.lexicon import is_everyday_word, is_function_word
from dossier.annotate.entities.lowercase import LowerWords
from dossier.annotate.openers import opening_on

_HEADLINE_MAX_WORDS = 25
# One scan gives both counts: the first letters, each lower or upper case.
# A letter after a character no word holds, read over the line with a space
# before it: the same letters as a look-behind at each letter (`[A-Za-z](?<!
# [\w'’-][A-Za-z])`), in two thirds of the time (a line is mostly letters).
_INITIAL = re.compile(r"[^\w'’-]([A-Za-z])")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def headline_spans(
    text: str, index: PackIndex, lower: LowerWords | None = None
) -> list[tuple[int, int]]:
    """Lines set in title case (`Mass Rallies Held in Cities`): not sentences.

    A line qualifies when most of its words are capitalised and at least
    `_HEADLINE_WORDS` of them are ordinary words, capitalised only by the
    headline: printed in lower case elsewhere in the text (`rallies`) or
    function words past the line's first word (`Along`, `Across`).
    """
    spans = []
    if lower is None:
        lower = LowerWords(text)
    # Lines found by `str.find` (memchr-fast) and their spaces counted in
    # place: a `[^\n]+` scan was a third of this function's time.
    position, length = 0, len(text)
    while position < length:
        start = position
        end = text.find("\n", start)
        if end < 0:
            end = length
        position = end + 1
        if end == start or text.count(" ", start, end) > _HEADLINE_MAX_WORDS:
            continue  # no line, or a paragraph, not a headline
        ordinary, capitalised = _read_line(text[start:end])
        # Printed in lower case elsewhere in this text (`rallies`).
        ordinary += sum(1 for w in capitalised if w in lower)
        if ordinary >= _HEADLINE_WORDS:
            spans.append((start, end))
    return _merged(spans, quoted_titles(text, index))


# A line that is no headline whatever the text prints.
_NO_HEADLINE: tuple[int, tuple[str, ...]] = (0, ())


# Lines recur (datelines, bylines, section heads, a wire's teaser titles), and
# what a line's own words decide is kept by its text.
@lru_cache(maxsize=16384)
def _read_line(line: str) -> tuple[int, tuple[str, ...]]:
    """What a line's own words decide: `_NO_HEADLINE` when it is none whatever
    the text prints (most words lower case, too few content words or
    capitals); else how many of its words are ordinary by their own kind
    (function words of four letters or more past the first word: `Along`,
    `Across`), and its capitalised content words of two letters or more,
    lower-cased, which are ordinary where the text prints them in lower case."""
    initials = _INITIAL.findall(" " + line)
    lower_words = sum(map(str.islower, initials))
    if 2 * lower_words > len(initials):
        return _NO_HEADLINE  # most words lower case: a sentence
    words = _NAME_WORD.findall(line)
    content = [w for w in words if not is_function_word(w)]
    if len(content) < 3 or len(words) > _HEADLINE_MAX_WORDS:
        return _NO_HEADLINE
    capitalised = [w for w in content if w[0].isupper()]
    if len(capitalised) / len(content) < 0.8:
        return _NO_HEADLINE
    ordinary = sum(
        1 for w in words[1:] if w[0].isupper() and is_function_word(w) and len(w) > 3
    )
    lowered = (w.lower() for w in capitalised)
    return ordinary, tuple(w for w in lowered if len(w) > 1)


# A title in quote marks, perhaps wrapped across lines: `(‘Friendship Forged in
# Blood in Anti-US War’, KCNA, 21 October 2010)`, `entitled 'Building a
# Revolutionary Party'`.
# Found from its opening marks' places (`openers`): 0.023 -> 0.008 CPU s a
# pass over wire_3_months, the same matches.
_QUOTE_OPENERS = "‘“\"'"
_QUOTED = re.compile(
    f"[{_QUOTE_OPENERS}]"
    r"(?P<title>[A-Z](?:[^‘’“”\"\n]|\n(?!\n)){3,150}?)[’”\"'](?!\w)"
)


def quoted_titles(text: str, index: PackIndex) -> list[tuple[int, int]]:
    """Title-case passages in quote marks: the title of a work, not a sentence.

    Like a headline, most content words are capitalised and at least one is
    an ordinary word capitalised only by the title (`Forged`, `Blood`). A
    quoted name of a body or place (`"People Power Party"`) is a name still.
    """
    spans = []
    for found in opening_on(_QUOTED, text, _QUOTE_OPENERS):
        words = _NAME_WORD.findall(found.group("title"))
        if words and _is_head(words[-1], index):
            continue
        content = [w for w in words if not is_function_word(w)]
        if len(content) < 2 or len(words) > _HEADLINE_MAX_WORDS:
            continue
        capitalised = [w for w in content if w[0].isupper()]
        if len(capitalised) / len(content) < 0.8:
            continue
        if any(is_everyday_word(w) for w in capitalised):
            spans.append((found.start("title"), found.end("title")))
    return spans


def _merged(
    first: list[tuple[int, int]], second: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Both lists of spans as one sorted list of spans apart."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(first + second):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# Ordinary capitalised words that make a line a headline: every teaser title
# in the seeds' sidebars has two or more; names alone have none.
_HEADLINE_WORDS = 2


def _is_head(word: str, index: PackIndex) -> bool:
    bare = word.lower().rstrip(".")
    return bare in index.org_heads or bare in index.place_heads
