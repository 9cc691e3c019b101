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

_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:in|near)\s+(?:the\s+)?$")
_CLAUSE_END = re.compile(r"[,.;]|[ \t]*(?:\n|$)")
# Adjectives of peoples, which lead governments too (`the Belgian government`).
_DEMONYM_LIKE = re.compile(r"(?:an|ese|ish|i)$")
_PLACE_AFTER = re.compile(
    r"\s+(?:battle(?:field| field)?|front|frontline|region|area|direction|border"
    r"|offensive)\b"
)
_PERSON_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:puppets?|regime|clique|administration|junta|gang"
    r"|authorities|government)\b"
)
# A name before or after a word for a weapon or warship names that weapon, no
# person, body or place: `Abrams tanks`, `ATACMS long-range missiles`, `the
# attack submarine Chogei`, `warships as Taigei`.
_ARMS = (
    r"(?:tanks?|missiles?|warships?|submarines?|destroyers?|frigates?|cruisers?"
    r"|bombers?|rockets?|launchers?|interceptors?|drones?|ICBMs?)"
)
# Words that may stand between: `long-range`, `intercontinental ballistic`.
_ARMS_MODIFIER = (
    r"(?:\w+-[\w-]+|intercontinental|ballistic|cruise|strategic|nuclear|attack"
    r"|battle|guided|stealth|heavy|main|tactical|hypersonic|supersonic)"
)
_ARMS_AFTER = re.compile(rf"(?:\s+{_ARMS_MODIFIER}){{0,3}}\s+{_ARMS}\b")
_ARMS_BEFORE = re.compile(rf"\b{_ARMS}\s+(?:(?:of|as|named|called)\s+)?$")
_WINDOW = 12
WEAPON = ""  # what `type_from_context` gives for a weapon: no entity


def type_from_context(text: str, start: int, end: int) -> str | None:
    """PLACE or PERSON as the words around `text[start:end]` have it, WEAPON
    for the name of a weapon or warship, or None."""
    if _ARMS_BEFORE.search(text, max(0, start - 24), start) or _ARMS_AFTER.match(
        text, end
    ):
        return WEAPON
    one_word = not any(char.isspace() for char in text[start:end])
    if (
        one_word
        and _PLACE_BEFORE.search(text, max(0, start - _WINDOW), start)
        and _CLAUSE_END.match(text, end)
    ):
        return PLACE
    if _PLACE_AFTER.match(text, end):
        return PLACE
    if _PERSON_AFTER.match(text, end) and not _DEMONYM_LIKE.search(text, start, end):
        return PERSON
    return None
