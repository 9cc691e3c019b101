"""Resolve a document's candidates to entities, and key names across documents.

`canonical_key(name, pack)` is what the corpus-level `link` stage compares:
two names with one key are taken for one entity. The rules, in order:

1. Titles and honorifics at the start are dropped (`President Kim Il Sung`,
   `Comrade Kim Il Sung` -> Kim Il Sung), but not a rank that is part of a
   company's name (`General Motors`), then a leading `the` and a final
   possessive (`Boeing's`).
2. A form the pack lists gives the pack's canonical name: romanisations
   (`Kim Il-sung`, `Kim Ilsung`), OCR misreads (`Kim II Sung`), acronyms
   (`DPRK`) and apostrophes printed straight, curly or not at all
   (`Workers' Party`, `Workers’ Party`, `Workers Party of Korea`).
3. Legal-form suffixes are dropped (`Boeing Co.`, `Apple Inc.`).
4. An acronym keys as its letters (`U.S.A.F.` -> usaf); a body of an
   organisation the pack lists keys as its head and that organisation's key
   (`Political Bureau of the WPK Central Committee` -> political bureau of
   central committee of the wpk); an organisation name
   of three or more words keys as its initials (`United States Air Force`
   -> usaf, `Down-with-Imperialism Union` -> diu), so a document that only
   prints the acronym meets one that spells it out.
5. Anything else keys as its folded form: lower case, no apostrophes or dots,
   hyphens as spaces (`Kim Yong-chun` = `Kim Yong Chun`).

Different people who share a surname or a shape keep different keys (`Kim Il
Sung`, `Kim Jong Il`; `KPA`, `KPRA`), since keys come from whole names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dossier.annotate.entities.abbreviations import expand_abbreviations
from dossier.annotate.entities.acronyms import Definition, letters_of
from dossier.annotate.entities.candidates import PACK, Candidate
from dossier.annotate.entities.context import WEAPON, type_from_context
from dossier.annotate.entities.index import (
    ORG,
    PERSON,
    PLACE,
    PackIndex,
    fold,
    is_acronym,
)
from dossier.annotate.entities.lexicon import (
    CONNECTORS,
    CORPORATE_SUFFIXES,
    is_common_word,
)
from dossier.annotate.entities.names import family_name
from dossier.annotate.entities.phrase import phrase_start, with_places_after
from dossier.annotate.entities.roles import type_of
from dossier.annotate.entities.shapes import WORD, Word
from dossier.annotate.entities.titles import (
    leading_titles,
    names_a_company,
    title_after,
    title_before,
)
from dossier.annotate.failures import Failures, strict_or
from dossier.annotate.memo import remembered
from dossier.model import Mention
from dossier.packs import Pack

if TYPE_CHECKING:
    from dossier.annotate.compiled import Compiled

_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Words after which a longer name goes on to the body it belongs to.
_PART_OF = frozenset(("of", "for"))
# Initials stand for a name only from this many words up (`Northrop Grumman`
# and `National Guard` must not meet as `ng`).
_MIN_INITIALS = 3


def display_name(printed: str) -> str:
    """A printed name as an entity name: one space, straight apostrophes."""
    return " ".join(printed.replace("’", "'").split())


def canonical_key(name: str, pack: Pack) -> str:
    """The key on which variants of one entity's name meet (rules above)."""
    from dossier.annotate.compiled import compile_pack

    return key_of(name, compile_pack(pack))


def key_of(name: str, compiled: Compiled) -> str:
    """`canonical_key` with the pack compiled; keys are kept on `compiled`."""
    keys = compiled.kept("canonical keys", dict[str, str])
    return remembered(keys, name, _KEY_CACHE_SIZE, key_for, name, compiled.index)


# Entities recur across documents; their keys are kept per pack index, up to
# this many, so memory stays flat over a corpus.
_KEY_CACHE_SIZE = 100_000


