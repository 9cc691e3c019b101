"""Encoding repairs: line endings, mojibake (ftfy), U+FFFD runs, stray controls."""

from __future__ import annotations

import re
from collections.abc import Callable

from dossier.offsets import Edit

_NEWLINES = re.compile(r"\r\n?|\f|\u2028|\u2029")
_REPLACEMENT_RUN = re.compile(r"[ \t]*\ufffd+(?:[ \t]*\ufffd+)*")
# Zero-width characters and C0/C1 controls other than \n and \t: invisible in
# print, but they break words for search and matching.
_INVISIBLE = re.compile(
    r"[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff\u00ad]"
)
# UTF-8 read as cp1252 or latin-1 always leaves a lead byte (Â-ô) followed by
# a continuation byte's character: "â€™", "Ã©". Curly quotes and dashes alone
# do not match, so clean lines skip ftfy (33 MB/s) at regex speed.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
_NON_SPACE = re.compile(r"[^ \t]+")


def newline_edits(text: str) -> list[Edit]:
    # Membership tests run at memory speed and `isascii` reads a flag: most
    # texts hold no break to change and skip the scan (all of kcna-2024's
    # 1,840 sources).
    if (
        "\r" not in text
        and "\f" not in text
        and (text.isascii() or ("\u2028" not in text and "\u2029" not in text))
    ):
        return []
    return [
        Edit(m.start(), m.end(), "\n\n" if m.group() == "\f" else "\n", "newline")
        for m in _NEWLINES.finditer(text)
    ]


def invisible_edits(text: str) -> list[Edit]:
    edits = []
    runs = _REPLACEMENT_RUN.finditer(text) if "\ufffd" in text else ()
    for match in runs:
        # A run inside a word ("Kor\ufffdan") leaves nothing; between words, a space.
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        joiner = (
            " " if before.isalnum() and after.isalnum() and " " in match.group() else ""
        )
        edits.append(Edit(match.start(), match.end(), joiner, "replacement-char"))
    for match in _INVISIBLE.finditer(text):
        edits.append(Edit(match.start(), match.end(), "", "invisible"))
    edits.sort(key=lambda edit: edit.start)
    return edits


def mojibake_edits(text: str) -> list[Edit]:
    """Per-line ftfy fixes, diffed down to the characters that changed."""
    # An ASCII text holds no lead byte (`isascii` reads a flag, no scan):
    # 1,630 of kcna-2024's 1,840 sources.
    if text.isascii() or not _SUSPECT.search(text):
        return []
    import ftfy

    config = ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_line_breaks=False,
        normalization=None,
        fix_latin_ligatures=False,
        fix_character_width=False,
        remove_control_chars=False,
        explain=False,
    )

    def fix(found: str) -> str:
        return str(ftfy.fix_text(found, config))

    edits: list[Edit] = []
    offset = 0
    for line in text.split("\n"):
        if _SUSPECT.search(line):
            fixed = fix(line)
            if fixed != line:
                edits.extend(_line_edits(line, fixed, offset, fix))
        offset += len(line) + 1
    return edits


def _line_edits(
    line: str, fixed: str, offset: int, fix: Callable[[str], str]
) -> list[Edit]:
    """Edits turning `line` into `fixed`, found word by word where possible.

    A diff of a whole line can pair the wrong copies of a repeated phrase and
    map a word to the wrong place; mojibake never spans a space (no UTF-8 byte
    reads as one), so fixing word by word gives the same text, diffed locally.
    """
    pieces: list[tuple[int, str, str]] = []
    for word in _NON_SPACE.finditer(line):
        found = word.group()
        repaired = fix(found) if _SUSPECT.search(found) else found
        pieces.append((word.start(), found, repaired))
    rebuilt = list(line)
    for start, found, repaired in reversed(pieces):
        rebuilt[start : start + len(found)] = [repaired]
    if "".join(rebuilt) != fixed:
        # ftfy needed the whole line to decide: diff the whole line.
        pieces = [(0, line, fixed)]
    edits = []
    for start, found, repaired in pieces:
        if found == repaired:
            continue
        # One edit over the span that changed (common ends trimmed): a
        # character diff can pair a kept letter with the wrong twin and map
        # a word to the wrong raw characters.
        head = _common_prefix(found, repaired)
        tail = _common_prefix(found[head:][::-1], repaired[head:][::-1])
        at = offset + start
        edits.append(
            Edit(
                at + head,
                at + len(found) - tail,
                repaired[head : len(repaired) - tail],
                "mojibake",
            )
        )
    return edits


def _common_prefix(first: str, second: str) -> int:
    """How many leading characters two strings share."""
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length
