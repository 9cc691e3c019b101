"""`dossier build`'s words read for the warm server it starts before Typer
runs (`cli/early.py`): the options the server depends on, as Typer reads them."""

from __future__ import annotations

import pytest

from dossier.present.cli.early import build_settings, warm_early
from dossier.settings import Settings
from tests.fresh_imports import loaded_after


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["build", "corpus/"], Settings()),
        (
            ["build", "corpus/", "--engine", "pool", "--db", "x.db"],
            Settings(engine="pool"),
        ),
        (["build", "--engine=dask", "a", "b"], Settings(engine="dask")),
        (
            ["build", "a", "--engine", "dask", "--scheduler", "tcp://h:8786"],
            Settings(engine="dask", scheduler="tcp://h:8786"),
        ),
        (
            ["build", "a", "--pack", "packs/mine", "--no-annotate", "--engine", "pool"],
            Settings(engine="pool", pack="packs/mine", annotate=False),
        ),
        (
            ["build", "a", "--no-annotate", "--annotate", "--model=en_core_web_sm"],
            Settings(annotate=True, model="en_core_web_sm"),
        ),
        # The last value counts, as in Typer.
        (["build", "--engine", "pool", "--engine", "local"], Settings()),
        # After "--" only paths: "--engine" there is a file's name.
        (["build", "--", "--engine", "pool"], Settings()),
        # A value option the server does not need takes its value along.
        (["build", "--workers", "2", "--engine", "pool"], Settings(engine="pool")),
    ],
)
def test_build_settings_reads_the_servers_options(
    words: list[str], expected: Settings
) -> None:
    assert build_settings(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["docs", "--engine", "pool"],
        ["build", "--engine", "pool", "--help"],
        ["build", "a", "--engine"],  # no value: Typer reports it
    ],
)
def test_build_settings_none_without_a_build_to_start(words: list[str]) -> None:
    assert build_settings(words) is None


@pytest.mark.parametrize(
    "words",
    [
        ["build", "a"],
        ["build", "a", "--engine", "local"],
        ["build", "a", "--engine", "threads"],
        ["search", "kim"],
    ],
)
def test_warm_early_starts_nothing_for_a_local_build_or_another_command(
    words: list[str],
) -> None:
    assert warm_early(words) is False


def test_the_console_scripts_module_starts_the_server_before_typer() -> None:
    # The server's start waited for Typer, click and Rich (0.1 CPU s of the
    # writer's), and for the records' and packs' modules, which it needs not.
    imports = ["dossier.present.cli.app", "dossier.present.cli.early"]
    watched = ["typer", "click", "rich", "dossier.model", "dossier.packs"]
    assert loaded_after(imports, watched) == []


def test_the_console_scripts_module_still_gives_the_app() -> None:
    from dossier.present.cli import app as module
    from dossier.present.cli.group import app

    assert module.app is app
    assert "build" in module.COMMANDS
