"""Meta: a document's title, date, outlet, author, url and place.

Read from the blocks `segment` set aside (headline, date and source lines,
wire dateline, byline, signature) and from fields the file format carried.
"""

from __future__ import annotations

import re

from dossier.meta.dates import full_dates, parse_date
from dossier.model import Block, Document, Metadata, Source
from dossier.packs import Pack
from dossier.segment.lines import BYLINE, ISSUE_LINE, WIRE_DATELINE

_LABEL = re.compile(r"(?P<key>[A-Za-z]+)\s*:\s*(?P<value>[^|]+)")


def describe(document: Document, source: Source, pack: Pack) -> Metadata:
    fields = source.fields
    blocks = document.blocks
    title = (
        fields.get("title")
        or _first(blocks, "headline")
        or _first(blocks, "teaser-headline")
    )
    year_hint = _year(fields.get("date"))

    labelled: dict[str, str] = {}
    for block in blocks:
        if block.kind == "meta" and ("|" in block.text or ":" in block.text[:12]):
            for match in _LABEL.finditer(block.text):
                labelled.setdefault(match["key"].lower(), match["value"].strip())

    outlet = fields.get("outlet")
    place = None
    date = fields.get("date")
    dateline = next((b for b in blocks if b.kind == "dateline"), None)
    if dateline is not None:
        match = WIRE_DATELINE.match(dateline.text)
        if match:
            place = match["place"]
            outlet = outlet or _outlet(match["outlet"], pack)
            if date is None:
                date = parse_date(
                    match["date"], day_first=pack.day_first, year=year_hint
                )
    if "source" in labelled:
        outlet = outlet or _outlet(labelled["source"], pack)
    if date is None and "date" in labelled:
        date = parse_date(labelled["date"], day_first=pack.day_first)

    headline_at = next((i for i, b in enumerate(blocks) if b.kind == "headline"), 0)
    issue_date = None
    for index, block in enumerate(blocks):
        if block.kind not in {"meta", "teaser-date"}:
            continue
        issue = ISSUE_LINE.match(block.text)
        if issue:
            outlet = outlet or _outlet(issue["outlet"], pack)
            if issue["date"]:
                issue_date = parse_date(issue["date"], day_first=pack.day_first)
            continue
        known = pack.outlet_for(block.text)
        if known:
            outlet = outlet or known
            continue
        # A date line below the headline is the article's; one above it is
        # the page's crawl date, used only when nothing better is printed.
        value = parse_date(block.text, day_first=pack.day_first)
        if (
            value
            and date is None
            and (index > headline_at or document.kind == "teaser")
        ):
            date = value
    date = date or issue_date

    author = fields.get("author")
    for block in blocks:
        if author:
            break
        byline = BYLINE.match(block.text) if block.kind == "meta" else None
        if byline:
            author = byline["name"]
        elif block.kind == "signature":
            author = block.text.split(",", 1)[0].strip()

    inferred = False
    if date is None and document.kind == "article":
        dates = sorted(full_dates(document.text, day_first=pack.day_first))
        if dates:
            date, inferred = dates[-1], True

    return Metadata(
        title=title,
        date=date,
        date_inferred=inferred,
        outlet=outlet,
        author=author,
        url=fields.get("url"),
        place=place,
    )


def _first(blocks: tuple[Block, ...], kind: str) -> str | None:
    return next((b.text.strip() for b in blocks if b.kind == kind), None)


def _outlet(printed: str, pack: Pack) -> str:
    return pack.outlet_for(printed) or printed.strip()


def _year(value: str | None) -> int | None:
    if value and value[:4].isdigit():
        return int(value[:4])
    return None
