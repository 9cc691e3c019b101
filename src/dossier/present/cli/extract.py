"""`dossier entities`, `timeline`, `claims`, `quotes`, `citations`."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from dossier.link import compare_claims
from dossier.present.cli.options import DbOption, JsonOption, guarded, out, print_json
from dossier.store import connect, records

EntityOption = Annotated[
    str | None, typer.Option("--entity", help="Only sentences naming this entity.")
]
DocOption = Annotated[str | None, typer.Option("--doc", help="Only this document id.")]


def _table(rows: list[dict[str, Any]], columns: list[str]) -> None:
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
        # Hedged intervals are products (1.1 x 100,000): print what was meant.
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:g}"
    return str(value)


@guarded
def entities_command(
    db: DbOption = "dossier.db",
    type_: Annotated[
        str | None, typer.Option("--type", help="PERSON, ORG, PLACE or PUBLICATION.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Entities across all documents, with every name variant seen.

    Example: dossier entities --db seeds.db --type PERSON --json
    """
    rows = records.list_entities(connect(db, create=False), type_=type_, limit=limit)
    if as_json:
        print_json(rows)
    else:
        _table(rows, ["name", "type", "mentions", "documents", "aliases"])


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
    as_json: JsonOption = False,
) -> None:
    """What the sources say happened when, in date order.

    Example: dossier timeline --db seeds.db --entity "Kim Il Sung" --from 1945 --to 1953
    """
    rows = records.timeline(
        connect(db, create=False),
        entity=entity,
        doc=doc,
        date_from=date_from,
        date_to=date_to,
        type_=type_,
    )
    if as_json:
        print_json(rows)
    else:
        _table(rows, ["date", "text", "sentence", "doc"])


@guarded
def claims_command(
    db: DbOption = "dossier.db",
    entity: EntityOption = None,
    doc: DocOption = None,
    conflicts: Annotated[
        bool, typer.Option("--conflicts", help="Group by subject with a verdict.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Figures each source gives; with --conflicts, where sources disagree.

    Example: dossier claims --db seeds.db --conflicts --json
    """
    rows = records.claims(connect(db, create=False), entity=entity, doc=doc)
    if conflicts:
        groups = compare_claims(rows)
        if as_json:
            print_json(groups)
            return
        for group in groups:
            colour = "red" if group["verdict"] == "conflict" else "green"
            verdict = f"[{colour}]{group['verdict']}[/{colour}]"
            unit = escape(group.get("unit") or "")
            out.print(f"[bold]{escape(group['subject'])}[/bold] {unit} {verdict}")
            _table(group["claims"], ["text", "low", "high", "unit", "doc"])
        return
    if as_json:
        print_json(rows)
    else:
        _table(rows, ["subject", "text", "low", "high", "unit", "doc"])


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
    as_json: JsonOption = False,
) -> None:
    """Who is quoted saying what, with the cue and the citation.

    Example: dossier quotes --db seeds.db --speaker "Kim Yong Chun" --json
    """
    rows = records.quotes(
        connect(db, create=False), speaker=speaker, doc=doc, kind=kind
    )
    if as_json:
        print_json(rows)
    else:
        _table(rows, ["speaker", "cue", "text", "via", "doc"])


@guarded
def citations_command(
    db: DbOption = "dossier.db",
    doc: DocOption = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Sources the documents cite: title, outlet, date.

    Example: dossier citations --db seeds.db --outlet KCNA --json
    """
    rows = records.citations(connect(db, create=False), doc=doc, outlet=outlet)
    if as_json:
        print_json(rows)
    else:
        _table(rows, ["date", "outlet", "title", "doc"])
