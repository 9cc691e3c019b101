"""Quotations with their speakers and cues, and the citations that follow them.

`citations.find` reads `(‘Title’, KCNA, 21 October 2010)`; `find` pairs
quote marks (`marks`), ties each passage to a cue and speaker (`frames`, then
`context`; noun phrases from `phrases`, names from `speakers`), adds unmarked
reported speech (`reported`), and points a quote at the citation printed right
after it. `find_quotes` and `find_citations` do the same for a text alone.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dossier.annotate.failures import Failures
from dossier.annotate.quotes.citations import find_citations
from dossier.annotate.quotes.context import classify
from dossier.annotate.quotes.cues import index_verbs
from dossier.annotate.quotes.frames import Frame, Framer, cue_text
from dossier.annotate.quotes.joins import Read, join
from dossier.annotate.quotes.marks import Paragraphs, Quoted, find_quoted
from dossier.annotate.quotes.mixed import attributed_after, clause_after, lead_in
from dossier.annotate.quotes.reported import Reported, colon_quotes, indirect_quotes
from dossier.annotate.quotes.spans import SpanIndex
from dossier.annotate.quotes.speakers import Resolver
from dossier.annotate.word_scan import words_of
from dossier.model import Citation, Mention, Quote
from dossier.packs import Pack

if TYPE_CHECKING:
    from dossier.annotate.compiled import Compiled
    from dossier.annotate.reading import Reading

__all__ = ["find", "find_citations", "find_quotes"]


def _quote(text: str, start: int, end: int, kind: str, frame: Frame | None) -> Quote:
    speaker = frame.speaker if frame else None
    cue, cue_start, cue_end = cue_text(text, frame.cue if frame else None)
    return Quote(
        start,
        end,
        text[start:end],
        kind,
        speaker=speaker.name if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_end,
        via=speaker.via if speaker else None,
    )


def find_quotes(
    text: str,
    *,
    pack: Pack,
    mentions: Sequence[Mention] = (),
    citations: Sequence[Citation] = (),
    failures: Failures | None = None,
) -> list[Quote]:
    """Quoted and reported speech in `text` (`find` on a reading of `text`
    alone; errors raised when `failures` is None)."""
    from dossier.annotate.compiled import compile_pack
    from dossier.annotate.reading import read_text

    reading = read_text(
        text, mentions=tuple(mentions), citations=tuple(citations), failures=failures
    )
    return find(reading, compile_pack(pack))


def find(reading: Reading, compiled: Compiled) -> list[Quote]:
    """Quoted and reported speech in the document, in order of position.

    Its mentions (may be none) name speakers and resolve `he` or `the
    President`; without them capitalised-name shapes stand in. Its citations
    are never read as quotes, and a quote printed right before one gets its
    index in `Quote.citation`. A passage the rules trip on is left out and
    noted in `reading.failures`.
    """
    text, failures, pack = reading.text, reading.failures, compiled.pack
    mentions, citations = reading.mentions, reading.citations
    cited = SpanIndex((c.start, c.end) for c in citations)
    # One paragraph index for the marks, the frames and the joins.
    paragraphs = Paragraphs(text)
    passages = [
        p for p in find_quoted(text, paragraphs) if not cited.contains(p.open_start)
    ]
    top = [passage for passage in passages if passage.depth == 0]
    resolver = Resolver(text, pack, mentions, [(p.start, p.end) for p in top])
    framer = Framer(text, resolver, reading.bounds, paragraphs, reading.lower)
    index_verbs(text, reading.lower, words_of(reading).verbs)
    reported = colon_quotes(text, framer, top, failures)
    merged = {id(r.merged) for r in reported if r.merged is not None}
    taken = SpanIndex(
        [(p.open_start, p.close_end) for p in top]
        + [(r.start, r.end) for r in reported]
    )
    reported += indirect_quotes(text, framer, taken, failures)
    items: list[Reported | Quoted] = [
        *reported,
        *(p for p in top if id(p) not in merged),
    ]
    items.sort(
        key=lambda item: item.open_start if isinstance(item, Quoted) else item.start
    )
    reads: list[Read] = []
    previous: Quote | None = None
    floor = 0
    for item in items:
        quote = failures.attempt(
            "quotes", item.start, item.end, _read, text, framer, item, floor, previous
        )
        if quote is None:
            continue
        if isinstance(item, Quoted) and quote.kind != "scare":
            floor = item.close_end
        reads.append(Read(quote, item if isinstance(item, Quoted) else None))
        if quote.kind != "scare":
            previous = quote
    reads.sort(key=lambda read: (read.quote.start, read.quote.end))
    quotes = [
        read.quote for read in join(text, reads, framer.paragraphs, reading.bounds)
    ]
    return _cite(text, _without_nested(quotes), citations, top)


def _without_nested(quotes: list[Quote]) -> list[Quote]:
    """Reported speech read twice, as a fragment's clause and by the indirect
    finder (`that he has “big plans” for …`, `he has “big plans” for …`):
    the longer reading stays."""
    kept: list[Quote] = []
    for quote in quotes:
        if (
            kept
            and quote.kind == kept[-1].kind == "reported"
            and quote.start < kept[-1].end
        ):
            if quote.end - quote.start > kept[-1].end - kept[-1].start:
                kept[-1] = quote
            continue
        kept.append(quote)
    return kept


def _read(
    text: str,
    framer: Framer,
    item: Reported | Quoted,
    floor: int,
    previous: Quote | None,
) -> Quote:
    if isinstance(item, Quoted):
        kind, frame = classify(framer, item, floor, previous)
        start, end = item.start, item.end
        if kind == "direct" and frame is not None:
            start = lead_in(framer, item, frame, floor)
            around = attributed_after(framer, item, frame, floor)
            if around is not None:
                start, end = around
                if start < item.start and end > item.end:
                    kind = "reported"  # `A cashier who “steals …” is held …`
        if kind == "direct":
            run_on = clause_after(framer, item, frame, mixed=start < item.start)
            if run_on is not None:
                # `he is making “a demand” that …`: the writer's clause goes
                # on past the mark, so the quoted words are a fragment of
                # reported speech, not a direct quote (issue 18).
                kind, end = "reported", run_on
        return _quote(text, start, end, kind, frame)
    return _quote(text, item.start, item.end, "reported", item.frame)


def _cite(
    text: str,
    quotes: list[Quote],
    citations: Sequence[Citation],
    passages: Sequence[Quoted],
) -> list[Quote]:
    """Point each quote at the citation printed right after it, if any."""
    if not citations:  # most texts cite nothing
        return quotes
    closing = {p.end: p.close_end for p in passages}
    order = sorted(range(len(citations)), key=lambda i: citations[i].start)
    starts = [citations[i].start for i in order]
    result = []
    for quote in quotes:
        end = closing.get(quote.end, quote.end)
        index = bisect_left(starts, end)
        if (
            quote.kind != "scare"
            and index < len(starts)
            and not text[end : starts[index]].strip(' \n\t.”’"')
        ):
            quote = dataclasses.replace(quote, citation=order[index])
        result.append(quote)
    return result
