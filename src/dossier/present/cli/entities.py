"""`dossier entities`: list entities, show how one was joined, merge or split them."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path
from typing import Annotated, Any

import typer

from dossier.errors import InputError
from dossier.present.cli.extract import AllOption
from dossier.present.cli.options import (
    DbOption,
    JsonOption,
    LimitOption,
    OffsetOption,
    escape,
    guarded,
    out,
    print_json,
)
from dossier.store import connect, records


@guarded
def entities_command(
    db: DbOption = "dossier.db",
    type_: Annotated[
        str | None, typer.Option("--type", help="PERSON, ORG, PLACE or PUBLICATION.")
    ] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    all_: AllOption = False,
    show: Annotated[
        str | None,
        typer.Option(
            "--show",
            metavar="NAME",
            help="Only this entity, with its keys and how each was joined.",
        ),
    ] = None,
    merge: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--merge",
            metavar="A B",
            help="Make the entities named A and B one (kept across rebuilds).",
        ),
    ] = None,
    split: Annotated[
        str | None,
        typer.Option(
            "--split",
            metavar="NAME",
            help="Take the name out of the entity it was joined to (kept).",
        ),
    ] = None,
    export_file: Annotated[
        Path | None,
        typer.Option(
            "--export-overrides",
            metavar="FILE",
            help="Write merges and splits as JSON.",
        ),
    ] = None,
    import_file: Annotated[
        Path | None,
        typer.Option(
            "--import-overrides",
            metavar="FILE",
            help="Apply merges and splits from JSON.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Entities across all documents, with every name variant seen and the
    evidence that joined it (same key, pack variant, alias, acronym, org
    suffix, romanisation, override) and its confidence.

    `documents` counts independent texts (copies once) unless --all. Names
    (--show, --merge, --split) match through every printed variant.

    Example: dossier entities --db seeds.db --type PERSON --json
    Example: dossier entities --db seeds.db --merge "Ford Motor" Ford
    """
    actions = [merge, split, export_file, import_file]
    if sum(a is not None for a in actions) > 1:
        raise InputError(
            "give one of --merge, --split, --export-overrides, --import-overrides"
        )
    writes = merge is not None or split is not None or import_file is not None
    if writes and not Path(db).exists():
        raise InputError(
            f"no dossier at {db}: run `dossier build PATH --db {db}` first"
        )
    # Overrides re-link entities, which loads the entity rules: imported only
    # when an option asks for them, so a listing starts without (#14 part 6).
    if writes or export_file is not None:
        from dossier.store import overrides
    with closing(connect(db, create=writes)) as connection:
        shown: list[str] = []
        if merge is not None:
            overrides.merge(connection, *merge)
            shown = [merge[0]]
        elif split is not None:
            overrides.split(connection, split)
            shown = [split]
        elif export_file is not None:
            document = overrides.export_overrides(connection)
            _write(export_file, document)
            _report(document["overrides"], f"written to {export_file}", as_json)
            return
        elif import_file is not None:
            document = _read(import_file)
            overrides.import_overrides(connection, document)
            _report(document["overrides"], f"applied from {import_file}", as_json)
            return
        elif show is not None:
            shown = [show]
        if shown:
            rows = [_detail(connection, name) for name in shown]
        else:
            rows = records.list_entities(
                connection, type_=type_, limit=limit, offset=offset, all_=all_
            )
    if shown and not as_json:
        for row in rows:
            _print_detail(row)
        return
    if as_json:
        print_json(rows)
        return
    from rich.table import Table  # only when printed: see browse._docs_table

    table = Table("name", "type", "mentions", "documents", "aliases")
    for row in rows:
        table.add_row(
            escape(row["name"]),
            row["type"],
            f"{row['mentions']:,}",
            f"{row['documents']:,}",
            escape(", ".join(row["aliases"])),
        )
    out.print(table)


def _detail(connection: Any, name: str) -> dict[str, Any]:
    """The entity `name` finds, as `entities` lists it, with its `keys`."""
    from dossier.store import overrides

    key = records.entity_key(connection, name)
    row = records.entity_row(connection, key)
    return {**row, "keys": overrides.entity_keys(connection, name)}


def _print_detail(row: dict[str, Any]) -> None:
    out.print(
        f"[bold]{escape(row['name'])}[/] ({row['type']}): {row['mentions']:,} mentions"
        f" in {row['documents']:,} documents"
    )
    from rich.table import Table

    table = Table("variant", "evidence", "confidence", "via")
    for item in row["evidence"]:
        table.add_row(
            escape(item["alias"]),
            item["evidence"],
            f"{item['confidence']:.2f}",
            escape(item["via"] or ""),
        )
    out.print(table)


def _report(done: list[dict[str, Any]], what: str, as_json: bool) -> None:
    """The overrides (`--json`: as an array), or how many there were."""
    if as_json:
        print_json(done)
    else:
        out.print(escape(f"{len(done)} overrides {what}"))


def _write(path: Path, document: dict[str, Any]) -> None:
    try:
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from error


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path} is not JSON: {error}") from error
