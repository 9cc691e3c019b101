"""Split names glued to their neighbours where a site set them apart by markup.

KCNA's site prints `ComradeKim Jong Un` and `WhenKim Jong Unappeared`; 1,300
of the 1,840 articles in kcna-2024 hold at least one such join.
"""

from __future__ import annotations

from dossier.offsets import Edit
from dossier.packs import Pack


def glued_edits(text: str, pack: Pack) -> list[Edit]:
    # str.find per name runs at memory speed; one regex of lookarounds over
    # all names ran at 24 MB/s and was the slowest cleaning step.
    edits = []
    for name in {person.name for person in pack.people}:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            # "WhenKim Jong Un", and "Assembly,Kim Jong Un" where markup
            # stood for the space after a comma.
            if start > 0 and (text[start - 1].isalpha() or text[start - 1] in ",;"):
                edits.append(Edit(start, start, " ", "glued-name"))
            if end < len(text) and text[end].isalpha() and not _plural(text, end):
                edits.append(Edit(end, end, " ", "glued-name"))
            start = text.find(name, end)
    edits.sort(key=lambda edit: edit.start)
    return edits


def _plural(text: str, end: int) -> bool:
    """`two Kim Il Sungs` or a possessive typed without its apostrophe: a lone
    "s" after the name is part of the word, not a glued neighbour."""
    return text[end] == "s" and (end + 1 == len(text) or not text[end + 1].isalpha())
