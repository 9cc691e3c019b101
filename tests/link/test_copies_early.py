"""Copies signed while the build stores (`copies.EarlyCopies`) are the rows
`link_copies` makes after it, on real wire copy (kcna-2024's stories)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from dossier import pipeline
from dossier.link import copies
from dossier.present.cli.build import build_files
from dossier.settings import Settings

# Documents named by id, so two databases compare whatever their rowids.
QUERIES = {
    "signatures": "SELECT d.id, s.scheme, s.kind, s.digest, s.shingles, s.banded,"
    " s.minhash FROM signatures s JOIN documents d ON d.rowid = s.doc",
    "bands": "SELECT b.key, d.id FROM bands b JOIN documents d ON d.rowid = b.doc",
    "near_copies": "SELECT da.id, db.id, containment, size_ratio FROM near_copies n"
    " JOIN documents da ON da.rowid = n.a JOIN documents db ON db.rowid = n.b",
    "copies": "SELECT id, copy_of, copy_group FROM documents",
}


def tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(db)) as connection:
        return {
            name: sorted(connection.execute(sql).fetchall(), key=repr)
            for name, sql in QUERIES.items()
        }


def kcna_lines(corpus: Path, count: int) -> list[str]:
    """`count` lines of kcna-2024: first stories printed twice (the wire
    repeats a story, a third of the lines), each pair in file order, then
    stories printed once."""
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    holders: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        holders.setdefault(json.loads(line)["text"], []).append(number)
    twice = [n for found in holders.values() if len(found) == 2 for n in found]
    once = [found[0] for found in holders.values() if len(found) == 1]
    chosen = twice[: count // 3] + once[: count - count // 3]
    return [lines[n] for n in chosen]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    # Batches of 9 documents, and a streamed file stored 10 sources a piece:
    # batches are signed inside a file's transaction and between files.
    monkeypatch.setattr(copies, "BATCH", 9)
    monkeypatch.setattr(pipeline, "BATCH_SOURCES", 10)


@pytest.fixture
def early_signed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many documents each build signed early, as they were stored."""
    signed: list[int] = []
    storing = copies.EarlyCopies.stored

    def counted(self: copies.EarlyCopies, documents: int, chars: int) -> None:
        before = self.signed
        storing(self, documents, chars)
        signed.append(self.signed - before)

    monkeypatch.setattr(copies.EarlyCopies, "stored", counted)
    yield signed


def build(paths: list[Path], db: Path, *, early: bool) -> None:
    if not early:
        original = copies.EarlyCopies.storing
        copies.EarlyCopies.storing = lambda self, *, replaces: self.stop()  # type: ignore[method-assign]
    try:
        build_files(paths, Settings(db=str(db), annotate=False))
    finally:
        if not early:
            copies.EarlyCopies.storing = original  # type: ignore[method-assign]


@pytest.mark.usefixtures("small_batches")
def test_copies_signed_as_stored_are_those_signed_after(
    corpus: Path, tmp_path: Path, early_signed: list[int]
) -> None:
    lines = kcna_lines(corpus, 90)
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "a.jsonl").write_text("".join(lines[:60]), encoding="utf-8")
    for number, line in enumerate(lines[60:75]):
        (folder / f"b{number:02}.jsonl").write_text(line, encoding="utf-8")
    build([folder], tmp_path / "early.db", early=True)
    assert sum(early_signed) >= 36  # most batches went in as they were stored
    build([folder], tmp_path / "after.db", early=False)
    found = tables(tmp_path / "early.db")
    assert found == tables(tmp_path / "after.db")
    assert len(found["signatures"]) == 75
    assert any(copy is not None for _, copy, _ in found["copies"])

    # A second build adding files and changing one (its first story, which
    # held the bands of the text it shares with the second, is gone): signed
    # early until the changed file, then after; the same rows either way.
    (folder / "a.jsonl").write_text("".join(lines[1:50]), encoding="utf-8")
    (folder / "c.jsonl").write_text("".join(lines[75:]), encoding="utf-8")
    early_signed.clear()
    build([folder], tmp_path / "early.db", early=True)
    build([folder], tmp_path / "after.db", early=False)
    assert tables(tmp_path / "early.db") == tables(tmp_path / "after.db")
