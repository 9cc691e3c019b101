"""Event dates and conflicts stored at link time (issues 15 part 6 and 17):
the queries read them and give what working them out gives; a build in two
halves stores what one build does, deriving only the new documents; a
forgotten file takes its rows along; an interrupted link re-runs."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier import pipeline
from dossier.link import claims_stored
from dossier.present.cli.app import app
from dossier.store import claims as stored_claims
from dossier.store import connect, link_pending

pytestmark = pytest.mark.corpus
runner = CliRunner()
# Enough KCNA stories for event dates two sources give and figure conflicts,
# cut from the corpus into the test's folder, with the five seed files.
STORIES = 100
QUERIES = (
    ["claims", "--conflicts"],
    ["calendar", "--from", "1900-01-01", "--to", "2100-12-31"],
)
# Derived rows by document id, rowids aside.
DERIVED = (
    "SELECT d.id, e.n, e.event, e.kind, e.start, e.end, e.text, e.first_year,"
    " e.last_year, e.day, e.years, e.sentence, e.asserted_by, e.via, e.language"
    " FROM event_dates e JOIN documents d ON d.rowid = e.doc ORDER BY d.id, e.n",
    "SELECT d.id, c.facts FROM claim_facts c JOIN documents d ON d.rowid = c.doc"
    " ORDER BY d.id, c.facts",
    "SELECT bucket, component, rank, documents, subject, first, body"
    " FROM conflicts ORDER BY bucket, component",
)


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _answers(db: Path) -> list[Any]:
    return [json.loads(_run(*query, "--db", str(db), "--json")) for query in QUERIES]


def _dump(db: Path) -> list[list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(db)) as connection:
        return [list(map(tuple, connection.execute(sql))) for sql in DERIVED]


@pytest.fixture(scope="module")
def halves(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two folders of input: the seeds and half the stories, the other half."""
    root = tmp_path_factory.mktemp("stored")
    lines = (corpus / "kcna-2024" / "kcna-2024.jsonl").read_text().splitlines()
    first, second = root / "first", root / "second"
    first.mkdir()
    second.mkdir()
    for seed in sorted((corpus / "seeds").glob("*.txt")):
        shutil.copy(seed, first / seed.name)
    half = STORIES // 2
    (first / "a.jsonl").write_text("\n".join(lines[:half]) + "\n")
    (second / "b.jsonl").write_text("\n".join(lines[half:STORIES]) + "\n")
    return [first, second]


