"""`dossier report`: one self-contained file to hand on (HTML or Markdown)."""

from __future__ import annotations

from typing import Annotated

import typer

from dossier.present.cli.export import ForceOption
from dossier.present.cli.options import DbOption, err, guarded
from dossier.present.report import FORMS, write_report


@guarded
def report_command(
    out: Annotated[
        str, typer.Option("--out", help="File to write: report.html or report.md.")
    ],
    db: DbOption = "dossier.db",
    form: Annotated[
        str,
        typer.Option(
            "--format",
            help=f"{' or '.join(FORMS)}: a page that opens offline (inline "
            "style and SVG charts, no script) or Markdown with tables.",
        ),
    ] = "html",
    force: ForceOption = False,
) -> None:
    """Write a report: the corpus at a glance, the timeline, conflicts, who
    is quoted where, reused passages, and every document named in them with
    where its characters are in the original file.

    Example: dossier report --db seeds.db --out report.html
    """
    facts = write_report(db, out, form=form, force=force)
    err.print(
        f"report of {facts.counts[0][1]:,} documents written to {out}", markup=False
    )
