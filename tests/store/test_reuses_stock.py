"""The reuse listing's stock test, made for all rows at once, gives the rows
the SQL definition (`_pairs()`: two subqueries a row) gives."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.link.stock import STOCK_PARTNERS
from dossier.store import connect
from dossier.store.reuses import (
    _pair,
    _pairs,
    document_reuses,
    iter_reuse_pairs,
    reuse_pairs,
)
from tests.properties import examples

DOCUMENTS = 9


def dossier(path: Path, copies: set[int]) -> sqlite3.Connection:
    connection = connect(path)
    connection.execute("INSERT INTO files VALUES ('f.txt', 'x', 1, 'now', '', NULL)")
    connection.execute(
        "INSERT INTO sources VALUES (1, 'f.txt', 0, 'x', 'utf-8', '', '[]', '{}')"
    )
    for rowid in range(1, DOCUMENTS + 1):
        connection.execute(
            "INSERT INTO documents(rowid, id, source_id, ordinal, kind, date, text,"
            " offsets, raw_start, raw_end, chars, copy_of)"
            " VALUES (?, ?, 1, ?, 'article', ?, '', x'', 0, 0, 0, ?)",
            (
                rowid,
                f"{rowid:012x}",
                rowid,
                f"2024-01-{rowid:02d}",
                f"{1:012x}" if rowid in copies else None,
            ),
        )
    return connection


# A reuse: two documents, a passage in each (start and length), a score.
# Coarse spans, so passages overlap, touch and cluster past STOCK_PARTNERS.
start = st.sampled_from([0, 10, 20, 30])
length = st.sampled_from([10, 20])
reuse = st.tuples(
    st.integers(1, DOCUMENTS),
    st.integers(1, DOCUMENTS),
    start,
    length,
    start,
    length,
    st.sampled_from([0.5, 0.8, 0.9, 1.0]),
)


def _store(
    connection: sqlite3.Connection,
    rows: list[tuple[int, ...]],
    *,
    ordered: bool = False,
) -> None:
    """The drawn reuses in place of the stored ones (a document never with
    itself); `ordered` puts the lower rowid first, as `link.reuse` stores."""
    connection.execute("DELETE FROM reuses")
    for a, b, a_start, a_length, b_start, b_length, score in rows:
        if a == b:
            continue
        if ordered:
            a, b = min(a, b), max(a, b)
        connection.execute(
            "INSERT INTO reuses(a, b, a_start, a_end, b_start, b_end, score, words)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 40)",
            (a, b, a_start, a_start + a_length, b_start, b_start + b_length, score),
        )


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    # Documents 3 and 5 are copies: pairs with them are never listed.
    folder = tmp_path_factory.mktemp("stock")
    with closing(dossier(folder / "d.db", {3, 5})) as connection:
        yield connection


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows=st.lists(reuse, min_size=10, max_size=60))
def test_reuse_listing_is_the_sql_definition(
    shared: sqlite3.Connection, rows: list[tuple[int, ...]]
) -> None:
    connection = shared
    _store(connection, rows, ordered=True)
    expected = [
        _pair(row, flip=False)
        for row in connection.execute(
            _pairs() + " ORDER BY r.score DESC, da.id, db.id, r.a_start", (0.0,)
        )
    ]
    assert list(iter_reuse_pairs(connection)) == expected


def test_a_passage_many_documents_repeat_is_not_listed(tmp_path: Path) -> None:
    with closing(dossier(tmp_path / "d.db", set())) as connection:
        # Document 1's passage [0, 50) repeated by 6 others: stock.
        for other in range(2, 2 + STOCK_PARTNERS + 1):
            connection.execute(
                "INSERT INTO reuses(a, b, a_start, a_end, b_start, b_end, score, words)"
                " VALUES (1, ?, 0, 50, 0, 50, 1.0, 40)",
                (other,),
            )
        # Its passage [100, 150) repeated by one: reuse.
        connection.execute(
            "INSERT INTO reuses(a, b, a_start, a_end, b_start, b_end, score, words)"
            " VALUES (1, 9, 100, 150, 7, 57, 0.9, 40)"
        )
        listed = list(iter_reuse_pairs(connection))
    assert [(p["a"], p["b"], p["a_span"]) for p in listed] == [
        (f"{1:012x}", f"{9:012x}", [100, 150])
    ]


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows=st.lists(reuse, min_size=10, max_size=60))
def test_a_documents_reuses_are_the_sql_definition(
    shared: sqlite3.Connection, rows: list[tuple[int, ...]]
) -> None:
    # `show`'s reused marks: the stock test made for one document's passages
    # and its partners' only.
    connection = shared
    _store(connection, rows)
    for rowid in range(1, DOCUMENTS + 1):
        for min_score in (0.0, 0.85):
            expected = connection.execute(
                _pairs() + " AND (r.a = ? OR r.b = ?)", (min_score, rowid, rowid)
            ).fetchall()
            found = document_reuses(connection, rowid, min_score=min_score)
            assert sorted(found) == sorted(map(tuple, expected))


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows=st.lists(reuse, min_size=10, max_size=60), limit=st.integers(1, 4))
def test_one_documents_listing_is_the_sql_definition_best_first(
    shared: sqlite3.Connection, rows: list[tuple[int, ...]], limit: int
) -> None:
    # `reuse --doc`, the web page and the API: the document is `a`, the
    # pairs best first, pages of the whole.
    connection = shared
    _store(connection, rows)
    for rowid in range(1, DOCUMENTS + 1):
        doc = f"{rowid:012x}"
        expected = [
            _pair(row, flip=row[1] == rowid)
            for row in connection.execute(
                _pairs() + " AND (r.a = ? OR r.b = ?)", (0.0, rowid, rowid)
            )
        ]
        listed = reuse_pairs(connection, doc=doc)
        assert all(pair["a"] == doc for pair in listed)
        assert [pair["score"] for pair in listed] == sorted(
            (pair["score"] for pair in listed), reverse=True
        )
        key = sorted(map(repr, expected))
        assert sorted(map(repr, listed)) == key
        paged = [
            pair
            for offset in range(0, len(listed), limit)
            for pair in reuse_pairs(connection, doc=doc, limit=limit, offset=offset)
        ]
        assert paged == listed
