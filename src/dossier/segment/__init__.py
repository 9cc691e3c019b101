"""Segment: split a cleaned source into documents (articles, teasers).

Every non-empty line becomes a `Block` with a kind. Lines that are not
article text (navigation, headline, metadata, teasers, footer) never enter
an article's text but are kept as removed spans, so they can be shown.
"""

from __future__ import annotations

from dossier.model import Block, Cleaned, Document, Removed
from dossier.offsets import join_slices
from dossier.packs import Pack
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
        text, offsets = join_slices(cleaned.text, cleaned.offsets, pieces, PARAGRAPH)
        raw_start = cleaned.offsets.raw_start(group[0].start)
        raw_end = cleaned.offsets.raw_end(group[-1].end)
        documents.append(
            Document(
                kind=kind,
                ordinal=len(documents),
                text=text,
                offsets=offsets,
                blocks=tuple(group),
                raw_start=raw_start,
                raw_end=raw_end,
            )
        )
    removed = [
        Removed(block.kind, *cleaned.offsets.to_raw(block.start, block.end))
        for block in blocks
        if block.kind not in TEXT_KINDS
    ]
    return documents, removed


__all__ = ["PARAGRAPH", "Block", "segment"]
