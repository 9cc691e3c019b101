"""Optional statistical NER: adds recall where an installed spaCy model is given."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dossier.annotate.entities.candidates import MODEL, Candidate
from dossier.annotate.entities.index import ORG, PERSON, PLACE, PUBLICATION

# spaCy's OntoNotes labels, mapped to ours; other labels (DATE, NORP, ...) are
# not names of entities dossier tracks.
_LABELS = {
    "PERSON": PERSON,
    "PER": PERSON,
    "ORG": ORG,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "WORK_OF_ART": PUBLICATION,
}


@lru_cache(maxsize=2)
def _load(model: str) -> Any | None:
    """The installed pipeline `model`, or None: never downloads."""
    import spacy

    if not spacy.util.is_package(model):
        return None
    try:
        return spacy.load(model, exclude=["lemmatizer", "textcat"])
    except OSError:
        return None


def model_candidates(text: str, model: str) -> list[Candidate]:
    """The model's entities of the types dossier keeps, or none if not installed."""
    nlp = _load(model)
    if nlp is None:
        return []
    found = []
    for entity in nlp(text).ents:
        type_ = _LABELS.get(entity.label_)
        if type_ is not None:
            found.append(
                Candidate(
                    entity.start_char, entity.end_char, entity.text, type_, None, MODEL
                )
            )
    return found
