"""`dossier entities`, `timeline`, `quotes`, `citations` (`claims`: claims.py)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from typing import Annotated, Any

import typer

from dossier.present.cli.options import (
    DbOption,
    JsonOption,
    LimitOption,
    OffsetOption,
    escape,
    guarded,
    out,
)
from dossier.present.cli.stream import write_json
from dossier.present.figures import figure_text
from dossier.present.readable import readable_value
from dossier.store import connect, records

EntityOption = Annotated[
    str | None, typer.Option("--entity", help="Only sentences naming this entity.")
]
DocOption = Annotated[str | None, typer.Option("--doc", help="Only this document id.")]
AllOption = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Also what copies repeat: by default a text stored more than once "
        "(exactly or nearly) counts once.",
    ),
]


def _query(
    db: str, query: Callable[..., list[dict[str, Any]]], **filters: Any
) -> list[dict[str, Any]]:
    """Run one of store.records' queries on the dossier at `db`, then close it."""
    with closing(connect(db, create=False)) as connection:
        return query(connection, **filters)


def _emit(rows: list[dict[str, Any]], columns: list[str], *, as_json: bool) -> None:
    """One JSON array on stdout, or a table of `columns`."""
    if as_json:
        write_json(rows)
    else:
        _table(rows, columns)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    from rich.table import Table  # only when printed: see browse._docs_table

    table = Table(*columns)
    for row in rows:
        table.add_row(*(escape(_cell(row.get(c))) for c in columns))
    out.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return figure_text(value)
    return str(value)


@guarded
def timeline_command(
    db: DbOption = "dossier.db",
    entity: EntityOption = None,
    doc: DocOption = None,
    date_from: Annotated[
        str | None,
        typer.Option("--from", help="Entries dated on or after: 1950, 1950-06."),
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="ISO date or prefix.")
    ] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="DATE (default), TIME, DURATION, SET.")
    ] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    all_: AllOption = False,
    as_json: JsonOption = False,
) -> None:
    """What the sources say happened when, in date order.

    Example: dossier timeline --db seeds.db --entity "Kim Il Sung" --from 1945 --to 1953
    """
    rows = _query(
        db,
        records.timeline,
        entity=entity,
        doc=doc,
        date_from=date_from,
        date_to=date_to,
        type_=type_,
        all_=all_,
        limit=limit,
        offset=offset,
    )
    if not as_json:
        # TimeML writes a decade `192`, a length `P10Y`; a reader wants
        # `1920s` and `10 years` (issue 18). JSON keeps the TimeML value.
        rows = [{**row, "value": readable_value(row.get("value"))} for row in rows]
    _emit(rows, ["value", "first_day", "text", "sentence", "doc"], as_json=as_json)


@guarded
def quotes_command(
    db: DbOption = "dossier.db",
    speaker: Annotated[
        str | None, typer.Option(help="Only quotes of this speaker.")
    ] = None,
    doc: DocOption = None,
    kind: Annotated[
        str | None, typer.Option(help="direct, reported or scare (default: all).")
    ] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    all_: AllOption = False,
    as_json: JsonOption = False,
) -> None:
    """Who is quoted saying what, with the cue and the citation.

    Example: dossier quotes --db seeds.db --speaker "Kim Yong Chun" --json
    """
    rows = _query(
        db,
        records.quotes,
        speaker=speaker,
        doc=doc,
        kind=kind,
        all_=all_,
        limit=limit,
        offset=offset,
    )
    _emit(rows, ["speaker", "cue", "text", "via", "doc"], as_json=as_json)


@guarded
def citations_command(
    db: DbOption = "dossier.db",
    doc: DocOption = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    all_: AllOption = False,
    as_json: JsonOption = False,
) -> None:
    """Sources the documents cite: title, outlet, date.

    Example: dossier citations --db seeds.db --outlet KCNA --json
    """
    rows = _query(
        db,
        records.citations,
        doc=doc,
        outlet=outlet,
        all_=all_,
        limit=limit,
        offset=offset,
    )
    _emit(rows, ["date", "outlet", "title", "doc"], as_json=as_json)
