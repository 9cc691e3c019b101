"""The copy columns' narrow table (migration 10) and the listings that read
it a page at a time: the same rows as the whole listing, and each row's
context read around it the same as its whole document's, on real stories."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from dossier.link.assertion import Named, Spoken, assertion
from dossier.present.cli.build import build_files
from dossier.settings import Settings
from dossier.store import claims as stored_claims
from dossier.store import connect, records
from dossier.store.context import DocumentContext
from dossier.store.db import _statements
from dossier.store.forget import forget
from dossier.store.queries import list_documents
from dossier.store.schema import MIGRATIONS, SCHEMA_VERSION

pytestmark = pytest.mark.corpus

# Stories of kcna-2024 taken, and how many of them each later file repeats.
STORIES = 60
RERUNS = 25


@pytest.fixture(scope="module")
def db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first stories of kcna-2024; a re-run of some a week later; a near
    copy of others with a sentence of their own repeated at the end (a
    second occurrence of a row, which a copy gives as its own)."""
    with (corpus / "kcna-2024" / "kcna-2024.jsonl").open(encoding="utf-8") as handle:
        stories = [json.loads(next(handle)) for _ in range(STORIES)]
    folder = tmp_path_factory.mktemp("copies")
    (folder / "a.jsonl").write_text(_lines(stories), encoding="utf-8")
    rerun = [{**story, "date": "2024-12-30"} for story in stories[:RERUNS]]
    (folder / "b.jsonl").write_text(_lines(rerun), encoding="utf-8")
    near = [
        {**story, "text": story["text"] + "\n" + story["text"].split("\n")[-1]}
        for story in stories[RERUNS : 2 * RERUNS]
    ]
    (folder / "c.jsonl").write_text(_lines(near), encoding="utf-8")
    path = folder / "copies.db"
    report = build_files([folder], Settings(db=str(path)))
    assert report.failures == []
    return path


def _lines(stories: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(story) + "\n" for story in stories)


@pytest.fixture
def connection(db: Path) -> Iterator[sqlite3.Connection]:
    with closing(connect(db, create=False)) as opened:
        yield opened


def copy_columns(db: Path, table: str = "documents") -> list[tuple[Any, ...]]:
    key = "rowid" if table == "documents" else "doc"
    with closing(sqlite3.connect(db)) as opened:
        return opened.execute(
            f"SELECT {key}, copy_of, copy_group FROM {table} ORDER BY {key}"
        ).fetchall()


def test_copy_table_holds_every_document_copy_columns(db: Path) -> None:
    documents = copy_columns(db)
    assert documents == copy_columns(db, "document_copies")
    # The stories repeated are copies: the test would pass on no copies.
    assert sum(1 for _, copy_of, _ in documents if copy_of) >= RERUNS


LISTINGS: dict[str, Callable[..., list[dict[str, Any]]]] = {
    "timeline": records.timeline,
    "quotes": records.quotes,
    "citations": records.citations,
    "claims": stored_claims.claims,
}


