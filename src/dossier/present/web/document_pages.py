"""Pages for finding and reading documents: search, the list, one document,
and the source around a locator."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from dossier.errors import InputError
from dossier.present import serialize
from dossier.present.document import open_document
from dossier.present.web import document_view
from dossier.present.web.app import Connection, side, status_of
from dossier.present.web.parts import Part, chosen_part, cut_parts
from dossier.present.web.templating import SNIPPET_MARKS, templates
from dossier.store.facets import search_facets, search_filters
from dossier.store.queries import copy_members, list_documents, search

router = APIRouter(include_in_schema=False)

HITS = 20
DOCUMENTS = 50
_MARK = re.compile(r"(\d+)-(\d+)")


@router.get("/")
def search_page(
    request: Request,
    connection: Connection,
    q: str = "",
    syntax: str = "words",
    kind: str | None = None,
    outlet: str | None = None,
    year: str | None = None,
    entity: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Search with facets; a query FTS5 cannot read is shown as a message."""
    context: dict[str, Any] = {
        "q": q,
        "syntax": syntax,
        "kind": kind or "",
        "outlet": outlet or "",
        "year": year or "",
        "entity": entity or "",
        "offset": offset,
        "page": HITS,
        "hits": [],
        "facets": None,
        "error": None,
    }
    status = 200
    if q.strip():
        try:
            filters = search_filters(
                connection, kind=kind, outlet=outlet, year=year, entity=entity
            )
            facets = side(
                request,
                lambda lent: search_facets(lent, q, syntax=syntax, filters=filters),
            )
            hits = search(
                connection,
                q,
                limit=HITS,
                offset=offset,
                syntax=syntax,  # type: ignore[arg-type]  # checked by search
                filters=filters,
                marks=SNIPPET_MARKS,
            )
            context["hits"] = [
                {**serialize.search_hit(h), "outlet": h["outlet"]} for h in hits
            ]
            context["facets"] = facets()
        except InputError as error:
            context["error"] = " ".join(str(error).split())
            status = status_of(error)
    return templates.TemplateResponse(
        request, "search.html", context, status_code=status
    )


@router.get("/docs")
def documents_page(
    request: Request,
    connection: Connection,
    kind: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    all_: Annotated[bool, Query(alias="all")] = False,
) -> Response:
    rows = list_documents(
        connection, kind=kind or None, limit=DOCUMENTS + 1, offset=offset, all_=all_
    )
    return templates.TemplateResponse(
        request,
        "documents.html",
        {
            "documents": [serialize.document_summary(r) for r in rows[:DOCUMENTS]],
            "more": len(rows) > DOCUMENTS,
            "offset": offset,
            "page": DOCUMENTS,
            "kind": kind or "",
            "all": all_,
        },
    )


@router.get("/doc/{doc_id}")
def document_page(
    request: Request,
    connection: Connection,
    doc_id: str,
    raw: bool = False,
    mark: Annotated[str | None, Query(pattern=r"^\d+-\d+$")] = None,
    part: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """The clean text, annotations drawn; with `raw`, the source text with
    removed boilerplate greyed. A long document shows one part of it at a
    time (`part`, else the one holding `mark`), with that part's annotations
    only (#17)."""
    marked = None
    if mark and (found := _MARK.fullmatch(mark)):
        marked = (int(found.group(1)), int(found.group(2)))
    opened = open_document(
        connection,
        doc_id,
        window_of=lambda text: _span(chosen_part(cut_parts(text), part, marked)),
    )
    detail = opened.detail
    parts = cut_parts(detail["text"])
    shown = chosen_part(parts, part, marked)
    paged = len(parts) > 1
    group = detail["copy_group"]
    copies = [
        serialize.document_summary(r)
        for r in (copy_members(connection, group) if group else [])
        if r["id"] != detail["id"]
    ]
    if raw:
        window = document_view.raw_window(opened, parts, shown) if paged else None
        body = document_view.raw_text(opened, window)
    else:
        body = document_view.clean_text(
            detail, mark=marked, part=shown if paged else None
        )
    return templates.TemplateResponse(
        request,
        "document.html",
        {
            "doc": detail,
            "body": body,
            "raw": raw,
            "copies": copies,
            "parts": parts if paged else [],
            "part": shown,
        },
    )


def _span(part: Part) -> tuple[int, int]:
    return part.start, part.end


def _no_annotations(text: str) -> tuple[int, int]:
    """An empty window of `text`: the source page shows no annotations, and
    reading the 10 MB document's 150,000 was 0.9 s of its 1.06 s (#17)."""
    return 0, 0


@router.get("/doc/{doc_id}/source")
def source_page(
    request: Request,
    connection: Connection,
    doc_id: str,
    start: Annotated[int, Query(ge=0)],
    end: Annotated[int, Query(ge=0)],
) -> Response:
    """The stored source around clean span [start, end) of the document: the
    characters its locator names, marked, with the locator."""
    opened = open_document(connection, doc_id, window_of=_no_annotations)
    length = len(opened.detail["text"])
    if not start <= end <= length:
        raise InputError(
            f"span {start}–{end} is not in document {opened.detail['id']}"
            f" (its text has {length} characters)"
        )
    excerpt, locator, cut_before, cut_after = document_view.source_excerpt(
        opened, start, end
    )
    return templates.TemplateResponse(
        request,
        "source.html",
        {
            "doc": opened.detail,
            "span": [start, end],
            "excerpt": excerpt,
            "locator": locator,
            "cut_before": cut_before,
            "cut_after": cut_after,
            "clean": opened.detail["text"][start:end],
        },
    )
