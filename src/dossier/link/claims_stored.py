"""Link: what `claims --conflicts` and `calendar` read, stored (issues 15
part 6 and 17). Each document not yet derived gives its event dates and its
figures' facts (what its own rows fix); then the claims are put together from
those rows with what the corpus says of them (copies, independent sources,
entity types), and only the groups of comparable claims whose members
changed are judged again.

Working it all out per query read every independent text again: 22.5 s of
`claims --conflicts` at 100,332 documents.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from dossier.link.claims import VERDICT_RANK, bucket_claims, judge
from dossier.link.derive import event_rows, figure_rows
from dossier.store.claims import (
    DERIVED_RULES,
    FIGURE_COLUMNS,
    claim_of,
    derived_rules,
    entity_facts,
    independent_sources,
)
from dossier.store.context import DocumentContext
from dossier.store.events import date_claim, stored_event_dates

# Documents derived per transaction: a crash loses at most this many
# documents' work, and a reader waits at most this long for the lock.
_BATCH = 200


@dataclass(frozen=True, slots=True)
class ConflictReport:
    """What one run of the stage did."""

    documents: int  # documents whose event dates and claim facts were stored
    judged: int  # groups of comparable claims judged again
    dropped: int  # groups of comparable claims gone


def needs_conflicts(connection: sqlite3.Connection) -> bool:
    """Whether some document's event dates and claim facts are not stored (or
    were stored by other rules)."""
    if derived_rules(connection) != DERIVED_RULES:
        return True
    row = connection.execute(
        "SELECT 1 FROM documents d"
        " WHERE NOT EXISTS (SELECT 1 FROM derived WHERE doc = d.rowid) LIMIT 1"
    ).fetchone()
    return row is not None


def link_conflicts(connection: sqlite3.Connection) -> ConflictReport:
    """Store the new documents' event dates and claim facts, then the
    verdicts of the claim groups that changed; each step in its own
    transactions, so an interrupted run goes on where it stopped."""
    documents = _derive(connection)
    judged, dropped = _judge_changed(connection)
    return ConflictReport(documents, judged, dropped)


def _derive(connection: sqlite3.Connection) -> int:
    if derived_rules(connection) != DERIVED_RULES:
        _forget_rules(connection)
    # The rowids alone, read from an index: a scan of `documents` reads a
    # page of text per document (0.8 s at 100,332 documents).
    pending = sorted(
        int(rowid)
        for (rowid,) in connection.execute(
            "SELECT rowid FROM documents d WHERE NOT EXISTS"
            " (SELECT 1 FROM derived WHERE doc = d.rowid)"
        )
    )
    for first in range(0, len(pending), _BATCH):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for rowid in pending[first : first + _BATCH]:
                _derive_document(connection, rowid)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    return len(pending)


def _forget_rules(connection: sqlite3.Connection) -> None:
    """Drop what other rules derived: every document is derived again."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for table in ("derived", "event_dates", "claim_facts", "conflict_buckets"):
            connection.execute(f"DELETE FROM {table}")
        connection.execute("DELETE FROM conflicts")
        connection.execute(
            "INSERT OR REPLACE INTO state VALUES ('derived_rules', ?)",
            (DERIVED_RULES,),
        )
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _derive_document(connection: sqlite3.Connection, rowid: int) -> None:
    """One document's event dates and figure facts (none if another build
    removed it meanwhile: its rows would name no document, or derived it
    meanwhile: `pending` is read before this transaction began)."""
    if connection.execute("SELECT 1 FROM derived WHERE doc = ?", (rowid,)).fetchone():
        return
    here = connection.execute(
        "SELECT id, kind, date FROM documents WHERE rowid = ?", (rowid,)
    ).fetchone()
    if here is None:
        return
    doc_id, kind, date = str(here[0]), str(here[1]), here[2]
    # One context for the document: its text, quotes and mentions read once.
    context = DocumentContext(connection)
    if kind == "article":
        connection.executemany(
            "INSERT INTO event_dates VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (rowid, n, doc_id, date, *event)
                for n, event in enumerate(event_rows(context, rowid, date))
            ],
        )
    figures = connection.execute(
        f"SELECT {FIGURE_COLUMNS} FROM figures f JOIN documents d ON d.rowid = f.doc"
        " WHERE f.doc = ?",
        (rowid,),
    )
    connection.executemany(
        "INSERT INTO claim_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                rowid,
                figure,
                doc_id,
                date,
                facts["span"][0],
                facts["text"],
                facts["subject"],
                facts["unit"],
                sentence_chars,
                sentence_at,
                json.dumps(facts),
            )
            for figure, sentence_chars, sentence_at, facts in figure_rows(
                context, _as_rows(figures)
            )
        ],
    )
    connection.execute("INSERT INTO derived VALUES (?)", (rowid,))


