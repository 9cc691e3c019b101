"""Command-line values converted without pydantic (cli/values.py): the same
values and the same errors as Typer's own converters, and a query command
that imports no pydantic (#14 part 6, #17: start-up)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param, resolve_type_descriptor
from typer.core import TyperCommand, TyperOption
from typer.models import OptionInfo

from dossier.present.cli.values import convert_plainly
from tests.conftest import ROOT
from tests.properties import examples
from tests.shared import Shared


def _converted(annotation: Any, value: Any, *, plainly: bool, **info: Any) -> Any:
    """`value` as an option of `annotation` (and OptionInfo `info`) gets it,
    converted by cli/values.py or by Typer alone; an error as its message."""
    descriptor = resolve_type_descriptor(annotation, OptionInfo(**info))
    option = TyperOption(param_decls=["--x"], type_descriptor=descriptor)
    if plainly:
        convert_plainly([option])
        converter = option.get_runtime_param()
    else:
        converter = build_runtime_param(descriptor)
    context = Context(TyperCommand("x"))
    try:
        return converter.coerce(value, param=option, ctx=context)
    except BadParameter as error:
        return ("error", error.format_message())


def _both(annotation: Any, value: Any, **info: Any) -> tuple[Any, Any]:
    return (
        _converted(annotation, value, plainly=True, **info),
        _converted(annotation, value, plainly=False, **info),
    )


@pytest.mark.parametrize(
    ("annotation", "value", "info"),
    [
        (str, "Kim Il Sung", {}),
        (str, "", {}),
        (str, None, {}),
        (str, "--from", {}),
        (int, "20", {}),
        (int, "-1", {}),
        (int, "-0", {}),
        (int, "0", {"min": 1}),  # out of bounds: Typer's error
        (int, "5", {"min": 1, "max": 4}),
        (int, "007", {}),
        (int, "+3", {}),
        (int, " 4", {}),
        (int, "1_000", {}),
        (int, "1.0", {}),
        (int, "1.5", {}),
        (int, "abc", {}),
        (int, "", {}),
        (int, "99999999999999999999999", {}),
        (int, 0, {}),  # a default
        (int, True, {}),  # a bool is not taken as an int as it is
        (int, 9, {"max": 4, "clamp": True}),
        (float, 0.5, {}),
        (float, "0.5", {}),
        (float, "x", {}),
        (bool, False, {}),
        (bool, "yes", {}),
        (bool, "maybe", {}),
    ],
)
def test_a_value_converts_as_typer_converts_it(
    annotation: Any, value: Any, info: dict[str, Any]
) -> None:
    mine, typers = _both(annotation, value, **info)
    assert mine == typers
    assert type(mine) is type(typers)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet="0123456789-+_ .eE", max_size=8))
def test_any_number_typed_converts_as_typer_converts_it(text: str) -> None:
    mine, typers = _both(int, text, min=0)
    assert mine == typers


@settings(max_examples=examples(100), deadline=None)
@given(st.text())
def test_any_text_converts_as_typer_converts_it(text: str) -> None:
    mine, typers = _both(str, text)
    assert mine == typers


# What `show` does not need: pydantic (see cli/values.py) and the rules
# saying who asserts a row of the listings (`store.context`), a tenth of
# `show`'s start-up between them and this (#17).
UNNEEDED = ("pydantic", "dossier.store.context", "dossier.link.assertion")


def _loaded(db: str, *command: str) -> list[str]:
    """Which of UNNEEDED the command loaded, run in a new interpreter."""
    probe = (
        "import sys\n"
        "from dossier.present.cli.app import app\n"
        "try:\n"
        "    app(sys.argv[1:])\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        f"sys.stderr.write(' '.join(m for m in {UNNEEDED!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command, "--db", db],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr.split()


def test_show_and_a_page_of_a_listing_import_no_pydantic(
    examples_built: Shared,
) -> None:
    db = str(examples_built.db)
    with closing(sqlite3.connect(db)) as connection:
        (doc,) = connection.execute("SELECT id FROM documents LIMIT 1").fetchone()
    assert _loaded(db, "show", doc, "--json") == []
    assert "pydantic" not in _loaded(db, "docs", "--limit", "2", "--offset", "1")
    # A value Typer converts itself (a float typed): pydantic, as before.
    assert "pydantic" in _loaded(db, "reuse", "--min-score", "0.5", "--json")
