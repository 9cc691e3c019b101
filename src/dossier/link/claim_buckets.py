"""Link: the stored claims of the dossier, one group of comparable claims (a
bucket: subject, measure, language) at a time (issue 14 part 5).

The conflicts step held every stored claim as a dict to bucket them: a page
of 80,000 tiny figures peaked at 1,012 MB in that step. Now SQLite sorts the
claims by their bucket's name (a Python function the sorter calls, spilling
to a temporary file past its cache), and only the bucket being read is held.
What needed the whole dossier is asked of SQL first, each a small answer:
the usual language (for claims too short to tell theirs), the first day
given for each event (`store.events.refined`), which of a copy group's
repeated figures is given (`once.rows_once`, by window functions).

A bucket keeps its first MOST_CLAIMS claims, in the order `compare_claims`
lists them; the rest are counted, not held: one subject counted in a whole
archive (every "t" of a page of 80,000 tonnages) is otherwise one bucket
the size of the corpus.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from dossier.link.claims import _subject_key
from dossier.link.events import EventDate, refine
from dossier.store.claims import (
    claim_of,
    entity_facts,
    head_subject,
    independent_sources,
)
from dossier.store.events import date_claim

# Claims of one bucket held at once: about 3 KB each as dicts with their
# group's copies and JSON, so some 60 MB. kcna-2024's largest bucket has
# a few hundred.
MOST_CLAIMS = 20_000


@dataclass(frozen=True, slots=True)
class Bucket:
    """One group of comparable claims, as `link.claims.bucket_claims` makes it."""

    key: str
    measure: str
    language: str | None
    name: str  # JSON of [key, measure, language]: what `conflicts` stores
    members: list[dict[str, Any]]  # the first MOST_CLAIMS, in listing order
    left_out: int  # claims past MOST_CLAIMS, counted only


# The figures `store.claims.claims` lists: a copy group's repeated figure
# given once, from its earliest member (`once.rows_once`). A figure's
# occurrence is its place among the figures of its document that print the
# same; the member giving it is the original before a copy, dated before
# undated, then the earliest date, then the smallest id.
_GIVEN = """
WITH placed AS (
    SELECT f.doc, f.figure, f.doc_id AS id, f.doc_date AS date, f.start,
        f.text, f.subject, f.unit, f.sentence_chars, f.sentence_at,
        c.copy_of, coalesce(c.copy_group, f.doc_id) AS grp,
        row_number() OVER (
            PARTITION BY f.doc, f.text, f.subject, f.unit, f.sentence_chars,
                f.sentence_at
            ORDER BY f.start, f.figure
        ) AS occurrence
    FROM claim_facts f JOIN document_copies c ON c.doc = f.doc
), ranked AS (
    SELECT *, row_number() OVER (
        PARTITION BY grp, text, subject, unit, sentence_chars, sentence_at,
            occurrence
        ORDER BY copy_of IS NOT NULL, date IS NULL, coalesce(date, ''), id
    ) AS place FROM placed
)
SELECT doc, figure, id, date, start, subject, unit, copy_of, grp
FROM ranked WHERE place = 1
"""

# The event dates the dossier gives, originals only, each with the first day
# another source gives its event (in the order `stored_event_dates` reads).
_DATES = """
SELECT e.doc, e.doc_id, e.doc_date, c.copy_of,
    coalesce(c.copy_group, e.doc_id) AS grp, e.sentence, e.asserted_by, e.via,
    e.language, e.n, e.event, e.kind, e.start, e.end, e.text, e.first_year,
    e.last_year, e.day, e.years,
    first_value(e.day) OVER (
        PARTITION BY e.event ORDER BY e.day IS NULL, e.doc_date, e.doc, e.n
    ) AS first_day
