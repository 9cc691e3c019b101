"""Annotate: sentences, entity mentions, times, figures, quotes, citations.

Each finder is a pure function of a document's clean text and the pack;
`annotate` runs them in order, later finders reading earlier results
(figures and quotes use the mentions; quotes use the citations). A finder that
trips on one span skips it; one that fails outright costs only its own output
(see `failures`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from dossier.model import Annotations
from dossier.packs import Pack

T = TypeVar("T")


def annotate(
    text: str, *, pack: Pack, anchor: str | None, model: str | None = None
) -> Annotations:
    """All annotations of one document's clean text; `anchor` is its date.

    `model` names an installed spaCy pipeline that may add entity mentions.
    What a finder could not read is in `Annotations.failures`, never raised.
    """
    from dossier.annotate.entities import find_mentions
    from dossier.annotate.entities.resolve import canonical_key
    from dossier.annotate.failures import Failures
    from dossier.annotate.figures import find_figures
    from dossier.annotate.quotes import find_citations, find_quotes
    from dossier.annotate.sentences import split_sentences
    from dossier.annotate.time import tag_times

    failures = Failures(text)

    def run(finder: str, work: Callable[[], list[T]]) -> list[T]:
        # Per-span failures are caught inside each finder; this catches a
        # finder that fails outright (a bug), costing its output alone.
        found = failures.attempt(finder, 0, len(text), work)
        return found if found is not None else []

    sentences = run("sentences", lambda: split_sentences(text, failures=failures))
    mentions = run(
        "mentions",
        lambda: find_mentions(text, pack=pack, model=model, failures=failures),
    )
    times = run(
        "times", lambda: tag_times(text, anchor=anchor, pack=pack, failures=failures)
    )
    figures = run(
        "figures",
        lambda: find_figures(text, pack=pack, mentions=mentions, failures=failures),
    )
    citations = run(
        "citations", lambda: find_citations(text, pack=pack, failures=failures)
    )
    quotes = run(
        "quotes",
        lambda: find_quotes(
            text,
            pack=pack,
            mentions=mentions,
            citations=citations,
            failures=failures,
        ),
    )
    keys = run(
        "mentions",
        lambda: [
            (e, canonical_key(e, pack))
            for e in dict.fromkeys(m.entity for m in mentions)
        ],
    )
    return Annotations(
        sentences=tuple(sentences),
        mentions=tuple(mentions),
        times=tuple(times),
        figures=tuple(figures),
        quotes=tuple(quotes),
        citations=tuple(citations),
        entity_keys=dict(keys),
        failures=tuple(failures.found),
    )
