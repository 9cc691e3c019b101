"""Segment: split a cleaned source into documents (articles, teasers).

Every non-empty line becomes a `Block` with a kind. Lines that are not
article text (navigation, headline, metadata, teasers, footer) never enter
an article's text but are kept as removed spans, so they can be shown.
"""

from __future__ import annotations

from dossier.model import Block, Cleaned, Document, Removed
from dossier.offsets import join_slices
from dossier.packs import Pack
from dossier.segment.bound import bounded
from dossier.segment.classify import classify
from dossier.segment.group import group_articles

PARAGRAPH = "\n\n"
TEXT_KINDS = frozenset({"text"})


def segment(cleaned: Cleaned, pack: Pack) -> tuple[list[Document], list[Removed]]:
    blocks = classify(cleaned.text, pack)
    documents: list[Document] = []
    for kind, group in group_articles(blocks):
        pieces = [(b.start, b.end) for b in group if b.kind in TEXT_KINDS]
        if kind == "teaser":
            pieces = [(b.start, b.end) for b in group if b.kind == "teaser-lead"][:1]
        if not pieces:
            continue
        runs = list(bounded(cleaned.text, pieces))
        for number, run in enumerate(runs):
            text, offsets = join_slices(cleaned.text, cleaned.offsets, run, PARAGRAPH)
            # A bounded part of a long text spans its own pieces; the first and
            # last keep the group's headline and trailing furniture.
            start = group[0].start if number == 0 else run[0][0]
            end = group[-1].end if number == len(runs) - 1 else run[-1][1]
            blocks = [b for b in group if b.end > start and b.start < end]
            documents.append(
                Document(
                    kind=kind,
                    ordinal=len(documents),
                    text=text,
                    offsets=offsets,
                    blocks=tuple(blocks),
                    raw_start=cleaned.offsets.raw_start(start),
                    raw_end=cleaned.offsets.raw_end(end),
                )
            )
    removed = [
        Removed(block.kind, *cleaned.offsets.to_raw(block.start, block.end))
        for block in blocks
        if block.kind not in TEXT_KINDS
    ]
    return documents, removed


__all__ = ["PARAGRAPH", "Block", "segment"]
