"""Claims on the seeds: who asserts them in the blog quoting KCNA, and the
seed conflict ("a million volunteers" against "nearly three million")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app

pytestmark = pytest.mark.corpus
runner = CliRunner()
NEWSLETTER = "000_93860ccdcad85861.txt"  # OCR'd page: "a million volunteers"
BLOG = "004_c28811d76c948e0f.txt"  # a blog quoting KCNA at length


def _json(*args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


@pytest.fixture(scope="module")
def db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    seeds = corpus / "seeds"
    _json("build", str(seeds / NEWSLETTER), str(seeds / BLOG), "--db", path)
    return path


def test_the_blog_says_some_things_kcna_and_speakers_others(db: str) -> None:
    said = {r["text"]: r["asserted_by"] for r in _json("timeline", "--db", db)}
    # KCNA's report, quoted by the blog, dates the CPV's entry.
    assert said["October 25, Juche 39 (1950)"] == "KCNA"
    assert said["1 August 1927"] == "document"
    figures = {r["text"]: r for r in _json("claims", "--db", db)}
    guo = figures["Nearly three million fighters of the CPV"]
    assert (guo["asserted_by"], guo["measure"]) == ("Guo Boxiong", "count")
    assert figures["a million volunteers"]["asserted_by"] == "document"


def test_the_seed_conflict_is_found_with_its_reason(db: str) -> None:
    groups = _json("claims", "--db", db, "--conflicts")
    (group,) = [g for g in groups if g["verdict"] == "conflict"]
    assert group["subject"] == "Chinese People's Volunteers"
    texts = {c["text"] for c in group["claims"]}
    assert "a million volunteers" in texts
    assert "nearly three million fighters" in group["reason"].lower()
    assert group["documents"] == 2
