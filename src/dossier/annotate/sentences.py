"""Sentence boundaries from spaCy's tokenizer and the sentencizer's rule."""

# The rule is spaCy's `sentencizer`: a sentence ends at a token that is one of its
# punctuation characters, and the next one starts at the first token after it that is
# neither punctuation nor such a character. The component walks Python `Token`s (60% of
# the stage's time), so the same rule runs here over the tokenizer's arrays, and a
# paragraph that cannot hold a break at all (no such character before its closing
# punctuation) skips the tokenizer. `tests/annotate/test_sentences.py` checks both
# paths against the component itself.

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy as np
import regex

from dossier.model import Sentence


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """A blank English pipeline with the sentencizer; built once per process."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=1)
def _rule() -> tuple[re.Pattern[str], regex.Pattern[str], int]:
    """The sentencizer's characters as a search, a tail test and a lexeme flag."""
    nlp = tokenizer()
    chars = frozenset(nlp.get_pipe("sentencizer").punct_chars)
    found = "".join(re.escape(c) for c in sorted(chars))
    first = re.compile(f"[{found}]")
    # Only punctuation after the first such character: no token there can open
    # a sentence, since every token in it is punctuation (spaCy's `is_punct`
    # is "every character is in a Unicode P category").
    closing = regex.compile(rf"[\p{{P}}{found}]*")
    # A flag on the vocabulary lets the tokenizer's array say "is a mark" in C.
    flag = nlp.vocab.add_flag(lambda orth: orth in chars)
    return first, closing, flag


def split_sentences(text: str) -> list[Sentence]:
    """Sentences as spans of `text`; paragraph breaks always end a sentence."""
    sentences: list[Sentence] = []
    first, closing, _ = _rule()
    offset = 0
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            found = first.search(paragraph)
            if not paragraph[-1].isspace() and (
                found is None or closing.fullmatch(paragraph, found.start()) is not None
            ):
                sentences.append(Sentence(offset, offset + len(paragraph)))
            else:
                sentences.extend(
                    Sentence(offset + start, offset + end)
                    for start, end in _split(paragraph)
                    if paragraph[start:end].strip()
                )
        offset += len(paragraph) + 2
    return sentences


def _split(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, by the sentencizer's rule."""
    from spacy.attrs import IDX, IS_PUNCT, LENGTH

    doc = tokenizer().make_doc(paragraph)
    if len(doc) == 0:
        return []
    table = doc.to_array([IDX, LENGTH, IS_PUNCT, _rule()[2]])
    marks = table[:, 3] == 1
    normal = (table[:, 2] == 0) & ~marks
    # A token opens a sentence when it is normal and the last token before it that
    # was either normal or a mark is a mark; punctuation in between is neutral.
    counted = np.flatnonzero(normal | marks)
    opens = counted[1:][normal[counted[1:]] & marks[counted[:-1]]]
    starts = [0, *opens.tolist()]
    ends = [*(opens - 1).tolist(), len(doc) - 1]
    idx = table[:, 0].tolist()
    length = table[:, 1].tolist()
    return [(idx[s], idx[e] + length[e]) for s, e in zip(starts, ends, strict=True)]
