"""Group classified blocks into articles and teasers."""

from __future__ import annotations

from collections.abc import Iterator

from dossier.model import Block

# Blocks that hang on to the article after them rather than the one before.
_LEADING = frozenset({"headline", "meta", "nav"})


def group_articles(blocks: list[Block]) -> Iterator[tuple[str, list[Block]]]:
    """Yield (kind, blocks) for each article and each teaser, in file order.

    A new article starts at a headline that follows article text; teasers
    are their own groups; page furniture goes with the article it is next to.
    """
    current: list[Block] = []
    has_text = False
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "teaser-headline":
            if has_text:
                yield "article", current
                current, has_text = [], False
            end = index + 1
            while end < len(blocks) and blocks[end].kind in {
                "teaser-date",
                "teaser-repeat",
                "teaser-lead",
            }:
                end += 1
            yield "teaser", blocks[index:end]
            index = end
            continue
        if block.kind == "headline" and has_text:
            yield "article", current
            current, has_text = [], False
        current.append(block)
        has_text = has_text or block.kind == "text"
        index += 1
    if current:
        yield "article", current
