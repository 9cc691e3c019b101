"""Repair romanised names that OCR misread (`Kim II Sung`), from pack data."""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.offsets import Edit
from dossier.packs import Pack

# Glyphs OCR confuses with a lower-case l or capital I in romanised names.
_CONFUSABLE = "lI1|"


def _token_pattern(token: str) -> str:
    return "".join(
        f"[{re.escape(_CONFUSABLE)}]" if char in _CONFUSABLE else re.escape(char)
        for char in token
    )


@lru_cache(maxsize=8)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    confusable = [n for n in names if any(c in _CONFUSABLE for c in n)]
    if not confusable:
        return None
    alternatives = sorted(
        (r"\s+".join(_token_pattern(t) for t in name.split()) for name in confusable),
        key=len,
        reverse=True,
    )
    # A hyphen may touch a name: "Kim Il Sung-Kim Jong Il Foundation".
    # No look-behind up front: sre then scans for the names' first letters at
    # C speed (58 -> ~300 MB/s); the left boundary is checked on each match.
    return re.compile(r"(?:" + "|".join(alternatives) + r")(?!\w)")


def _canonical(found: str, names: tuple[str, ...]) -> str | None:
    shape = " ".join(found.split())
    for name in names:
        if len(name) == len(shape) and all(
            a == b or (a in _CONFUSABLE and b in _CONFUSABLE)
            for a, b in zip(name, shape, strict=True)
        ):
            return name
    return None


def name_edits(text: str, pack: Pack) -> list[Edit]:
    names = tuple(person.name for person in pack.people)
    pattern = _name_pattern(names)
    if pattern is None:
        return []
    edits = []
    for match in pattern.finditer(text):
        before = text[match.start() - 1 : match.start()]
        if before.isalnum() or before == "_":
            continue
        found = match.group()
        canonical = _canonical(found, names)
        if canonical is None or found == canonical:
            continue
        # Keep the whitespace as printed (a line break stays a line break);
        # replace only the misread glyphs, so offsets stay one to one.
        fixed = list(found)
        letters = iter(canonical.replace(" ", ""))
        for index, char in enumerate(found):
            if not char.isspace():
                fixed[index] = next(letters)
        repaired = "".join(fixed)
        if repaired != found:
            edits.append(Edit(match.start(), match.end(), repaired, "ocr-name"))
    return edits
