"""Whitespace: trim lines and the text, collapse runs of spaces and blank lines."""

from __future__ import annotations

import re

from dossier.offsets import Edit

_BLANK = r"[ \t\u00a0]"
# One pass: runs holding two or more line breaks (blank lines, even ones
# holding spaces), a line break with blanks around it, inner runs, tabs.
_SPACES = re.compile(
    # Every branch opens on a required character, so sre scans between matches
    # at C speed (the former all-optional opening ran at 25 MB/s); a bare "\n"
    # never matches, since it needs no change.
    rf"{_BLANK}+\n(?:{_BLANK}*\n)*{_BLANK}*"
    rf"|\n(?:{_BLANK}*\n)+{_BLANK}*"
    rf"|\n{_BLANK}+"
    rf"|{_BLANK}{{2,}}"
    r"|\t"
)


# Substrings one of which is in every text the pattern would change.
_PROBES = ("  ", " \n", "\n ", "\t", "\n\n\n", "\u00a0")


def space_edits(text: str) -> list[Edit]:
    body_start = len(text) - len(text.lstrip())
    body_end = len(text.rstrip())
    if body_start >= body_end:
        return [Edit(0, len(text), "", "space")] if text else []
    edits = [Edit(0, body_start, "", "space")] if body_start else []
    # Substring tests run at memory speed; most wire texts need no change, and
    # the pattern scan (35 MB/s) is then skipped.
    needs_scan = any(probe in text for probe in _PROBES)
    matches = _SPACES.finditer(text, body_start, body_end) if needs_scan else ()
    for match in matches:
        found = match.group()
        if found.count("\n") >= 2:
            replacement = "\n\n"
        elif "\n" in found:
            replacement = "\n"
        else:
            replacement = " "
        if replacement != found:
            edits.append(Edit(match.start(), match.end(), replacement, "space"))
    if body_end < len(text):
        edits.append(Edit(body_end, len(text), "", "space"))
    return edits
