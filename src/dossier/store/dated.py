"""Dated statements for the web's timeline and entity pages, bounded: the
first rows in date order and how many there are (issue 16).

`records.timeline` (the CLI's) reads every sentence of every match, which at
9,300 documents takes seconds; a page draws the first few thousand points
and lists the first rows. Copies of a text are left out whole here (the
CLI's listing keeps the lines a near copy adds), so a re-run is one point.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from dossier.store.context import asserted
from dossier.store.entities import MENTION_SAMPLE, sampled_mentions
from dossier.store.records import dated_within, entity_key, with_sentences


@dataclass(frozen=True, slots=True)
class Dated:
    """`points`: date, text, document and span of each of the first rows;
    `rows`: the first of them in `timeline --json`'s shape; `more`: whether
    there are statements after the points (not counted: counting them all
    costs what drawing them would)."""

    points: list[dict[str, Any]]
    rows: list[dict[str, Any]]
    more: bool


def dated_statements(
    connection: sqlite3.Connection,
    *,
    entity: str | None = None,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    points: int = 5000,
    rows: int = 200,
) -> Dated:
    where, params = dated_within(
        date_from=date_from, date_to=date_to, outlet=outlet, names=("from", "to")
    )
    where.extend(["t.type = 'DATE'", "t.first_day IS NOT NULL", "dc.copy_of IS NULL"])
    if entity:
        # From the entity's mentions to their sentences' times. Testing each
        # statement in date order instead, stopping at the limit, was no
        # faster for the most named (Pyongyang, 12,000 mentions in 9,300
        # documents: 350 ms against 330) and 8x slower for the United States
        # (4,600 mentions, fewer of them in dated sentences). Its first
        # MENTION_SAMPLE mentions only (see there). Sentences do not overlap,
        # so the one holding a mention, if any time lies in it, starts at
        # the last time's sentence start at or before the mention: one seek
        # of `times_sentences` per mention. (Bounding the range by the
        # document's longest sentence read every time of every sampled
        # document first; without a bound, a 10 MB document read every
        # sentence before each mention: 12 s per page.) CROSS JOIN keeps
        # that order: from the mentions, never from every time of their
        # documents (2.1 s against 27 ms).
        key = entity_key(connection, entity)
        where.append(
            f"t.rowid IN (SELECT n.rowid FROM {sampled_mentions()} m"
            " CROSS JOIN times n ON n.doc = m.doc AND n.sentence_start ="
            " (SELECT max(x.sentence_start) FROM times x WHERE x.doc = m.doc"
            " AND x.sentence_start <= m.start) AND m.end <= n.sentence_end)"
        )
        params.extend((key, MENTION_SAMPLE))
    source = (
        " FROM times t JOIN documents d ON d.rowid = t.doc"
        f" JOIN document_copies dc ON dc.doc = t.doc WHERE {' AND '.join(where)}"
    )
    # In the order of the first_day index, so the walk stops at the limit;
    # sorting every statement on four keys first took 500 ms at 9,300 docs.
    found = connection.execute(
        "SELECT t.rowid AS id, t.value, t.first_day, t.last_day, t.text, t.start,"
        f" t.end, d.id AS doc, dc.copy_of{source} ORDER BY t.first_day LIMIT ?",
        (*params, points + 1),
    ).fetchall()
    more = len(found) > points
    found = found[:points]
    listed = _with_sentences(connection, found[:rows])
    return Dated(
        points=[
            {
                "first": r["first_day"],
                "last": r["last_day"],
                "text": r["text"],
                "doc": r["doc"],
                "span": [r["start"], r["end"]],
            }
            for r in found
        ],
        rows=listed,
        more=more,
    )


def _with_sentences(
    connection: sqlite3.Connection, found: list[sqlite3.Row]
) -> list[dict[str, Any]]:
    """The rows as `timeline --json` gives them, their sentences and the
    entities named there read as the CLI's timeline reads them
    (`records.with_sentences`), for these rows only."""
    extra = {
        row["id"]: dict(row)
        for row in connection.execute(
            "SELECT t.rowid AS id, t.sentence_start AS s0, t.sentence_end AS s1,"
            " d.rowid AS rowid, d.outlet AS outlet"
            " FROM times t JOIN documents d ON d.rowid = t.doc"
            " WHERE t.rowid IN (SELECT value FROM json_each(?))",
            (json.dumps([row["id"] for row in found]),),
        )
    }
    rows = [
        {
            "value": row["value"],
            "first_day": row["first_day"],
            "last_day": row["last_day"],
            "text": row["text"],
            "sentence": None,  # filled in by with_sentences
            "doc": row["doc"],
            "entities": [],
            "span": [row["start"], row["end"]],
            "copy_of": row["copy_of"],
            # What `asserted` reads to say who gives the date.
            "_start": row["start"],
            "_end": row["end"],
            "_s0": extra[row["id"]]["s0"],
            "_s1": extra[row["id"]]["s1"],
            "_rowid": extra[row["id"]]["rowid"],
            "_outlet": extra[row["id"]]["outlet"],
        }
        for row in found
    ]
    return asserted(connection, with_sentences(connection, rows, entities=True))
