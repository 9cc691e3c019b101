"""Sentence boundaries from spaCy's tokenizer and rule-based sentencizer."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dossier.model import Sentence


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """A blank English pipeline with the sentencizer; built once per process."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str) -> list[Sentence]:
    """Sentences as spans of `text`; paragraph breaks always end a sentence."""
    sentences: list[Sentence] = []
    nlp = tokenizer()
    offset = 0
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            for sent in nlp(paragraph).sents:
                start = offset + sent.start_char
                end = offset + sent.end_char
                if text[start:end].strip():
                    sentences.append(Sentence(start, end))
        offset += len(paragraph) + 2
    return sentences
