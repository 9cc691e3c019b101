"""The `dossier` command group: Typer's app, its commands loaded as they are
asked for; every error the user sees is one line.

A DossierError becomes `Error: ...` in `options.guarded`; Typer's own usage
errors (an unknown option, a missing argument) are printed here the same way.
A command's module is imported only when that command runs (or its help is
shown): `dossier docs` starts without the build's imports (#14 part 6). The
console script's `main` is in `cli/app.py`, which imports this after a pool
build's warm server is started.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from typing import Any, cast

import typer
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import TyperException

from dossier.present.cli.options import internal_error, one_line
from dossier.startup import import_first

try:
    from dossier.present.cli.values import convert_plainly
except ImportError:  # a Typer without the private modules values.py reads

    def convert_plainly(params: Iterable[Any]) -> None:  # type: ignore[misc]
        """Typer's own converters, slower to start (cli/values.py)."""


# Each command: its module in dossier.present.cli, its function, and the name
# of the module's context settings for it, if any. In the order `--help`
# lists them.
COMMANDS: dict[str, tuple[str, str, str | None]] = {
    "build": ("build", "build_command", None),
    "docs": ("browse", "docs_command", None),
    "show": ("browse", "show_command", None),
    "search": ("browse", "search_command", "SEARCH_SETTINGS"),
    "entities": ("entities", "entities_command", None),
    "timeline": ("extract", "timeline_command", None),
    "claims": ("claims", "claims_command", None),
    "quotes": ("extract", "quotes_command", None),
    "citations": ("extract", "citations_command", None),
    "reuse": ("reuse", "reuse_command", None),
    "calendar": ("claims", "calendar_command", None),
    "forget": ("forget", "forget_command", None),
    "serve": ("serve", "serve_command", None),
    "report": ("report", "report_command", None),
    "export": ("export", "export_command", None),
}


def load_command(name: str) -> TyperCommand:
    """The click command of `name`, its module imported now."""
    module_name, function, settings = COMMANDS[name]
    module = import_first(f"dossier.present.cli.{module_name}")
    one = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    context = getattr(module, settings) if settings else None
    one.command(name, cls=_Command, context_settings=context)(getattr(module, function))
    # One command and no callback: Typer makes it a command, not a group.
    return cast(TyperCommand, typer.main.get_command(one))


class _Command(TyperCommand):
    """A command whose values of plain types are converted without
    pydantic (`cli/values.py`)."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        convert_plainly(params)
        return params


class _Commands(MutableMapping[str, Any]):
    """The group's commands by name: every name known up front, each one's
    module imported the first time it is looked up."""

    def __init__(self, loaded: Mapping[str, Any]) -> None:
        self._loaded: dict[str, Any] = dict(loaded)

    def __getitem__(self, name: str) -> Any:
        if name not in self._loaded:
            if name not in COMMANDS:
                raise KeyError(name)
            self._loaded[name] = load_command(name)
        return self._loaded[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (name for name in self._loaded if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS.keys() | self._loaded.keys())


class _OneLineErrors(TyperGroup):
    """Typer's usage errors as `Error: <message> (see 'dossier X --help')`,
    exit 2, instead of a usage block and a framed panel. Its commands are
    loaded as they are asked for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands(self.commands)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        convert_plainly(params)  # its --help: see `_Command`
        return params

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


@app.callback()
def _dossier() -> None:
    # A callback makes `app` a group while its commands are not registered
    # with it: the group loads them (see `_Commands`).
    pass
