"""Every command's `--json` keeps the contract (schema and docs/contracts.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from dossier.present.cli.app import app
from dossier.present.contracts import COMMANDS, schema, schema_for
from tests.conftest import EXAMPLES, ROOT
from tests.link import test_reuse
from tests.shared import Shared, copy

runner = CliRunner()
CONTRACTS_MD = ROOT / "docs" / "contracts.md"


def run_json(*args: str) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def inlined(node: Any, defs: dict[str, Any], within: tuple[str, ...] = ()) -> Any:
    """`node` with each `$ref` to `#/$defs/NAME` replaced by the definition
    itself (beside other keywords, in an `allOf`: both apply in place, so
    `unevaluatedProperties` sees the same properties). The same verdicts:
    checked in test_an_inlined_schema_judges_as_the_schema_does. jsonschema
    follows a `$ref` afresh for every row it meets: on the listings of
    kcna-2024, a third of the checks' 1.3 CPU s (issue 14, part 7)."""
    if isinstance(node, list):
        return [inlined(item, defs, within) for item in node]
    if not isinstance(node, dict):
        return node
    rest = {
        key: inlined(value, defs, within)
        for key, value in node.items()
        if key not in ("$ref", "$defs")
    }
    if "$ref" not in node:
        return rest
    name = node["$ref"].removeprefix("#/$defs/")
    if name == node["$ref"] or name in within:
        raise ValueError(f"cannot inline {node['$ref']!r}")
    definition = inlined(defs[name], defs, (*within, name))
    return {"allOf": [definition], **rest} if rest else definition


def validator_for(command: str) -> Draft202012Validator:
    """The validator of COMMAND's schema, its references inlined."""
    standalone = schema_for(command)
    return Draft202012Validator(inlined(standalone, standalone["$defs"]))


def check(command: str, output: Any) -> None:
    validator = validator_for(command)
    errors = sorted(validator.iter_errors(output), key=lambda e: list(e.path))
    assert not errors, "\n".join(
        f"{command}: {list(e.path)}: {e.message[:200]}" for e in errors[:5]
    )


def test_the_schema_is_a_valid_json_schema() -> None:
    root = schema()
    Draft202012Validator.check_schema(root)
    # Each command's standalone schema is the root's definitions (checked
    # just now) and a reference to one of them: its own part is checked
    # without them, as checking them once per command was most of a
    # second each.
    for command in COMMANDS:
        standalone = schema_for(command)
        assert standalone["$defs"] == root["$defs"], command
        assert COMMANDS[command][0] in root["$defs"], command
        Draft202012Validator.check_schema({**standalone, "$defs": {}})


@pytest.fixture(scope="module")
def built(examples_built: Shared) -> tuple[str, dict[str, Any]]:
    """The session's build of examples/ (read only) and what `build --json`
    printed for it: the report's dict through JSON (the CLI's own output is
    checked on the seeds, in test_seeds_keep_the_contract)."""
    summary = json.loads(json.dumps(examples_built.report.as_dict()))
    return str(examples_built.db), summary


def test_build_summary_keeps_the_contract(built: tuple[str, dict[str, Any]]) -> None:
    check("build", built[1])


LISTINGS = ("docs", "entities", "timeline", "claims", "claims --conflicts")


@pytest.mark.parametrize("command", [*LISTINGS, "quotes", "citations"])
def test_listing_keeps_the_contract(
    built: tuple[str, dict[str, Any]], command: str
) -> None:
    rows = run_json(*command.split(), "--db", built[0])
    # The examples give no figure two sources attribute to one named subject.
    assert rows or command == "claims --conflicts", f"{command} listed nothing"
    check(command, rows)


def test_search_keeps_the_contract(built: tuple[str, dict[str, Any]]) -> None:
    hits = run_json("search", "Kim", "--db", built[0])
    assert hits
    check("search", hits)


def test_show_keeps_the_contract_for_every_document(
    built: tuple[str, dict[str, Any]],
) -> None:
    db = built[0]
    kinds: set[str] = set()
    for document in run_json("docs", "--db", db):
        detail = run_json("show", document["id"], "--db", db, "--raw")
        check("show", detail)
        for key in ("mentions", "times", "figures", "quotes", "citations"):
            if detail[key]:
                kinds.add(key)
            for record in detail[key]:
                start, end = record["span"]
                assert 0 <= start <= end <= len(detail["text"])
    assert kinds == {"mentions", "times", "figures", "quotes", "citations"}


def test_reuse_keeps_the_contract(tmp_path: Path) -> None:
    story = test_reuse.record(test_reuse.STORY, "Delegation", "2024-05-03")
    paper = test_reuse.record(test_reuse.essay(), "Essay", "2024-06-01")
    test_reuse.write(tmp_path / "in", "a.jsonl", story)
    test_reuse.write(tmp_path / "in", "b.jsonl", paper)
    db = str(tmp_path / "d.db")
    run_json("build", str(tmp_path / "in"), "--db", db)
    pairs = run_json("reuse", "--db", db)
    assert pairs
    check("reuse", pairs)
    detail = run_json("show", pairs[0]["b"], "--db", db)
    assert detail["reused"]
    check("show", detail)


