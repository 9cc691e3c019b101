"""Meta: a document's title, date, outlet, author, url and place.

Read from the blocks `segment` set aside (headline, date and source lines,
wire dateline, byline, signature) and from fields the file format carried.
"""

from __future__ import annotations

import re

from dossier.dates import FULL_DATE, full_dates, parse_date
from dossier.model import Block, Document, Metadata, Source
from dossier.packs import Pack
from dossier.segment.lines import BYLINE, ISSUE_LINE, WIRE_DATELINE

_LABEL = re.compile(r"(?P<key>[A-Za-z]+)\s*:\s*(?P<value>[^|]+)")
_TITLE_DATE = re.compile(r"\s[-–—|]\s+(?P<date>[^-–—|]+?)\s*$")


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
    # A dateline printed without its year (`Pyongyang, August 5 (KCNA)`) still
    # says which day the article is from; no date found elsewhere in the text
    # may then stand in for it.
    yearless_dateline = False
    dateline = next((b for b in blocks if b.kind == "dateline"), None)
    if dateline is not None:
        wire = WIRE_DATELINE.match(dateline.text)
        if wire:
            place = wire["place"]
            outlet = outlet or _outlet(wire["outlet"], pack)
            printed = parse_date(
                wire["date"], day_first=pack.day_first, year=year_hint, eras=pack.eras
            )
            yearless_dateline = date is None and printed is None
            # The dateline refines a less precise field (`2024` → `2024-01-12`).
            if printed and (date is None or _refines(printed, date)):
                date = printed
    if "source" in labelled:
        outlet = outlet or _outlet(labelled["source"], pack)
    if date is None and "date" in labelled:
        date = parse_date(labelled["date"], day_first=pack.day_first, eras=pack.eras)

    headline_at = next((i for i, b in enumerate(blocks) if b.kind == "headline"), 0)
    issue_date = None
    for index, block in enumerate(blocks):
        if block.kind not in {"meta", "teaser-date"}:
            continue
        issue = ISSUE_LINE.match(block.text)
        if issue:
            outlet = outlet or _outlet(issue["outlet"], pack)
            if issue["date"]:
                issue_date = parse_date(
                    issue["date"], day_first=pack.day_first, eras=pack.eras
                )
            continue
        known = pack.outlet_for(block.text)
        if known:
            outlet = outlet or known
            continue
        # A date line below the headline is the article's; one above it is
        # the page's crawl date, used only when nothing better is printed.
        value = parse_date(block.text, day_first=pack.day_first, eras=pack.eras)
        if (
            value
            and date is None
            and (index > headline_at or document.kind == "teaser")
        ):
            date = value
    date = date or issue_date or _title_date(title, pack)

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
    # Measured on kcna-2024 read without its `date` field: the latest date in
    # the text was the dateline's day for 0 of 64 such articles (they recall
    # 1945, 1953, ...), so a yearless dateline leaves the date unknown.
    if date is None and document.kind == "article" and not yearless_dateline:
        dates = sorted(
            full_dates(document.text, day_first=pack.day_first, eras=pack.eras)
        )
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


def _title_date(title: str | None, pack: Pack) -> str | None:
    """A full date closing a headline after a dash: `Note … – 12 May 2011`."""
    tail = _TITLE_DATE.search(title or "")
    if tail is None or not FULL_DATE.fullmatch(tail["date"]):
        return None
    return parse_date(tail["date"], day_first=pack.day_first, eras=pack.eras)


def _refines(precise: str, vague: str) -> bool:
    return len(precise) > len(vague) and precise.startswith(vague)


def _first(blocks: tuple[Block, ...], kind: str) -> str | None:
    return next((b.text.strip() for b in blocks if b.kind == kind), None)


def _outlet(printed: str, pack: Pack) -> str:
    return pack.outlet_for(printed) or printed.strip()


def _year(value: str | None) -> int | None:
    if value and value[:4].isdigit():
        return int(value[:4])
    return None
