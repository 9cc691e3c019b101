"""Text with its annotations as HTML: every character escaped, spans that
overlap or nest drawn as properly nested elements (issue 16).

A span is cut at every boundary of every other span, and each piece is
wrapped in all the spans covering it, closed again before the next piece:
the HTML is valid however the spans cross. Only the innermost span that
wants a link becomes `<a>` (links cannot nest); the others are `<span>`s.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the text to draw: `css` classes, a `href` when it links
    somewhere, a `title` shown on hover, an `anchor` id on its first piece,
    and a `marker`: a small link put before it (quotes, reused passages)."""

    start: int
    end: int
    css: str
    href: str | None = None
    title: str | None = None
    anchor: str | None = None
    marker: tuple[str, str, str] | None = None  # (text, href, title)


def render(text: str, marks: Iterable[Mark]) -> Markup:
    """`text` as HTML with `marks` drawn; marks outside it are clipped."""
    length = len(text)
    kept = [
        m
        for m in (
            Mark(
                max(0, m.start),
                min(length, m.end),
                m.css,
                m.href,
                m.title,
                m.anchor,
                m.marker,
            )
            for m in marks
        )
        if m.start < m.end
    ]
    cuts = sorted({0, length, *(m.start for m in kept), *(m.end for m in kept)})
    starting: dict[int, list[Mark]] = {}
    for mark in kept:
        starting.setdefault(mark.start, []).append(mark)
    active: list[Mark] = []
    anchored: set[str] = set()
    parts: list[str] = []
    for start, end in itertools.pairwise(cuts):
        active = [m for m in active if m.end > start]
        for mark in starting.get(start, []):
            active.append(mark)
            if mark.marker:
                label, href, title = mark.marker
                parts.append(
                    f'<a class="marker" href="{escape(href)}" title="{escape(title)}">'
                    f"{escape(label)}</a>"
                )
        parts.append(_piece(text[start:end], active, anchored))
    return Markup("".join(parts))


def _piece(text: str, active: list[Mark], anchored: set[str]) -> str:
    # Outermost first: the longest span, then by where it starts.
    covering = sorted(active, key=lambda m: (-(m.end - m.start), m.start, m.css))
    link = next((m for m in reversed(covering) if m.href), None)
    opened: list[str] = []
    html = []
    for mark in covering:
        tag = "a" if mark is link else "span"
        attributes = f' class="{escape(mark.css)}"'
        if tag == "a":
            attributes += f' href="{escape(mark.href)}"'
        if mark.title:
            attributes += f' title="{escape(mark.title)}"'
        if mark.anchor and mark.anchor not in anchored:
            anchored.add(mark.anchor)
            attributes += f' id="{escape(mark.anchor)}"'
        html.append(f"<{tag}{attributes}>")
        opened.append(tag)
    html.append(str(escape(text)))
    html.extend(f"</{tag}>" for tag in reversed(opened))
    return "".join(html)
