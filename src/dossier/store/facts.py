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


def pack_figures(figures: Iterable[tuple[int, int, dict[str, Any]]]) -> bytes:
    """Each figure's sentence length, its place in it and its facts, as
    zlib-compressed JSON lines, packed as they come: a document's figures
    are never all held as Python objects. The JSON the writer stores is
    `json.dumps` of the facts read back, which is that of the facts made:
    JSON reads back the same keys in the same order, strings and numbers."""
    packer = zlib.compressobj(_LEVEL)
    parts = [packer.compress(json.dumps(figure).encode() + b"\n") for figure in figures]
    parts.append(packer.flush())
    return b"".join(parts)


def unpack_figures(packed: bytes) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """The figures `pack_figures` packed, in order."""
    if not packed:
        return
    # JSON escapes every control character: a line break ends a figure.
    for line in zlib.decompress(packed).split(b"\n")[:-1]:
        sentence_chars, sentence_at, facts = json.loads(line)
        yield sentence_chars, sentence_at, facts


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
            for index, (sentence_chars, sentence_at, facts_of) in enumerate(
                unpack_figures(facts.figures)
            ):
                figure = dict(facts_of, doc=doc_id)
                yield (
                    rowid, figure_rowids[first_figure + index], doc_id, date,
                    figure["span"][0], figure["text"], figure["subject"],
                    figure["unit"], sentence_chars, sentence_at, json.dumps(figure),
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
