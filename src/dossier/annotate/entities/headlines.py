"""Lines set in title case (headlines, teaser titles): their names need support."""

from __future__ import annotations

import re

from dossier.annotate.entities.index import PackIndex
from dossier.annotate.entities.lexicon import is_function_word

_HEADLINE_MAX_WORDS = 25
_LOWER_INITIAL = re.compile(r"(?<![\w'’-])[a-z]")
_UPPER_INITIAL = re.compile(r"(?<![\w'’-])[A-Z]")


def headline_spans(text: str, index: PackIndex) -> list[tuple[int, int]]:
    """Lines set in title case (`Mass Rallies Held in Cities`): not sentences.

    A line qualifies when most of its words are capitalised and at least
    `_HEADLINE_WORDS` of them are ordinary words, capitalised only by the
    headline: printed in lower case elsewhere in the text (`rallies`) or
    function words past the line's first word (`Along`, `Across`).
    """
    spans = []
    lower: set[str] | None = None
    for line in re.finditer(r"[^\n]+", text):
        if line.group().count(" ") > _HEADLINE_MAX_WORDS:
            continue  # a paragraph, not a headline
        lower_words = len(_LOWER_INITIAL.findall(line.group()))
        if lower_words > len(_UPPER_INITIAL.findall(line.group())):
            continue  # most words lower case: a sentence, not a headline
        words = re.findall(r"[^\W\d_][\w'’-]*", line.group())
        content = [w for w in words if not is_function_word(w)]
        if len(content) < 3 or len(words) > _HEADLINE_MAX_WORDS:
            continue
        capitalised = [w for w in content if w[0].isupper()]
        if len(capitalised) / len(content) < 0.8:
            continue
        if lower is None:
            lower = set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", text))
        ordinary = sum(1 for w in capitalised if w.lower() in lower)
        ordinary += sum(
            1
            for w in words[1:]
            if w[0].isupper() and is_function_word(w) and len(w) > 3
        )
        if ordinary >= _HEADLINE_WORDS:
            spans.append((line.start(), line.end()))
    return spans


# Ordinary capitalised words that make a line a headline: every teaser title
# in the seeds' sidebars has two or more; names alone have none.
_HEADLINE_WORDS = 2
