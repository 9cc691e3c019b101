"""Streamed files (JSONL, big text): read in parts, stored whole or not at all."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier import pipeline
from dossier.packs import load_pack
from dossier.pipeline import flagged, piece, plan_file, run_batch
from dossier.present.cli.app import app
from dossier.read import stream
from dossier.settings import Settings
from dossier.store import connect, write_result
from tests.store.conftest import CONTENT, build, dump, write_corpus


def wire_text(tmp_path: Path, files: int = 8) -> Path:
    """One text file made of several generated wire files, one after another."""
    folder = tmp_path / "parts"
    write_corpus(folder, files, paragraphs=5)
    big = tmp_path / "big" / "wire.txt"
    big.parent.mkdir()
    big.write_text(
        "\n\n\n".join(p.read_text() for p in sorted(folder.iterdir())), "utf-8"
    )
    return big


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stream any text file over 2 kB, in parts of 3,000 characters, batches
    of 2 sources: every code path of a big file, on a small one."""
    monkeypatch.setattr(stream, "STREAM_BYTES", 2_000)
    monkeypatch.setattr(stream, "PART_CHARS", 3_000)
    monkeypatch.setattr(pipeline, "BATCH_SOURCES", 2)


def words(db: Path) -> list[str]:
    rows = dump(db, "SELECT text FROM documents ORDER BY rowid")
    return [w for (text,) in rows for w in text.split()]


@pytest.mark.usefixtures("small_parts")
def test_a_streamed_text_keeps_every_word_and_slices_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = wire_text(tmp_path)
    assert stream.streamed(big)
    db = tmp_path / "d.db"
    report = build([big], db)
    assert (report.files, report.stored, report.failures) == (1, 1, [])
    parts = dump(db, "SELECT part FROM sources ORDER BY part")
    assert len(parts) > 3
    assert parts == [(n,) for n in range(1, len(parts) + 1)]
    # The same words as the file read whole in one source.
    whole_db = tmp_path / "whole.db"
    whole = tmp_path / "whole" / "wire.txt"
    whole.parent.mkdir()
    whole.write_bytes(big.read_bytes())
    monkeypatch.setattr(stream, "STREAM_BYTES", 10**9)
    assert not stream.streamed(whole)
    build([whole], whole_db)

    # Every word of the article text read whole is kept; a part that opens on
    # a headline may keep it as text (a few words at each cut).
    streamed, whole_words = Counter(words(db)), Counter(words(whole_db))
    assert not whole_words - streamed
    assert (streamed - whole_words).total() <= 10 * len(parts)
    # Every annotation's locator slices the file to its text, and each
    # document's locator holds its words.
    raw = big.read_text("utf-8")
    checked: list[int] = []
    for (doc_id,) in dump(db, "SELECT id FROM documents WHERE kind = 'article'"):
        result = CliRunner().invoke(app, ["show", doc_id, "--db", str(db), "--json"])
        detail = json.loads(result.stdout)
        located = raw[detail["locator"]["start"] : detail["locator"]["end"]]
        assert all(word in located for word in detail["text"].split())
        for key in ("mentions", "times", "figures"):
            for record in detail[key]:
                locator = record["locator"]
                assert locator["format"] == "text"
                assert raw[locator["start"] : locator["end"]] == record["text"]
                checked.append(locator["start"])
    # Annotations of later parts too: their offsets count from the file's head.
    assert len(checked) >= 5 and max(checked) > 3 * 3_000


@pytest.mark.usefixtures("small_parts")
def test_a_streamed_file_built_twice_is_unchanged(tmp_path: Path) -> None:
    big = wire_text(tmp_path)
    db = tmp_path / "d.db"
    build([big], db)
    content = dump(db, CONTENT)
    again = build([big], db)
    assert (again.files, again.unchanged, again.stored) == (1, 1, 0)
    assert dump(db, CONTENT) == content


@pytest.mark.usefixtures("small_parts")
@pytest.mark.usefixtures("forkserver")
def test_pool_and_local_store_a_streamed_jsonl_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_corpus(folder, 9, paragraphs=3)
    lines = [
        json.dumps({"title": f"Item {n}", "text": p.read_text()})
        for n, p in enumerate(sorted(folder.iterdir()))
    ]
    wire = tmp_path / "jsonl" / "wire.jsonl"
    wire.parent.mkdir()
    wire.write_text("\n".join([*lines[:4], "{broken", *lines[4:]]) + "\n")
    local = build([wire], tmp_path / "local.db")
    pool = build([wire], tmp_path / "pool.db", engine="pool", workers=2)
    for report in (local, pool):
        assert (report.files, report.stored) == (1, 1)
        assert [f.path for f in report.failures] == [f"{wire}:5"]
    query = "SELECT id, kind, title, text FROM documents ORDER BY id"
    assert dump(tmp_path / "pool.db", query) == dump(tmp_path / "local.db", query)
    assert len(dump(tmp_path / "local.db", "SELECT * FROM sources")) == 9


@pytest.mark.usefixtures("small_parts")
def test_a_build_killed_inside_a_streamed_file_leaves_it_as_it_was(
    tmp_path: Path,
) -> None:
    big = wire_text(tmp_path)
    db = tmp_path / "d.db"
    build([big], db)
    before = dump(db, CONTENT)
    big.write_text(big.read_text().replace("The ", "A "), "utf-8")
    pack, settings = load_pack(), Settings(db=str(db))
    plan = plan_file(big, pack, settings)
    assert not isinstance(plan, pipeline.FileResult)
    connection = connect(db)
    for written, (batch, first, last) in enumerate(flagged(plan.batches), start=1):
        assert not last, "the file must come in more than one piece"
        write_result(
            connection,
            piece(plan, run_batch(batch, pack, settings), first=first, last=last),
        )
        if written == 2:
            break
    connection.close()  # killed: the open transaction is rolled back
    assert dump(db, CONTENT) == before
    with closing(sqlite3.connect(db)) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_jsonl_without_a_usable_line_is_one_failure_and_keeps_nothing(
    tmp_path: Path,
) -> None:
    wire = tmp_path / "bad.jsonl"
    wire.write_text('{"title": "no text"}\n{broken\n')
    report = build([wire], tmp_path / "d.db")
    assert [(f.path, f.reason) for f in report.failures] == [
        (str(wire), "no usable line: line 1: no string `text`")
    ]
    assert report.stored == 0
    assert dump(tmp_path / "d.db", "SELECT count(*) FROM files") == [(0,)]
