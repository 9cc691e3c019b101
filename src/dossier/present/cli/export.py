"""`dossier export`: one kind of record to a JSON Lines, CSV or Parquet file."""

from __future__ import annotations

from typing import Annotated

import typer

from dossier.present.cli.extract import AllOption
from dossier.present.cli.options import DbOption, err, guarded
from dossier.present.export import FORMATS, WHAT, export

ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace --out if it exists.")
]


@guarded
def export_command(
    what: Annotated[
        str,
        typer.Option("--what", help=f"What to write: {', '.join(WHAT)}."),
    ],
    out: Annotated[
        str,
        typer.Option("--out", help="File to write; - for stdout (jsonl and csv only)."),
    ],
    db: DbOption = "dossier.db",
    form: Annotated[
        str,
        typer.Option(
            "--format",
            help=f"{', '.join(FORMATS)}. In csv, lists and objects (span, "
            "locator, aliases, citation) are JSON text in the cell and null "
            "is an empty cell; parquet keeps them nested.",
        ),
    ] = "jsonl",
    all_: AllOption = False,
    force: ForceOption = False,
) -> None:
    """Write every record of one kind, one row each, with the fields `--json`
    prints (docs/contracts.md). The file appears whole or not at all.

    Example: dossier export --db seeds.db --what quotes --format csv --out quotes.csv
    """
    rows = export(db, out, what=what, form=form, all_=all_, force=force)
    if out != "-":
        err.print(f"{rows:,} {what.lower()} rows written to {out}", markup=False)