@pytest.mark.parametrize("name", LISTINGS)
@pytest.mark.parametrize("all_", [False, True])
def test_pages_read_in_order_equal_the_whole_listing(
    connection: sqlite3.Connection, name: str, all_: bool
) -> None:
    """Pages (the walk that stops at a page's end) laid end to end give the
    rows of the whole listing (one window query over every row)."""
    listing = LISTINGS[name]
    whole = listing(connection, all_=all_)
    size = max(1, len(whole) // 7)
    paged: list[dict[str, Any]] = []
    for offset in range(0, len(whole) + size, size):
        paged += listing(connection, all_=all_, limit=size, offset=offset)
    assert paged == whole


@pytest.mark.parametrize("name", ["timeline", "claims"])
def test_a_page_leaves_out_the_rows_copies_repeat(
    connection: sqlite3.Connection, name: str
) -> None:
    listing = LISTINGS[name]
    every = listing(connection, all_=True, limit=100_000)
    once = listing(connection, limit=100_000)
    assert len(once) < len(every)


def test_a_near_copy_gives_its_added_sentence(connection: sqlite3.Connection) -> None:
    """The sentence a near copy repeats at its end is a second occurrence of
    its dates: the copy gives those rows, its original has them once."""
    once = records.timeline(connection, limit=100_000)
    assert any(row["copy_of"] for row in once)


def test_entity_filter_pages_equal_the_whole_listing(
    connection: sqlite3.Connection,
) -> None:
    whole = records.timeline(connection, entity="Pyongyang")
    assert whole
    paged = records.timeline(connection, entity="Pyongyang", limit=3, offset=2)
    assert paged == whole[2:5]


def test_documents_page_skips_copies_without_reading_texts(
    connection: sqlite3.Connection,
) -> None:
    every = list_documents(connection, all_=True)
    independent = list_documents(connection)
    assert [d for d in every if d["copy_of"] is None] == independent
    assert list_documents(connection, limit=10, offset=20) == independent[20:30]


def _as_schema_9(db: Path, target: Path) -> None:
    """`db` as a build before the copy table's migration (10) left it:
    no narrow table, the per-document indexes on `doc` alone."""
    shutil.copy(db, target)
    with closing(sqlite3.connect(target)) as old:
        old.executescript(
            "DROP TRIGGER reuses_keys_gone; DROP INDEX reuses_unkeyed;"
            " DROP TABLE reuse_passage_keys; DROP TABLE reuse_passages_gone; "
            "DROP TRIGGER documents_copies_insert;"
            " DROP TRIGGER documents_copies_update;"
            " DROP TRIGGER documents_copies_delete;"
            " DROP TABLE document_copies;"
            " DROP INDEX mentions_doc_start; DROP INDEX times_sentences;"
            " DROP INDEX documents_source_ordinal;"
            " CREATE INDEX mentions_doc ON mentions(doc);"
            " CREATE INDEX times_doc ON times(doc);"
            " CREATE INDEX documents_source ON documents(source_id);"
            " DROP INDEX quotes_speaker;"
            " DROP TABLE derived; DROP TABLE event_dates; DROP TABLE claim_facts;"
            " DROP TABLE conflict_buckets; DROP TABLE conflicts;"
            " DELETE FROM state WHERE key = 'derived_rules';"
            " ALTER TABLE mentions DROP COLUMN phrase_start;"
            " ALTER TABLE mentions DROP COLUMN phrase_end;"
            " DROP TRIGGER reuse_signed_gone; DROP TABLE reuse_grams;"
            " DROP TABLE reuse_gone; ALTER TABLE reuse_signed DROP COLUMN grams;"
            " DROP TABLE shown; DROP TABLE deferred_indexes;"
            " ALTER TABLE reuses DROP COLUMN shared; PRAGMA user_version = 9;"
        )
        # Schema 9's insert trigger on mentions, which 16 drops.
        (trigger,) = [
            statement
            for statement in _statements(MIGRATIONS[8])
            if statement.startswith("CREATE TRIGGER mentions_stale_insert")
        ]
        old.execute(trigger)


def test_a_schema_9_dossier_migrates_with_the_same_listings(
    db: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.db"
    _as_schema_9(db, old)
    with closing(connect(old)) as migrated:
        assert migrated.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert copy_columns(old, "document_copies") == copy_columns(db)
    with (
        closing(connect(old, create=False)) as after,
        closing(connect(db, create=False)) as built,
    ):
        for listing in LISTINGS.values():
            assert listing(after, limit=40) == listing(built, limit=40)
        assert list_documents(after) == list_documents(built)


def test_triggers_follow_copy_marks_and_forgetting(db: Path, tmp_path: Path) -> None:
    changed = tmp_path / "changed.db"
    shutil.copy(db, changed)
    with closing(connect(changed)) as writer:
        writer.execute("BEGIN")
        # What link.groups writes when a group changes.
        writer.execute(
            "UPDATE documents SET copy_of = NULL, copy_group = NULL"
            " WHERE copy_group IS NOT NULL"
        )
        writer.execute("COMMIT")
        assert copy_columns(changed, "document_copies") == copy_columns(changed)
        path = writer.execute("SELECT path FROM files LIMIT 1").fetchone()[0]
        assert forget(writer, [path]) > 0
    assert copy_columns(changed, "document_copies") == copy_columns(changed)


def test_a_rows_context_gives_what_the_whole_document_gives(
    connection: sqlite3.Connection,
) -> None:
    """Who asserts each figure and the entities of its sentence, from the
    quotes and mentions found around it, equal what every quote and outlet
    of its document gives `link.assertion`."""
    context = DocumentContext(connection)
    figures = connection.execute(
        "SELECT f.doc, f.start, f.end, f.sentence_start, f.sentence_end, d.outlet"
        " FROM figures f JOIN documents d ON d.rowid = f.doc"
    ).fetchall()
    assert len(figures) > 20
    for doc, start, end, s0, s1, outlet in figures:
        quotes = [
            Spoken(*row)
            for row in connection.execute(
                "SELECT q.start, q.end, q.kind, q.speaker, q.via, c.outlet"
                " FROM quotes q LEFT JOIN citations c"
                " ON c.doc = q.doc AND c.number = q.citation WHERE q.doc = ?",
                (doc,),
            )
        ]
        mentions = connection.execute(
            "SELECT start, end, entity, type FROM mentions WHERE doc = ?", (doc,)
        ).fetchall()
        outlets = [
            Named(s, e, name) for s, e, name, t in mentions if t == "PUBLICATION"
        ]
        whole = assertion(
            start,
            end,
            text=context.text(doc),
            sentence=(s0, s1),
            outlet=outlet,
            quotes=quotes,
            outlets=outlets,
        )
        assert context.assertion(doc, start, end, (s0, s1), outlet=outlet) == whole
        named = {
            name
            for s, e, name, t in mentions
            if s0 <= s and e <= s1 and t != "PUBLICATION"
        }
        assert context.entities(doc, (s0, s1)) == sorted(named)
