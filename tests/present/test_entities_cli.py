"""`dossier entities`: evidence, --show, --merge/--split and overrides that
survive rebuilds, exported and imported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from dossier.present.cli.app import app
from dossier.present.contracts import schema_for

pytestmark = pytest.mark.slow

runner = CliRunner()
# Made once: `jsonschema.validate` checks the schema itself on every call,
# most of this module's time (test_contracts.py checks it once).
ENTITIES = Draft202012Validator(schema_for("entities"))

TEXTS = {
    "ford.txt": "Ford Motor Company said on Monday that it would build a new plant"
    " in Ohio, the company's first in a decade.\n",
    "shares.txt": "Shares of Ford rose on Tuesday after its sales in Europe grew by"
    " a tenth last year. Steve Jobs and Tim Cook met in Cupertino, where Jobs"
    " spoke first.\n",
    "phone.txt": "On Monday Jobs told reporters in San Francisco that the new phone"
    " would ship in June 2010.\n",
    "cuts.txt": "GM said on Wednesday that it would cut 2,000 jobs at its plants in"
    " Michigan.\n",
    "loss.txt": "General Motors reported a loss for the quarter, its third in a row.\n",
}


def invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def entities(db: Path, *args: str) -> list[dict[str, Any]]:
    rows = json.loads(invoke("entities", "--db", str(db), *args, "--json").stdout)
    assert isinstance(rows, list)
    ENTITIES.validate(rows)
    return rows


def by_name(db: Path) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in entities(db)}


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "d.db"
    invoke("build", str(folder), "--db", str(db))
    return folder, db


def test_each_alias_keeps_the_evidence_that_joined_it(built: tuple[Path, Path]) -> None:
    _, db = built
    rows = by_name(db)
    ford = rows["Ford"]
    assert ford["documents"] == 2
    assert ford["evidence"] == [
        {
            "alias": "Ford Motor Company",
            "evidence": "org suffix",
            "confidence": 0.9,
            "via": "Ford",
        }
    ]
    jobs = {e["alias"]: e for e in rows["Steve Jobs"]["evidence"]}
    assert jobs["Jobs"]["evidence"] == "alias"
    (shown,) = entities(db, "--show", "Ford Motor Company")
    assert {k["key"]: k["evidence"] for k in shown["keys"]} == {
        "ford": "same key",
        "ford motor": "org suffix",
    }


def test_merge_holds_when_a_changed_file_is_rebuilt(built: tuple[Path, Path]) -> None:
    folder, db = built
    assert {"GM", "General Motors"} <= set(by_name(db))
    invoke("entities", "--db", str(db), "--merge", "GM", "General Motors")
    merged = by_name(db)
    assert "General Motors" not in merged
    assert merged["GM"]["evidence"][0]["evidence"] == "override"
    with (folder / "cuts.txt").open("a", encoding="utf-8") as file:
        file.write("GM said the cuts would save money.\n")
    invoke("build", str(folder), "--db", str(db))
    rebuilt = by_name(db)
    assert "General Motors" in rebuilt["GM"]["aliases"]
    assert rebuilt["GM"]["mentions"] == 3


def test_split_takes_a_name_out_and_a_later_merge_undoes_it(
    built: tuple[Path, Path],
) -> None:
    _, db = built
    invoke("entities", "--db", str(db), "--split", "Ford Motor Company")
    rows = by_name(db)
    assert rows["Ford"]["aliases"] == []
    assert "Ford Motor Company" in rows
    invoke("entities", "--db", str(db), "--merge", "Ford Motor Company", "Ford")
    assert "Ford Motor Company" in by_name(db)["Ford"]["aliases"]


def test_overrides_export_and_import_into_another_dossier(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, db = built
    invoke("entities", "--db", str(db), "--merge", "GM", "General Motors")
    invoke("entities", "--db", str(db), "--split", "Ford Motor Company")
    exported = tmp_path / "overrides.json"
    invoke("entities", "--db", str(db), "--export-overrides", str(exported))
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert [o["action"] for o in document["overrides"]] == ["merge", "split"]
    other = tmp_path / "other.db"
    invoke("build", str(folder), "--db", str(other))
    invoke("entities", "--db", str(other), "--import-overrides", str(exported))
    assert by_name(other).keys() == by_name(db).keys()


def test_a_name_no_entity_has_is_a_usage_error(built: tuple[Path, Path]) -> None:
    _, db = built
    result = runner.invoke(app, ["entities", "--db", str(db), "--split", "Nobody"])
    assert result.exit_code == 2
    assert "no entity 'Nobody'" in result.output


def test_show_and_timeline_name_the_linked_entity(built: tuple[Path, Path]) -> None:
    _, db = built
    docs = json.loads(invoke("docs", "--db", str(db), "--json").stdout)
    phone = next(d["id"] for d in docs if d["source"].endswith("phone.txt"))
    shown = json.loads(invoke("show", phone, "--db", str(db), "--json").stdout)
    jobs = next(m for m in shown["mentions"] if m["text"] == "Jobs")
    # Printed alone here; the other documents say who he is.
    assert jobs["entity"] == "Steve Jobs"
    rows = json.loads(
        invoke("timeline", "--db", str(db), "--doc", phone, "--json").stdout
    )
    assert "Steve Jobs" in rows[0]["entities"]


def test_linking_in_two_builds_gives_what_one_build_gives(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    names = sorted(TEXTS)
    for name in names[:2]:
        (folder / name).write_text(TEXTS[name], encoding="utf-8")
    twice = tmp_path / "twice.db"
    invoke("build", str(folder), "--db", str(twice))
    for name in names[2:]:
        (folder / name).write_text(TEXTS[name], encoding="utf-8")
    invoke("build", str(folder), "--db", str(twice))
    once = tmp_path / "once.db"
    invoke("build", str(folder), "--db", str(once))
    assert entities(twice) == entities(once)
    # and after forgetting a file
    invoke("forget", str(folder / "phone.txt"), "--db", str(twice))
    (folder / "phone.txt").unlink()
    fresh = tmp_path / "fresh.db"
    invoke("build", str(folder), "--db", str(fresh))
    assert entities(twice) == entities(fresh)
