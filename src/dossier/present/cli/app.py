"""Entry point: builds the Typer app and turns DossierError into `Error: ...`."""

from __future__ import annotations

import typer

from dossier.present.cli import browse, build, extract, forget, reuse

app = typer.Typer(
    name="dossier",
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
app.command("search")(browse.search_command)
app.command("entities")(extract.entities_command)
app.command("timeline")(extract.timeline_command)
app.command("claims")(extract.claims_command)
app.command("quotes")(extract.quotes_command)
app.command("citations")(extract.citations_command)
app.command("reuse")(reuse.reuse_command)
app.command("forget")(forget.forget_command)


def main() -> None:
    app()