@pytest.fixture(scope="module")
def first(halves: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("first") / "first.db"
    _run("build", str(halves[0]), "--db", str(db))
    return db


@pytest.fixture(scope="module")
def whole(halves: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("whole") / "whole.db"
    _run("build", *map(str, halves), "--db", str(db))
    return db


def test_the_queries_read_what_working_them_out_gives(
    whole: Path, tmp_path: Path
) -> None:
    stored = _answers(whole)
    conflicts, calendar = stored
    assert any(g["verdict"] == "conflict" for g in conflicts)
    assert any(g["measure"] == "date" for g in conflicts)
    assert calendar
    assert _answers(_stale(whole, tmp_path)) == stored


def _stale(db: Path, folder: Path) -> Path:
    """A copy of `db` with a write after the last link: its queries work the
    answers out again."""
    stale = folder / "stale.db"
    shutil.copy(db, stale)
    with closing(sqlite3.connect(stale)) as connection:
        connection.execute("UPDATE state SET value = value + 1 WHERE key = 'writes'")
        connection.commit()
    return stale


def test_an_entity_merge_keeps_the_stored_verdicts_true(
    whole: Path, tmp_path: Path
) -> None:
    db = tmp_path / "merged.db"
    shutil.copy(whole, db)
    (conflicts, _) = _answers(db)
    subject = conflicts[0]["subject"]
    listed = json.loads(_run("entities", "--db", str(db), "--json", "--limit", "3"))
    other = next(e["name"] for e in listed if e["name"] != subject)
    _run("entities", "--db", str(db), "--merge", subject, other)
    assert _answers(db) == _answers(_stale(db, tmp_path))


def test_pages_of_stored_groups_are_pages_of_the_whole(whole: Path) -> None:
    (conflicts, _) = _answers(whole)
    assert len(conflicts) > 1
    for start, size in ((0, 1), (1, 1), (1, 5), (len(conflicts), 2)):
        page = _run(
            "claims", "--conflicts", "--json", "--db", str(whole),
            "--offset", str(start), "--limit", str(size),
        )  # fmt: skip
        assert json.loads(page) == conflicts[start : start + size]
    table = _run("claims", "--conflicts", "--db", str(whole))
    assert conflicts[0]["subject"] in " ".join(table.split())


def test_the_queries_read_no_text(whole: Path, tmp_path: Path) -> None:
    blank = tmp_path / "blank.db"
    shutil.copy(whole, blank)
    with closing(sqlite3.connect(blank)) as connection:
        connection.execute("DROP TRIGGER documents_ad")
        connection.execute("UPDATE documents SET text = ''")
        connection.commit()
    assert _answers(blank) == _answers(whole)


def _counting(monkeypatch: pytest.MonkeyPatch, seen: list[int]) -> None:
    """Note each document the link stage derives from the store."""
    original = claims_stored._derive_document

    def counted(connection: sqlite3.Connection, rowid: int) -> None:
        seen.append(rowid)
        original(connection, rowid)

    monkeypatch.setattr(claims_stored, "_derive_document", counted)


def _unshipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents made without their facts (`Document.facts`): the link stage
    derives them from the stored rows, as for a build without annotation."""
    monkeypatch.setattr(pipeline, "_facts", lambda *args: None)


@pytest.mark.parametrize("made", ["with the documents", "by the link stage"])
def test_a_build_in_two_halves_stores_what_one_build_does(
    made: str,
    halves: list[Path],
    first: Path,
    whole: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = tmp_path / "halves.db"
    shutil.copy(first, db)
    with closing(sqlite3.connect(db)) as connection:
        (before,) = connection.execute("SELECT max(rowid) FROM documents").fetchone()
    seen: list[int] = []
    _counting(monkeypatch, seen)
    if made == "by the link stage":
        _unshipped(monkeypatch)
    _run("build", *map(str, halves), "--db", str(db))
    if made == "by the link stage":
        # Only the second half's documents were read again.
        assert seen
        assert min(seen) > before
    else:
        # The writer stored what came with the documents: none read again.
        assert seen == []
    assert _derived(db) == _documents(db)
    # The same rows either way: `whole` stored those made with the documents.
    assert _dump(db) == _dump(whole)
    assert _answers(db) == _answers(whole)


def test_forgetting_a_file_takes_its_rows_along(
    halves: list[Path], first: Path, whole: Path, tmp_path: Path
) -> None:
    db = tmp_path / "forget.db"
    shutil.copy(whole, db)
    _run("forget", str(halves[1] / "b.jsonl"), "--db", str(db))
    assert _dump(db) == _dump(first)
    assert _answers(db) == _answers(first)


def _derived(db: Path) -> int:
    with closing(sqlite3.connect(db)) as connection:
        (count,) = connection.execute("SELECT count(*) FROM derived").fetchone()
    return int(count)


def _documents(db: Path) -> int:
    with closing(sqlite3.connect(db)) as connection:
        (count,) = connection.execute("SELECT count(*) FROM documents").fetchone()
    return int(count)


class Fault(Exception):
    """The injected crash."""


@pytest.mark.parametrize("where", ["deriving", "judging"])
def test_an_interrupted_link_is_finished_by_the_next_build(
    where: str,
    halves: list[Path],
    first: Path,
    whole: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = tmp_path / "fault.db"
    shutil.copy(first, db)
    derive = claims_stored._derive_document
    calls = 0

    def crash(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if where == "judging" or calls > 7:
            raise Fault
        return derive(*args)

    with monkeypatch.context() as patched:
        # Derived by the link stage, whose work is what is interrupted.
        _unshipped(patched)
        if where == "judging":
            # The second half's documents derived, then a crash before the
            # verdicts.
            patched.setattr(claims_stored, "_judge_changed", crash)
        else:
            patched.setattr(claims_stored, "_BATCH", 3)
            patched.setattr(claims_stored, "_derive_document", crash)
        result = runner.invoke(app, ["build", *map(str, halves), "--db", str(db)])
        assert result.exit_code != 0
    if where == "deriving":
        # Two batches of three documents kept, the third rolled back.
        assert _derived(db) == _derived(first) + 6
    # Until the link is done, the queries work the answers out.
    assert _answers(db) == _answers(whole)
    _run("build", *map(str, halves), "--db", str(db))
    assert _dump(db) == _dump(whole)


def test_rows_derived_by_other_rules_are_derived_again(
    halves: list[Path], whole: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "rules.db"
    shutil.copy(whole, db)
    expected = _answers(whole)
    newer = stored_claims.DERIVED_RULES + 1
    monkeypatch.setattr(stored_claims, "DERIVED_RULES", newer)
    monkeypatch.setattr(claims_stored, "DERIVED_RULES", newer)
    # Stored by the older rules: the queries work the answers out.
    assert _answers(db) == expected
    seen: list[int] = []
    _counting(monkeypatch, seen)
    _run("build", *map(str, halves), "--db", str(db))
    assert seen
    assert _answers(db) == expected
    with closing(sqlite3.connect(db)) as connection:
        assert stored_claims.derived_rules(connection) == newer
    assert _dump(db) == _dump(whole)


def test_new_documents_under_new_rules_are_derived_with_the_old(
    halves: list[Path],
    first: Path,
    whole: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The writer keeps no facts made by rules other than the stored rows':
    the link stage derives every document again, the new ones too."""
    db = tmp_path / "newer.db"
    shutil.copy(first, db)
    newer = stored_claims.DERIVED_RULES + 1
    monkeypatch.setattr(stored_claims, "DERIVED_RULES", newer)
    monkeypatch.setattr(claims_stored, "DERIVED_RULES", newer)
    seen: list[int] = []
    _counting(monkeypatch, seen)
    _run("build", *map(str, halves), "--db", str(db))
    assert len(seen) == _documents(db)
    with closing(sqlite3.connect(db)) as connection:
        assert stored_claims.derived_rules(connection) == newer
    assert _dump(db) == _dump(whole)


def test_a_schema_11_dossier_is_filled_by_the_next_build(
    halves: list[Path], first: Path, tmp_path: Path
) -> None:
    db = tmp_path / "old.db"
    shutil.copy(first, db)
    expected = _answers(first)
    with closing(sqlite3.connect(db)) as old:
        old.executescript(
            "DROP TRIGGER reuses_keys_gone; DROP INDEX reuses_unkeyed;"
            " DROP TABLE reuse_passage_keys; DROP TABLE reuse_passages_gone; "
            "DROP TABLE derived; DROP TABLE event_dates; DROP TABLE claim_facts;"
            " DROP TABLE conflict_buckets; DROP TABLE conflicts;"
            " DELETE FROM state WHERE key = 'derived_rules';"
            " ALTER TABLE mentions DROP COLUMN phrase_start;"
            " ALTER TABLE mentions DROP COLUMN phrase_end;"
            " DROP TRIGGER reuse_signed_gone; DROP TABLE reuse_grams;"
            " DROP TABLE reuse_gone; ALTER TABLE reuse_signed DROP COLUMN grams;"
            " DROP TABLE shown; ALTER TABLE reuses DROP COLUMN shared;"
            " PRAGMA user_version = 11;"
        )
    # The migration marks the link pending: the queries work the answers
    # out until a build (no file changed) fills the tables.
    with closing(connect(db)) as migrated:
        assert link_pending(migrated)
    assert _answers(db) == expected
    _run("build", str(halves[0]), "--db", str(db))
    assert _derived(db) == _derived(first)
    assert _dump(db) == _dump(first)
    assert _answers(db) == expected


def test_a_document_another_build_derived_meanwhile_is_left_alone(
    whole: Path, tmp_path: Path
) -> None:
    """Two builds linking one dossier each read the documents pending before
    their write lock; the one that comes second finds them derived and adds
    nothing (it failed on `UNIQUE constraint failed: derived.doc` before)."""
    db = tmp_path / "twice.db"
    shutil.copy(whole, db)
    before = _dump(db)
    with closing(connect(db)) as connection:
        rowid = connection.execute("SELECT min(doc) FROM derived").fetchone()[0]
        connection.execute("BEGIN IMMEDIATE")
        claims_stored._derive_document(connection, rowid)
        connection.execute("COMMIT")
    assert _dump(db) == before