def key_for(name: str, index: PackIndex) -> str:
    words = _LEADING_THE.sub("", name.strip()).split()
    taken = leading_titles(words, index)
    if taken and not names_a_company(words[taken:], index):
        words = words[taken:] or words  # `General Motors` keeps its rank
    bare = _LEADING_THE.sub("", " ".join(words))
    bare = _POSSESSIVE.sub("", bare) or bare
    known = index.lookup(bare)
    if known is not None:
        return fold(known.name)
    words = bare.split()
    if not words:
        return fold(name)
    head = _head(words)
    while len(words) > 1 and words[-1].lower().strip(",") in CORPORATE_SUFFIXES:
        words = words[:-1]
    words[-1] = words[-1].rstrip(",")
    bare = " ".join(words)
    known = index.lookup(bare)
    if known is not None:
        return fold(known.name)
    if len(words) == 1 and is_acronym(bare):
        return letters_of(bare).lower()
    part = _part_of_known(words, index)
    if part is not None:
        return part
    spelt = _spelt_out(words)
    if spelt is not None:
        return spelt
    if _content_parts(words) >= _MIN_INITIALS and (
        head in index.org_heads or head in CORPORATE_SUFFIXES
    ):
        initials = _initials(words)
        if len(initials) >= _MIN_INITIALS:
            return initials.lower()
    return fold(bare)


def _part_of_known(words: Sequence[str], index: PackIndex) -> str | None:
    """`Political Bureau of the WPK Central Committee`: a body's head, then
    the key of the organisation it belongs to when the pack lists that one,
    so every way of naming the owner (`Central Committee of the Workers'
    Party of Korea`) gives one key; and the same again for a body of a body
    (`Presidium of the Political Bureau of ...`)."""
    for position, word in enumerate(words[1:], start=1):
        if word.lower() != "of":
            continue
        head = fold(" ".join(words[:position]))
        rest = list(words[position + 1 :])
        if rest and rest[0].lower() == "the":
            rest = rest[1:]
        if not rest:
            return None
        known = index.lookup(" ".join(rest))
        if known is not None:
            return f"{head} of {fold(known.name)}" if known.type == ORG else None
        inner = _part_of_known(rest, index)
        return None if inner is None else f"{head} of {inner}"
    return None


def _content_parts(words: Sequence[str]) -> int:
    """Words and hyphen parts that give an initial: `Down-with-Imperialism Union` 3."""
    parts = (p for w in words for p in re.split(r"[-‐]", w))
    return sum(1 for p in parts if p and p.lower() not in CONNECTORS and p != "with")


def _spelt_out(words: Sequence[str]) -> str | None:
    """`European Aeronautic Defence and Space Company EADS`: the acronym's key."""
    last = words[-1]
    if len(words) < _MIN_INITIALS or not is_acronym(last):
        return None
    letters = letters_of(last)
    if len(letters) >= 2 and _initials(words[:-1]).upper().startswith(letters.upper()):
        return letters.lower()
    return None


def _head(words: Sequence[str]) -> str:
    for position, word in enumerate(words[1:], start=1):
        if word.lower() in ("of", "for"):
            return words[position - 1].lower().rstrip(".")
    return words[-1].lower().rstrip(".") if words else ""


@lru_cache(maxsize=65536)
def _entity_initials(entity: str) -> str:
    """`_initials` of an entity's name; names recur in and across documents."""
    return _initials(entity.split())


def _initials(words: Sequence[str]) -> str:
    letters = []
    for word in words:
        for part in re.split(r"[-‐]", word):
            if not part or part.lower() in CONNECTORS or part.lower() == "with":
                continue
            letters.append(letters_of(part) if is_acronym(part) else part[0])
    return "".join(letters) if all(c.isalpha() for c in letters) else ""


def resolve_document(
    candidates: Sequence[Candidate],
    definitions: Sequence[Definition],
    index: PackIndex,
    text: str,
    failures: Failures | None = None,
) -> list[Mention]:
    """Mentions with entities: acronyms, titles, surnames and short forms
    resolved. A candidate the rules trip on is noted in `failures` (raised
    when None)."""
    failures = strict_or(failures, text)
    defined = _defined(candidates, definitions, index)
    printed = index.memo.setdefault("printed names", {})
    try:
        # All at once first: `failures.attempt` around each candidate cost a
        # call frame apiece, and the rules almost never trip.
        working = [
            read
            for candidate in candidates
            if (read := _resolve(candidate, defined, index, text, printed)) is not None
        ]
    except Exception:
        # Read again one by one, so that only the candidate the rules trip on
        # is lost (and noted); `_resolve` reads and changes nothing.
        working = []
        for candidate in candidates:
            read = failures.attempt(
                "mentions",
                candidate.start,
                candidate.end,
                _resolve,
                candidate,
                defined,
                index,
                text,
                printed,
            )
            if read is not None:
                working.append(read)
    working = _short_forms(working, index)
    working = expand_abbreviations(working, index, text)
    mentions = []
    for candidate, type_, entity, title in working:
        type_ = type_ or ORG
        start, end = candidate.start, candidate.end
        phrase = phrase_start(text, start, end, type_=type_, title=title, index=index)
        mentions.append(
            Mention(start, end, candidate.text, entity, type_, title, phrase)
        )
    return with_places_after(mentions, text, index)


