"""Whitespace: trim lines and the text, collapse runs of spaces and blank lines."""

from __future__ import annotations

import re

from dossier.offsets import Edit

_BLANK = r"[ \t\u00a0]"
# One pass: runs holding two or more line breaks (blank lines, even ones
# holding spaces), a line break with blanks around it, inner runs, tabs.
_SPACES = re.compile(
    rf"{_BLANK}*\n(?:{_BLANK}*\n)+{_BLANK}*|{_BLANK}*\n{_BLANK}*|{_BLANK}{{2,}}|\t"
)


def space_edits(text: str) -> list[Edit]:
    body_start = len(text) - len(text.lstrip())
    body_end = len(text.rstrip())
    if body_start >= body_end:
        return [Edit(0, len(text), "", "space")] if text else []
    edits = [Edit(0, body_start, "", "space")] if body_start else []
    for match in _SPACES.finditer(text, body_start, body_end):
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
