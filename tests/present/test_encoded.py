"""`show --json` writes its annotations as encoded text a batch at a time
(#17); the bytes must be those the generic writer gives each record built
as a dict, on every kind of source (text, OCR-repaired text, JSONL, HTML,
PDF), and memory must stay bounded on a large document."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import sys
import tracemalloc
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app
from dossier.present.cli.browse import show_command
from dossier.present.cli.stream import write_json
from dossier.present.document import open_document
from dossier.present.shown import store_shown
from dossier.store import connect, queries, records
from dossier.store.queries import get_document, offsets_of
from dossier.store.records import _LINKED_NAME, source_map
from tests.conftest import EXAMPLES
from tests.corpus.locators import pdf_bytes
from tests.corpus.test_locators import PDF_PAGES

runner = CliRunner()
# How many times the document with the most mentions is repeated in a large
# document: about 7 MB of `show --json`.
COPIES = 100
KINDS = ("mentions", "times", "figures", "quotes", "citations")


@pytest.fixture(scope="module")
def formats_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A web page, an OCR'd newsletter (its text repaired, so its offset map
    has many segments), a wire file of JSONL records and a PDF of pages."""
    folder = tmp_path_factory.mktemp("formats")
    for name in ("page.html", "newsletter_ocr.txt", "wire.jsonl"):
        shutil.copy(EXAMPLES / name, folder / name)
    (folder / "pages.pdf").write_bytes(pdf_bytes(PDF_PAGES))
    db = tmp_path_factory.mktemp("formats-db") / "formats.db"
    result = runner.invoke(app, ["build", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _ids(db: Path) -> list[str]:
    listed = runner.invoke(app, ["docs", "--db", str(db), "--json", "--all"])
    return [document["id"] for document in json.loads(listed.stdout)]


def _generic(db: Path, doc_id: str, *, raw: bool) -> str:
    """`show --json` as the generic writer gives it: every record a dict,
    encoded by `json.dumps` one at a time."""
    with closing(connect(db, create=False)) as connection:
        detail = open_document(connection, doc_id, raw=raw).detail
    written: list[str] = []
    write_json(detail, written.append)
    return "".join(written)


def _show(db: Path, doc_id: str, *extra: str) -> str:
    result = runner.invoke(app, ["show", doc_id, "--db", str(db), "--json", *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def _assert_same_as_generic(db: Path) -> set[str]:
    formats = set()
    for doc_id in _ids(db):
        for raw in (False, True):
            shown = _show(db, doc_id, *(["--raw"] if raw else []))
            assert shown == _generic(db, doc_id, raw=raw), (doc_id, raw)
        formats.add(json.loads(shown)["locator"]["format"])
    return formats


def test_show_json_bytes_equal_the_generic_writer_on_every_format(
    formats_db: Path,
) -> None:
    assert _assert_same_as_generic(formats_db) == {"text", "jsonl", "html", "pdf"}


def test_show_json_bytes_equal_the_generic_writer_on_the_seeds(
    seeded_db: Path,
) -> None:
    # The seeds, a passage another document reuses, and a document of markup.
    assert _assert_same_as_generic(seeded_db) >= {"text", "jsonl"}


def _annotations_of(db: Path, doc_id: str) -> tuple[dict[str, Any], list[str]]:
    shown = json.loads(_show(db, doc_id))
    with closing(connect(db, create=False)) as connection:
        row = get_document(connection, doc_id, with_text=False)
        assert row is not None
        offsets = offsets_of(row)
        located = source_map(connection, row["source_id"])
        linked = [
            name
            for (name,) in connection.execute(
                f"SELECT {_LINKED_NAME} FROM mentions m WHERE doc = ? ORDER BY start",
                (row["rowid"],),
            )
        ]
    for kind in (*KINDS, "reused"):
        for record in shown[kind]:
            # Each locator is the one worked out for its span alone.
            expected = located.locate(*offsets.to_raw(*record["span"]))
            assert record["locator"] == expected, (doc_id, kind, record)
    return shown, linked


def test_show_json_records_read_their_text_and_linked_entity(
    seeded_db: Path, formats_db: Path
) -> None:
    checked = 0
    for db in (seeded_db, formats_db):
        for doc_id in _ids(db):
            shown, linked = _annotations_of(db, doc_id)
            for kind in KINDS:
                for record in shown[kind]:
                    start, end = record["span"]
                    assert shown["text"][start:end] == record["text"], record
                    checked += 1
            # The entity as linked across documents, as the SQL of the other
            # listings gives it.
            assert [m["entity"] for m in shown["mentions"]] == linked
    assert checked > 500


def _grow_annotations(path: Path, copies: int, *, stored: bool) -> str:
    """The document with the most mentions made `copies` times as long, its
    annotations repeated along it, and stored as `show` writes them if
    `stored` (else read row by row); return its id."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        rowid, doc_id, text = connection.execute(
            "SELECT d.rowid, d.id, d.text FROM documents d ORDER BY"
            " (SELECT count(*) FROM mentions m WHERE m.doc = d.rowid) DESC LIMIT 1"
        ).fetchone()
        step = len(text) + 2
        connection.execute("BEGIN")
        connection.execute(
            "UPDATE documents SET text = ?, chars = ? WHERE rowid = ?",
            ((text + "\n\n") * copies, step * copies, rowid),
        )
        for table in KINDS:
            columns = [c[1] for c in connection.execute(f"PRAGMA table_info({table})")]
            moved = ", ".join(
                f"{c} + n * {step}" if c in ("start", "end") else c for c in columns
            )
            connection.execute(
                "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k"
                f" WHERE n < ?) INSERT INTO {table} SELECT {moved} FROM {table}, k"
                " WHERE doc = ?",
                (copies - 1, rowid),
            )
        if stored:
            store_shown(connection, [rowid], again=True)
        else:
            connection.execute("DELETE FROM shown WHERE doc = ?", (rowid,))
        connection.execute("COMMIT")
    return str(doc_id)


class _Counted(io.RawIOBase):
    """A stdout that counts the bytes written to it and keeps none."""

    def __init__(self) -> None:
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.size += len(data)
        return len(data)


@pytest.mark.parametrize("stored", [True, False], ids=["stored", "rows"])
def test_show_json_of_a_large_document_holds_a_batch_not_the_document(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stored: bool
) -> None:
    path = tmp_path / "large.db"
    shutil.copy(seeded_db, path)
    # Batches of 100 records read and, for `stored`, parts of 100 stored.
    monkeypatch.setattr(records, "BATCH_ROWS", 100)
    doc_id = _grow_annotations(path, copies=COPIES, stored=stored)
    small = _ids(seeded_db)[0]
    monkeypatch.setattr(queries, "TEXT_PIECE", 1 << 16)
    counted = _Counted()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(counted, encoding="utf-8"))
    show_command(small, db=str(path), raw=False, as_json=True)  # imports done
    before = counted.size
    tracemalloc.start()
    try:
        show_command(doc_id, db=str(path), raw=False, as_json=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = counted.size - before
    assert size > 4_000_000
    # A batch of records and a piece of text at a time: 0.9 MB at most for
    # 7.4 MB written, measured; holding the text or a kind whole is more.
    assert peak < size / 5, (peak, size)