def _resolve(
    candidate: Candidate,
    defined: dict[str, tuple[str, str]],
    index: PackIndex,
    text: str,
    printed: dict[str, _Printed],
) -> Working | None:
    """The candidate's type, entity and title; None for a weapon's name.
    `printed` keeps what a name's own text gives (`_read_printed`)."""
    type_, entity = candidate.type, candidate.entity
    name = candidate.text
    read = printed.get(name)
    if read is None:
        read = remembered(printed, name, _KEY_CACHE_SIZE, _read_printed, name, index)
    letters, named, known_type = read
    if letters in defined:
        entity, type_ = defined[letters]
    if entity is None:
        entity = named
        if known_type is not None:
            type_ = known_type
    if candidate.source != PACK:
        around = type_from_context(text, candidate.start, candidate.end)
        if around == WEAPON:
            return None  # `Abrams tanks`, `ATACMS missiles`: a weapon, no entity
        type_ = type_ or around
    title = None
    if type_ in (None, PERSON):
        title = _title(candidate, index, text)
        if title is not None:
            type_ = PERSON
    return candidate, type_, entity, title


# A name's acronym letters (None unless it is one), its entity as the pack
# lists it or as printed, and the listed entity's type (None if unlisted).
_Printed = tuple[str | None, str, str | None]


def _read_printed(name: str, index: PackIndex) -> _Printed:
    """What `name` alone tells `_resolve`; names recur, so this is kept."""
    letters = letters_of(name) if is_acronym(name) else None
    known = index.lookup(name)
    if known is not None:
        return letters, known.name, known.type
    return letters, display_name(name), None


def _title(candidate: Candidate, index: PackIndex, text: str) -> str | None:
    before = title_before(text, candidate.start, index)
    if before is not None:
        return before[1]
    return title_after(text, candidate.end, index)


def _defined(
    candidates: Sequence[Candidate], definitions: Sequence[Definition], index: PackIndex
) -> dict[str, tuple[str, str]]:
    """Acronym -> (entity, type) of its long form, as this text defines it."""
    defined: dict[str, tuple[str, str]] = {}
    for definition in definitions:
        known = index.lookup(definition.long_form)
        if known is not None:
            defined[definition.acronym] = (known.name, known.type)
            continue
        covering = [
            c for c in candidates if c.start <= definition.start < c.end and c.type
        ]
        words = [
            Word(0, 0, m.group(), " ") for m in WORD.finditer(definition.long_form)
        ]
        shaped = type_of(words, index) if words else None
        type_ = shaped or (covering[0].type if covering else None) or ORG
        defined[definition.acronym] = (display_name(definition.long_form), type_)
    return defined


Working = tuple[Candidate, str | None, str, str | None]


@dataclass(slots=True)
class _Names:
    """A document's longer names, indexed by the short forms they may take."""

    people: dict[str, set[str]] = field(default_factory=dict)
    initials: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    # first word -> (entity, type, second word) of two-word bodies
    firsts: dict[str, set[tuple[str, str, str]]] = field(default_factory=dict)
    suffixes: dict[tuple[str, ...], set[tuple[str, str]]] = field(default_factory=dict)


