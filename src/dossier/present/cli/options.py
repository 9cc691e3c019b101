"""Options shared by every command, defined once."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar, cast

import typer
from typer.exceptions import TyperException

from dossier.errors import DossierError, StoreError
from dossier.present.cli.crash import INTERNAL_ERROR, write_crash_log

if TYPE_CHECKING:
    from rich.console import Console

P = ParamSpec("P")
R = TypeVar("R")

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="DOSSIER_DB", help="SQLite file of the dossier."),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON value on stdout, nothing else.")
]
# Every listing pages the same way (#14 part 6): the database stops at the
# page's end, so a page of 100,000 documents' entities costs what a page costs.
LimitOption = Annotated[
    int | None, typer.Option("--limit", help="At most this many (default: all).")
]
OffsetOption = Annotated[
    int, typer.Option("--offset", help="Skip this many first (with --limit: a page).")
]


class _LazyConsole:
    """A rich Console made when it first prints: a `--json` listing never
    imports rich's console, its styles and themes (#14 part 6: start-up)."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return getattr(self._console, name)


out = cast("Console", _LazyConsole(highlight=False, soft_wrap=True))
err = cast("Console", _LazyConsole(stderr=True, highlight=False))


def escape(text: str) -> str:
    """Text printed as itself in rich markup (rich's `escape`, imported when
    first needed: see `_LazyConsole`)."""
    from rich.markup import escape as escape_markup

    return escape_markup(text)


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
    newer schema). Anything else is a bug: one line, the traceback in a log
    file (see `crash_log`), exit 70.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except DossierError as error:
            fail(str(error), 3 if isinstance(error, StoreError) else 2, error)
        except (typer.Exit, typer.Abort, TyperException):
            raise  # Typer's own: an exit code chosen, or a usage error
        except BrokenPipeError:
            raise  # `dossier docs | head`: Typer exits quietly, no bug
        except Exception as error:
            internal_error(error)

    return wrapper


def internal_error(error: Exception) -> NoReturn:
    """A bug: its traceback to the log file, one line to the user, exit 70."""
    where = write_crash_log(error)
    detail = f"details in {where}" if where else "no log could be written"
    fail(
        f"internal error: {type(error).__name__}: {error} ({detail})",
        INTERNAL_ERROR,
        error,
    )


def fail(message: str, code: int, cause: BaseException | None = None) -> NoReturn:
    """Print `Error: <message>` on one line of stderr and exit with `code`."""
    one_line(message)
    raise typer.Exit(code) from cause


def one_line(message: str) -> None:
    """`Error: <message>` on stderr, one line however long: paths in messages
    must not be wrapped."""
    line = " ".join(message.split())
    err.print(f"[red]Error:[/red] {escape(line)}", soft_wrap=True)
