"""What the words around a name of unknown type say it names."""

# A capitalised word the pack does not know and whose shape says nothing (`Kursk`,
# `Zelenskiy`) is typed from its neighbours: a place before `battle` or `region`, or
# alone between `in`/`near` and the end of a clause (`in Kursk, the hero land`); a
# person before the body they lead (`the Zelenskiy puppet authorities`, `the Hitler
# fascist clique`). Read per mention, since the same name stands in different places.
# Measured on MEANTIME's news, where `at Apple` is a company and `in Aer Lingus` a
# share of one: hence one word only, and no `at`.

from __future__ import annotations

import re

from dossier.annotate.entities.index import PERSON, PLACE
from dossier.english import word_set

# Adjectives of peoples, which lead governments too (`the Belgian government`).
_DEMONYM_LIKE = re.compile(r"(?:an|ese|ish|i)$")
# A name before or after a word for a weapon or warship names that weapon, no
# person, body or place: `Abrams tanks`, `ATACMS long-range missiles`, `the
# attack submarine Chogei`, `warships as Taigei`.
_ARMS_WORDS = word_set(
    """
    tank tanks missile missiles warship warships submarine submarines destroyer
    destroyers frigate frigates cruiser cruisers bomber bombers rocket rockets
    launcher launchers interceptor interceptors drone drones ICBM ICBMs
    """
)
_ARMS = "|".join(sorted(_ARMS_WORDS, key=len, reverse=True))
# Words that may stand between: `long-range`, `intercontinental ballistic`.
_ARMS_MODIFIER = (
    r"(?:\w+-[\w-]+|intercontinental|ballistic|cruise|strategic|nuclear|attack"
    r"|battle|guided|stealth|heavy|main|tactical|hypersonic|supersonic)"
)
# What follows the name, in this order: a weapon, a place's word (`Kursk
# battle field`), a body a person leads (`Zelenskiy puppet authorities`).
_AFTER = re.compile(
    rf"(?P<arms>(?:\s+{_ARMS_MODIFIER}){{0,3}}\s+(?:{_ARMS})\b)"
    r"|(?P<place>\s+(?:battle(?:field| field)?|front|frontline|region|area"
    r"|direction|border|offensive)\b)"
    r"|(?P<person>\s+(?:[a-z]+\s+)?(?:puppets?|regime|clique|administration"
    r"|junta|gang|authorities|government)\b)"
)
_SPACE = re.compile(r"\s")  # what `str.isspace` is, as `re` reads it
_CLAUSE_END = re.compile(r"[,.;]|[ \t]*(?:\n|$)")
_NAMING = frozenset(["of", "as", "named", "called"])
_WINDOW = 24
WEAPON = ""  # what `type_from_context` gives for a weapon: no entity


def type_from_context(text: str, start: int, end: int) -> str | None:
    """PLACE or PERSON as the words around `text[start:end]` have it, WEAPON
    for the name of a weapon or warship, or None."""
    before = text[max(0, start - _WINDOW) : start]
    words = before.split()[-3:] if before[-1:].isspace() else []
    last = words[-1] if words else ""
    if last in _ARMS_WORDS or (
        last in _NAMING and len(words) > 1 and words[-2] in _ARMS_WORDS
    ):
        return WEAPON  # `the attack submarine Chogei`, `warships as Taigei`
    # Every branch opens on white space: without one, no pattern call.
    after = _AFTER.match(text, end) if text[end : end + 1].isspace() else None
    if after is not None and after.lastgroup == "arms":
        return WEAPON
    # The words before first: most names follow no `in` or `near`.
    if (
        (
            last in ("in", "near")
            or (last == "the" and len(words) > 1 and words[-2] in ("in", "near"))
        )
        and _SPACE.search(text, start, end) is None
        and _CLAUSE_END.match(text, end)
    ):
        return PLACE  # `in Kursk, the hero land`: one word, a clause ending
    if after is not None and after.lastgroup == "place":
        return PLACE
    if after is not None and not _DEMONYM_LIKE.search(text, start, end):
        return PERSON
    return None
