"""Queries stay bounded with a huge document stored (#17): search snippets
come from a window of the text, `show --json` streams and parses to the same
value as the document built whole."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from itertools import islice
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.present import serialize
from dossier.present.cli.app import app
from dossier.store import connect, queries, snippets
from dossier.store.queries import get_document, offsets_of, search
from dossier.store.records import document_annotations, source_map
from tests.shared import Shared, copy

runner = CliRunner()
# A word no example holds, placed near the end of the grown document.
RARE = "Zyxwvutian"
# Pieces small enough that a grown document of ~600,000 characters is read
# in many of them, so piece boundaries are crossed in every test.
PIECE = 4096
WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def built(examples_built: Shared) -> Path:
    """The session's build of examples/, read only (`grown` copies it)."""
    assert examples_built.report.failures == []
    return examples_built.db


def _grow(path: Path) -> str:
    """Make the document with the most mentions ~600,000 characters long,
    its own text repeated, `RARE` near the end; return its id."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        rowid, doc_id, title, text = connection.execute(
            "SELECT d.rowid, d.id, d.title, d.text FROM documents d"
            " ORDER BY (SELECT count(*) FROM mentions m WHERE m.doc = d.rowid) DESC"
            " LIMIT 1"
        ).fetchone()
        grown = (text + "\n\n") * (600_000 // (len(text) + 2) + 1)
        grown += f"At last the {RARE} delegation arrived.\n\n" + text
        connection.execute(
            "INSERT INTO documents_fts(documents_fts, rowid, title, text)"
            " VALUES ('delete', ?, coalesce(?, ''), ?)",
            (rowid, title, text),
        )
        connection.execute(
            "UPDATE documents SET text = ?, chars = ? WHERE rowid = ?",
            (grown, len(grown), rowid),
        )
        connection.execute(
            "INSERT INTO documents_fts(rowid, title, text)"
            " VALUES (?, coalesce(?, ''), ?)",
            (rowid, title, grown),
        )
    return str(doc_id)


@pytest.fixture(scope="module")
def grown(built: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("grown") / "grown.db"
    copy(built, path)
    return path, _grow(path)


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snippets, "PIECE", PIECE)
    monkeypatch.setattr(queries, "TEXT_PIECE", PIECE)


def test_search_snippet_of_a_word_deep_in_a_huge_document_is_bounded(
    grown: tuple[Path, str],
) -> None:
    path, doc_id = grown
    with closing(connect(path, create=False)) as connection:
        hits = search(connection, RARE.lower())
    assert [hit["doc"] for hit in hits] == [doc_id]
    snippet = hits[0]["snippet"]
    assert f"[{RARE}]" in snippet
    assert "delegation arrived" in snippet
    # The window, its marks and the ellipses at both ends; never the document.
    assert len(snippet) <= snippets.WIDTH + 4


def test_search_snippets_of_every_hit_are_bounded_and_marked(
    grown: tuple[Path, str],
) -> None:
    path, _ = grown
    with closing(connect(path, create=False)) as connection:
        hits = search(connection, "Korea", limit=50)
    assert hits
    for hit in hits:
        marks = 2 * hit["snippet"].count("[")
        assert len(hit["snippet"]) - marks <= snippets.WIDTH + 2
        assert "[Korea]" in hit["snippet"] or "korea" in (hit["title"] or "").lower()


@pytest.mark.parametrize(
    ("query", "fts", "text", "marked"),
    [
        (
            "Down-with-Imperialism Union",
            False,
            "the Down-with-Imperialism Union was",
            ["Down-with-Imperialism", "Union"],
        ),
        (
            '"Kim Il Sung" NOT Juche',
            True,
            "President Kim Il\nSung said",
            ["Kim Il\nSung"],
        ),
        ("Pochon*", True, "the Pochonbo battle", ["Pochonbo"]),
        ("title:Kim AND ^Korea", True, "Korea and Kim", ["Korea", "Kim"]),
    ],
)
def test_match_pattern_marks_what_fts5_finds(
    query: str, fts: bool, text: str, marked: list[str]
) -> None:
    pattern = snippets.match_pattern(query, fts=fts)
    assert pattern is not None
    assert [m.group(0) for m in pattern.finditer(text)] == marked


def test_match_pattern_of_operators_only_is_none() -> None:
    assert snippets.match_pattern("AND OR NOT", fts=True) is None


def test_first_match_finds_a_phrase_across_a_piece_boundary(
    grown: tuple[Path, str],
) -> None:
    path, doc_id = grown
    with closing(connect(path, create=False)) as connection:
        row = get_document(connection, doc_id)
        assert row is not None
        text = row["text"]
        for at in range(PIECE - 12, PIECE + 2, 3):
            # The first match of a word sequence that straddles `at`: the
            # words read from the start of the one `at` is in, not from the
            # text's start (~600,000 characters, five times: 1.3 CPU s).
            start = at
            while start > 0 and WORD.fullmatch(text, start - 1, start):
                start -= 1
            later = (m for m in WORD.finditer(text, start) if m.end() > at)
            words = list(islice(later, 2))
            phrase = re.escape(text[words[0].start() : words[1].end()])
            pattern = re.compile(phrase)
            expected = pattern.search(text)
            assert expected is not None
            found = snippets.first_match(connection, row["rowid"], pattern)
            assert found == expected.start()


def test_text_pieces_join_to_the_text(grown: tuple[Path, str]) -> None:
    path, doc_id = grown
    with closing(connect(path, create=False)) as connection:
        row = get_document(connection, doc_id)
        assert row is not None
        pieces = list(queries.text_pieces(connection, row["rowid"]))
    assert len(pieces) > 100
    assert all(len(piece) <= PIECE for piece in pieces)
    assert "".join(pieces) == row["text"]


def test_show_json_streams_the_same_value_as_built_whole(
    grown: tuple[Path, str],
) -> None:
    path, doc_id = grown
    result = runner.invoke(app, ["show", doc_id, "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    streamed = json.loads(result.stdout)
    with closing(connect(path, create=False)) as connection:
        row = get_document(connection, doc_id)
        assert row is not None
        offsets = offsets_of(row)
        located = source_map(connection, row["source_id"])
        row.update(document_annotations(connection, row["rowid"], offsets, located))
    whole = serialize.document_detail(row, offsets, located)
    assert streamed == json.loads(json.dumps(whole))
    assert streamed["mentions"] and len(streamed["text"]) > 600_000
    # One array item per line: no line holds more than one annotation.
    lines = result.stdout.splitlines()
    assert sum(1 for line in lines if '"span"' in line) == sum(
        len(streamed[k])
        for k in ("mentions", "times", "figures", "quotes", "citations")
    ) + len(streamed["reused"])


def test_show_json_raw_streams_the_same_shape(built: Path) -> None:
    docs = json.loads(runner.invoke(app, ["docs", "--db", str(built), "--json"]).stdout)
    result = runner.invoke(
        app, ["show", docs[0]["id"], "--db", str(built), "--json", "--raw"]
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert {"raw", "removed", "text", "mentions"} <= set(shown)
    assert shown["id"] == docs[0]["id"]
