"""What the document page draws: marks for a document's annotations, its raw
text with the removed spans, and the source around a locator."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from dossier.present.document import OpenDocument
from dossier.present.readable import readable_value
from dossier.present.web.markup import Mark, render
from dossier.present.web.parts import Part
from dossier.present.web.templating import locator_label

# Characters of the source shown on each side of a locator.
CONTEXT = 600


def source_href(doc: str, span: list[int]) -> str:
    return f"/doc/{doc}/source?start={span[0]}&end={span[1]}"


def doc_href(doc: str, span: list[int] | None = None) -> str:
    """A document page, scrolled to `span` and marking it."""
    if span is None:
        return f"/doc/{doc}"
    return f"/doc/{doc}?mark={span[0]}-{span[1]}#mark"


def entity_href(name: str) -> str:
    return "/entity/" + quote(name, safe="")


def _at(
    span: list[int],
    css: str,
    href: str | None = None,
    title: str | None = None,
    anchor: str | None = None,
    marker: tuple[str, str, str] | None = None,
) -> Mark:
    return Mark(span[0], span[1], css, href, title, anchor, marker)


def annotation_marks(
    detail: dict[str, Any], *, mark: tuple[int, int] | None = None
) -> list[Mark]:
    """Marks for every annotation of a `show --json` record; `mark` is a span
    to highlight and scroll to (a timeline point, a claim, a reused passage)."""
    doc = detail["id"]
    marks: list[Mark] = []
    for m in detail["mentions"]:
        title = f"{m['entity']} ({m['type']}) · {locator_label(m['locator'])}"
        marks.append(
            _at(m["span"], f"mention {m['type']}", entity_href(m["entity"]), title)
        )
    for t in detail["times"]:
        title = f"{t['type']} {readable_value(t['value'])}"
        if t["first_day"]:
            title += f" · {t['first_day']} to {t['last_day']}"
        href = source_href(doc, t["span"])
        marks.append(_at(t["span"], "time", href, title))
    for f in detail["figures"]:
        interval = f"{f['low']:,.0f}–{f['high']:,.0f}"
        title = f"{f['subject'] or f['unit'] or 'figure'}: {interval}"
        marks.append(_at(f["span"], "figure", source_href(doc, f["span"]), title))
    for c in detail["citations"]:
        title = " · ".join(str(v) for v in (c["title"], c["outlet"], c["date"]) if v)
        marks.append(_at(c["span"], "citation", source_href(doc, c["span"]), title))
    for q in detail["quotes"]:
        said = f"{q['kind']} quote of {q['speaker'] or 'an unknown speaker'}"
        marker = ("❝", source_href(doc, q["span"]), f"{said}: where it is in the file")
        marks.append(_at(q["span"], f"quote {q['kind']}", None, said, None, marker))
    for r in detail["reused"]:
        said = f"reused passage ({r['direction']}, score {r['score']:.2f})"
        marker = ("⇄", doc_href(r["other"], r["other_span"]), f"{said}: the other side")
        marks.append(_at(r["span"], "reused", None, said, None, marker))
    if mark is not None:
        marks.append(Mark(mark[0], mark[1], "target", None, None, "mark"))
    return marks


def clean_text(
    detail: dict[str, Any],
    mark: tuple[int, int] | None = None,
    part: Part | None = None,
) -> Markup:
    """The clean text annotated; with `part`, only that part of it (its
    marks moved to the part's start and clipped to it)."""
    text = detail["text"]
    start, end = (0, len(text)) if part is None else (part.start, part.end)
    marks = annotation_marks(detail, mark=mark)
    if start:
        marks = [_shifted(m, start) for m in marks]
    return render(text[start:end], marks)


def _shifted(mark: Mark, by: int) -> Mark:
    return Mark(
        mark.start - by,
        mark.end - by,
        mark.css,
        mark.href,
        mark.title,
        mark.anchor,
        mark.marker,
    )


def raw_window(opened: OpenDocument, parts: list[Part], part: Part) -> tuple[int, int]:
    """The stretch of the source that `part` of the clean text was cut from:
    the first part from the document's start in the source, the last to its
    end, so the raw parts join to the whole raw view too."""
    first = opened.raw_start
    if part.number > 1:
        first = opened.offsets.raw_start(part.start)
    last = opened.raw_end
    if part.number < len(parts):
        last = opened.offsets.raw_start(parts[part.number].start)
    return first, last


def raw_text(opened: OpenDocument, window: tuple[int, int] | None = None) -> Markup:
    """The source text the document was cut from, removed spans greyed; with
    `window`, only the raw span [start, end) of it."""
    start, end = (opened.raw_start, opened.raw_end) if window is None else window
    marks = [
        Mark(r["raw_start"] - start, r["raw_end"] - start, "removed", None, r["kind"])
        for r in opened.removed
        if r["raw_end"] > start and r["raw_start"] < end
    ]
    return render(opened.source_text[start:end], marks)


def source_excerpt(
    opened: OpenDocument, start: int, end: int
) -> tuple[Markup, dict[str, object], bool, bool]:
    """The stored source around clean span [start, end): the excerpt with the
    span's raw characters marked, its locator, and whether text was cut
    before and after it."""
    raw_start, raw_end = opened.offsets.to_raw(start, end)
    locator = opened.located.locate(raw_start, raw_end)
    text = opened.source_text
    first = max(0, raw_start - CONTEXT)
    last = min(len(text), raw_end + CONTEXT)
    excerpt = render(
        text[first:last],
        [Mark(raw_start - first, raw_end - first, "target", None, None, "mark")],
    )
    return excerpt, locator, first > 0, last < len(text)
