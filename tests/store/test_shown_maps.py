"""The writer stores a large document's records with the source map it holds,
not one read back from the database: the same bytes either way."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.present import shown
from dossier.present.cli.app import app
from dossier.store import connect
from dossier.store import db as db_module

runner = CliRunner()


def _shown_rows(connection: sqlite3.Connection) -> list[tuple[object, ...]]:
    return connection.execute(
        "SELECT doc, kind, part, records FROM shown ORDER BY doc, kind, part"
    ).fetchall()


def test_records_stored_with_the_held_map_equal_those_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page of tiny paragraphs (bench/hostile_sizes.py), its figures located
    # through the page's source map; every document of 20 or more stored.
    monkeypatch.setattr(shown, "STORE_FROM", 20)
    body = "".join(f"<p>Item {n}: rice {n % 89} t.</p>\n" for n in range(400))
    page = tmp_path / "pages" / "a.html"
    page.parent.mkdir()
    page.write_text(
        f"<html><head><title>Notes</title></head><body>{body}</body></html>"
    )
    db = tmp_path / "a.db"
    built = runner.invoke(app, ["build", str(page.parent), "--db", str(db)])
    assert built.exit_code == 0, built.output
    with closing(connect(db)) as connection:
        (located,) = connection.execute("SELECT count(*) FROM locators").fetchone()
        assert located == 1
        at_build = _shown_rows(connection)
        assert at_build
        rowids = sorted({row[0] for row in at_build})
        connection.execute("BEGIN IMMEDIATE")
        shown.store_shown(connection, rowids, again=True)
        connection.execute("COMMIT")
        assert _shown_rows(connection) == at_build


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Each annotation table's rows in rowid order (a table without rowids
    in its key's order), the facts and the stored records."""
    tables = ("mentions", "times", "figures", "quotes", "citations")
    with closing(sqlite3.connect(db)) as connection:
        found = {
            table: connection.execute(
                f"SELECT * FROM {table} ORDER BY rowid"
            ).fetchall()
            for table in tables
        }
        for table in ("claim_facts", "event_dates"):
            found[table] = connection.execute(f"SELECT * FROM {table}").fetchall()
        found["shown"] = _shown_rows(connection)
    return found


def test_annotations_inserted_a_document_at_a_time_are_the_same_rows(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The writer inserts annotation rows once ROWS_AT_ONCE are held; at 1,
    # after every document. Figures' rowids, their claim facts and the
    # stored records come out the same.
    monkeypatch.setattr(shown, "STORE_FROM", 20)
    built = {}
    for rows_at_once in (db_module.ROWS_AT_ONCE, 1):
        monkeypatch.setattr(db_module, "ROWS_AT_ONCE", rows_at_once)
        db = tmp_path / f"seeds{rows_at_once}.db"
        result = runner.invoke(app, ["build", str(corpus / "seeds"), "--db", str(db)])
        assert result.exit_code == 0, result.output
        built[rows_at_once] = _tables(db)
    whole, split = built.values()
    assert whole["figures"] and whole["claim_facts"] and whole["shown"]
    assert split == whole
