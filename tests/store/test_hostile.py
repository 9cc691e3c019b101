"""A folder of hostile files: every file accounted for, no traceback, the
good ones in (issue 17)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app
from dossier.read import stream

pytestmark = pytest.mark.slow

GOOD = "The delegation visited the Chollima factory in Kangso on Monday.\n"


def hostile_folder(folder: Path) -> dict[str, str]:
    """Write the folder; return each name and what must become of it."""
    folder.mkdir()
    files: dict[str, tuple[bytes, str]] = {
        "good.txt": (GOOD.encode(), "stored"),
        "empty.txt": (b"", "failed"),
        "binary.txt": (bytes(range(256)) * 50, "failed"),
        "nul.txt": (b"abc\x00def" * 100, "failed"),
        "utf16.txt": ((GOOD * 5).encode("utf-16-le"), "stored"),
        "trunc.pdf": (b"%PDF-1.4\n1 0 obj<<>>endobj\n", "failed"),
        "deep.html": (
            b"<html><body>" + b"<div>" * 10_000 + b"<p>" + GOOD.encode()
            + b"</p>" + b"</div>" * 10_000 + b"</body></html>",
            "stored",
        ),
        "unclosed.html": (
            b"<html><body>" + b"<font><p>" * 400 + GOOD.encode() + b"</body></html>",
            "stored",
        ),
        "bad.jsonl": (
            json.dumps({"text": GOOD}).encode() + b"\n{broken\n[1, 2]\n",
            "stored",
        ),
        "name\nwith newline.txt": (GOOD.encode(), "stored"),
        # One line longer than a streamed part: read in parts all the same
        # (the test makes the parts and the size streamed a tenth of the
        # build's: 900 kB here stands for a 9 MB line).
        "one-line.txt": (b"word " * 180_000, "stored"),
        ".hidden.txt": (GOOD.encode(), "skipped"),
        "notes.docx": (b"PK\x03\x04", "skipped"),
    }  # fmt: skip
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    bad_name = os.fsdecode(b"bad-\xff-name.txt")
    (folder / bad_name).write_bytes(GOOD.encode())
    os.symlink("self", folder / "self")
    os.symlink(folder, folder / "up")
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    outcome = {name: what for name, (_, what) in files.items()}
    outcome |= {bad_name: "failed", "self": "skipped", "up": "skipped"}
    return outcome | {"dangling.txt": "failed"}


def test_every_hostile_file_is_accounted_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "STREAM_BYTES", stream.STREAM_BYTES // 10)
    monkeypatch.setattr(stream, "PART_CHARS", stream.PART_CHARS // 10)
    expected = hostile_folder(tmp_path / "in")
    assert stream.streamed(tmp_path / "in" / "one-line.txt")
    db = tmp_path / "d.db"
    result = CliRunner().invoke(
        app, ["build", str(tmp_path / "in"), "--db", str(db), "--no-annotate", "--json"]
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    failed = {Path(f["path"].split(":")[0]).name for f in report["failures"]}
    failed -= {"bad.jsonl"}  # its bad lines fail, the file goes in
    skipped = {Path(s["path"]).name for s in report["skipped"]}
    stored = {name for name, what in expected.items() if what == "stored"}
    assert failed == {n for n, what in expected.items() if what == "failed"}
    assert skipped == {n for n, what in expected.items() if what == "skipped"}
    assert report["stored"] == len(stored)
    assert report["files"] == len(expected)
    docs = CliRunner().invoke(app, ["docs", "--db", str(db), "--json", "--all"])
    sources = {Path(d["source"].split(":")[0]).name for d in json.loads(docs.stdout)}
    assert sources == stored
