"""Entity mentions: pack gazetteers, defined acronyms and name shapes, resolved.

`find(reading, compiled)` finds people, organisations, places and
publications in a document's clean text and resolves each mention to one
entity of the document (`find_mentions(text, pack=pack)` does the same for a
text alone); `resolve.canonical_key` keys names across documents.

Other finders read the pack's entities only through the functions below, on
the compiled pack's `PackIndex`: `lookup` (a name as printed), `listed` (a
phrase in any case), `place_of_demonym` and `demonyms_of`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.annotate.entities.acronyms import find_definitions
from dossier.annotate.entities.candidates import (
    DEFINED,
    PACK,
    Candidate,
    within,
    without_overlaps,
)
from dossier.annotate.entities.classify import drop_absorbed, shape_candidates
from dossier.annotate.entities.gazetteer import find_listed
from dossier.annotate.entities.headlines import headline_spans
from dossier.annotate.entities.index import PackIndex, fold
from dossier.annotate.entities.lowercase import LowerWords
from dossier.annotate.entities.merge import merge_model
from dossier.annotate.entities.model import model_entities
from dossier.annotate.entities.noise import drop_non_names
from dossier.annotate.entities.resolve import canonical_key, resolve_document
from dossier.annotate.entities.roles import type_of
from dossier.annotate.entities.shapes import WORD, Word, find_runs
from dossier.annotate.entities.terms import find_terms
from dossier.annotate.failures import Failures
from dossier.annotate.language import ENGLISH
from dossier.model import Mention
from dossier.packs import Pack

if TYPE_CHECKING:
    from dossier.annotate.compiled import Compiled
    from dossier.annotate.reading import Reading

__all__ = [
    "PackIndex",
    "canonical_key",
    "demonyms_of",
    "find",
    "find_mentions",
    "listed",
    "lookup",
    "place_of_demonym",
]


def lookup(index: PackIndex, name: str) -> str | None:
    """The canonical name of the listed entity printed as `name`, or None
    (`DPRK` by its exact case; a short unknown acronym never by folding)."""
    known = index.lookup(name)
    return known.name if known is not None else None


def listed(index: PackIndex, phrase: str) -> str | None:
    """The canonical name of the listed entity `phrase` names in any case,
    apostrophes and dots aside (`Chinese volunteers`), or None."""
    known = index.known.get(fold(phrase))
    return known.name if known is not None else None


def place_of_demonym(index: PackIndex, word: str) -> str | None:
    """The place whose people or adjective `word` is (`Chinese` -> China)."""
    return index.demonyms.get(word.lower())


def demonyms_of(index: PackIndex, place: str) -> tuple[str, ...]:
    """The pack's demonyms of `place`, lower case, in pack order."""
    return index.demonyms_by_place.get(place, ())


def find_mentions(
    text: str,
    *,
    pack: Pack,
    model: str | None = None,
    failures: Failures | None = None,
) -> list[Mention]:
    """Named mentions in `text`, each resolved to an entity's canonical name
    (`find` on a reading of `text` alone; errors raised when `failures` is None).
    """
    from dossier.annotate.compiled import compile_pack
    from dossier.annotate.reading import read_text

    reading = read_text(text, model=model, failures=failures)
    return find(reading, compile_pack(pack))


def find(reading: Reading, compiled: Compiled) -> list[Mention]:
    """Named mentions in the document, each resolved to an entity's canonical name.

    `reading.model` names an installed spaCy pipeline (`en_core_web_sm`) whose
    entities are merged with the rules' (`merge`); it is skipped when not
    installed. A name the rules trip on is noted in `reading.failures`.
    """
    text, failures = reading.text, reading.failures
    if not text.strip():
        return []
    index, nlp = compiled.index, compiled.nlp
    lower = LowerWords(text)
    runs = find_runs(text, index, compiled.kept("chain segments", dict))
    initials = {start: chain.initial for start, chain in runs}
    listed = find_listed(text, compiled.gazetteer, nlp, lower, initials)
    listed = without_overlaps(listed)
    headlines = headline_spans(text, index, lower)
    shaped, absorbed = shape_candidates(
        runs,
        listed,
        index,
        text,
        headlines,
        cache=compiled.kept("run candidates", dict),
        failures=failures,
    )
    listed = drop_absorbed(listed, absorbed)
    shaped = _outside_headlines(shaped, listed, headlines)
    definitions = find_definitions(text)
    terms = find_terms(text, index)
    events = {d.acronym for d in definitions if _event(d.long_form, index)}
    events |= terms.acronyms
    if events or terms.spans:  # most texts define no event and spell no term
        definitions = [d for d in definitions if d.acronym not in events]
        shaped = [
            c
            for c in shaped
            if c.text not in events and not terms.covers(c.start, c.end)
        ]
    defined = [
        Candidate(d.start, d.end, d.long_form, None, None, DEFINED) for d in definitions
    ]
    candidates = without_overlaps([*listed, *shaped, *defined])
    entities = model_entities(text, reading.model) if reading.model else None
    if entities is not None:
        candidates = merge_model(candidates, entities)
    if reading.language != ENGLISH:
        # Shapes and definitions are read by English rules (`En`, `El` are no
        # names); in another language only the pack's listed names count.
        candidates = [c for c in candidates if c.source == PACK]
    candidates = drop_non_names(candidates, text, index.org_heads)
    return resolve_document(candidates, definitions, index, text, failures)


def _outside_headlines(
    shaped: list[Candidate], listed: list[Candidate], headlines: list[tuple[int, int]]
) -> list[Candidate]:
    """In title-case lines keep only names the body prints as names too."""
    if not headlines:
        return shaped

    def in_headline(candidate: Candidate) -> bool:
        return within(headlines, candidate.start)

    body = {fold(c.text) for c in (*shaped, *listed) if not in_headline(c)}
    return [c for c in shaped if not in_headline(c) or fold(c.text) in body]


def _event(long_form: str, index: PackIndex) -> bool:
    """`Worldwide Developers Conference (WWDC)`: an event, not an entity."""
    words = [Word(m.start(), m.end(), m.group(), " ") for m in WORD.finditer(long_form)]
    return bool(words) and type_of(words, index) == ""
