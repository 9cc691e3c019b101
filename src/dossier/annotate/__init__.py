"""Annotate: sentences, entity mentions, times, figures, quotes, citations.

`annotate` reads a document once (`reading.read_text`: text, lower-cased copy,
paragraphs, the one sentence split, anchor) and hands that `Reading`, with the
pack compiled once per process (`compiled.compile_pack`), to every finder:
`find(reading, compiled) -> records`. Later finders read what earlier ones put
on the reading (figures and quotes the mentions; quotes the citations). A
finder that trips on one span skips it; one that fails outright costs only its
own output (see `failures`). A text read again on the same anchor (a wire
archive's repeats) gets the annotations already made (`repeats`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from dossier.model import Annotations
from dossier.packs import Pack

if TYPE_CHECKING:
    from dossier.annotate.compiled import Compiled

T = TypeVar("T")


def annotate(
    text: str, *, pack: Pack, anchor: str | None, model: str | None = None
) -> Annotations:
    """All annotations of one document's clean text; `anchor` is its date.

    `model` names an installed spaCy pipeline merged with the entity rules.
    What a finder could not read is in `Annotations.failures`, never raised.
    """
    from dossier.annotate.compiled import compile_pack
    from dossier.annotate.repeats import Repeats

    compiled = compile_pack(pack)
    repeats = compiled.kept("repeats", Repeats)
    found = repeats.get(text, anchor, model)
    if found is None:
        found = _annotate(text, compiled, anchor, model)
        repeats.keep(text, anchor, model, found)
    return found


def _annotate(
    text: str, compiled: Compiled, anchor: str | None, model: str | None
) -> Annotations:
    from dossier.annotate import entities, figures, quotes, time
    from dossier.annotate.entities.resolve import key_of
    from dossier.annotate.failures import Failures
    from dossier.annotate.language import ENGLISH, language_of
    from dossier.annotate.quotes import citations
    from dossier.annotate.reading import read_text

    failures = Failures(text)
    reading = read_text(text, anchor=anchor, model=model, failures=failures)
    reading.language = language_of(text)
    english = reading.language == ENGLISH

    def run(finder: str, work: Callable[[], list[T]]) -> list[T]:
        # Per-span failures are caught inside each finder; this catches a
        # finder that fails outright (a bug), costing its output alone.
        found = failures.attempt(finder, 0, len(text), work)
        return found if found is not None else []

    reading.mentions = tuple(run("mentions", lambda: entities.find(reading, compiled)))
    # Times, figures, citations and quotes are read by English words alone.
    found_times = run("times", lambda: time.find(reading, compiled)) if english else []
    found_figures = (
        run("figures", lambda: figures.find(reading, compiled)) if english else []
    )
    reading.citations = tuple(
        run("citations", lambda: citations.find(reading, compiled)) if english else []
    )
    found_quotes = (
        run("quotes", lambda: quotes.find(reading, compiled)) if english else []
    )
    keys = run(
        "mentions",
        lambda: [
            (e, key_of(e, compiled))
            for e in dict.fromkeys(m.entity for m in reading.mentions)
        ],
    )
    return Annotations(
        sentences=reading.sentences,
        mentions=reading.mentions,
        times=tuple(found_times),
        figures=tuple(found_figures),
        quotes=tuple(found_quotes),
        citations=reading.citations,
        entity_keys=dict(keys),
        failures=tuple(failures.found),
        language=reading.language,
    )
