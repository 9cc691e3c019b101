"""`dossier export`: every kind of record in every format, the same rows."""

from __future__ import annotations

import csv
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from dossier.present import export as export_module
from dossier.present.cli.app import app
from dossier.present.contracts import schema
from dossier.present.export import WHAT, record_columns

runner = CliRunner()

pytestmark = pytest.mark.corpus

# --what -> the listing whose `--json` prints the same rows.
LISTINGS = {
    "documents": ["docs"],
    "entities": ["entities"],
    "claims": ["claims"],
    "quotes": ["quotes"],
    "citations": ["citations"],
    "reuse": ["reuse"],
}


def invoke(*args: str) -> Any:
    return runner.invoke(app, list(args))


def export_rows(db: Path, what: str, form: str, out: Path) -> list[Any]:
    result = invoke(
        "export", "--db", str(db), "--what", what, "--format", form, "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    assert f"{what} rows written" in result.stderr
    if form == "jsonl":
        return [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    if form == "csv":
        with out.open(encoding="utf-8", newline="") as handle:
            return list(csv.reader(handle))
    return list(pq.read_table(out).to_pylist())


@pytest.fixture(scope="module")
def jsonl(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("jsonl")
    return {
        what: export_rows(seeded_db, what, "jsonl", folder / f"{what}.jsonl")
        for what in WHAT
    }


@pytest.mark.parametrize("what", list(WHAT))
def test_export_jsonl_rows_keep_the_contract(jsonl: dict[str, Any], what: str) -> None:
    rows = jsonl[what]
    assert rows, f"{what}: nothing exported"
    definition = WHAT[what][0]
    validator = Draft202012Validator(
        {"$defs": schema()["$defs"], "$ref": f"#/$defs/{definition}"}
    )
    for row in rows:
        errors = list(validator.iter_errors(row))
        assert not errors, f"{what}: {errors[0].message[:200]}"
        assert set(row) == set(record_columns(definition))


@pytest.mark.parametrize("what", list(LISTINGS))
def test_export_rows_are_what_the_listing_prints(
    seeded_db: Path, jsonl: dict[str, Any], what: str
) -> None:
    result = invoke(*LISTINGS[what], "--db", str(seeded_db), "--json")
    assert result.exit_code == 0, result.output
    assert jsonl[what] == json.loads(result.stdout)


@pytest.mark.parametrize("what", ["mentions", "times"])
def test_export_annotations_are_what_show_prints(
    seeded_db: Path, jsonl: dict[str, Any], what: str
) -> None:
    expected = []
    for document in jsonl["documents"]:
        shown = invoke("show", document["id"], "--db", str(seeded_db), "--json")
        for record in json.loads(shown.stdout)[what]:
            expected.append({"doc": document["id"], **record, "copy_of": None})
    key = lambda r: (r["doc"], r["span"], r["text"])  # noqa: E731
    assert sorted(jsonl[what], key=key) == sorted(expected, key=key)


def expected_cell(value: Any, cell: str) -> bool:
    """A CSV cell holds the JSON value: null empty, lists and objects as JSON."""
    if value is None:
        return cell == ""
    if isinstance(value, bool):
        return cell == ("true" if value else "false")
    if isinstance(value, list | dict):
        return bool(json.loads(cell) == value)
    if isinstance(value, int | float):
        return float(cell) == value
    return cell == value


@pytest.mark.parametrize("what", list(WHAT))
def test_export_csv_holds_the_same_rows(
    seeded_db: Path, jsonl: dict[str, Any], tmp_path: Path, what: str
) -> None:
    header, *cells = export_rows(seeded_db, what, "csv", tmp_path / "x.csv")
    assert header == record_columns(WHAT[what][0])
    assert len(cells) == len(jsonl[what])
    for row, line in zip(jsonl[what], cells, strict=True):
        for name, cell in zip(header, line, strict=True):
            assert expected_cell(row[name], cell), (what, name, row[name], cell)


def without_absent_members(value: Any, *, top: bool = True) -> Any:
    """Parquet gives a struct every member, null where a record has none (a
    text locator has no `page`): compare both sides without null members."""
    if isinstance(value, dict):
        return {
            k: without_absent_members(v, top=False)
            for k, v in value.items()
            if top or v is not None
        }
    if isinstance(value, list):
        return [without_absent_members(v, top=False) for v in value]
    return value


@pytest.mark.parametrize("what", list(WHAT))
def test_export_parquet_holds_the_same_rows(
    seeded_db: Path, jsonl: dict[str, Any], tmp_path: Path, what: str
) -> None:
    rows = export_rows(seeded_db, what, "parquet", tmp_path / "x.parquet")
    assert [without_absent_members(r) for r in rows] == [
        without_absent_members(r) for r in jsonl[what]
    ]


def test_export_to_stdout_is_the_file(seeded_db: Path, jsonl: dict[str, Any]) -> None:
    result = invoke("export", "--db", str(seeded_db), "--what", "quotes", "--out", "-")
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == jsonl["quotes"]


def test_export_refuses_an_existing_file_unless_forced(
    seeded_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "entities.csv"
    out.write_text("keep me", encoding="utf-8")
    args = ["export", "--db", str(seeded_db), "--what", "entities", "--format", "csv"]
    refused = invoke(*args, "--out", str(out))
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = invoke(*args, "--out", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert out.read_text(encoding="utf-8").startswith("name,type,aliases")


def test_export_failing_half_way_leaves_no_file(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    definition, rows_of = WHAT["mentions"]

    def broken(connection: Any, all_: bool) -> Any:
        for number, row in enumerate(rows_of(connection, all_)):
            if number == 50:
                raise OSError(28, "No space left on device")
            yield row

    monkeypatch.setattr(export_module, "BATCH", 10)
    monkeypatch.setitem(WHAT, "mentions", (definition, broken))
    for form in ("jsonl", "parquet"):
        out = tmp_path / f"mentions.{form}"
        result = invoke(
            "export",
            "--db",
            str(seeded_db),
            "--what",
            "mentions",
            "--format",
            form,
            "--out",
            str(out),
        )
        assert result.exit_code == 3, result.output
        assert "No space left" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--what", "people", "--out", "x.jsonl"], "--what 'people' is not one of"),
        (["--what", "quotes", "--format", "xml", "--out", "x"], "--format 'xml'"),
        (["--what", "quotes", "--format", "parquet", "--out", "-"], "stdout"),
    ],
)
def test_export_usage_errors_are_one_line(
    seeded_db: Path, args: list[str], message: str
) -> None:
    result = invoke("export", "--db", str(seeded_db), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_export_parquet_without_pyarrow_names_the_extra(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "quotes.parquet"
    result = invoke(
        "export",
        "--db",
        str(seeded_db),
        "--what",
        "quotes",
        "--format",
        "parquet",
        "--out",
        str(out),
    )
    assert result.exit_code == 2
    assert "pip install 'dossier[export]'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_export_is_readable_by_others_as_any_new_file(
    seeded_db: Path, tmp_path: Path
) -> None:
    # Written under a private temporary name first; the file handed on gets
    # the mode the umask gives a new file, not mkstemp's 0600.
    out = tmp_path / "documents.jsonl"
    umask = os.umask(0o022)
    try:
        export_rows(seeded_db, "documents", "jsonl", out)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
