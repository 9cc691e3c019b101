"""Segment: split a cleaned source into documents (articles, teasers).

Every non-empty line becomes a `Block` with a kind. Lines that are not
article text (navigation, metadata, teasers, footer) never enter an
article's text but are kept as removed spans, so they can be shown. An
article's own headline opens its text (its names are the article's: issue
18) and meta reads its title from it.
Nothing is lost silently (#13): a piece too slight to be a document (no real
words) joins its neighbour, and a source that would lose all its text is
kept whole as one article flagged `kept-whole`.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from dossier.model import Block, Cleaned, Document, Removed
from dossier.offsets import join_slices
from dossier.packs import Pack
from dossier.read.html import is_extracted
from dossier.segment.bound import bounded
from dossier.segment.classify import classify
from dossier.segment.group import group_articles

PARAGRAPH = "\n\n"
TEXT_KINDS = frozenset({"text"})
HEADLINE = "headline"
KEPT_WHOLE = "kept-whole"
# A document needs real words: this many characters and letter words. The
# ", ," tail of a comma-joined story (3 characters) made 562 "teasers" in a
# year of KCNA; the shortest real KCNA item is a photo caption of 60.
MIN_DOCUMENT_CHARS = 20
MIN_DOCUMENT_WORDS = 3
# A source whose whole text is shorter than a document is one removed span.
TOO_SHORT = "too-short"
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")

Group = tuple[str, list[Block]]


def has_words(text: str) -> bool:
    """Enough characters and letter words to be read as a document."""
    # The words are counted only up to the few needed: every article's text
    # passes here, and listing all its words was a quarter of `segment`.
    words = itertools.islice(_LETTER_WORD.finditer(text), MIN_DOCUMENT_WORDS)
    return (
        len(text.strip()) >= MIN_DOCUMENT_CHARS
        and sum(1 for _ in words) >= MIN_DOCUMENT_WORDS
    )


def segment(cleaned: Cleaned, pack: Pack) -> tuple[list[Document], list[Removed]]:
    source = cleaned.source
    blocks = classify(
        cleaned.text,
        pack,
        extracted=is_extracted(source),
        title=source.fields.get("title", ""),
    )
    groups = _fold_slight(list(group_articles(blocks)))
    documents = [
        document
        for kind, group in groups
        for document in _documents(cleaned, kind, group)
    ]
    documents = [
        dataclasses.replace(document, ordinal=index)
        for index, document in enumerate(documents)
    ]
    if not any(d.kind == "article" for d in documents):
        return _whole(cleaned)
    read = {piece for kind, group in groups for piece in _pieces(kind, group)}
    removed = [
        Removed(block.kind, *cleaned.offsets.to_raw(block.start, block.end))
        for block in blocks
        if block.kind not in TEXT_KINDS and (block.start, block.end) not in read
    ]
    return documents, removed


def _pieces(kind: str, group: list[Block]) -> list[tuple[int, int]]:
    if kind == "teaser":
        return [(b.start, b.end) for b in group if b.kind == "teaser-lead"][:1]
    return [(b.start, b.end) for b in group if b.kind in TEXT_KINDS or _read(b, group)]


def _read(block: Block, group: list[Block]) -> bool:
    """The article's own headline is read with its text (its names are the
    article's: issue 18, build scored 6 points under annotate without them)."""
    if block.kind != HEADLINE:
        return False
    first = next((b for b in group if b.kind in TEXT_KINDS), None)
    headline = next((b for b in group if b.kind == HEADLINE), None)
    return block is headline and first is not None and block.end <= first.start


def _text_of(kind: str, group: list[Block]) -> str:
    pieces = set(_pieces(kind, group))
    return " ".join(b.text for b in group if (b.start, b.end) in pieces)


def _fold_slight(groups: list[Group]) -> list[Group]:
    """An article without real words joins the article before it (or after
    it, if first); a teaser without real words is no document, its lines
    stay removed spans."""
    folded: list[Group] = []
    carried: list[Block] = []
    for kind, group in groups:
        if has_words(_text_of(kind, group)) or not _pieces(kind, group):
            if carried and kind == "article":
                group = carried + group
                carried = []
            folded.append((kind, group))
            continue
        if kind == "teaser":
            folded.append((kind, [b for b in group if b.kind != "teaser-lead"]))
            continue
        previous = next(
            (i for i in range(len(folded) - 1, -1, -1) if folded[i][0] == "article"),
            None,
        )
        if previous is None:
            carried.extend(group)
        else:
            folded[previous] = ("article", folded[previous][1] + group)
    # Blocks still carried found no article to join: `segment` then keeps
    # the source whole, or as one removed span.
    return folded


def _documents(
    cleaned: Cleaned, kind: str, group: list[Block], flags: tuple[str, ...] = ()
) -> list[Document]:
    """The group's text as one document, or as several when it is longer than
    a document may be (`bound`): the first and last keep the group's headline
    and trailing furniture."""
    runs = list(bounded(cleaned.text, _pieces(kind, group)))
    documents = []
    for number, run in enumerate(runs):
        text, offsets = join_slices(cleaned.text, cleaned.offsets, run, PARAGRAPH)
        start = group[0].start if number == 0 else run[0][0]
        end = group[-1].end if number == len(runs) - 1 else run[-1][1]
        documents.append(
            Document(
                kind=kind,
                ordinal=0,
                text=text,
                offsets=offsets,
                blocks=tuple(b for b in group if b.end > start and b.start < end),
                raw_start=cleaned.offsets.raw_start(start),
                raw_end=cleaned.offsets.raw_end(end),
                flags=flags,
            )
        )
    return documents


def _whole(cleaned: Cleaned) -> tuple[list[Document], list[Removed]]:
    """No line read as an article: keep the source whole, flagged, or, when
    it holds no real words, as one removed span."""
    text = cleaned.text
    if not text.strip():
        return [], []
    if not has_words(text):
        return [], [Removed(TOO_SHORT, *cleaned.offsets.to_raw(0, len(text)))]
    block = Block("text", 0, len(text), text)
    documents = _documents(cleaned, "article", [block], (KEPT_WHOLE,))
    return [
        dataclasses.replace(document, ordinal=index)
        for index, document in enumerate(documents)
    ], []


__all__ = ["KEPT_WHOLE", "PARAGRAPH", "Block", "has_words", "segment"]
