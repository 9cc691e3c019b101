"""The build summary gives every removal class, kept-whole sources and join
artefacts (#13), in text and --json."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dossier.present.cli.app import app
from dossier.present.cli.build import build_files
from dossier.settings import Settings

FILES = {
    "menus.txt": "Home\nNews\nContact\nRail link reopens\n"
    "The rail link between the two towns reopened on Monday after a year.\n"
    "Home\nNews\nContact\n",
    "furniture.txt": "Share this\nFollow us on social media\nLog in\n",
    "tiny.txt": "Photo\n",
    "joined.txt": "Pyongyang, May 5 (KCNA) -- A delegation left here on Sunday.\n"
    ", It was seen off at the airport by officials concerned.\n, ,\n",
}


def test_build_report_counts_every_removal_class(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = build_files(
        [folder], Settings(db=str(tmp_path / "d.db"), annotate=False)
    ).as_dict()
    assert report["kept_whole"] == 1
    assert report["join_artefacts"] >= 2
    removed = report["removed"]
    assert {"nav", "dateline", "too-short"} <= set(removed)
    assert "headline" not in removed  # read as its article's first paragraph
    assert removed["nav"]["spans"] == 6
    assert removed["too-short"] == {"spans": 1, "chars": 5}
    assert report["removed_chars"] == sum(c["chars"] for c in removed.values())
    assert report["documents"] == {"article": 3}


def test_a_source_kept_whole_says_so_in_docs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "d.db")
    build_files([folder], Settings(db=db, annotate=False))
    result = CliRunner().invoke(app, ["docs", "--db", db, "--json"])
    flags = {Path(d["source"]).name: d["flags"] for d in json.loads(result.stdout)}
    assert flags == {
        "furniture.txt": ["kept-whole"],
        "joined.txt": [],
        "menus.txt": [],
    }
