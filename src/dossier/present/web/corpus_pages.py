"""Pages across the corpus: entities, one entity, the timeline, conflicts
and reuse."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from dossier.link import compare_claims
from dossier.present import serialize
from dossier.present.web import compare
from dossier.present.web.app import Connection, side
from dossier.present.web.templating import templates
from dossier.store import claims as stored
from dossier.store import records
from dossier.store.dated import dated_statements
from dossier.store.entities import (
    MENTION_SAMPLE,
    documents_naming,
    entity_record,
    entity_variants,
    quotes_about,
    quotes_by,
)
from dossier.store.reuses import reuse_pairs

router = APIRouter(include_in_schema=False)

ENTITIES = 100
# Rows listed on a page; the timeline chart draws up to POINTS, an entity's
# up to ENTITY_POINTS.
ROWS = 200
POINTS = 5000
ENTITY_POINTS = 1000
# Dated statements listed on an entity's page, each with its sentence and who
# asserts it (read per row): the first of them, the rest one link away on
# its timeline. 200 rows were half the page's time for an entity named
# 100,000 times (bench/web_speed.py).
ENTITY_DATED_ROWS = 50
# Characters of a reused passage drawn aligned.
PASSAGE = 3000


@router.get("/entities")
def entities_page(
    request: Request,
    connection: Connection,
    type_: Annotated[str | None, Query(alias="type")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    rows = records.list_entities(
        connection, type_=type_ or None, limit=offset + ENTITIES + 1
    )[offset:]
    return templates.TemplateResponse(
        request,
        "entities.html",
        {
            "entities": rows[:ENTITIES],
            "more": len(rows) > ENTITIES,
            "offset": offset,
            "page": ENTITIES,
            "type": type_ or "",
            "types": records.ENTITY_TYPES,
        },
    )


@router.get("/entity/{name:path}")
def entity_page(request: Request, connection: Connection, name: str) -> Response:
    """Variants, the statements naming it, quotes by and about it, its
    documents."""
    entity = entity_record(connection, name)
    canonical = entity["name"]
    dated = side(
        request,
        lambda lent: dated_statements(
            lent, entity=canonical, points=ENTITY_POINTS, rows=ENTITY_DATED_ROWS
        ),
    )
    # Everything else read meanwhile, on this connection.
    context = {
        "entity": entity,
        "sample": MENTION_SAMPLE,
        "variants": entity_variants(connection, canonical),
        "said": quotes_by(connection, canonical, limit=ROWS),
        "about": quotes_about(connection, canonical, limit=ROWS),
        "documents": [
            {**serialize.document_summary(r), "named": r["named"]}
            for r in documents_naming(connection, canonical, limit=ROWS)
        ],
    }
    return templates.TemplateResponse(
        request, "entity.html", {**context, "dated": dated()}
    )


@router.get("/timeline")
def timeline_page(
    request: Request,
    connection: Connection,
    entity: str | None = None,
    outlet: str | None = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
) -> Response:
    dated = dated_statements(
        connection,
        entity=entity or None,
        outlet=outlet or None,
        date_from=date_from or None,
        date_to=date_to or None,
        points=POINTS,
        rows=ROWS,
    )
    outlets = [
        row[0]
        for row in connection.execute(
            "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL"
            " ORDER BY outlet"
        )
    ]
    return templates.TemplateResponse(
        request,
        "timeline.html",
        {
            "dated": dated,
            "entity": entity or "",
            "outlet": outlet or "",
            "outlets": outlets,
            "from": date_from or "",
            "to": date_to or "",
        },
    )


@router.get("/conflicts")
def conflicts_page(
    request: Request,
    connection: Connection,
    entity: str | None = None,
    verdict: str | None = None,
) -> Response:
    groups = None if entity else stored.stored_conflicts(connection)
    if groups is None:
        groups = compare_claims(
            stored.claims_and_dates(connection, entity=entity or None)
        )
    if verdict:
        groups = [g for g in groups if g["verdict"] == verdict]
    return templates.TemplateResponse(
        request,
        "conflicts.html",
        {
            "groups": [
                {**g, "reasons": [g["reason"], *compare.reasons(g)]}
                if g["verdict"] == "conflict"
                else {**g, "reasons": [g["reason"]]}
                for g in groups
            ],
            "entity": entity or "",
            "verdict": verdict or "",
        },
    )


@router.get("/reuse")
def reuse_page(
    request: Request,
    connection: Connection,
    doc: str | None = None,
    min_score: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
) -> Response:
    pairs = reuse_pairs(connection, doc=doc or None, min_score=min_score)[:ROWS]
    ids = sorted({p[side] for p in pairs for side in ("a", "b")})
    documents = {
        row["id"]: dict(row)
        for row in connection.execute(
            "SELECT id, title, date, outlet, text FROM documents"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    aligned = []
    for pair in pairs:
        a, b = documents[pair["a"]], documents[pair["b"]]
        left, right = compare.align(
            a["text"][pair["a_span"][0] : pair["a_span"][1]][:PASSAGE],
            b["text"][pair["b_span"][0] : pair["b_span"][1]][:PASSAGE],
        )
        aligned.append({**pair, "a_doc": a, "b_doc": b, "left": left, "right": right})
    return templates.TemplateResponse(
        request,
        "reuse.html",
        {"pairs": aligned, "doc": doc or "", "min_score": min_score},
    )
