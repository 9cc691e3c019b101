"""Optional statistical NER: an installed spaCy pipeline's entities, never fetched."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dossier.annotate.entities.candidates import MODEL, Candidate
from dossier.annotate.entities.index import ORG, PERSON, PLACE, PUBLICATION

# spaCy's OntoNotes labels, mapped to ours; other labels (DATE, NORP, ...) are
# not names of entities dossier tracks.
LABELS = {
    "PERSON": PERSON,
    "PER": PERSON,
    "ORG": ORG,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "WORK_OF_ART": PUBLICATION,
}


@dataclass(frozen=True, slots=True)
class ModelEntity:
    """One entity as the model labels it (`PRODUCT`, `GPE`, ...)."""

    start: int
    end: int
    text: str
    label: str

    @property
    def type(self) -> str | None:
        """dossier's type for the label, or None for a label dossier drops."""
        return LABELS.get(self.label)


@lru_cache(maxsize=2)
def load_model(model: str) -> Any | None:
    """The installed pipeline `model`, or None: never downloads."""
    import spacy

    if not spacy.util.is_package(model):
        return None
    try:
        return spacy.load(model, exclude=["lemmatizer", "textcat"])
    except OSError:
        return None


def model_entities(text: str, model: str) -> list[ModelEntity] | None:
    """Every entity the model finds, with its own label; None if not installed."""
    nlp = load_model(model)
    if nlp is None:
        return None
    return [
        ModelEntity(e.start_char, e.end_char, e.text, e.label_) for e in nlp(text).ents
    ]


def model_candidates(text: str, model: str) -> list[Candidate]:
    """The model's entities of the types dossier keeps, or none if not installed."""
    return [
        Candidate(e.start, e.end, e.text, e.type, None, MODEL)
        for e in model_entities(text, model) or ()
        if e.type is not None
    ]
