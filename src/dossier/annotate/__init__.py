"""Annotate: sentences, entity mentions, times, figures, quotes, citations.

Each finder is a pure function of a document's clean text and the pack;
`annotate` runs them in order, later finders reading earlier results
(figures and quotes use the mentions; quotes use the citations).
"""

from __future__ import annotations

from dossier.model import Annotations
from dossier.packs import Pack


def annotate(
    text: str, *, pack: Pack, anchor: str | None, model: str | None = None
) -> Annotations:
    """All annotations of one document's clean text; `anchor` is its date.

    `model` names an installed spaCy pipeline that may add entity mentions.
    """
    from dossier.annotate.entities import find_mentions
    from dossier.annotate.entities.resolve import canonical_key
    from dossier.annotate.figures import find_figures
    from dossier.annotate.quotes import find_citations, find_quotes
    from dossier.annotate.sentences import split_sentences
    from dossier.annotate.time import tag_times

    sentences = split_sentences(text)
    mentions = find_mentions(text, pack=pack, model=model)
    times = tag_times(text, anchor=anchor, pack=pack)
    figures = find_figures(text, pack=pack, mentions=mentions)
    citations = find_citations(text, pack=pack)
    quotes = find_quotes(text, pack=pack, mentions=mentions, citations=citations)
    return Annotations(
        sentences=tuple(sentences),
        mentions=tuple(mentions),
        times=tuple(times),
        figures=tuple(figures),
        quotes=tuple(quotes),
        citations=tuple(citations),
        entity_keys={
            e: canonical_key(e, pack) for e in dict.fromkeys(m.entity for m in mentions)
        },
    )
