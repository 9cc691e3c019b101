"""The query behind `dossier claims`: figures with what `link.claims` compares
them by (measure, time scope, language, who asserts them, independent source).

The listing is read at query time from what `build` stored (figures, their
sentences, the times, quotes and outlets named in them). `claims
--conflicts` reads the verdicts the link stage stored
(`link.claims_stored`, from each figure's `figure_facts`); a rule change
there raises `DERIVED_RULES`, and the next build derives them again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from dossier.link.measures import is_money, measure
from dossier.store.context import DocumentContext
from dossier.store.db import link_pending
from dossier.store.once import Listing, rows_once
from dossier.store.queries import page
from dossier.store.records import _filters, _sentence_shape

# An entity named in more than this share of documents (and in more than
# `_COMMON_MIN` of them) is the archive's constant background, not an event
# two sentences share: on kcna-2024 the DPRK is named in most stories, and
# "over 50 countries including the DPRK" (a forum in Mexico) was paired with
# "over 20 countries including the DPRK" (a championship in Kazakhstan).
_COMMON_SHARE = 0.02
_COMMON_MIN = 5
# Subjects of these types are what a figure counts as a whole ("fighters of
# the CPV"); a place named as a modifier ("DPRK heroes", "Korean
# communists") does not say whose heroes, so such claims are compared like
# a bare counted noun, needing a date and something else in common.
_WHOLE_SUBJECTS = ("ORG", "PERSON")


def claims(
    connection: sqlite3.Connection,
    *,
    entity: str | None = None,
    doc: str | None = None,
    all_: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Every figure as a claim (a page of them with `limit`), with private `_`
    fields `link.claims` reads."""
    return list(
        iter_claims(
            connection, entity=entity, doc=doc, all_=all_, limit=limit, offset=offset
        )
    )


def iter_claims(
    connection: sqlite3.Connection,
    *,
    entity: str | None = None,
    doc: str | None = None,
    all_: bool = False,
    limit: int | None = None,
    offset: int = 0,
    lazy: bool = False,
) -> Iterator[dict[str, Any]]:
    """`claims` one at a time in document order; `lazy` when the caller stops
    reading early (see `once.rows_once`). Each claim reads its document's
    context once (text, quotes, mentions, times), and its sentence from that
    text: a `substr` of the text per row read a 10 MB document once per
    figure in it (#17)."""
    where, params = _filters(connection, "f", entity=entity, doc=doc)
    listing = Listing(
        columns=FIGURE_COLUMNS + ", coalesce(dc.copy_group, d.id) AS _group_of",
        source="figures f JOIN documents d ON d.rowid = f.doc",
        where=where,
        params=params,
        # The sentence by its length and the figure's place in it, as in
        # `records.timeline`, not by its text (a `substr` per row).
        repeat=["f.text", "f.subject", "f.unit", *_sentence_shape("f")],
        order=["d.id", "f.start"],
        identity="f.rowid",
    )
    rows = rows_once(
        connection, listing, all_=all_, limit=limit, offset=offset, lazy=lazy
    )
    context = DocumentContext(connection)
    sources = independent_sources(connection)
    types, common = entity_facts(connection)
    for found_row in rows:
        row = dict(found_row)
        yield claim_of(
            figure_facts(row, context),
            copy_of=row["copy_of"],
            types=types,
            common=common,
            source=sources.get(row["_group_of"], row["_group_of"]),
        )


# The figure's row as `figure_facts` reads it (`_figure`: its rowid).
FIGURE_COLUMNS = (
    "f.rowid AS _figure, f.subject, f.low, f.high, f.unit, f.hedge, f.text,"
    " d.id AS doc, f.start AS _start, f.end AS _end, f.sentence_start AS _s0,"
    " f.sentence_end AS _s1, d.rowid AS _rowid, d.date AS _doc_date,"
    " d.outlet AS _outlet"
)


def figure_facts(row: dict[str, Any], context: DocumentContext) -> dict[str, Any]:
    """What a figure claims that its own document alone fixes (its sentence,
    measure, scope, who asserts it, the entities its sentence names): the
    link stage stores it (`claim_facts`), so a query never reads the text."""
    rowid = row["_rowid"]
    sentence = (row["_s0"], row["_s1"])
    text = context.text(rowid)
    said = context.assertion(
        rowid, row["_start"], row["_end"], sentence, outlet=row["_outlet"]
    )
    found = measure(
        text[sentence[0] : sentence[1]],
        row["_start"] - sentence[0],
        row["_end"] - sentence[0],
        row["unit"],
    )
    return {
        "subject": row["subject"],
        "low": row["low"],
        "high": row["high"],
        "unit": row["unit"],
        "hedge": row["hedge"],
        "text": row["text"],
        "sentence": text[sentence[0] : sentence[1]],
        "doc": row["doc"],
        "span": [row["_start"], row["_end"]],
        "measure": found.name,
        "cumulative": found.cumulative,
        "scope": context.scope(rowid, row["_start"], sentence, row["_doc_date"]),
        "language": context.language(rowid),
        "asserted_by": said.asserted_by,
        "via": list(said.via),
        "entities": context.entities(rowid, sentence),
    }


