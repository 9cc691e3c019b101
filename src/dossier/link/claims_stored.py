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
from dataclasses import dataclass
from typing import Any

from dossier.link.claim_buckets import Bucket, stored_buckets
from dossier.link.claims import VERDICT_RANK, judge
from dossier.link.derive import event_rows, figure_rows
from dossier.store.claims import DERIVED_RULES, FIGURE_COLUMNS, derived_rules
from dossier.store.context import DocumentContext
from dossier.store.transaction import immediate

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
        with immediate(connection):
            for rowid in pending[first : first + _BATCH]:
                _derive_document(connection, rowid)
    return len(pending)


def _forget_rules(connection: sqlite3.Connection) -> None:
    """Drop what other rules derived: every document is derived again."""
    with immediate(connection):
        for table in ("derived", "event_dates", "claim_facts", "conflict_buckets"):
            connection.execute(f"DELETE FROM {table}")
        connection.execute("DELETE FROM conflicts")
        connection.execute(
            "INSERT OR REPLACE INTO state VALUES ('derived_rules', ?)",
            (DERIVED_RULES,),
        )


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
    order) changed, drop the groups gone: one transaction. The groups are
    read one at a time (`claim_buckets`), and the names met are kept in a
    temporary table, not in memory."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute(
            "CREATE TEMP TABLE IF NOT EXISTS met (bucket TEXT PRIMARY KEY)"
            " WITHOUT ROWID"
        )
        connection.execute("DELETE FROM temp.met")
        judged = 0
        for bucket in stored_buckets(connection):
            name = bucket.name
            connection.execute("INSERT INTO temp.met VALUES (?)", (name,))
            digest = _digest(bucket)
            stored = connection.execute(
                "SELECT digest FROM conflict_buckets WHERE bucket = ?", (name,)
            ).fetchone()
            if stored is not None and stored[0] == digest:
                continue
            judged += 1
            connection.execute("DELETE FROM conflicts WHERE bucket = ?", (name,))
            members = bucket.members
            groups = judge(bucket.key, bucket.measure, members, unrelated=False)
            for component, group in enumerate(groups):
                if bucket.left_out:
                    group["reason"] += _left_out(bucket)
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
        gone = "SELECT bucket FROM conflict_buckets WHERE bucket NOT IN temp.met"
        (dropped,) = connection.execute(f"SELECT count(*) FROM ({gone})").fetchone()
        connection.execute(f"DELETE FROM conflicts WHERE bucket IN ({gone})")
        connection.execute(f"DELETE FROM conflict_buckets WHERE bucket IN ({gone})")
        connection.execute("DROP TABLE temp.met")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return judged, int(dropped)


def _digest(bucket: Bucket) -> str:
    """The SHA-1 of the members' JSON (`json.dumps(members)`), written a
    member at a time rather than as one string the size of the bucket; and
    of the number left out, when some are."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(b"[")
    for number, member in enumerate(bucket.members):
        if number:
            digest.update(b", ")
        digest.update(json.dumps(member).encode())
    digest.update(b"]")
    if bucket.left_out:
        digest.update(f"+{bucket.left_out}".encode())
    return digest.hexdigest()


def _left_out(bucket: Bucket) -> str:
    kept = len(bucket.members)
    return (
        f" (only the first {kept:,} of {kept + bucket.left_out:,} claims on"
        " this question were compared)"
    )