def _as_rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor]


def _judge_changed(connection: sqlite3.Connection) -> tuple[int, int]:
    """Judge again each group of comparable claims whose members (or their
    order) changed, drop the groups gone: one transaction."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        stored = dict(connection.execute("SELECT bucket, digest FROM conflict_buckets"))
        seen: set[str] = set()
        judged = 0
        for (key, measure, language), members in bucket_claims(
            stored_claims(connection)
        ).items():
            name = json.dumps([key, measure, language])
            digest = hashlib.sha1(
                json.dumps(members).encode(), usedforsecurity=False
            ).hexdigest()
            seen.add(name)
            if stored.get(name) == digest:
                continue
            judged += 1
            connection.execute("DELETE FROM conflicts WHERE bucket = ?", (name,))
            groups = judge(key, measure, members, unrelated=False)
            for component, group in enumerate(groups):
                connection.execute(
                    "INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        name,
                        component,
                        VERDICT_RANK[group["verdict"]],
                        group["documents"],
                        group["subject"],
                        members[0]["_order"],
                        # As `write_json` prints an item: the CLI writes it.
                        json.dumps(group, ensure_ascii=False),
                    ),
                )
            connection.execute(
                "INSERT OR REPLACE INTO conflict_buckets VALUES (?, ?)", (name, digest)
            )
        gone = set(stored) - seen
        for name in gone:
            connection.execute("DELETE FROM conflicts WHERE bucket = ?", (name,))
            connection.execute("DELETE FROM conflict_buckets WHERE bucket = ?", (name,))
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return judged, len(gone)


def stored_claims(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    """What `claims_and_dates` gives for the whole dossier, put together from
    the stored facts, each with its place in that order (`_order`, a string
    that sorts like it)."""
    sources = independent_sources(connection)
    types, common = entity_facts(connection)
    claims = []
    for row, facts in _given_once(connection):
        claim = claim_of(
            facts,
            copy_of=row["copy_of"],
            types=types,
            common=common,
            source=sources.get(row["grp"], row["grp"]),
        )
        claim["_order"] = _order(0, row["id"], row["start"], row["figure"])
        claims.append(claim)
    for document, event in stored_event_dates(connection):
        claim = date_claim(document, event, document["_said"], sources)
        claim["_order"] = _order(
            1, document["date"] or "", document["_rowid"], document["_n"]
        )
        claims.append(claim)
    return claims


def _order(part: int, text: str, first: int, second: int) -> str:
    # \x01 sorts before every printed character: a shorter id or date sorts
    # first, as in SQL.
    return f"{part}\x01{text}\x01{first:012d}\x01{second:012d}"


def _given_once(
    connection: sqlite3.Connection,
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The figures `store.claims.claims` lists (a copy group's repeated
    figure given once, from its earliest member: `once.rows_once`), with
    their facts, in its order (document id, then place)."""
    cursor = connection.execute(
        "SELECT f.doc, f.figure, f.doc_id AS id, f.doc_date AS date, f.start,"
        " f.text, f.subject, f.unit, f.sentence_chars, f.sentence_at, c.copy_of,"
        " coalesce(c.copy_group, f.doc_id) AS grp FROM claim_facts f"
        " JOIN document_copies c ON c.doc = f.doc"
    )
    rows = _as_rows(cursor)
    rows.sort(key=lambda row: (row["id"], row["start"], row["figure"]))
    # A figure's place among the figures of its document that print the same
    # (its occurrence), then the earliest member of the group giving it.
    occurrences: dict[tuple[Any, ...], int] = defaultdict(int)
    best: dict[tuple[Any, ...], tuple[tuple[Any, ...], int]] = {}
    for index, row in enumerate(rows):
        same = (
            row["text"], row["subject"], row["unit"],
            row["sentence_chars"], row["sentence_at"],
        )  # fmt: skip
        occurrences[(row["doc"], *same)] += 1
        partition = (row["grp"], *same, occurrences[(row["doc"], *same)])
        rank = (
            row["copy_of"] is not None,
            row["date"] is None,
            row["date"] or "",
            row["id"],
        )
        if partition not in best or rank < best[partition][0]:
            best[partition] = (rank, index)
    given = []
    for index in sorted(index for _, index in best.values()):
        row = rows[index]
        (facts,) = connection.execute(
            "SELECT facts FROM claim_facts WHERE doc = ? AND figure = ?",
            (row["doc"], row["figure"]),
        ).fetchone()
        given.append((row, json.loads(facts)))
    return given
