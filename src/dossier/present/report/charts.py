"""Charts drawn as inline SVG in Python: the report opens offline with no
script. Every label comes from the documents, so every one is escaped here;
links only point inside the report (`#doc-ID`, `#period-1950`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from dossier.present.report.model import QuoteGraph, Timeline

_FONT = 'font-family="sans-serif" font-size="11"'
_BAR = "#4a6fa5"


def _text(value: object, limit: int = 40) -> str:
    """Escaped, and cut to `limit` characters: a headline used as a label."""
    line = " ".join(str(value).split())
    if len(line) > limit:
        line = line[: limit - 1] + "…"
    return escape(line, quote=True)


def _svg(width: int, height: int, body: list[str], label: str) -> str:
    return (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' role="img" aria-label="{escape(label, quote=True)}" {_FONT}>'
        + "".join(body)
        + "</svg>"
    )


def horizontal_bars(bars: Sequence[tuple[str, int]], *, label: str) -> str:
    """One bar a row, the label left of it and the count after it."""
    if not bars:
        return ""
    top = max(n for _, n in bars) or 1
    row, left, room = 20, 190, 380
    body = []
    for index, (name, n) in enumerate(bars):
        y = index * row
        width = max(1, round(room * n / top))
        body.append(
            f"<g><title>{_text(name, 200)}: {n:,}</title>"
            f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">'
            f"{_text(name, 30)}</text>"
            f'<rect x="{left}" y="{y + 3}" width="{width}" height="{row - 6}"'
            f' fill="{_BAR}"/>'
            f'<text x="{left + width + 4}" y="{y + 14}">{n:,}</text></g>'
        )
    return _svg(left + room + 60, len(bars) * row + 4, body, label)


def vertical_bars(bars: Sequence[tuple[str, int]], *, label: str) -> str:
    """Bars left to right (years), a label under every few."""
    if not bars:
        return ""
    top = max(n for _, n in bars) or 1
    step = max(4, min(28, 720 // len(bars)))
    height, base = 160, 150
    every = max(1, math.ceil(36 / step))  # a label every 36 pixels at most
    body = []
    for index, (name, n) in enumerate(bars):
        x = 40 + index * step
        tall = max(1, round((height - 30) * n / top))
        body.append(
            f"<g><title>{_text(name)}: {n:,}</title>"
            f'<rect x="{x}" y="{base - tall}" width="{step - 1}" height="{tall}"'
            f' fill="{_BAR}"/></g>'
        )
        if index % every == 0:
            body.append(f'<text x="{x}" y="{base + 12}">{_text(name, 8)}</text>')
    body.append(f'<text x="0" y="12">{top:,}</text>')
    body.append(
        f'<line x1="38" y1="{base}" x2="{40 + len(bars) * step}" y2="{base}"'
        ' stroke="#888"/>'
    )
    return _svg(60 + len(bars) * step, height + 10, body, label)


def timeline_chart(timeline: Timeline, *, label: str) -> str:
    """A point per year or decade along the axis, its area the number of
    statements dated then; a listed period links to its statements."""
    periods = timeline.periods
    if not periods:
        return ""
    first, last = periods[0].start, periods[-1].start
    width, left, axis = 760, 30, 70
    scale = (width - 2 * left) / max(1, last - first)
    top = max(p.count for p in periods)
    body = [
        f'<line x1="{left}" y1="{axis}" x2="{width - left}" y2="{axis}" stroke="#888"/>'
    ]
    for period in periods:
        x = left + (period.start - first) * scale
        radius = 2 + 16 * math.sqrt(period.count / top)
        circle = (
            f'<circle cx="{x:.1f}" cy="{axis}" r="{radius:.1f}" fill="{_BAR}"'
            ' fill-opacity="0.6"/>'
        )
        tip = f"<title>{_text(period.label)}: {period.count:,} statements</title>"
        if period.statements:
            body.append(
                f'<a href="#period-{escape(period.label, quote=True)}">'
                f"{tip}{circle}</a>"
            )
        else:
            body.append(f"<g>{tip}{circle}</g>")
    ticks = _ticks(first, last)
    for year in ticks:
        x = left + (year - first) * scale
        body.append(
            f'<text x="{x:.1f}" y="{axis + 34}" text-anchor="middle">{year}</text>'
            f'<line x1="{x:.1f}" y1="{axis + 20}" x2="{x:.1f}" y2="{axis + 24}"'
            ' stroke="#888"/>'
        )
    return _svg(width, axis + 44, body, label)


def _ticks(first: int, last: int) -> list[int]:
    span = max(1, last - first)
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if span / s <= 10)
    start = first - first % step + (step if first % step else 0)
    return list(range(start, last + 1, step)) or [first]


def quote_graph_chart(graph: QuoteGraph, *, label: str) -> str:
    """Three layers, speakers -> outlets -> documents, an edge's width
    growing with the quotes along it; a document links to its source."""
    if not graph.speakers:
        return ""
    columns = (10, 290, 570)
    box, row = 190, 26
    layers: list[list[tuple[str, int, str | None]]] = [
        [(name, n, None) for name, n in graph.speakers],
        [(name, n, None) for name, n in graph.outlets],
        [(doc, n, f"#doc-{doc}") for doc, n in graph.documents],
    ]
    height = max(len(layer) for layer in layers) * row + 10
    places: list[dict[str, float]] = []
    for layer in layers:
        offset = (height - len(layer) * row) / 2
        places.append(
            {name: offset + i * row + 11 for i, (name, _, _) in enumerate(layer)}
        )
    edges = [*graph.speaker_outlet, *graph.outlet_document]
    top = max((n for _, _, n in edges), default=1)
    body = []
    for depth, pairs in ((0, graph.speaker_outlet), (1, graph.outlet_document)):
        for source, target, n in pairs:
            if source not in places[depth] or target not in places[depth + 1]:
                continue
            x1, x2 = columns[depth] + box, columns[depth + 1]
            y1, y2 = places[depth][source], places[depth + 1][target]
            middle = (x1 + x2) / 2
            width = 1 + 5 * math.log1p(n) / math.log1p(top)
            body.append(
                f"<g><title>{_text(source)} → {_text(target)}: {n:,}</title>"
                f'<path d="M{x1},{y1:.1f} C{middle},{y1:.1f} {middle},{y2:.1f}'
                f' {x2},{y2:.1f}" fill="none" stroke="#999" stroke-opacity="0.7"'
                f' stroke-width="{width:.1f}"/></g>'
            )
    for column, layer, placed in zip(columns, layers, places, strict=True):
        for name, n, link in layer:
            y = placed[name]
            tip = f"{name} · {graph.titles[name]}" if link else name
            node = (
                f"<title>{_text(tip, 200)}: {n:,} quotes</title>"
                f'<rect x="{column}" y="{y - 10:.1f}" width="{box}" height="20"'
                ' rx="3" fill="#eef2f8" stroke="#4a6fa5"/>'
                f'<text x="{column + 5}" y="{y + 4:.1f}">'
                f"{_text(name, 26)} ({n:,})</text>"
            )
            if link:
                body.append(f'<a href="{escape(link, quote=True)}">{node}</a>')
            else:
                body.append(f"<g>{node}</g>")
    return _svg(columns[2] + box + 10, height, body, label)
