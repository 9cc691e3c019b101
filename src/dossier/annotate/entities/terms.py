"""Terms a text capitalises and shortens, which name no entity.

`Maintenance, Repair and Overhaul (MRO)`: capitalised because it is spelt
out for an acronym, but a list of ordinary English words, none the head of a
body's, place's or event's name (`Food and Agriculture Organization (FAO)`
stays a body). Only a list (`,`, `and`, `&`): bodies are named by ordinary
words too (`United Nations (UN)`, `Human Rights Watch (HRW)`). Found before
resolving, so neither the words nor the acronym become mentions (issue 18).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.annotate.entities.index import PackIndex, fold
from dossier.annotate.entities.lexicon import is_common_word

# `(ACR)`, found first: the long form is then read back from it only.
_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
# Capitalised words joined by spaces, commas, `and` or `&`, ending the window.
_SPELT = re.compile(
    r"(?<![\w-])[A-Z][a-z]+(?:(?:,?[ \t]+(?:and[ \t]+|&[ \t]+)?)[A-Z][a-z]+){1,6}"
    r"[ \t]*$"
)
_WINDOW = 120
_WORD = re.compile(r"[A-Z][a-z]+")
_LISTED = re.compile(r",|[ \t](?:and|&)[ \t]")


@dataclass(frozen=True, slots=True)
class Terms:
    """The acronyms of the text's terms and the spans that spell them out."""

    acronyms: frozenset[str]
    spans: tuple[tuple[int, int], ...]

    def covers(self, start: int, end: int) -> bool:
        return bool(self.spans) and any(s <= start and end <= e for s, e in self.spans)


def find_terms(text: str, index: PackIndex) -> Terms:
    """The text's spelt-out terms (`Maintenance, Repair and Overhaul (MRO)`)."""
    if "(" not in text:
        return Terms(frozenset(), ())
    acronyms: set[str] = set()
    spans: list[tuple[int, int]] = []
    for bracket in _ACRONYM.finditer(text):
        acronym = bracket.group(1)
        start = max(0, bracket.start() - _WINDOW)
        found = _SPELT.search(text, start, bracket.start())
        if found is None:
            continue
        long = found.group().rstrip()
        spelt = _WORD.findall(long)[-len(acronym) :]
        if len(spelt) != len(acronym) or index.lookup(acronym) is not None:
            continue
        if not _LISTED.search(long, long.find(spelt[0])):
            continue
        if "".join(w[0] for w in spelt) != acronym:
            continue
        if all(_ordinary(word, index) for word in spelt):
            acronyms.add(acronym)
            spans.append((found.start() + long.find(spelt[0]), bracket.end()))
    return Terms(frozenset(acronyms), tuple(spans))


def _ordinary(word: str, index: PackIndex) -> bool:
    return (
        is_common_word(word)
        and fold(word) not in index.all_heads
        and word.lower() not in index.demonyms
        and index.lookup(word) is None
    )
