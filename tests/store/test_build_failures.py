"""Bad input in a build: reported with a reason, the rest goes in, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app
from dossier.read import files
from tests.read.samples import SENTENCE, write_bad_files
from tests.store.conftest import CONTENT, DOCUMENTS, build, dump

GOOD = (
    "Pyongyang, May 3 (KCNA) -- The Chollima tractor factory fulfilled its yearly "
    "plan ahead of time, officials said at a meeting on Friday. -0-\n"
)


def test_build_with_bad_files_keeps_stored_documents_and_exits_1(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    db = tmp_path / "d.db"
    runner = CliRunner()
    first = runner.invoke(app, ["build", str(folder), "--db", str(db), "--json"])
    assert first.exit_code == 0, first.output
    before = dump(db, DOCUMENTS)
    assert len(before) == 1

    expected = write_bad_files(folder)
    (folder / "zz-late-good.txt").write_text(GOOD.replace("tractor", "harvester"))
    (folder / "loop").mkdir()
    (folder / "loop" / "back").symlink_to(folder)
    result = runner.invoke(app, ["build", str(folder), "--db", str(db), "--json"])

    assert result.exit_code == 1
    report = json.loads(result.stdout)
    reasons = {Path(f["path"]).name: f["reason"] for f in report["failures"]}
    refused = {name: why for name, why in expected.items() if why is not None}
    assert set(reasons) == set(refused)
    for name, reason in refused.items():
        assert reasons[name].startswith(reason), (name, reasons[name])
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert skipped == {"back": "symlink loop: folder already read"}
    assert all("\n" not in reason for reason in reasons.values())
    # The good file is still there, unchanged; the readable odd ones and the
    # good file after the bad ones went in.
    assert report["unchanged"] == 1
    assert dump(db, DOCUMENTS)[0] == before[0]
    stored = {Path(row[0]).name for row in dump(db, "SELECT path FROM files")}
    readable = {name for name, why in expected.items() if why is None}
    assert stored == {"good.txt", "zz-late-good.txt", *readable}


@pytest.mark.slow
def test_build_skips_html_over_limit_but_streams_text_of_any_size(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    big = ((SENTENCE + "\n\n").encode() * 16_000)[:2_000_000]
    (folder / "big.html").write_bytes(b"<html><body><p>" + big + b"</p></body></html>")
    # Text is read whole at any size: just over the limit shows it (at 2 MB,
    # as the HTML, annotating it was most of the test's time).
    (folder / "big.txt").write_bytes(big[:1_100_000])
    (folder / "small.txt").write_text(GOOD)
    # Without annotating: the limit is the reader's, and annotating a
    # megabyte of one sentence was still nine tenths of the test's time.
    report = build([folder], tmp_path / "d.db", max_file_mb=1.0, annotate=False)
    assert report.failures == []
    assert [(Path(path).name, why) for path, why in report.skipped] == [
        (
            "big.html",
            "too large: 2.0 MB is over the 1 MB limit (raise it with --max-file-mb)",
        )
    ]
    assert (report.files, report.stored) == (3, 2)


def test_build_reports_a_reader_crash_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(path: Path, data: bytes, digest: str) -> list[files.Source]:
        raise TypeError("'NoneType' object is not subscriptable")

    monkeypatch.setitem(files.READERS, ".html", crash)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.html").write_text("<html><body><p>text</p></body></html>")
    (folder / "b.txt").write_text(GOOD)
    report = build([folder], tmp_path / "d.db")
    assert [(Path(f.path).name, f.stage, f.reason) for f in report.failures] == [
        ("a.html", "read", "TypeError: 'NoneType' object is not subscriptable")
    ]
    assert report.stored == 1


def test_build_reports_a_missing_path_and_goes_on(
    wire_folder: Path, tmp_path: Path
) -> None:
    report = build([tmp_path / "nowhere", wire_folder], tmp_path / "d.db")
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [
        ("nowhere", "no such file or folder")
    ]
    assert report.stored == 6


@pytest.mark.usefixtures("forkserver")
def test_build_pool_engine_stores_the_same(wire_folder: Path, tmp_path: Path) -> None:
    local = build([wire_folder], tmp_path / "local.db")
    pool = build([wire_folder], tmp_path / "pool.db", engine="pool", workers=2)
    assert (pool.stored, pool.documents) == (local.stored, local.documents)
    columns = "SELECT id, kind, title, date, text FROM documents ORDER BY id"
    assert dump(tmp_path / "pool.db", columns) == dump(tmp_path / "local.db", columns)


def test_build_jsonl_bad_line_is_reported_on_every_build(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    good = json.dumps({"title": "Talks", "text": GOOD})
    (folder / "wire.jsonl").write_text(f"{good}\n{{broken\n{good}\n")
    db = tmp_path / "d.db"
    first = build([folder], db)
    assert [(Path(f.path).name, f.reason) for f in first.failures] == [
        (
            "wire.jsonl:2",
            "line 2: not JSON (Expecting property name enclosed in double quotes)",
        )
    ]
    assert first.documents == {"article": 2}
    assert dump(db, "SELECT failure IS NOT NULL FROM files") == [(1,)]
    content = dump(db, CONTENT)
    # A file stored with a failure is read again, so the failure is not
    # forgotten; what it stores is the same.
    second = build([folder], db)
    assert [f.path for f in second.failures] == [f.path for f in first.failures]
    assert dump(db, CONTENT) == content


@pytest.mark.usefixtures("forkserver")
def test_build_pool_engine_skips_unchanged_files(
    wire_folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "d.db"
    build([wire_folder], db, engine="pool", workers=2)
    (wire_folder / "wire-0002.txt").write_text(GOOD)
    again = build([wire_folder], db, engine="pool", workers=2)
    assert (again.stored, again.unchanged) == (1, 5)
    texts = dump(
        db,
        "SELECT d.text FROM documents d JOIN sources s ON s.id = d.source_id"
        " WHERE s.path LIKE '%wire-0002.txt'",
    )
    assert len(texts) == 1
    assert "Chollima tractor factory" in texts[0][0]
