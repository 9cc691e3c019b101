"""Whitespace: trim lines and the text, collapse runs of spaces and blank lines."""

from __future__ import annotations

import re

from dossier.offsets import Edit

# Trailing blanks, leading blanks, inner runs, 3+ newlines: one pass.
_SPACES = re.compile(r"[ \t\u00a0]+\n|\n[ \t\u00a0]+|[ \t\u00a0]{2,}|\t|\n{3,}")


def space_edits(text: str) -> list[Edit]:
    body_start = len(text) - len(text.lstrip())
    body_end = len(text.rstrip())
    if body_start >= body_end:
        return [Edit(0, len(text), "", "space")] if text else []
    edits = [Edit(0, body_start, "", "space")] if body_start else []
    for match in _SPACES.finditer(text, body_start, body_end):
        found = match.group()
        if found.strip("\n") == "" and len(found) >= 3:
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
