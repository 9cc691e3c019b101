"""Search snippets cut from a bounded window of a document's text (#17).

FTS5's `snippet()` tokenizes the whole document for every hit: one 30 MB
document made `dossier search` run for minutes. Here the first match is
found by scanning the text piece by piece (stopping at the first piece that
holds one) and the snippet is cut from a window of `WIDTH` characters around
it, whatever the document's size.
"""

from __future__ import annotations

import re
import sqlite3

# Characters of text shown around the first match: about the 12 tokens
# FTS5's snippet() gave, with room for long romanised names.
WIDTH = 160
# Of those, how many come before the match.
BEFORE = 50
# Characters read from the database at a time while looking for the match:
# a 10 MB document is ten reads, and a short one is one.
PIECE = 1 << 20

# FTS5 operators in `--syntax fts` queries; never words to mark.
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_WORD = re.compile(r"\w+")
# A phrase in double quotes, or one bare token (with an optional prefix star).
_FTS_TERM = re.compile(r'"((?:[^"]|"")*)"(\*?)|([^\s"()]+)')


def _phrase(words: list[str], *, prefix: bool) -> str:
    """A pattern for `words` one after another, as FTS5 reads a phrase: any
    run of non-word characters between them."""
    pattern = r"\W+".join(re.escape(word) for word in words)
    return pattern + (r"\w*" if prefix else "")


def match_pattern(query: str, *, fts: bool) -> re.Pattern[str] | None:
    """A pattern for what `query` finds, to mark it in a snippet; None when
    it has no words (a query of operators only)."""
    phrases: list[str] = []
    if not fts:
        for token in query.split():
            words = _WORD.findall(token)
            if words:
                phrases.append(_phrase(words, prefix=False))
    else:
        for quoted, star, bare in _FTS_TERM.findall(query):
            text = quoted if quoted else bare
            prefix = bool(star) or text.endswith("*")
            if not quoted:
                # `title:Kim` is a column filter; `^Kim` anchors at the start.
                text = text.rsplit(":", 1)[-1].lstrip("^")
                if text.rstrip("*") in _OPERATORS:
                    continue
            words = _WORD.findall(text)
            if words:
                phrases.append(_phrase(words, prefix=prefix))
    if not phrases:
        return None
    # Longest first, so a phrase is marked whole rather than by its first word.
    phrases.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


def first_match(
    connection: sqlite3.Connection, rowid: int, pattern: re.Pattern[str]
) -> int | None:
    """Where `pattern` first matches the text of document `rowid`, reading
    `PIECE` characters at a time; None if it does not (a title-only hit)."""
    # Pieces overlap by WIDTH so a phrase across a boundary is still seen.
    position = 0
    while True:
        row = connection.execute(
            "SELECT substr(text, ?, ?) FROM documents WHERE rowid = ?",
            (position + 1, PIECE + WIDTH, rowid),
        ).fetchone()
        piece = row[0] if row else ""
        if not piece:
            return None
        found = pattern.search(piece)
        if found is not None:
            return position + found.start()
        if len(piece) < PIECE + WIDTH:
            return None
        position += PIECE


def snippet(
    connection: sqlite3.Connection,
    rowid: int,
    pattern: re.Pattern[str] | None,
    *,
    marks: tuple[str, str] = ("[", "]"),
) -> str:
    """At most `WIDTH` characters of the text (plus the marks) around the
    first match, each match between `marks`, `…` where the text goes on."""
    at = first_match(connection, rowid, pattern) if pattern is not None else None
    start = max((at or 0) - BEFORE, 0)
    row = connection.execute(
        "SELECT substr(text, ?, ?), length(text) FROM documents WHERE rowid = ?",
        (start + 1, WIDTH, rowid),
    ).fetchone()
    if row is None:
        return ""
    window, length = str(row[0]), int(row[1])
    end = start + len(window)
    # Whole words at the edges, unless the window starts or ends the text.
    if start > 0:
        window = re.sub(r"^\w*\W*", "", window, count=1)
    if end < length:
        window = re.sub(r"\W*\w*$", "", window, count=1)
    window = " ".join(window.split())
    if pattern is not None:
        opening, closing = marks
        window = pattern.sub(lambda m: f"{opening}{m.group(0)}{closing}", window)
    return ("…" if start > 0 else "") + window + ("…" if end < length else "")
