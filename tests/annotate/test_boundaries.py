"""Which parts of dossier each finder may import (issue 14 part 1)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dossier
from dossier.annotate import entities

PACKAGE = Path(dossier.__file__).parent


def imports_of(folder: str) -> dict[str, set[str]]:
    """Every dossier module imported anywhere in each file under `folder`."""
    found: dict[str, set[str]] = {}
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names |= {f"{node.module}.{alias.name}" for alias in node.names}
            elif isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
        found[str(path.relative_to(PACKAGE))] = {
            n for n in names if n.startswith("dossier.")
        }
    return found


@pytest.mark.parametrize("stage", ["dossier.meta", "dossier.clean"])
def test_quotes_import_no_other_stage(stage: str) -> None:
    reached = {
        module: sorted(n for n in names if n.startswith(stage))
        for module, names in imports_of("annotate/quotes").items()
    }
    assert {m: n for m, n in reached.items() if n} == {}


def test_figures_read_entities_through_their_public_api() -> None:
    inside = {
        module: sorted(n for n in names if n.startswith("dossier.annotate.entities."))
        for module, names in imports_of("annotate/figures").items()
    }
    public = {f"dossier.annotate.entities.{name}" for name in entities.__all__}
    assert {m: n for m, n in inside.items() if set(n) - public} == {}
