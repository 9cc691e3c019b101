"""Write and read a document's annotations (mentions, times, figures, ...)."""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from dossier.model import Annotations, Sentence
from dossier.store.mention_counts import insert_mentions

Row = tuple[Any, ...]


def _sentence_of(
    sentences: Sequence[Sentence], starts: list[int], position: int
) -> tuple[int, int]:
    index = bisect_right(starts, position) - 1
    if index < 0:
        return 0, 0
    sentence = sentences[index]
    return sentence.start, sentence.end


def annotation_rows(doc: int, annotations: Annotations) -> dict[str, list[Row]]:
    """Rows of each annotation table for one document (its `rowid` is `doc`)."""
    sentences = annotations.sentences
    starts = [s.start for s in sentences]
    keys = annotations.entity_keys
    return {
        "mentions": [
            (
                doc,
                m.start,
                m.end,
                m.text,
                m.entity,
                m.type,
                m.title,
                keys.get(m.entity, m.entity),
                m.phrase_start,
                m.phrase_end,
            )
            for m in annotations.mentions
        ],
        "times": [
            (
                doc,
                t.start,
                t.end,
                t.text,
                t.type,
                t.value,
                t.first_day,
                t.last_day,
                *_sentence_of(sentences, starts, t.start),
            )
            for t in annotations.times
        ],
        "figures": [
            (
                doc,
                f.start,
                f.end,
                f.text,
                # Hedges multiply (1.1 x 100,000): store what was meant.
                round(f.low, 3),
                round(f.high, 3),
                f.unit,
                f.subject,
                f.hedge,
                *_sentence_of(sentences, starts, f.start),
            )
            for f in annotations.figures
        ],
        "citations": [
            (doc, number, c.start, c.end, c.text, c.title, c.outlet, c.date)
            for number, c in enumerate(annotations.citations)
        ],
        "quotes": [
            (
                doc,
                q.start,
                q.end,
                q.text,
                q.kind,
                q.speaker,
                q.speaker_start,
                q.speaker_end,
                q.cue,
                q.cue_start,
                q.cue_end,
                q.via,
                q.citation,
            )
            for q in annotations.quotes
        ],
        "annotation_failures": [
            (doc, f.stage, f.finder, f.start, f.end, f.excerpt, f.reason)
            for f in annotations.failures
        ],
    }


def insert_annotation_rows(
    connection: sqlite3.Connection, rows: dict[str, list[Row]]
) -> None:
    """One `executemany` per table, for all the documents of a file; the
    mentions counted for the link stage as they go in."""
    for table, table_rows in rows.items():
        if table == "mentions":
            insert_mentions(connection, table_rows)
        elif table_rows:
            marks = ",".join("?" * len(table_rows[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
