"""HTML pages: main text and metadata via trafilatura, else the page's text."""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dossier.model import Source
from dossier.read.decode import decode
from dossier.read.markup import MARKUP, align

# A page of this many characters or more gives the extractor's freed heap
# back: a smaller one's is used again by the next page's trees, and handed
# back it would only be faulted in again (a trim after each of html-dev's
# 81 pages, 170 kB on average, cost 0.056 CPU s in all, and lowered no
# peak). The x8 and x16 pages of bench/hostile_sizes.py, 1.2 and 2.4 MB,
# are where it matters.
TRIM_FROM = 1_000_000

# How the text of an HTML source was made, after its encoding: the
# extractor's main text, or (no main text found) the whole page's text.
EXTRACTED = "+html"
PAGE_TEXT = "+html-page"


def read_html(path: Path, data: bytes, digest: str) -> list[Source]:
    markup, encoding = decode(data)
    if too_deep(markup):
        # libxml2 stops nesting at 256 levels and drops what lies deeper (300
        # nested <div>s gave no text at all, 400 unclosed <font>s 127 of 400
        # paragraphs): such a page is read flat, without a tree.
        text = flat_text(markup)
        return [
            Source(
                str(path),
                0,
                text,
                f"{encoding}{PAGE_TEXT}",
                digest,
                {},
                align(text, markup),
            )
        ]
    import trafilatura

    # Default settings, comments left out: on the html-dev pages developed on
    # (eval/articles.py) they recall 0.971 of the gold text, `favor_recall`
    # 0.969 (it adds a page's CSS breakpoint list and drops whole sections),
    # `include_formatting` 0.969, no tables 0.969, `favor_precision` 0.969;
    # turning its fallback extractors off changes nothing there.
    text, fields = _extract(
        trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    )
    if len(markup) >= TRIM_FROM:
        # The extractor's trees are gone: give their freed heap back before
        # the next steps ask for more (see `release_freed_heap`).
        release_freed_heap()
    kind = EXTRACTED
    if not text.strip():
        text, kind = _plain_text(markup), PAGE_TEXT
    # The raw text of an HTML source is the extracted text, and the markup is
    # kept out of the database: the locator map leads back into it.
    locator = align(text, markup)
    return [Source(str(path), 0, text, f"{encoding}{kind}", digest, fields, locator)]


def _extract(extracted: Any) -> tuple[str, dict[str, str]]:
    """The main text and metadata fields of trafilatura's answer, which is
    let go on return: it holds the extracted tree (`body`), the size of the
    page, which `align` would otherwise run beside."""
    if extracted is None:
        return "", {}
    document = extracted if isinstance(extracted, dict) else extracted.as_dict()
    fields: dict[str, str] = {}
    for key in ("title", "date", "author", "url"):
        value = document.get(key)
        if value:
            fields[key] = str(value)
    if document.get("sitename"):
        fields["outlet"] = str(document["sitename"])
    return str(document.get("text") or ""), fields


def release_freed_heap() -> None:
    """Hand the C heap's free pages back to the system (glibc's
    `malloc_trim`; elsewhere nothing). libxml2 builds and frees the
    extractor's trees in the C heap, which keeps the pages: after the page
    of 80,000 tiny paragraphs (bench/hostile_sizes.py x16) the process
    stayed at 275 MB RSS, 106 MB once trimmed, and Python's own objects,
    which live in arenas of their own, grew past it (docs/reliability.md,
    issue 14 part 5)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        library = ctypes.CDLL(name)
        trim: Callable[[int], int] = library.malloc_trim
    except (OSError, AttributeError, TypeError):
        return None  # not glibc: its heap is its own business
    return trim


# Deeper than this, libxml2 (under lxml and trafilatura) would cut the tree.
MAX_DEPTH = 200
# Tags a parser closes by themselves when a sibling opens: not nesting.
_SELF_CLOSING = frozenset({"p", "li", "td", "th", "tr", "option", "dt", "dd"})
_BLOCK = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"}
    | {"section", "article", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd"}
    | {"header", "footer", "nav", "aside", "main", "title", "hr", "td", "th"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)


def too_deep(markup: str) -> bool:
    """Whether the page nests elements deeper than a parser keeps."""
    depth = 0
    for match in MARKUP.finditer(markup):
        name = (match.group(3) or "").lower()
        if not name or name in _VOID or name in _SELF_CLOSING or match.group(4):
            continue
        depth += -1 if match.group(2) else 1
        depth = max(depth, 0)
        if depth > MAX_DEPTH:
            return True
    return False


def flat_text(markup: str) -> str:
    """The page's text without a tree: scripts, styles and comments left
    out, a line break at each block element, entities decoded."""
    pieces: list[str] = []
    position = 0
    for match in MARKUP.finditer(markup):
        pieces.append(html.unescape(markup[position : match.start()]))
        if (match.group(3) or "").lower() in _BLOCK:
            pieces.append("\n")
        position = match.end()
    pieces.append(html.unescape(markup[position:]))
    lines = ("".join(pieces)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def is_extracted(source: Source) -> bool:
    """The source's text is an HTML extractor's main text: the page's menus,
    sidebars and footer are already out, and `segment` needs no evidence of
    its own that a short line at the edge is one."""
    return source.encoding.endswith(EXTRACTED)


def _plain_text(markup: str) -> str:
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(markup)
    except (ValueError, SyntaxError, lxml.etree.ParserError):
        return ""
    if not isinstance(tree, lxml.html.HtmlElement):
        return ""
    furniture = tree.xpath("//script|//style|//nav|//header|//footer")
    for element in furniture if isinstance(furniture, list) else []:
        if isinstance(element, lxml.html.HtmlElement):
            element.drop_tree()
    return "\n".join(
        line.strip() for line in tree.text_content().splitlines() if line.strip()
    )
