"""The pages' bounded reads give what the CLI's listings give, cut short."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from dossier.present.contracts import schema_for
from dossier.store import connect, records
from dossier.store.dated import dated_statements
from dossier.store.entities import quotes_about, quotes_by
from dossier.store.facets import search_facets, search_filters

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def connection(web_db: Path) -> Iterator[sqlite3.Connection]:
    with closing(connect(web_db, create=False)) as opened:
        yield opened


def _key(row: dict[str, Any]) -> tuple[str, int, int]:
    return (row["doc"], row["span"][0], row["span"][1])


@pytest.mark.parametrize("entity", [None, "Kim Il Sung", "Pyongyang"])
def test_dated_statements_are_the_timeline_cut_short(
    connection: sqlite3.Connection, entity: str | None
) -> None:
    every = records.timeline(connection, entity=entity)
    dated = dated_statements(connection, entity=entity, points=10_000, rows=10_000)
    assert not dated.more
    # The seeds and the extra documents hold exact copies only: leaving
    # copies out whole gives the CLI's rows.
    assert sorted(map(_key, dated.rows)) == sorted(map(_key, every))
    Draft202012Validator(schema_for("timeline")).validate(dated.rows)
    days = [row["first_day"] for row in dated.rows]
    assert days == sorted(days)
    short = dated_statements(connection, entity=entity, points=5, rows=3)
    assert short.more == (len(every) > 5)
    assert len(short.rows) == min(3, len(every))
    assert [p["first"] for p in short.points] == days[:5]


def test_quotes_by_and_about_are_the_cli_quotes(connection: sqlite3.Connection) -> None:
    about = quotes_about(connection, "Kim Il Sung", limit=1000)
    assert about
    cli = records.quotes(connection, about="Kim Il Sung")
    assert sorted(q["text"] for q in about) == sorted(q["text"] for q in cli)
    Draft202012Validator(schema_for("quotes")).validate(about)
    said = quotes_by(connection, "Kim Il Sung", limit=1000)
    spoken = records.quotes(connection, speaker="Kim Il Sung")
    assert said and sorted(q["text"] for q in said) == sorted(q["text"] for q in spoken)


def test_facets_count_every_match_when_few(connection: sqlite3.Connection) -> None:
    facets = search_facets(connection, "Kim Il Sung")
    assert facets.sampled == facets.matches > 0
    assert sum(n for _, n in facets.kinds) == facets.matches
    narrowed = search_facets(
        connection,
        "Kim Il Sung",
        filters=search_filters(connection, outlet="Naenara"),
    )
    assert narrowed.outlets == [("Naenara", narrowed.matches)]
