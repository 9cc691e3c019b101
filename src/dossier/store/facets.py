"""Counts beside a search: how its matches fall by outlet, year, kind and
entity, so the web page can narrow it (issue 16)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from dossier.store.queries import SearchFilters, run_search, search_where
from dossier.store.records import entity_key

# Entities are counted over the best matches only: over every match of a
# common word in a large dossier the join with mentions costs more than the
# search itself.
ENTITY_SAMPLE = 200
# Values shown per facet; the rest are summed as "other".
FACET_VALUES = 12


@dataclass(frozen=True, slots=True)
class Facets:
    """(value, count) pairs, most first; `matches` counts every match."""

    matches: int
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
    grouped = run_search(
        connection,
        "SELECT d.outlet, substr(d.date, 1, 4) AS year, d.kind, count(*) AS n"
        f"{where} GROUP BY 1, 2, 3",
        params,
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
        "SELECT e.name, count(DISTINCT m.doc) AS n FROM mentions m"
        " JOIN entities e ON e.key = m.key WHERE m.doc IN"
        f" (SELECT d.rowid{where} ORDER BY bm25(documents_fts, 5.0, 1.0) LIMIT ?)"
        " GROUP BY e.key ORDER BY n DESC, e.name LIMIT ?",
        [*params, ENTITY_SAMPLE, FACET_VALUES],
        query,
        checked,
    )
    return Facets(
        matches=sum(kinds.values()),
        outlets=outlets.most_common(FACET_VALUES),
        years=sorted(years.items(), reverse=True)[:FACET_VALUES],
        kinds=kinds.most_common(),
        entities=[(row["name"], row["n"]) for row in named],
    )
