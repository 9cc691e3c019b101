"""The query behind `dossier claims`: figures with what `link.claims` compares
them by (measure, time scope, language, who asserts them, independent source).

Read at query time from what `build` stored (figures, their sentences, the
times, quotes and outlets named in them), so no column is added and a rule
change needs no rebuild.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from dossier.annotate.figures.measures import is_money, measure
from dossier.link.assertion import Named, Spoken, assertion
from dossier.link.language import language_of
from dossier.store.records import _filters, _once_per_text, _sentence

# Entities that name the speaker or the outlet rather than what a figure is
# about: never taken as the event two sentences share.
_NOT_EVENTS = ("PUBLICATION",)
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
) -> list[dict[str, Any]]:
    """Every figure as a claim, with private `_` fields `link.claims` reads."""
    where, params = _filters(connection, "f", entity=entity, doc=doc)
    sql = _once_per_text(
        "f.subject, f.low, f.high, f.unit, f.hedge, f.text,"
        f" {_sentence('f')} AS sentence, d.id AS doc, f.start AS _start,"
        " f.end AS _end, f.sentence_start AS _s0, f.sentence_end AS _s1,"
        " d.rowid AS _rowid, d.date AS _doc_date, d.outlet AS _outlet,"
        " coalesce(d.copy_group, d.id) AS _copy_group",
        "figures f JOIN documents d ON d.rowid = f.doc",
        where,
        repeat=["f.text", "f.subject", "f.unit", _sentence("f")],
        order=["d.id", "f.start"],
        all_=all_,
    )
    rows = [dict(row) for row in connection.execute(sql, params)]
    context = DocumentContext(connection)
    sources = independent_sources(connection)
    types, common = _entity_facts(connection)
    result = []
    for row in rows:
        rowid = row["_rowid"]
        sentence = (row["_s0"], row["_s1"])
        text = context.text(rowid)
        said = assertion(
            row["_start"],
            row["_end"],
            text=text,
            sentence=sentence,
            outlet=row["_outlet"],
            quotes=context.quotes(rowid),
            outlets=context.outlets(rowid),
        )
        found = measure(
            text[sentence[0] : sentence[1]],
            row["_start"] - sentence[0],
            row["_end"] - sentence[0],
            row["unit"],
        )
        claim = {
            **_public_row(row),
            "measure": found.name,
            "cumulative": found.cumulative,
            "scope": context.scope(rowid, row["_start"], sentence, row["_doc_date"]),
            "language": context.language(rowid),
            "asserted_by": said.asserted_by,
            "via": list(said.via),
            "_named_subject": types.get(row["subject"]) in _WHOLE_SUBJECTS,
            "_entities": [
                e
                for e in context.entities(rowid, sentence)
                if e not in common and e != row["subject"]
            ],
            "_source": sources.get(row["_copy_group"], row["_copy_group"]),
        }
        if claim["subject"] is None:
            claim["subject"] = head_subject(row["unit"])
        result.append(claim)
    return result


def _entity_facts(connection: sqlite3.Connection) -> tuple[dict[str, str], set[str]]:
    """Each entity's type, and the entities too common to tell events apart."""
    (documents,) = connection.execute(
        "SELECT count(*) FROM documents WHERE copy_of IS NULL"
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


def _public_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if not k.startswith("_")}


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
        "SELECT coalesce(x.copy_group, x.id), coalesce(y.copy_group, y.id)"
        " FROM reuses r JOIN documents x ON x.rowid = r.a"
        " JOIN documents y ON y.rowid = r.b"
    )
    for a, b in pairs:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)
    return {item: find(item) for item in parent}


class DocumentContext:
    """Per-document context read once per document the claims come from."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._texts: dict[int, str] = {}
        self._quotes: dict[int, list[Spoken]] = {}
        self._mentions: dict[int, list[tuple[int, int, str, str]]] = {}
        self._times: dict[int, list[tuple[int, int, str, str, str]]] = {}
        self._languages: dict[int, str | None] = {}

    def text(self, rowid: int) -> str:
        if rowid not in self._texts:
            row = self.connection.execute(
                "SELECT text FROM documents WHERE rowid = ?", (rowid,)
            ).fetchone()
            self._texts[rowid] = str(row[0])
        return self._texts[rowid]

    def outlet(self, rowid: int) -> str | None:
        row = self.connection.execute(
            "SELECT outlet FROM documents WHERE rowid = ?", (rowid,)
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def language(self, rowid: int) -> str | None:
        if rowid not in self._languages:
            self._languages[rowid] = language_of(self.text(rowid))
        return self._languages[rowid]

    def quotes(self, rowid: int) -> list[Spoken]:
        if rowid not in self._quotes:
            self._quotes[rowid] = [
                Spoken(*row)
                for row in self.connection.execute(
                    "SELECT q.start, q.end, q.kind, q.speaker, q.via, c.outlet"
                    " FROM quotes q LEFT JOIN citations c"
                    " ON c.doc = q.doc AND c.number = q.citation WHERE q.doc = ?",
                    (rowid,),
                )
            ]
        return self._quotes[rowid]

    def _all_mentions(self, rowid: int) -> list[tuple[int, int, str, str]]:
        if rowid not in self._mentions:
            self._mentions[rowid] = [
                (int(s), int(e), str(entity), str(type_))
                for s, e, entity, type_ in self.connection.execute(
                    "SELECT start, end, entity, type FROM mentions WHERE doc = ?"
                    " ORDER BY start",
                    (rowid,),
                )
            ]
        return self._mentions[rowid]

    def outlets(self, rowid: int) -> list[Named]:
        return [
            Named(s, e, entity)
            for s, e, entity, type_ in self._all_mentions(rowid)
            if type_ == "PUBLICATION"
        ]

    def entities(self, rowid: int, sentence: tuple[int, int]) -> list[str]:
        return sorted(
            {
                entity
                for s, e, entity, type_ in self._all_mentions(rowid)
                if sentence[0] <= s and e <= sentence[1] and type_ not in _NOT_EVENTS
            }
        )

    def scope(
        self, rowid: int, start: int, sentence: tuple[int, int], doc_date: str | None
    ) -> dict[str, Any] | None:
        """The date a figure is about: the dated expression of its sentence
        nearest the figure, else the document's date, else unknown (None)."""
        if rowid not in self._times:
            self._times[rowid] = [
                (int(s), int(e), str(text), str(first), str(last))
                for s, e, text, first, last in self.connection.execute(
                    "SELECT start, end, text, first_day, last_day FROM times"
                    " WHERE doc = ? AND type IN ('DATE', 'TIME')"
                    " AND first_day IS NOT NULL",
                    (rowid,),
                )
            ]
        inside = [
            t for t in self._times[rowid] if sentence[0] <= t[0] and t[1] <= sentence[1]
        ]
        if inside:
            nearest = min(inside, key=lambda t: abs(t[0] - start))
            return {"text": nearest[2], "first_day": nearest[3], "last_day": nearest[4]}
        day = _iso_days(doc_date)
        if day is None:
            return None
        return {"text": None, "first_day": day[0], "last_day": day[1]}


def _iso_days(date: str | None) -> tuple[str, str] | None:
    """A document date (`2024-05-03`, `2024-05`, `2024`) as first and last day."""
    if not date:
        return None
    date = date.rstrip("?")
    parts = date.split("-")
    if len(parts) == 3:
        return date, date
    if len(parts) == 2:
        return f"{date}-01", f"{date}-31"
    if len(parts) == 1 and len(date) == 4 and date.isdigit():
        return f"{date}-01-01", f"{date}-12-31"
    return None
