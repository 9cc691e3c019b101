"""The `dossier` command through Typer's CliRunner: JSON shapes, exit codes, help."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from dossier.present.cli.app import app
from tests.conftest import EXAMPLES
from tests.shared import Shared

runner = CliRunner()

SUMMARY_KEYS = {"id", "source", "kind", "title", "date", "outlet", "author", "chars"}
ANNOTATION_KEYS = {"mentions", "times", "figures", "quotes", "citations"}


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args))


def only_json(result: Result) -> Any:
    """The one JSON value on stdout; fails if anything else is printed there."""
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def db(examples_built: Shared) -> str:
    # The session's build of examples/, read only here (`build` itself is
    # run by the tests below).
    assert examples_built.report.failures == []
    return str(examples_built.db)


@pytest.fixture(scope="module")
def docs(db: str) -> list[dict[str, Any]]:
    result = invoke("docs", "--db", db, "--json")
    assert result.exit_code == 0
    rows: list[dict[str, Any]] = only_json(result)
    return rows


def by_title(docs: list[dict[str, Any]], title: str) -> dict[str, Any]:
    return next(d for d in docs if d["title"] == title)


def test_cli_build_json_is_one_object(tmp_path: Path) -> None:
    result = invoke("build", str(EXAMPLES), "--db", str(tmp_path / "d.db"), "--json")
    assert result.exit_code == 0
    report = only_json(result)
    assert isinstance(report, dict)
    assert report["failures"] == []
    # Every file seen is accounted for: the folder's README is skipped.
    assert report["skipped"] == [
        {
            "path": str(EXAMPLES / "README.md"),
            "reason": "folder note (name it to read it)",
        }
    ]
    assert report["stored"] == report["files"] - 1 > 0
    assert report["documents"]["article"] > 0
    again = only_json(
        invoke("build", str(EXAMPLES), "--db", str(tmp_path / "d.db"), "--json")
    )
    assert (again["stored"], again["unchanged"]) == (0, report["files"] - 1)


def test_cli_build_table_report(tmp_path: Path) -> None:
    result = invoke("build", str(EXAMPLES / "letter.txt"), "--db", str(tmp_path / "d"))
    assert result.exit_code == 0
    assert "files stored" in result.stdout
    assert "documents: article" in result.stdout


def test_cli_build_exit_1_when_a_file_failed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text((EXAMPLES / "letter.txt").read_text())
    result = invoke("build", str(tmp_path), "--db", str(tmp_path / "d.db"), "--json")
    assert result.exit_code == 1
    report = only_json(result)
    assert [(Path(f["path"]).name, f["reason"]) for f in report["failures"]] == [
        ("empty.txt", "empty file")
    ]
    assert report["stored"] == 1
    table = invoke("build", str(tmp_path), "--db", str(tmp_path / "d.db"))
    assert table.exit_code == 1
    assert "empty.txt: empty file" in table.stdout


def test_cli_build_report_shows_odd_file_names_as_they_are(tmp_path: Path) -> None:
    # Rich markup in a path: `[draft]` would vanish, `[/b]` would crash.
    folder = tmp_path / "notes ["
    folder.mkdir()
    (folder / "b] [draft].txt").write_bytes(b"")
    result = invoke("build", str(folder), "--db", str(tmp_path / "d.db"))
    assert result.exit_code == 1
    assert "notes [/b] [draft].txt: empty file (read)" in result.stdout


def test_cli_docs_json_objects(docs: list[dict[str, Any]]) -> None:
    assert isinstance(docs, list)
    assert docs
    assert all(set(d) >= SUMMARY_KEYS for d in docs)
    letter = by_title(
        docs,
        "Letter to Comrade Kim Jong Il, Chairman of the National Defence "
        "Commission of the Democratic People's Republic of Korea",
    )
    assert letter["kind"] == "article"
    assert letter["source"].endswith("letter.txt")
    assert letter["chars"] > 0
    assert {d["kind"] for d in docs} == {"article", "teaser"}
    assert any(d["source"].endswith("wire.jsonl:2") for d in docs)


def test_cli_docs_kind_and_limit(db: str) -> None:
    teasers = only_json(invoke("docs", "--db", db, "--kind", "teaser", "--json"))
    assert teasers
    assert {d["kind"] for d in teasers} == {"teaser"}
    assert len(only_json(invoke("docs", "--db", db, "--limit", "2", "--json"))) == 2


def test_cli_docs_table_keeps_ids_and_dates_whole(
    db: str, docs: list[dict[str, Any]]
) -> None:
    result = invoke("docs", "--db", db)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for doc in docs:
        assert any(doc["id"] in line for line in lines), doc["id"]
    dated = [d for d in docs if d["date"] and len(d["date"]) == 10]
    assert dated
    assert all(any(d["date"] in line for line in lines) for d in dated)


def test_cli_show_json_detail(db: str, docs: list[dict[str, Any]]) -> None:
    wire = next(d for d in docs if d["source"].endswith("wire.jsonl:1"))
    detail = only_json(invoke("show", wire["id"], "--db", db, "--json"))
    assert isinstance(detail, dict)
    assert SUMMARY_KEYS | ANNOTATION_KEYS | {"text"} <= set(detail)
    assert {k: detail[k] for k in SUMMARY_KEYS} == {k: wire[k] for k in SUMMARY_KEYS}
    assert len(detail["text"]) == detail["chars"]
    assert "(KCNA) --" not in detail["text"]
    assert all(isinstance(detail[key], list) for key in ANNOTATION_KEYS)


def test_cli_show_accepts_unique_prefix(db: str, docs: list[dict[str, Any]]) -> None:
    doc = docs[0]
    detail = only_json(invoke("show", doc["id"][:8], "--db", db, "--json"))
    assert detail["id"] == doc["id"]


def test_cli_show_raw_marks_removed_spans(db: str, docs: list[dict[str, Any]]) -> None:
    wire = next(d for d in docs if d["source"].endswith("wire.jsonl:1"))
    result = invoke("show", wire["id"], "--db", db, "--raw")
    assert result.exit_code == 0
    assert "⟦dateline: Pyongyang, May 3 (KCNA) -- ⟧" in result.stdout
    assert "⟦end-marker:  -0-⟧" in result.stdout
    dateline = len("Pyongyang, May 3 (KCNA) -- ")
    summary = f"removed: dateline 1 ({dateline} chars), end-marker 1 (4 chars)"
    assert result.stdout.rstrip().splitlines()[-1] == summary
    detail = only_json(invoke("show", wire["id"], "--db", db, "--raw", "--json"))
    kinds = [span["kind"] for span in detail["removed"]]
    assert kinds == ["dateline", "end-marker"]
    assert detail["raw"].startswith("Pyongyang, May 3 (KCNA) --")
    assert detail["locator"]["format"] == "jsonl"
    line = (EXAMPLES / "wire.jsonl").read_text().split("\n")[0]
    for span in detail["removed"]:
        locator = span["locator"]
        assert locator["line"] == 1
        escaped = line[locator["start"] : locator["end"]]
        assert json.loads(f'"{escaped}"') == span["text"]


def test_cli_show_plain_text(db: str, docs: list[dict[str, Any]]) -> None:
    page = next(d for d in docs if d["source"].endswith("page.html"))
    result = invoke("show", page["id"], "--db", db)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == page["title"]


def test_cli_search_json_hits(db: str) -> None:
    hits = only_json(invoke("search", "Pochonbo", "--db", db, "--json"))
    assert hits
    assert {"doc", "title", "snippet", "score"} <= set(hits[0])
    assert "[Pochonbo]" in hits[0]["snippet"]
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert only_json(invoke("search", "zzyzx", "--db", db, "--json")) == []


def test_cli_search_table(db: str) -> None:
    result = invoke("search", "Pochonbo", "--db", db)
    assert result.exit_code == 0
    assert "Anniversary of Battle of Pochonbo Marked" in result.stdout
    assert invoke("search", "zzyzx", "--db", db).stdout.strip() == "no match"


@pytest.mark.parametrize(
    "args",
    [
        ["docs", "--no-such-option"],
        ["build"],  # PATH is required
        ["build", "examples", "--engine", "warp"],
        ["show"],
        ["frobnicate"],
    ],
)
def test_cli_usage_error_exits_2(args: list[str], tmp_path: Path) -> None:
    result = invoke(*args, "--db", str(tmp_path / "d.db"))
    assert result.exit_code == 2
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [["docs"], ["show", "abc"], ["search", "Kim"]],
)
def test_cli_missing_db_exits_2_with_one_line(args: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = invoke(*args, "--db", str(missing), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: no dossier at")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not missing.exists()


def test_cli_show_unknown_id_exits_2(db: str) -> None:
    result = invoke("show", "ffffffffffff", "--db", db, "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no document 'ffffffffffff'" in result.stderr


def test_cli_every_command_help_shows_an_example() -> None:
    command = typer.main.get_command(app)
    names = sorted(command.commands)  # type: ignore[attr-defined]
    assert {"build", "docs", "show", "search"} <= set(names)
    for name in ["", *names]:
        result = invoke(*([name] if name else []), "--help")
        assert result.exit_code == 0, name
        assert "Example: dossier " in result.stdout, name


def test_cli_unusable_db_exits_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 100)
    result = invoke("docs", "--db", str(notes), "--json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"Error: {notes} is not a dossier database")
    nowhere = tmp_path / "no" / "such" / "dir" / "d.db"
    result = invoke("build", str(EXAMPLES / "letter.txt"), "--db", str(nowhere))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("Error: cannot open")