def claim_of(
    facts: dict[str, Any],
    *,
    copy_of: str | None,
    types: dict[str, str],
    common: set[str],
    source: str,
) -> dict[str, Any]:
    """A figure's claim: its facts with what the whole dossier says of them
    (the copy it is, its subject's type, the entities too common to tell
    events apart, the independent source it stands for)."""
    subject = facts["subject"]
    claim = {k: facts[k] for k in ("subject", "low", "high", "unit", "hedge")}
    claim["text"] = facts["text"]
    claim["sentence"] = facts["sentence"]
    claim["doc"] = facts["doc"]
    claim["copy_of"] = copy_of
    for key in ("span", "measure", "cumulative", "scope", "language"):
        claim[key] = facts[key]
    claim["asserted_by"] = facts["asserted_by"]
    claim["via"] = facts["via"]
    claim["_named_subject"] = types.get(subject) in _WHOLE_SUBJECTS
    claim["_entities"] = [
        e for e in facts["entities"] if e not in common and e != subject
    ]
    claim["_source"] = source
    if subject is None:
        claim["subject"] = head_subject(facts["unit"])
    return claim


def entity_facts(connection: sqlite3.Connection) -> tuple[dict[str, str], set[str]]:
    """Each entity's type, and the entities too common to tell events apart."""
    (documents,) = connection.execute(
        "SELECT count(*) FROM document_copies WHERE copy_of IS NULL"
    ).fetchone()
    most = max(_COMMON_MIN, _COMMON_SHARE * documents)
    types: dict[str, str] = {}
    common: set[str] = set()
    for name, type_, count in connection.execute(
        "SELECT name, type, documents FROM entities"
    ):
        types.setdefault(name, type_)
        if count > most:
            common.add(name)
    return types, common


def head_subject(unit: str | None) -> str | None:
    """The counted noun as the subject when no entity is named: "about 1 000
    houses" is about `houses`. Shares and sums have no noun of their own."""
    if unit is None or unit == "%" or not unit[:1].isalpha():
        return None
    return None if is_money(unit) else unit.lower()


def independent_sources(connection: sqlite3.Connection) -> dict[str, str]:
    """Copy group -> the independent source it belongs to: copy groups joined
    by text reuse (one quoting the other at length) count once."""
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    pairs = connection.execute(
        "SELECT coalesce(xc.copy_group, x.id), coalesce(yc.copy_group, y.id)"
        " FROM reuses r JOIN documents x ON x.rowid = r.a"
        " JOIN document_copies xc ON xc.doc = r.a"
        " JOIN documents y ON y.rowid = r.b JOIN document_copies yc ON yc.doc = r.b"
    )
    for a, b in pairs:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)
    return {item: find(item) for item in parent}


def claims_and_dates(
    connection: sqlite3.Connection,
    *,
    entity: str | None = None,
    doc: str | None = None,
    all_: bool = False,
) -> list[dict[str, Any]]:
    """What `claims --conflicts` compares: every figure as a claim and, over
    the whole dossier (no entity or document asked for), the dates sources
    give events, compared like figures."""
    from dossier.store.events import date_claims  # events reads this module

    rows = claims(connection, entity=entity, doc=doc, all_=all_)
    if not (entity or doc):
        rows += date_claims(connection)
    return rows


# The version of the rules behind the stored event dates, claim facts and
# verdicts (`link.claims_stored`): raise it when `link.events`,
# `figure_facts`, `store.context` or the comparison change what they give,
# and the next build derives every document again.
DERIVED_RULES = 1


def derived_rules(connection: sqlite3.Connection) -> int:
    """The version of the rules the stored rows were derived by (0: none)."""
    row = connection.execute(
        "SELECT value FROM state WHERE key = 'derived_rules'"
    ).fetchone()
    return 0 if row is None else int(row[0])


def stored_fresh(connection: sqlite3.Connection) -> bool:
    """Whether the event dates and conflicts the link stage stored are those
    of the documents stored, by these rules: no write since the last
    finished link."""
    return not link_pending(connection) and derived_rules(connection) == DERIVED_RULES


def stored_conflicts(
    connection: sqlite3.Connection, *, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]] | None:
    """A page of `compare_claims(claims_and_dates(connection))`, read from the
    groups the link stage stored, in its order; None when they are stale (a
    write since the last link), so the caller works them out as before."""
    bodies = stored_conflict_bodies(connection, limit=limit, offset=offset)
    return None if bodies is None else [json.loads(body) for body in bodies]


def stored_conflict_bodies(
    connection: sqlite3.Connection, *, limit: int | None = None, offset: int = 0
) -> list[str] | None:
    """`stored_conflicts` as the JSON each group is stored as."""
    if not stored_fresh(connection):
        return None
    sql, params = page(
        "SELECT body FROM conflicts"
        " ORDER BY rank, documents DESC, subject, first, component",
        [],
        limit=limit,
        offset=offset,
    )
    return [str(body) for (body,) in connection.execute(sql, params)]
