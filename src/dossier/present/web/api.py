"""The JSON API under /api/: the records `dossier ... --json` prints, from
the same queries and serializer (docs/contracts.md, "The API")."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from dossier.link import compare_claims
from dossier.link.claims import public
from dossier.present import serialize
from dossier.present.cli.stream import write_json
from dossier.present.contracts import SCHEMA_PATH, schema
from dossier.present.streamed import streamed_detail
from dossier.present.web.app import Connection
from dossier.store import claims as stored
from dossier.store import events, records
from dossier.store.entities import entity_record
from dossier.store.facets import search_filters
from dossier.store.queries import list_documents, search
from dossier.store.reuses import reuse_pairs

router = APIRouter(prefix="/api", tags=["records"])

# A page of documents when the caller gives no limit.
PAGE = 50

All = Annotated[
    bool, Query(alias="all", description="Also what copies repeat, as --all.")
]
Doc = Annotated[str | None, Query(description="Only this document id (or prefix).")]
Entity = Annotated[
    str | None, Query(description="Only sentences naming this entity (any variant).")
]


class Records(JSONResponse):
    """The records as `--json` prints them: straight from the serializer, no
    model in between; a path of bytes that are not UTF-8 (lone surrogates)
    written as JSON escapes, as the CLI does."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        return text.encode("utf-8", "backslashreplace")


@router.get("/documents", summary="dossier docs --json, paged")
def documents(
    connection: Connection,
    limit: Annotated[int, Query(ge=1, le=1000)] = PAGE,
    offset: Annotated[int, Query(ge=0)] = 0,
    kind: str | None = None,
    all_: All = False,
) -> Records:
    rows = list_documents(connection, kind=kind, limit=limit, offset=offset, all_=all_)
    return Records([serialize.document_summary(r) for r in rows])


@router.get(
    "/documents/{doc_id}",
    summary="dossier show ID --json [--raw]",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
def document(connection: Connection, doc_id: str, raw: bool = False) -> Response:
    # The bytes `show --json` writes, made as it makes them: a large
    # document's annotations go from their stored parts to bytes without a
    # dict apiece (#17: the 10 MB document took 1.9 s and 444 MB through
    # `Records`). Made whole before the response: the pooled connection is
    # the request's only.
    parts: list[bytes] = []
    detail = streamed_detail(connection, doc_id, raw=raw)
    write_json(
        detail,
        lambda text: parts.append(text.encode("utf-8", "backslashreplace")),
        write_bytes=parts.append,
    )
    return Response(b"".join(parts), media_type="application/json")


@router.get("/search", summary="dossier search QUERY --json")
def search_documents(
    connection: Connection,
    q: Annotated[str, Query(description="Words, or FTS5 syntax with syntax=fts.")],
    syntax: str = "words",
    kind: str | None = None,
    outlet: str | None = None,
    year: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
    entity: Entity = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Records:
    filters = search_filters(
        connection, kind=kind, outlet=outlet, year=year, entity=entity
    )
    hits = search(
        connection,
        q,
        limit=limit,
        offset=offset,
        syntax=syntax,  # type: ignore[arg-type]  # checked by search
        filters=filters,
    )
    return Records([serialize.search_hit(h) for h in hits])


@router.get("/entities", summary="dossier entities --json")
def entities(
    connection: Connection,
    type_: Annotated[str | None, Query(alias="type")] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    all_: All = False,
) -> Records:
    return Records(
        records.list_entities(connection, type_=type_, limit=limit, all_=all_)
    )


@router.get("/entities/{name:path}", summary="one entity, as in dossier entities")
def entity(connection: Connection, name: str) -> Records:
    return Records(entity_record(connection, name))


@router.get("/timeline", summary="dossier timeline --json")
def timeline(
    connection: Connection,
    entity: Entity = None,
    doc: Doc = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    type_: Annotated[str | None, Query(alias="type")] = None,
    outlet: str | None = None,
    all_: All = False,
) -> Records:
    return Records(
        records.timeline(
            connection,
            entity=entity,
            doc=doc,
            date_from=date_from,
            date_to=date_to,
            type_=type_,
            outlet=outlet,
            all_=all_,
        )
    )


@router.get("/claims", summary="dossier claims --json")
def claims(
    connection: Connection, entity: Entity = None, doc: Doc = None, all_: All = False
) -> Records:
    rows = stored.claims(connection, entity=entity, doc=doc, all_=all_)
    return Records([public(r) for r in rows])


@router.get("/conflicts", summary="dossier claims --conflicts --json")
def conflicts(
    connection: Connection, entity: Entity = None, doc: Doc = None, all_: All = False
) -> Records:
    groups = None
    if not (entity or doc or all_):
        groups = stored.stored_conflicts(connection)
    if groups is None:
        groups = compare_claims(
            stored.claims_and_dates(connection, entity=entity, doc=doc, all_=all_)
        )
    return Records(groups)


@router.get("/quotes", summary="dossier quotes --json")
def quotes(
    connection: Connection,
    speaker: str | None = None,
    about: Annotated[
        str | None, Query(description="Only quotes whose words name this entity.")
    ] = None,
    doc: Doc = None,
    kind: str | None = None,
    all_: All = False,
) -> Records:
    return Records(
        records.quotes(
            connection, speaker=speaker, about=about, doc=doc, kind=kind, all_=all_
        )
    )


@router.get("/citations", summary="dossier citations --json")
def citations(
    connection: Connection,
    doc: Doc = None,
    outlet: str | None = None,
    all_: All = False,
) -> Records:
    return Records(records.citations(connection, doc=doc, outlet=outlet, all_=all_))


@router.get("/reuse", summary="dossier reuse --json")
def reuse(
    connection: Connection,
    doc: Doc = None,
    min_score: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
) -> Records:
    return Records(reuse_pairs(connection, doc=doc, min_score=min_score))


@router.get("/calendar", summary="dossier calendar --json")
def calendar(
    connection: Connection,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
) -> Records:
    return Records(events.calendar(connection, date_from=date_from, date_to=date_to))


@router.get(
    "/schema.json", summary=f"the JSON Schema of every record ({SCHEMA_PATH.name})"
)
def contract_schema() -> Records:
    return Records(schema())
