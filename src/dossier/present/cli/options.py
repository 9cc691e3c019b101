"""Options shared by every command, defined once."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from dossier.errors import DossierError, StoreError

P = ParamSpec("P")
R = TypeVar("R")

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="DOSSIER_DB", help="SQLite file of the dossier."),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON value on stdout, nothing else.")
]

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)


def print_json(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=1)
    # A file name of bytes that are not UTF-8 comes as lone surrogates: write
    # them as JSON escapes, so stdout stays valid UTF-8 and valid JSON.
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    sys.stdout.write(text)
    sys.stdout.write("\n")


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a DossierError into `Error: <one line>` and its exit code.

    2 for usage (bad input, options, packs), 3 for the environment (the
    database cannot be opened or written: disk full, read-only, locked, a
    newer schema).
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except DossierError as error:
            # One line however long: paths in messages must not be wrapped.
            message = " ".join(str(error).split())
            err.print(f"[red]Error:[/red] {escape(message)}", soft_wrap=True)
            raise typer.Exit(3 if isinstance(error, StoreError) else 2) from error

    return wrapper