def test_forget_keeps_the_contract(examples_built: Shared, tmp_path: Path) -> None:
    db = str(copy(examples_built.db, tmp_path / "d.db"))
    check("forget", run_json("forget", str(EXAMPLES / "letter.txt"), "--db", db))


def test_the_schema_rejects_a_renamed_field(built: tuple[str, dict[str, Any]]) -> None:
    rows = run_json("timeline", "--db", built[0])
    renamed = [{**rows[0], "start": rows[0]["first_day"]}]
    del renamed[0]["first_day"]
    validator = Draft202012Validator(schema_for("timeline"))
    assert not validator.is_valid(renamed)


def test_an_inlined_schema_judges_as_the_schema_does(
    built: tuple[str, dict[str, Any]],
) -> None:
    """`check`'s inlined schemas (`inlined`) are valid schemas and give the
    verdicts and errors of the schemas they come from, on real rows and on
    rows broken each a different way."""
    db = built[0]
    rows = run_json("timeline", "--db", db)
    document = run_json("show", run_json("docs", "--db", db)[0]["id"], "--db", db)
    renamed = {**rows[0], "start": rows[0]["first_day"]}
    del renamed["first_day"]
    extra = {**rows[0], "unknown": 1}
    wrong_type = {**rows[0], "first_day": 20240101}
    cases = {
        "timeline": [rows, [renamed], [extra], [wrong_type], rows[0]],
        "show": [document, {**document, "id": None}, {**document, "text": 1}],
    }
    for command, outputs in cases.items():
        standalone = schema_for(command)
        flat = inlined(standalone, standalone["$defs"])
        Draft202012Validator.check_schema(flat)
        assert "$ref" not in json.dumps(flat)
        referenced, inline = Draft202012Validator(standalone), validator_for(command)
        verdicts = []
        for output in outputs:
            expected = sorted(
                (list(e.path), e.message) for e in referenced.iter_errors(output)
            )
            found = sorted(
                (list(e.path), e.message) for e in inline.iter_errors(output)
            )
            assert found == expected, (command, output)
            verdicts.append(bool(found))
        assert verdicts[0] is False and all(verdicts[1:]), (command, verdicts)


def _documented_fields() -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", CONTRACTS_MD.read_text(encoding="utf-8")))


def _schema_fields(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        found.update(node.get("properties", {}))
        for value in node.values():
            found |= _schema_fields(value)
    elif isinstance(node, list):
        for value in node:
            found |= _schema_fields(value)
    return found


def test_docs_contracts_names_every_field_of_the_schema() -> None:
    missing = _schema_fields(schema()) - _documented_fields()
    assert not missing, f"fields in the schema but not in docs/contracts.md: {missing}"


def test_docs_contracts_names_every_command() -> None:
    text = CONTRACTS_MD.read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"dossier {command}" in text, command


@pytest.mark.corpus
def test_seeds_keep_the_contract(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    check("build", run_json("build", str(corpus / "seeds"), "--db", db))
    for command in ("docs", "entities", "timeline", "claims", "quotes"):
        check(command, run_json(command, "--db", db))
    groups = run_json("claims", "--conflicts", "--unrelated", "--db", db)
    assert {g["verdict"] for g in groups} >= {"conflict", "unrelated"}
    check("claims --conflicts", groups)
    # The Down-with-Imperialism Union, founded 17 October 1926.
    calendar = run_json("calendar", "--from", "2026", "--to", "2026", "--db", db)
    assert calendar
    check("calendar", calendar)
    for document in run_json("docs", "--db", db):
        check("show", run_json("show", document["id"], "--db", db))


@pytest.mark.corpus
@pytest.mark.slow
def test_kcna_keeps_the_contract(kcna_built: Shared) -> None:
    """A year of wire copy: every time value shape it produces. The session's
    shared build (tests/shared.py) is read, not a build of its own: building
    a quarter of kcna-2024 here cost more than every listing of the whole."""
    # What `build --json` prints: the report's dict through JSON.
    check("build", json.loads(json.dumps(kcna_built.report.as_dict())))
    db = str(kcna_built.db)
    for command in ("docs", "entities", "timeline", "claims", "quotes"):
        rows = run_json(command, "--db", db)
        assert rows, command
        check(command, rows)
    # Wire copy cites no titled sources; the shape is still checked.
    check("citations", run_json("citations", "--db", db))
    check("claims --conflicts", run_json("claims", "--conflicts", "--db", db))
    check(
        "calendar", run_json("calendar", "--from", "2020", "--to", "2030", "--db", db)
    )
