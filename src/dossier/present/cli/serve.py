"""`dossier serve`: the web UI and JSON API on this machine (issue 16)."""

from __future__ import annotations

from typing import Annotated

import typer

from dossier.present.cli.options import DbOption, err, guarded


@guarded
def serve_command(
    db: DbOption = "dossier.db",
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. The default is this machine only; "
            "another address lets others on the network read the dossier."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Browse the dossier in a web browser, and read it as JSON under /api/.

    The database is opened read-only. Pages: search, documents, entities,
    timeline, conflicts, reuse; the API's OpenAPI schema is /api/openapi.json.

    Example: dossier serve --db seeds.db --port 8000
    """
    # Imported here: FastAPI and uvicorn load only for this command.
    import uvicorn

    from dossier.present.web.app import LOOPBACK, create_app

    app = create_app(db, hosts=LOOPBACK if host in LOOPBACK else None)
    err.print(f"dossier: serving {db} on http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
