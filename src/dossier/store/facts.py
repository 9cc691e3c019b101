"""Store the event dates and claim facts that came with the documents
(`Document.facts`, made in the workers by `link.derive`): the writer's part
of the link stage's derivation, in the documents' own transaction.

A pool build of kcna-2024 derived them after the pool, serially, from the
stored rows: 0.7-1.0 CPU s of the writer's 4 s of link (issue 14).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dossier.model import DocumentFacts

Row = tuple[Any, ...]

# zlib's fastest level: one document of the page of 80,000 tiny figures,
# 8,786 figures' rows (3.9 MB of JSON lines), packs into 0.27 MB at level 1
# in 10 ms, and 0.24 MB at level 6 in 24 ms.
_LEVEL = 1


def figure_row(
    facts: dict[str, Any], *, sentence_chars: int, sentence_at: int
) -> list[Any]:
    """One figure's `claim_facts` columns without what only the writer knows
    (the document's rowid, id and date, the figure's rowid): its start, text,
    subject, unit, sentence shape, and its facts' JSON cut around `doc`,
    so that `head + json.dumps(doc_id) + tail` is `json.dumps` of the facts
    with `doc` set, key for key in their order."""
    items = list(facts.items())
    at = [key for key, _ in items].index("doc")
    head = json.dumps(dict(items[:at]))[:-1] + (", " if at else "") + '"doc": '
    after = dict(items[at + 1 :])
    tail = ", " + json.dumps(after)[1:] if after else "}"
    return [
        facts["span"][0], facts["text"], facts["subject"], facts["unit"],
        sentence_chars, sentence_at, head, tail,
    ]  # fmt: skip


def pack_figures(rows: Iterable[list[Any]]) -> bytes:
    """`figure_row`s as zlib-compressed JSON lines, packed as they come: a
    document's figures are never all held as Python objects."""
    packer = zlib.compressobj(_LEVEL)
    parts = [packer.compress(json.dumps(row).encode() + b"\n") for row in rows]
    parts.append(packer.flush())
    return b"".join(parts)


def unpack_figures(packed: bytes) -> Iterator[list[Any]]:
    """The `figure_row`s `pack_figures` packed, in order."""
    if not packed:
        return
    # JSON escapes every control character: a line break ends a row.
    for line in zlib.decompress(packed).split(b"\n")[:-1]:
        yield json.loads(line)


@dataclass(slots=True)
class FactRows:
    """One piece's rows, gathered document by document as it is stored."""

    events: list[Row] = field(default_factory=list)
    # Each document's facts, made into `claim_facts` rows only as they are
    # inserted: a page of 80,000 tiny figures held their JSON (some 80 MB)
    # beside the documents until then (now packed: `pack_figures`). A figure
    # gets its rowid only when inserted: until then its place among the
    # piece's figures stands in.
    documents: list[tuple[int, str, str | None, DocumentFacts, int]] = field(
        default_factory=list
    )
    derived: list[Row] = field(default_factory=list)

    def add(
        self,
        rowid: int,
        doc_id: str,
        date: str | None,
        facts: DocumentFacts,
        *,
        first_figure: int,
    ) -> None:
        """A document's facts; its figures are the piece's from
        `first_figure` on (counted from 0 in the piece's figure rows)."""
        for n, event in enumerate(facts.events):
            self.events.append((rowid, n, doc_id, date, *event))
        self.documents.append((rowid, doc_id, date, facts, first_figure))
        self.derived.append((rowid,))

    def claims(self, figure_rowids: list[int]) -> Iterator[Row]:
        """The `claim_facts` rows, each figure's place made its rowid
        (`figure_rowids`, in the order the piece's figures were inserted)."""
        for rowid, doc_id, date, facts, first_figure in self.documents:
            doc = json.dumps(doc_id)
            for index, row in enumerate(unpack_figures(facts.figures)):
                start, text, subject, unit, chars, sentence_at, head, tail = row
                yield (
                    rowid, figure_rowids[first_figure + index], doc_id, date,
                    start, text, subject, unit, chars, sentence_at,
                    head + doc + tail,
                )  # fmt: skip


def accepts_facts(connection: sqlite3.Connection) -> bool:
    """Whether facts made by these rules may go in now: the stored ones are
    by the same rules, or there are none (the state then says these rules).
    Else the link stage derives every document again, these too."""
    from dossier.store.claims import DERIVED_RULES, derived_rules

    if derived_rules(connection) == DERIVED_RULES:
        return True
    if connection.execute("SELECT 1 FROM derived LIMIT 1").fetchone() is not None:
        return False
    # As `link.claims_stored` starts over under new rules: nothing of the
    # old rules' verdicts stays.
    for table in ("event_dates", "claim_facts", "conflict_buckets", "conflicts"):
        connection.execute(f"DELETE FROM {table}")
    connection.execute(
        "INSERT OR REPLACE INTO state VALUES ('derived_rules', ?)", (DERIVED_RULES,)
    )
    return True


def insert_facts(
    connection: sqlite3.Connection, rows: FactRows, *, figure_rowids: list[int]
) -> None:
    """Insert the piece's facts, each figure's place made its rowid
    (`figure_rowids`, in the order the piece's figures were inserted)."""
    connection.executemany(
        "INSERT INTO event_dates VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?)",
        rows.events,
    )
    connection.executemany(
        "INSERT INTO claim_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.claims(figure_rowids),
    )
    connection.executemany("INSERT INTO derived VALUES (?)", rows.derived)
