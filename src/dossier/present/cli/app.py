"""Entry point: builds the Typer app; every error the user sees is one line.

A DossierError becomes `Error: ...` in `options.guarded`; Typer's own usage
errors (an unknown option, a missing argument) are printed here the same way.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from dossier.present.cli import (
    browse,
    build,
    claims,
    entities,
    export,
    extract,
    forget,
    report,
    reuse,
    serve,
)
from dossier.present.cli.options import internal_error, one_line


class _OneLineErrors(TyperGroup):
    """Typer's usage errors as `Error: <message> (see 'dossier X --help')`,
    exit 2, instead of a usage block and a framed panel."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        run = (args, prog_name, complete_var, False, windows_expand_args)
        if not standalone_mode:
            return super().main(*run, **extra)
        try:
            code = super().main(*run, **extra)
        except TyperException as error:
            if type(error).__name__ != "NoArgsIsHelpError":  # help is printed
                context = getattr(error, "ctx", None)
                where = f"{context.command_path} --help" if context else "--help"
                one_line(f"{error.format_message().rstrip('.')} (see '{where}')")
            sys.exit(getattr(error, "exit_code", 2))
        except typer.Abort:
            one_line("aborted")
            sys.exit(1)
        except Exception as error:  # outside a command: Typer, or an import
            try:
                internal_error(error)
            except typer.Exit as exit_:
                sys.exit(exit_.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    name="dossier",
    cls=_OneLineErrors,
    help=(
        "Turn piles of noisy state-media documents into a record you can check.\n\n"
        "Example: dossier build ./documents --db my.db && dossier docs --db my.db"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("build")(build.build_command)
app.command("docs")(browse.docs_command)
app.command("show")(browse.show_command)
app.command("search", context_settings=browse.SEARCH_SETTINGS)(browse.search_command)
app.command("entities")(entities.entities_command)
app.command("timeline")(extract.timeline_command)
app.command("claims")(claims.claims_command)
app.command("quotes")(extract.quotes_command)
app.command("citations")(extract.citations_command)
app.command("reuse")(reuse.reuse_command)
app.command("calendar")(claims.calendar_command)
app.command("forget")(forget.forget_command)
app.command("serve")(serve.serve_command)
app.command("report")(report.report_command)
app.command("export")(export.export_command)


def main() -> None:
    app()
