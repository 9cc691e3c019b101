"""`dossier forget`: take files or documents out of the dossier."""

from __future__ import annotations

from contextlib import closing
from typing import Annotated

import typer

from dossier.present.cli.options import (
    DbOption,
    JsonOption,
    escape,
    guarded,
    out,
    print_json,
)
from dossier.store import connect, mark_linked, writes
from dossier.store.forget import forget, resolve


@guarded
def forget_command(
    targets: Annotated[
        list[str],
        typer.Argument(
            help="Stored files, folders (every stored file under them) or "
            "document ids (the file each came from)."
        ),
    ],
    db: DbOption = "dossier.db",
    as_json: JsonOption = False,
) -> None:
    """Remove files and all that derives from them, in one transaction.

    Entities, copies, reuse and conflicts are re-linked after. A file
    forgotten comes back if a later build reads it again.

    Example: dossier forget old/notes.txt 3f2a9c --db seeds.db
    """
    from dossier.link import link_conflicts, link_copies, link_entities, link_reuse

    with closing(connect(db)) as connection:
        paths: list[str] = []
        for target in targets:
            paths.extend(p for p in resolve(connection, target) if p not in paths)
        documents = forget(connection, paths)
        started_at = writes(connection)
        link_copies(connection)
        link_reuse(connection)
        link_entities(connection)
        link_conflicts(connection)
        mark_linked(connection, started_at)
    if as_json:
        print_json({"files": paths, "documents": documents})
        return
    for path in paths:
        out.print(f"forgot {escape(path)}")
    out.print(f"{len(paths)} files, {documents:,} documents removed")
