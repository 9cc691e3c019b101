"""Counts beside a search: how its matches fall by outlet, year, kind and
entity, so the web page can narrow it (issue 16)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from dossier.store.queries import SearchFilters, run_search, search_where
from dossier.store.records import entity_key

# Facets count over the matches stored last (those the search ranks), not
# over every one: grouping every match of a common word by outlet and year
# cost more than the search (9,300 documents: 200 ms against 30;
# bench/web_speed.py), and 2,000 documents took 20 ms, 5,000 took 56 (on a
# loaded machine). Below SAMPLE matches the counts are exact; the page says
# when they are not.
SAMPLE = 2000
# Entities over fewer: each document brings its dozens of mentions.
ENTITY_SAMPLE = 200
# Values shown per facet.
FACET_VALUES = 12


@dataclass(frozen=True, slots=True)
class Facets:
    """(value, count) pairs, most first; `matches` counts every match,
    `sampled` how many the counts are over (`entities_over` for entities)."""

    matches: int
    sampled: int
    entities_over: int
    outlets: list[tuple[str, int]]
    years: list[tuple[str, int]]
    kinds: list[tuple[str, int]]
    entities: list[tuple[str, int]]


def search_filters(
    connection: sqlite3.Connection,
    *,
    kind: str | None = None,
    outlet: str | None = None,
    year: str | None = None,
    entity: str | None = None,
) -> SearchFilters:
    """Facets as a form or a URL gives them (empty means none); an entity by
    any name it is printed under."""
    return SearchFilters(
        kind=kind or None,
        outlet=outlet or None,
        year=year or None,
        entity_key=entity_key(connection, entity) if entity else None,
    )


def search_facets(
    connection: sqlite3.Connection,
    query: str,
    *,
    syntax: str = "words",
    filters: SearchFilters | None = None,
) -> Facets:
    where, params, checked = search_where(query, syntax, filters or SearchFilters())
    matches = run_search(connection, f"SELECT count(*){where}", params, query, checked)[
        0
    ][0]
    sample = (
        f"SELECT documents_fts.rowid AS id{where}"
        " ORDER BY documents_fts.rowid DESC LIMIT ?"
    )
    grouped = run_search(
        connection,
        "SELECT d.outlet, substr(d.date, 1, 4) AS year, d.kind, count(*) AS n"
        f" FROM ({sample}) s JOIN documents d ON d.rowid = s.id GROUP BY 1, 2, 3",
        [*params, SAMPLE],
        query,
        checked,
    )
    outlets: Counter[str] = Counter()
    years: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for row in grouped:
        if row["outlet"]:
            outlets[row["outlet"]] += row["n"]
        if row["year"]:
            years[row["year"]] += row["n"]
        kinds[row["kind"]] += row["n"]
    named = run_search(
        connection,
        # CROSS JOIN: from the sample's documents to their mentions, never
        # from every mention to the sample (3x slower). A document's keys
        # read from `entity_docs` (one row per key and document, kept by
        # triggers), not from its every mention: 10 ms to 2.4 at 93,000
        # documents. The entity is what `link` joined that key into.
        "SELECT e.name, k.n FROM (SELECT j.entity, count(DISTINCT m.doc) AS n"
        f" FROM ({sample}) s CROSS JOIN entity_docs m ON m.doc = s.id"
        " JOIN entity_keys j ON j.key = m.key"
        " GROUP BY j.entity ORDER BY n DESC LIMIT ?) k"
        " JOIN entities e ON e.key = k.entity ORDER BY k.n DESC, e.name",
        [*params, ENTITY_SAMPLE, FACET_VALUES],
        query,
        checked,
    )
    return Facets(
        matches=matches,
        sampled=min(matches, SAMPLE),
        entities_over=min(matches, ENTITY_SAMPLE),
        outlets=outlets.most_common(FACET_VALUES),
        years=sorted(years.items(), reverse=True)[:FACET_VALUES],
        kinds=kinds.most_common(),
        entities=[(row["name"], row["n"]) for row in named],
    )