def _short_forms(working: list[Working], index: PackIndex) -> list[Working]:
    """`Gallois`, `Steve` -> Louis Gallois, Steve Jobs; `USAF`; `the Air Force`."""
    asking = [
        at
        for at, (candidate, type_, _, _) in enumerate(working)
        if candidate.source != PACK and type_ in (None, PERSON, ORG)
    ]
    if not asking:
        return working  # only listed names (or typed places): nothing to ask
    tables: tuple[dict[Any, set[Any]], ...] = ({}, {}, {}, {})
    made = index.memo.setdefault("short form entries", {})
    # Each name once: adding a name to the index again changes nothing.
    for key in {(t, e) for _, t, e, _ in working}:
        # Looked up before `remembered` is called: names recur across documents.
        entries = made.get(key)
        if entries is None:
            entries = remembered(made, key, _ENTRY_CACHE_SIZE, _entries, *key, index)
        for table, short, name in entries:
            kept = tables[table].get(short)
            if kept is None:
                tables[table][short] = {name}
            else:
                kept.add(name)
    names = _Names(*tables)
    resolved = list(working)
    for at in asking:
        candidate, type_, entity, title = working[at]
        match = _short_form_of(entity.split(), type_, names, index)
        if match is not None:
            entity, type_ = match
            resolved[at] = (candidate, type_, entity, title)
    return resolved


# A name's entries depend on its type, its words and the pack alone; names
# recur, so they are kept up to this many.
_ENTRY_CACHE_SIZE = 50_000
_PEOPLE, _INITIALS, _FIRSTS, _SUFFIXES = range(4)


def _entries(
    type_: str | None, entity: str, index: PackIndex
) -> tuple[tuple[int, Any, Any], ...]:
    """What one name adds to a document's `_Names`: (table, short form, what
    it stands for), tables numbered in `_short_forms`' order."""
    entries: list[tuple[int, Any, Any]] = []
    words = entity.split()
    if type_ == PERSON and len(words) >= 2:
        entries.append((_PEOPLE, family_name(words, index), entity))
        if words[0] in index.given_names:
            entries.append((_PEOPLE, words[0], entity))
    elif type_ in (ORG, PLACE, None) and len(words) >= 2:
        body = (entity, type_ or ORG)
        letters = _entity_initials(entity) if len(words) >= _MIN_INITIALS else ""
        if letters:
            entries.append((_INITIALS, letters.upper(), body))
        if len(words) == 2:
            entries.append((_FIRSTS, words[0], (*body, words[1])))
        for cut in range(1, len(words) - 1):
            if any(w.lower() in _PART_OF for w in words[:cut]):
                # `Presidium of the Political Bureau`: what follows `of`
                # is the body it is part of, not a short form of it.
                break
            entries.append((_SUFFIXES, tuple(words[cut:]), body))
    return tuple(entries)


def _short_form_of(
    words: list[str], type_: str | None, names: _Names, index: PackIndex
) -> tuple[str, str] | None:
    """The one longer name of the document that `words` stand for, if any."""
    if len(words) == 1:
        word = words[0]
        # The document's people and the pack's (`Mao`), read together here
        # rather than copied into every document's index.
        people = names.people.get(word, set()) | index.people.get(word, set())
        if type_ in (None, PERSON) and len(people) == 1:
            return next(iter(people)), PERSON
        bodies = (
            names.initials.get(letters_of(word), set()) if is_acronym(word) else set()
        )
        if len(bodies) == 1:
            return next(iter(bodies))
        if type_ == PERSON:
            return None
        firsts = {
            (entity, body_type)
            for entity, body_type, second in names.firsts.get(word, ())
            if _may_drop(word, second, index)
        }
        return next(iter(firsts)) if len(firsts) == 1 else None
    if type_ == PERSON or not _is_head(words[-1], index):
        return None
    longer = names.suffixes.get(tuple(words), set())
    return next(iter(longer)) if len(longer) == 1 else None


def _may_drop(first: str, word: str, index: PackIndex) -> bool:
    """Whether `Lockheed` may stand for `Lockheed Martin`, `AirTran` for
    `AirTran Airways`: the dropped word is a name or a head, and what is left
    is no name of its own (`Qatar` does not stand for `Qatar Airways`)."""
    if _is_head(word, index):
        return index.lookup(first) is None and not is_common_word(first)
    return word in index.given_names or not is_common_word(word)


def _is_head(word: str, index: PackIndex) -> bool:
    lowered = word.lower().rstrip(".")
    return lowered in index.org_heads or lowered in index.place_heads