FROM event_dates e JOIN document_copies c ON c.doc = e.doc
WHERE c.copy_of IS NULL
"""


def stored_buckets(connection: sqlite3.Connection) -> Iterator[Bucket]:
    """The buckets `bucket_claims(claims_and_dates(connection))` makes, from
    the stored facts, in order of their names; each member has its place
    in the listing order (`_order`, a string that sorts like it)."""
    sources = independent_sources(connection)
    types, common = entity_facts(connection)
    usual = usual_language(connection)

    def name(
        subject: str | None, unit: str | None, measure: Any, language: str | None
    ) -> str | None:
        return bucket_name(subject, unit, measure, language or usual)

    connection.create_function("dossier_bucket", 4, name, deterministic=True)

    def figure(row: tuple[Any, ...]) -> dict[str, Any]:
        number, doc_id, start, copy_of, grp, facts = row
        claim = claim_of(
            json.loads(facts),
            copy_of=copy_of,
            types=types,
            common=common,
            source=sources.get(grp, grp),
        )
        claim["_order"] = _order(0, doc_id, start, number)
        return claim

    def dated(row: tuple[Any, ...]) -> dict[str, Any]:
        (rowid, doc_id, date, copy_of, grp, sentence, asserted_by, via) = row[:8]
        language, n, *fields, first_day = row[8:]
        event = EventDate(*fields)
        if first_day is not None:
            event = refine(event, first_day, date)
        document = {"doc": doc_id, "copy_of": copy_of, "_copy_group": grp}
        said = {
            "sentence": sentence,
            "asserted_by": asserted_by,
            "via": json.loads(via),
            "language": language,
        }
        claim = date_claim(document, event, said, sources)
        claim["_order"] = _order(1, date or "", rowid, n)
        return claim

    # Claims compared with none (no subject) are named NULL, sorted first
    # and passed over: a WHERE on the name would call the function again.
    figures = connection.execute(
        "SELECT dossier_bucket(g.subject, g.unit, json_extract(f.facts,"
        " '$.measure'), json_extract(f.facts, '$.language')) AS name,"
        " g.figure, g.id, g.start, g.copy_of, g.grp, f.facts"
        f" FROM ({_GIVEN}) g JOIN claim_facts f"
        " ON f.doc = g.doc AND f.figure = g.figure"
        " ORDER BY name, g.id, g.start, g.figure"
    )
    dates = connection.execute(
        "SELECT dossier_bucket(event, 'year', 'date', language) AS name, *"
        f" FROM ({_DATES}) ORDER BY name, doc_date, doc, n"
    )
    rows = heapq.merge(
        ((row[0], figure, row[1:]) for row in figures if row[0] is not None),
        ((row[0], dated, row[1:]) for row in dates if row[0] is not None),
        key=itemgetter(0),
    )  # figures before dates in a bucket: the order `claims_and_dates` gives
    for bucket_name_, found in groupby(rows, key=itemgetter(0)):
        members: list[dict[str, Any]] = []
        left_out = 0
        for _, make, row in found:
            if len(members) < MOST_CLAIMS:
                members.append(make(row))
            else:
                left_out += 1
        key, measure, language = json.loads(bucket_name_)
        yield Bucket(key, measure, language, bucket_name_, members, left_out)


def bucket_name(
    subject: str | None, unit: str | None, measure: Any, language: str | None
) -> str | None:
    """The name of the bucket of a claim on `subject` (None: the counted
    noun's, as `claim_of` says) or None when it is compared with none."""
    if subject is None:
        subject = head_subject(unit)
    key = _subject_key({"subject": subject, "unit": unit})
    if key is None:
        return None
    return json.dumps([key, str(measure), language])


def usual_language(connection: sqlite3.Connection) -> str | None:
    """The language most claims are in (ties: the first met in listing
    order), as `bucket_claims` counts it: a text too short to tell its
    language is taken to be in it."""
    counts = connection.execute(
        "SELECT language, count(*), min(part), min(place) FROM ("
        " SELECT json_extract(f.facts, '$.language') AS language, 0 AS part,"
        "  row_number() OVER (ORDER BY g.id, g.start, g.figure) AS place"
        f" FROM ({_GIVEN}) g JOIN claim_facts f"
        "  ON f.doc = g.doc AND f.figure = g.figure"
        " UNION ALL SELECT language, 1,"
        "  row_number() OVER (ORDER BY doc_date, doc, n)"
        f" FROM ({_DATES}))"
        " WHERE language IS NOT NULL AND language != ''"
        " GROUP BY language, part"
    ).fetchall()
    totals: dict[str, list[Any]] = {}
    for language, count, part, place in counts:
        total = totals.setdefault(language, [0, (part, place)])
        total[0] += count
        total[1] = min(total[1], (part, place))
    if not totals:
        return None
    return min(totals, key=lambda language: (-totals[language][0], totals[language][1]))


def _order(part: int, text: str, first: int, second: int) -> str:
    # \x01 sorts before every printed character: a shorter id or date sorts
    # first, as in SQL.
    return f"{part}\x01{text}\x01{first:012d}\x01{second:012d}"
