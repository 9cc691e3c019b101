"""Join artefacts: commas a scraper put between a story's paragraphs (#13).

Scraped KCNA archives join paragraphs with ", ", so a story ends in ", ,",
paragraphs open on ", " and blank paragraphs leave lines of bare commas.
Such a text is known by that tail or by those lines; only then are the
commas taken out, each as an edit, so offsets still map to the raw text.
"""

from __future__ import annotations

import re

from dossier.offsets import Edit

# A line of nothing but commas (an empty paragraph, joined).
_BARE = re.compile(r"^[ \t]*,(?:[ \t]*,)*[ \t]*$", re.MULTILINE)
# The story's tail: two or more commas after the last words.
_TAIL = re.compile(r"[ \t]*,(?:[ \t\n]*,)+[ \t\n]*\Z")
# ", " opening a line: the joiner of the paragraph before.
_OPENING = re.compile(r"^,[ \t]*(?=\S)", re.MULTILINE)
# "visit., It was": a sentence end, the joiner, then the next paragraph;
# not an abbreviation's point ("the C.C., WPK", "the U.S., Japan").
_INLINE = re.compile(
    r"(?:(?<=[a-z0-9][.!?])|(?<=[.!?][\"”’)]))[ \t]*,[ \t]+(?=[A-Z\"“‘(-])"
)
_QUOTES = "\"“”’'‘"
# "visit.," at a line's end.
_LINE_END = re.compile(r"(?<=[.!?\"”’)])[ \t]*,[ \t]*$", re.MULTILINE)
# Lines of bare commas or lines opening on one: this many mark a joined text.
MIN_JOINS = 2
# Both kinds of line open on a comma after spaces or tabs. A search that
# opens on a line break skips to each at C speed; `_BARE` and `_OPENING`
# try every position and the tail every space: the three took 0.14 CPU s
# over kcna-2024, whose stories hold none of them.
_COMMA_OPENS_LINE = re.compile(r"\n[ \t]*,")
_TAIL_CHARS = " \t\n,"


def join_edits(text: str) -> list[Edit]:
    if "," not in text:
        return []
    if text.lstrip(" \t")[:1] == "," or _COMMA_OPENS_LINE.search(text):
        bare = list(_BARE.finditer(text))
        openings = list(_OPENING.finditer(text))
    else:
        bare, openings = [], []
    # The tail is made of these characters alone, so it lies in the text's
    # last run of them.
    tail = _TAIL.search(text, len(text.rstrip(_TAIL_CHARS)))
    if tail is None and len(bare) + len(openings) < MIN_JOINS:
        return []
    spans: list[tuple[int, int, str]] = []
    for match in bare:
        end = match.end() + 1 if match.end() < len(text) else match.end()
        start = match.start()
        if end == match.end() and start > 0 and text[start - 1] == "\n":
            start -= 1  # the last line: take the line break before it
        spans.append((start, end, ""))
    spans += [(m.start(), m.end(), "") for m in openings]
    spans += [(m.start(), m.end(), "") for m in _LINE_END.finditer(text)]
    if "\n" not in text.strip():
        # Joined on one line: the joiners between sentences are the breaks.
        # A list of quoted slogans ("...!", "...") keeps its commas.
        spans += [
            (m.start(), m.end(), "\n")
            for m in _INLINE.finditer(text)
            if not (text[m.start() - 1] in _QUOTES and text[m.end()] in _QUOTES)
        ]
    if tail is not None:
        spans.append((tail.start(), tail.end(), ""))
    return _merge(spans)


def _merge(spans: list[tuple[int, int, str]]) -> list[Edit]:
    """Sorted, non-overlapping edits; an overlap joins the two spans."""
    edits: list[Edit] = []
    for start, end, replacement in sorted(spans):
        if start == end:
            continue
        if edits and start <= edits[-1].end:
            last = edits[-1]
            edits[-1] = Edit(last.start, max(last.end, end), last.text, last.kind)
            continue
        edits.append(Edit(start, end, replacement, "join-artefact"))
    return edits
