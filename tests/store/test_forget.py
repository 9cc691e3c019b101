"""Gone files listed by the build, removed with --prune or `dossier forget`."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from typer.testing import CliRunner

from dossier.present.cli.app import app
from tests.store.conftest import build, dump, write_corpus

runner = CliRunner()
EVERY_TABLE = (
    "files", "sources", "documents", "mentions", "times", "figures", "quotes",
    "citations", "locators", "removed", "signatures",
)  # fmt: skip


def search_index_matches(db: Path) -> bool:
    """FTS5's own check that the index holds exactly the documents' rows."""
    with closing(sqlite3.connect(db)) as connection:
        connection.execute(
            "INSERT INTO documents_fts(documents_fts, rank)"
            " VALUES ('integrity-check', 1)"
        )
    return True


def counts(db: Path) -> dict[str, int]:
    return {t: dump(db, f"SELECT count(*) FROM {t}")[0][0] for t in EVERY_TABLE}


def test_a_gone_file_is_listed_then_pruned_with_all_it_made(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    write_corpus(folder, 3)
    db = tmp_path / "d.db"
    build([folder], db)
    full = counts(db)
    gone = folder / "wire-0001.txt"
    gone.unlink()
    listed = build([folder], db)
    assert listed.gone == [str(gone)]
    assert listed.pruned == 0
    assert counts(db) == full  # listed, not removed
    result = runner.invoke(
        app, ["build", str(folder), "--db", str(db), "--prune", "--json"]
    )
    report = json.loads(result.stdout)
    assert report["gone"] == [str(gone)]
    assert report["pruned"] > 0
    after = counts(db)
    assert after["files"] == full["files"] - 1
    assert after["documents"] == full["documents"] - report["pruned"]
    assert search_index_matches(db)
    assert build([folder], db).gone == []


def test_forget_by_path_folder_and_document_id(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    write_corpus(one, 2, seed=1)
    write_corpus(two, 2, seed=2)
    db = tmp_path / "d.db"
    build([one, two], db)
    doc_id = dump(
        db,
        "SELECT d.id FROM documents d JOIN sources s ON s.id = d.source_id"
        f" WHERE s.path = '{two / 'wire-0001.txt'}' LIMIT 1",
    )[0][0]
    result = runner.invoke(
        app, ["forget", str(one), doc_id[:8], "--db", str(db), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["files"] == [
        str(one / "wire-0000.txt"),
        str(one / "wire-0001.txt"),
        str(two / "wire-0001.txt"),
    ]
    assert dump(db, "SELECT path FROM files") == [(str(two / "wire-0000.txt"),)]
    assert counts(db)["documents"] > 0
    assert search_index_matches(db)
    missing = runner.invoke(app, ["forget", "nowhere.txt", "--db", str(db)])
    assert missing.exit_code == 2
    assert "names nothing in this dossier" in missing.stderr
