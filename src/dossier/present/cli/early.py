"""A pool build's warm server started from the command line's words, before
Typer, Rich and the build's modules are imported.

`dossier build --engine pool` spent 0.35-0.5 CPU s on those imports and
Typer's parsing before `build_files` started the workers' server
(`engine.warm_up`), and a pool's start waits for that server's compile, not
for the writer (issue 14 part 3: the server warm at 2.7 s, the writer idle
for part of it). So `main` reads the few options the server depends on (the
engine, the pack, the model, the scheduler, whether to annotate) and starts
it first. Read wrongly, a server starts for nothing or does not start here;
the build's own `warm_up` then starts one, or its workers, sent another
pack, compile theirs (`warm.same_pack`): the output is the same either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dossier.engine import ENGINE_NAMES, warm_up
from dossier.settings import Settings

# `dossier build`'s options whose values the server depends on, by the
# `Settings` field each sets.
_VALUED = {
    "--engine": "engine",
    "--pack": "pack",
    "--model": "model",
    "--scheduler": "scheduler",
}
_FLAGS = {"--annotate": ("annotate", True), "--no-annotate": ("annotate", False)}


def build_settings(words: Sequence[str]) -> Settings | None:
    """What the warm server needs of `dossier build`'s words (`sys.argv[1:]`),
    the other fields left at their defaults; None for another command, a
    help, or an option left without its value. As Typer reads them, an
    option given twice counts by its last value."""
    if not words or words[0] != "build":
        return None
    values: dict[str, Any] = {}
    rest = iter(words[1:])
    for word in rest:
        if word == "--":
            break  # only paths follow
        if word == "--help":
            return None
        if word in _FLAGS:
            field, flag = _FLAGS[word]
            values[field] = flag
            continue
        name, equals, value = word.partition("=")
        if name not in _VALUED:
            continue
        if not equals:
            following = next(rest, None)
            if following is None:
                return None  # Typer reports it
            value = following
        values[_VALUED[name]] = value
    return Settings(**values)


def warm_early(words: Sequence[str]) -> bool:
    """Start the warm server a build of `words` would start, now; whether
    the words asked for one (`engine.warm_up` decides what it starts)."""
    settings = build_settings(words)
    if settings is None or settings.engine not in ENGINE_NAMES:
        return False
    warm_up(settings)
    return settings.engine != "local"
