"""Entry point of the `dossier` command: a pool build's warm server started
first, then Typer's app (`cli/group.py`) run.

The console script imports this module before `main` runs, so it imports
nothing of Typer, click or Rich: a pool's start waits for its server's
compile, and the server started after those imports (0.17-0.19 CPU s of
the writer's, kcna-2024) started that much later (issue 14 part 3). The
app and the group's other names are still reached here, imported on first
use (`from dossier.present.cli.app import app`).
"""

from __future__ import annotations

import sys
from typing import Any

from dossier.startup import import_first

_GROUP = "dossier.present.cli.group"


def main() -> None:
    # A pool build's workers' server first, its compile beside the imports
    # below (`cli/early.py`); only for `build`: the query commands start
    # without the engines (#14 part 6).
    if sys.argv[1:2] == ["build"]:
        early = import_first("dossier.present.cli.early")
        early.warm_early(sys.argv[1:])
    import_first(_GROUP).app()


def __getattr__(name: str) -> Any:
    # PEP 562: `app`, `COMMANDS`, `load_command` from the group's module.
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_first(_GROUP), name)


if __name__ == "__main__":  # python -m dossier.present.cli.app
    main()
