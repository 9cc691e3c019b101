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
# and the entity rules behind `entities --merge` (claims reads what a figure
# measures from `link.measures`, not from the figure rules).
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


QUERIES = [
    (["docs", "--json"], HEAVY + STORED_ROWS + DRAWN),
    (["search", "Korea", "--json"], HEAVY + STORED_ROWS + DRAWN),
    (["entities", "--json"], HEAVY + STORED_ROWS + DRAWN),
    (["entities"], HEAVY + STORED_ROWS),
    (["timeline", "--json"], HEAVY + STORED_ROWS + DRAWN),
    (["claims", "--json"], HEAVY + STORED_ROWS + DRAWN),
    (["quotes"], HEAVY + STORED_ROWS),
    (["citations", "--json"], HEAVY + STORED_ROWS + DRAWN),
]
# One interpreter imports the CLI, then forks a child per command: each child
# starts from what `from dossier.present.cli.app import app` loaded, as a new
# interpreter running that line does, and runs the command alone. Eight
# interpreters' start (some 0.4 CPU s each) became one (issue 14, part 7).
PROBE = """\
import json, os, sys
from dossier.present.cli.app import app
found = {}
for name, command, unloaded in json.loads(sys.argv[1]):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        try:
            app(command)
            code = 0
        except SystemExit as done:
            code = done.code or 0
        heavy = [m for m in unloaded if m in sys.modules]
        os.write(write, json.dumps([code, heavy]).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        found[name] = json.loads(answer.read())
    os.waitpid(pid, 0)
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def loaded(db: str) -> dict[str, list[Any]]:
    """Each query command's exit code and the modules of its list it loaded."""
    cases = [
        [" ".join(command), [*command, "--db", db], unloaded]
        for command, unloaded in QUERIES
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(cases)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(db).parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, list[Any]] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize("command", [c for c, _ in QUERIES], ids=" ".join)
def test_a_query_command_loads_no_heavy_module(
    loaded: dict[str, list[Any]], command: list[str]
) -> None:
    assert loaded[" ".join(command)] == [0, []]
