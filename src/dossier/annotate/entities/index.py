"""What a pack knows about names, folded into lookup tables built once per pack."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from dossier.packs import Named, Pack

T = TypeVar("T")

PERSON = "PERSON"
ORG = "ORG"
PLACE = "PLACE"
PUBLICATION = "PUBLICATION"

_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_DOTS = re.compile(r"\.")
_SPACES = re.compile(r"[\s\-‐‑–—]+")

# OCR reads the l of romanised syllables as I or 1 (`Kim II Sung`); names of
# people get these forms generated so the gazetteer finds them unrepaired.
_OCR_CONFUSABLE = "lI1"
# Beyond this many OCR forms per name, further ones are not generated: four
# covers every name in the korea pack (at most two `l`s per name).
_MAX_OCR_FORMS = 4


@lru_cache(maxsize=131072)
def fold(name: str) -> str:
    """Compare form of a name: lower case, no apostrophes or dots, one space.

    Kept per name: names and their words recur, and three substitutions a
    call made this a tenth of the entity finder's time."""
    text = _APOSTROPHES.sub("", name)
    text = _DOTS.sub("", text)
    return _SPACES.sub(" ", text).strip().lower()


def apostrophe_forms(name: str) -> list[str]:
    """A name as printed with a straight, a curly and no apostrophe."""
    if "'" not in name and "’" not in name:
        return [name]
    straight = name.replace("’", "'")
    curly = straight.replace("'", "’")
    missing = re.sub(r"'s\b", "s", straight).replace("'", "")
    return list(dict.fromkeys([straight, curly, missing]))


def ocr_forms(name: str) -> list[str]:
    """`Kim Il Sung` with its short-syllable l/I/1 misreads (`Kim II Sung`)."""
    words = name.split()
    options: list[list[str]] = []
    for word in words:
        if len(word) <= 3 and any(c in _OCR_CONFUSABLE for c in word[1:]):
            swapped = [word[0] + word[1:].replace(c, o) for c in "l" for o in "I1"]
            options.append([word, *swapped])
        else:
            options.append([word])
    forms = [" ".join(combo) for combo in itertools.product(*options)]
    return forms[: _MAX_OCR_FORMS + 1]


@dataclass(frozen=True, slots=True)
class Known:
    """A name the pack lists: its canonical form and type."""

    name: str
    type: str


@dataclass(frozen=True, slots=True)
class PackIndex:
    """Lookup tables for one pack; `compiled.compile_pack` builds it once."""

    known: dict[str, Known]  # fold(form) -> entity, all listed forms
    acronyms: dict[str, Known]  # exact all-capital forms (DPRK, KPA)
    forms: tuple[tuple[str, Known], ...]  # every printed form, for the matcher
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    place_prefixes: frozenset[str]
    event_heads: frozenset[str]
    titles: tuple[tuple[str, ...], ...]  # folded words of honorifics and roles
    titles_by_first: dict[str, tuple[tuple[str, ...], ...]]  # longest first
    titles_by_last: dict[str, tuple[tuple[str, ...], ...]]  # longest first
    role_words: frozenset[str]  # folded last words of roles: minister, ceo
    surnames: frozenset[str]
    given_names: frozenset[str]
    not_names: frozenset[str]
    demonyms: dict[str, str]  # "chinese" -> "China"
    demonyms_by_place: dict[str, tuple[str, ...]]  # "China" -> ("chinese", ...)
    all_heads: frozenset[str]  # org, place and event heads together
    # The pack's people by the name they are called by alone (`Mao`); filled
    # by `compiled` with `names.index_people`, which reads the tables above.
    people: dict[str, set[str]] = field(default_factory=dict)
    # What the finders work out once per recurring string from these tables
    # alone (see `memo.remembered`), kept as long as the index itself.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def lookup(self, name: str) -> Known | None:
        """The listed entity printed as `name`, or None."""
        stripped = name.strip()
        if stripped in self.acronyms:
            return self.acronyms[stripped]
        if stripped.isupper() and len(fold(stripped).replace(" ", "")) <= 6:
            return None  # an unknown acronym must not meet a name by folding
        return self.known.get(fold(stripped))


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """`DPRK`, `U.S.`, `CPGB-ML`: two or more capitals, no lower-case letter."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _entries(pack: Pack) -> Iterator[tuple[Named, str]]:
    for person in pack.people:
        yield person, PERSON
    for organisation in pack.organisations:
        yield organisation, ORG
    for outlet in (*pack.outlets, *pack.publications):
        yield outlet, PUBLICATION
    for place in pack.places:
        yield place, PLACE


def _printed_forms(entry: Named, type_: str) -> Iterator[str]:
    for form in (entry.name, *entry.variants):
        for printed in apostrophe_forms(form):
            if type_ == PERSON:
                yield from ocr_forms(printed)
            else:
                yield printed


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in words)


def _by_place(demonyms: dict[str, str]) -> dict[str, tuple[str, ...]]:
    by_place: dict[str, list[str]] = {}
    for demonym, place in demonyms.items():
        by_place.setdefault(place, []).append(demonym)
    return {place: tuple(forms) for place, forms in by_place.items()}


def build_index(pack: Pack) -> PackIndex:
    known: dict[str, Known] = {}
    acronyms: dict[str, Known] = {}
    forms: list[tuple[str, Known]] = []
    for entry, type_ in _entries(pack):
        entity = Known(entry.name, type_)
        for printed in _printed_forms(entry, type_):
            forms.append((printed, entity))
            if is_acronym(printed) and " " not in printed:
                acronyms.setdefault(printed, entity)
            else:
                known.setdefault(fold(printed), entity)
    titles = {
        tuple(fold(p) for p in t.split()) for t in (*pack.honorifics, *pack.roles)
    }
    titles |= {tuple(fold(t).split()) for t in (*pack.honorifics, *pack.roles)}
    ordered = tuple(sorted((t for t in titles if t), key=len, reverse=True))
    demonyms = {
        form.lower(): entry.name for entry in pack.demonyms for form in entry.variants
    }
    return PackIndex(
        known=known,
        acronyms=acronyms,
        forms=tuple(forms),
        org_heads=_lower_set(pack.org_heads),
        place_heads=_lower_set(pack.place_heads),
        place_prefixes=_lower_set(pack.place_prefixes),
        event_heads=_lower_set(pack.event_heads),
        titles=ordered,
        titles_by_first=_by_word(ordered, 0),
        titles_by_last=_by_word(ordered, -1),
        role_words=frozenset(
            fold(r.split()[-1]) for r in (*pack.roles, *pack.honorifics)
        ),
        surnames=frozenset(pack.surnames),
        given_names=frozenset(pack.given_names),
        not_names=_lower_set(pack.not_names),
        demonyms=demonyms,
        demonyms_by_place=_by_place(demonyms),
        all_heads=_lower_set(pack.org_heads)
        | _lower_set(pack.place_heads)
        | _lower_set(pack.event_heads),
    )


def _by_word(
    titles: tuple[tuple[str, ...], ...], position: int
) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for title in titles:
        grouped.setdefault(title[position], []).append(title)
    return {word: tuple(group) for word, group in grouped.items()}
