"""Every listing pages with --limit/--offset (#14 part 6), and a query
command starts without the build's heavy modules (lazy imports)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app
from tests.conftest import EXAMPLES, ROOT

runner = CliRunner()

LISTINGS = [
    ["docs", "--all"],
    ["search", "Korea"],
    ["entities"],
    ["timeline"],
    ["claims"],
    ["claims", "--conflicts"],
    ["quotes"],
    ["citations"],
    ["reuse"],
]

# What a query command must not load: the build's models, engines and
# numeric libraries, and dossier's own pipeline (#14: start under 300 ms).
HEAVY = (
    "spacy",
    "numpy",
    "datasketch",
    "dask",
    "distributed",
    "trafilatura",
    "ftfy",
    "lxml",
    "pypdf",
    "xxhash",
    "pyarrow",
    "dossier.pipeline",
    "dossier.engine",
    "dossier.link.copies",
    "dossier.link.reuse",
    # Loaded by other commands only: each command's module is imported when
    # it runs (cli/app.py), so no listing loads the build's, the report's or
    # the server's.
    "dossier.present.cli.build",
    "dossier.present.cli.serve",
    "dossier.present.report",
    "dossier.present.export",
    "jinja2",
    "fastapi",
    "uvicorn",
    "jsonschema",
)
# What a listing of stored rows needs no more than the above: the model's
# classes and the readers (writing only), the annotators and their patterns,
# and the entity rules behind `entities --merge` (claims loads the figure
# rules, so it is checked against HEAVY only).
STORED_ROWS = (
    "dossier.model",
    "dossier.read",
    "dossier.annotate",
    "dossier.store.overrides",
    "dossier.packs",
    "regex",
)
# With --json nothing is drawn: rich's console and tables stay unloaded.
DRAWN = ("rich.console", "rich.table", "rich.markup")


def _case(command: list[str], unloaded: tuple[str, ...]) -> Any:
    return pytest.param(command, unloaded, id=" ".join(command))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> str:
    # The seeds beside the examples: sources that disagree give conflicts.
    path = tmp_path_factory.mktemp("paging") / "examples.db"
    paths = [str(EXAMPLES), str(corpus / "seeds")]
    result = runner.invoke(app, ["build", *paths, "--db", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def listed(db: str, *args: str) -> list[Any]:
    result = runner.invoke(app, [*args, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    rows: list[Any] = json.loads(result.stdout)
    return rows


@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
def test_limit_and_offset_give_a_page_of_the_whole_listing(
    db: str, command: list[str]
) -> None:
    # search gives 20 by default: ask for all it finds to compare pages.
    whole = listed(db, *command, *(["--limit", "1000"] if "search" in command else []))
    assert listed(db, *command, "--limit", "2", "--offset", "1") == whole[1:3]
    assert listed(db, *command, "--offset", "2", "--limit", "1000") == whole[2:]
    if command[0] != "search":  # no limit: all of them after the offset
        assert listed(db, *command, "--offset", str(len(whole))) == []


def test_listings_that_find_rows_have_several_pages(db: str) -> None:
    # The page test above is only worth something where there is more than
    # one row to page through (the examples and seeds repeat no passage and
    # hold one or two conflicts, so `reuse` and `--conflicts` page short
    # listings).
    sizes = {
        " ".join(c): len(listed(db, *c))
        for c in LISTINGS
        if c[0] != "reuse" and "--conflicts" not in c
    }
    assert all(size >= 2 for size in sizes.values()), sizes


@pytest.mark.parametrize(("option", "value"), [("--offset", "-1"), ("--limit", "0")])
@pytest.mark.parametrize("command", [["docs"], ["timeline"], ["claims", "--conflicts"]])
def test_a_bad_page_is_a_usage_error(
    db: str, command: list[str], option: str, value: str
) -> None:
    result = runner.invoke(app, [*command, "--db", db, option, value])
    assert result.exit_code == 2
    assert option in result.output


@pytest.mark.parametrize(
    ("command", "unloaded"),
    [
        _case(["docs", "--json"], HEAVY + STORED_ROWS + DRAWN),
        _case(["search", "Korea", "--json"], HEAVY + STORED_ROWS + DRAWN),
        _case(["entities", "--json"], HEAVY + STORED_ROWS + DRAWN),
        _case(["entities"], HEAVY + STORED_ROWS),
        _case(["timeline", "--json"], HEAVY + STORED_ROWS + DRAWN),
        _case(["claims", "--json"], HEAVY + DRAWN),
        _case(["quotes"], HEAVY + STORED_ROWS),
        _case(["citations", "--json"], HEAVY + STORED_ROWS + DRAWN),
    ],
)
def test_a_query_command_loads_no_heavy_module(
    db: str, command: list[str], unloaded: tuple[str, ...]
) -> None:
    probe = (
        "import sys\n"
        "from dossier.present.cli.app import app\n"
        "try:\n"
        f"    app({[*command, '--db', db]!r})\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        f"heavy = [m for m in {unloaded!r} if m in sys.modules]\n"
        "sys.stderr.write('loaded: ' + ' '.join(heavy))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(db).parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith("loaded:"), done.stderr
