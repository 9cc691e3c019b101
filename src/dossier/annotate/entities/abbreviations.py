"""Bodies abbreviated by dotted initials, resolved in their document.

KCNA writes `the C.C., WPK` and `the Political Bureau of the C.C., WPK` over
a thousand times a year, and `the C.C., Communist Party of Belarus` for other
parties. `C.C.` is expanded to the body its letters abbreviate: the nearest
body of the document whose name before `of` has those initials (`Central
Committee of the WPK`), else the one such body the pack lists. An owner
printed right after it (`, WPK`, `, Communist Party of Belarus`) makes it that
owner's body (`Central Committee of the Communist Party of Belarus`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dossier.annotate.entities.acronyms import letters_of
from dossier.annotate.entities.index import ORG, PackIndex
from dossier.annotate.entities.lexicon import CONNECTORS

if TYPE_CHECKING:
    from dossier.annotate.entities.resolve import Working

# At the end of a name: `the C.C.`, `Political Bureau of the C.C.`; not
# `U.S. Department of State`.
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")
_OWNER_GAP = re.compile(r",[ \t]*")


def expand_abbreviations(
    working: list[Working], index: PackIndex, text: str
) -> list[Working]:
    """`working` with each dotted abbreviation in an entity's name spelt out."""
    # A dot in the name first: most names have none, and need no search.
    if not any("." in entity and _DOTTED.search(entity) for _, _, entity, _ in working):
        return working
    starts = {c.start: entity for c, type_, entity, _ in working if type_ == ORG}
    expanded = []
    for item in working:
        candidate, type_, entity, title = item
        match = _DOTTED.search(entity)
        letters = letters_of(match.group()) if match else ""
        body = _body(letters, candidate.start, working, index) if letters else None
        if match is None or body is None:
            expanded.append(item)
            continue
        gap = _OWNER_GAP.match(text, candidate.end)
        owner = starts.get(gap.end()) if gap else None
        if owner is not None and _head(owner) != _head(body):
            spelt = f"{_head(body)} of the {owner}"
            known = index.lookup(spelt)
            body = known.name if known is not None else spelt
        name = entity[: match.start()] + body + entity[match.end() :]
        expanded.append((candidate, type_ or ORG, name, title))
    return expanded


def _head(name: str) -> str:
    """A body's name before its `of`: `Central Committee`."""
    return name.split(" of ", 1)[0]


def _initials(name: str) -> str:
    words = _head(name).split()
    return "".join(w[0] for w in words if w.lower() not in CONNECTORS).upper()


def _body(
    letters: str, start: int, working: Sequence[Working], index: PackIndex
) -> str | None:
    """The body `letters` abbreviates: the nearest such one of the document
    (before it first), else the only one the pack lists."""
    ours = [
        (candidate.start, entity)
        for candidate, type_, entity, _ in working
        if type_ == ORG
        and candidate.start != start
        and " of " in entity
        and _initials(entity) == letters.upper()
    ]
    before = [entry for entry in ours if entry[0] < start]
    if before:
        return before[-1][1]
    if ours:
        return ours[0][1]
    listed = {
        known.name
        for known in index.known.values()
        if known.type == ORG
        and " of " in known.name
        and _initials(known.name) == letters
    }
    return next(iter(listed)) if len(listed) == 1 else None
