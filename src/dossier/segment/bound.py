"""Keep every document bounded: a 50 MB text is many documents, not three.

A file with no headlines to cut it (a book, an archive pasted into one file)
would otherwise become a few articles of millions of characters, past what
the annotators (spaCy's tokenizer among them) take whole. Runs of text pieces
are cut so that none is longer than `MAX_DOCUMENT_CHARS`, at the strongest
boundary in the second half of the window: a page break, a run of blank
lines, a paragraph opening with a dateline, any paragraph end; a single
paragraph longer than the bound is cut at a sentence end, else at a space.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

# 200,000 characters is about 30,000 words: a long report or a book chapter,
# far above any news story, well under spaCy's 1,000,000-character limit.
MAX_DOCUMENT_CHARS = 200_000

Piece = tuple[int, int]

_DATELINE = regex.compile(r"\p{Lu}[\p{L} .'-]{1,40}, \p{Lu}\p{L}+\.? \d{1,2}\b")
_SENTENCE_END = regex.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?\p{Lu})")
_SPACE = regex.compile(r"\s+")


def bounded(
    text: str,
    pieces: Sequence[Piece],
    limit: int = MAX_DOCUMENT_CHARS,
    separator: int = 2,
) -> Iterator[list[Piece]]:
    """Runs of `pieces` (spans of `text`, in order) whose text, joined with a
    `separator`-long string, is at most `limit` characters.

    Every character of every piece but the spaces at a cut is in exactly one
    run, in order: nothing is dropped, and runs that fit come as they came.
    """
    run: list[Piece] = []
    size = 0
    for piece in _short_pieces(text, pieces, limit):
        while run and size + separator + piece[1] - piece[0] > limit:
            cut = _best_cut(text, run, limit)
            yield run[:cut]
            run = run[cut:]
            size = sum(end - start for start, end in run)
            size += separator * max(len(run) - 1, 0)
        size += piece[1] - piece[0] + (separator if run else 0)
        run.append(piece)
    if run:
        yield run


def _short_pieces(text: str, pieces: Sequence[Piece], limit: int) -> Iterator[Piece]:
    """Each piece, a piece longer than `limit` cut at sentence ends (else spaces)."""
    for start, end in pieces:
        while end - start > limit:
            cut = _last_match_end(
                _SENTENCE_END, text, start + limit // 2, start + limit
            )
            if cut is None:
                cut = _last_match_end(_SPACE, text, start + limit // 2, start + limit)
            if cut is None:
                cut = start + limit
            # The piece ends before the spaces after its last word.
            stop = len(text[start:cut].rstrip()) + start
            yield start, stop
            start = cut
        yield start, end


def _last_match_end(
    pattern: regex.Pattern[str], text: str, lo: int, hi: int
) -> int | None:
    last = None
    for match in pattern.finditer(text, lo, hi):
        last = match.end()
    return last


def _best_cut(text: str, run: list[Piece], limit: int) -> int:
    """Index in `run` to cut before: the strongest boundary in its second half."""
    if len(run) == 1:
        return 1
    origin = run[0][0]
    best, best_strength = len(run), -1
    for index in range(1, len(run)):
        if run[index][0] - origin < limit // 2:
            continue
        strength = _strength(text, run[index - 1][1], run[index][0])
        if strength >= best_strength:
            best, best_strength = index, strength
    return best if best_strength >= 0 else len(run)


def _strength(text: str, gap_start: int, next_start: int) -> int:
    gap = text[gap_start:next_start]
    if "\f" in gap:
        return 3
    if gap.count("\n") >= 3:
        return 2
    if _DATELINE.match(text, next_start, next_start + 60):
        return 1
    return 0
