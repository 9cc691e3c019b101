"""Formula or reuse: does an aligned passage carry words few other texts hold?

Part of `link.reuse`. State media fill the same formulas with other
particulars every day (greetings exchanged, wreaths laid, the leader's
titles, the officials accompanying him, a delegation arriving): two stories
sharing one align over 40 words or more, yet neither repeats the other. What
tells them apart is how many documents hold the words they share. Each
signed text keeps its word 3-shingles as rows of `reuse_bands` (passage
GRAM_ROW, so the band lookups never see them); a shingle's document
frequency is the number of signed texts holding it. A passage is reuse when
a good share of the shingles its two sides share are rare (held by
RARE_DOCS texts or fewer), a formula when most are the outlet's stock.
"""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import numpy.typing as npt

from dossier.link.align import Alignment
from dossier.link.passages import Words
from dossier.link.shingles import SHINGLE_WORDS

# The `passage` of a shingle's row in reuse_bands: no passage has it.
GRAM_ROW = -1
# A shingle is rare when this many signed texts hold it or fewer: the two
# sides of a reuse and two more that retell it (a story, its press review
# and a second review). Measured on the pairs listed on kcna-2024 stories
# dated before September (eval/gold/reuse_real.json) against the planted
# passages of eval.reuse's dev split, the share of shared shingles that are
# rare: labelled formulas 0.16 to 0.40, the real re-run 0.79, planted
# passages 0.56 and up; with 3 texts, 0.09 to 0.34 against 0.51 and up.
# Its cost, seen on the held-out months (Sep-Nov): a press review repeating
# a story made of stock praise (a congratulatory letter, a statement re-run
# by several reviews) shares mostly common shingles too, and is lost: 6 of
# the 9 real re-runs dossier found there, against 25 formula pairs dropped.
RARE_DOCS = 4
# ... and a passage is a formula when fewer of its shared shingles than this
# share are rare. Between the two ranges above.
RARE_SHARE = 0.48
# Fewer shared shingles than this and the test says nothing (a heavy rewrite
# shares few; 26 or more for every one eval.reuse plants).
MIN_GRAMS = 12
SCHEME = f"f{RARE_DOCS}-{RARE_SHARE}-{MIN_GRAMS}"


def gram_keys(shingles: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    """A text's distinct shingle hashes as the keys its GRAM_ROW rows hold
    (signed, for SQLite)."""
    keys: npt.NDArray[np.int64] = np.unique(shingles).view(np.int64)
    return keys


def shared_grams(a: Words, b: Words, alignment: Alignment) -> npt.NDArray[np.int64]:
    """The distinct shingles lying wholly inside both sides of `alignment`."""
    tail = SHINGLE_WORDS - 1
    mine = a.shingles[
        alignment.a_start : max(alignment.a_start, alignment.a_end - tail)
    ]
    theirs = b.shingles[
        alignment.b_start : max(alignment.b_start, alignment.b_end - tail)
    ]
    shared: npt.NDArray[np.int64] = np.intersect1d(mine, theirs).view(np.int64)
    return shared


def holders(connection: sqlite3.Connection, keys: npt.NDArray[np.int64]) -> list[int]:
    """For each key, the signed texts holding it, counted up to RARE_DOCS + 1
    (one query for all: a common shingle's thousands of rows are never read)."""
    rows = connection.execute(
        "SELECT (SELECT count(*) FROM (SELECT 1 FROM reuse_bands b"
        " WHERE b.key = k.value AND b.passage = ? LIMIT ?)) FROM json_each(?) k",
        (GRAM_ROW, RARE_DOCS + 1, json.dumps(keys.tolist())),
    ).fetchall()
    return [int(count) for (count,) in rows]


def is_formula(
    connection: sqlite3.Connection, a: Words, b: Words, alignment: Alignment
) -> bool:
    """Whether the passage's shared words are mostly stock phrases: fewer
    than RARE_SHARE of its shared shingles held by RARE_DOCS texts or fewer."""
    shared = shared_grams(a, b, alignment)
    if len(shared) < MIN_GRAMS:
        return False
    rare = sum(1 for count in holders(connection, shared) if count <= RARE_DOCS)
    return rare < RARE_SHARE * len(shared)


def crossed(connection: sqlite3.Connection, table: str) -> list[int]:
    """Texts outside the batch (the temporary `table`) holding a shingle that
    was rare before the batch and is not now: their stored passages may be
    formulas now that more texts hold them. Only texts with stored passages."""
    if not connection.execute(
        "SELECT 1 FROM reuses r WHERE r.a NOT IN (SELECT doc FROM"
        f" {table}) OR r.b NOT IN (SELECT doc FROM {table}) LIMIT 1"
    ).fetchone():
        return []
    # Most keys are one text's: the count of all holders, which stops at
    # RARE_DOCS + 1 rows, rules them out before the count of those outside
    # the batch is made.
    rows = connection.execute(
        f"WITH keys AS (SELECT DISTINCT n.key FROM {table} c"
        "  CROSS JOIN reuse_bands n ON n.doc = c.doc AND n.passage = ?),"
        " turned AS (SELECT k.key FROM keys k WHERE (SELECT count(*) FROM"
        "  (SELECT 1 FROM reuse_bands x WHERE x.key = k.key AND x.passage = ?"
        "   LIMIT ?)) > ? AND (SELECT count(*) FROM (SELECT 1 FROM reuse_bands x"
        "   WHERE x.key = k.key AND x.passage = ?"
        f"   AND x.doc NOT IN (SELECT doc FROM {table}) LIMIT ?)) <= ?)"
        " SELECT DISTINCT o.doc FROM turned t CROSS JOIN reuse_bands o"
        "  ON o.key = t.key AND o.passage = ?"
        f" WHERE o.doc NOT IN (SELECT doc FROM {table})"
        " AND (EXISTS (SELECT 1 FROM reuses r WHERE r.a = o.doc)"
        "  OR EXISTS (SELECT 1 FROM reuses r WHERE r.b = o.doc))",
        (
            GRAM_ROW,
            GRAM_ROW,
            RARE_DOCS + 1,
            RARE_DOCS,
            GRAM_ROW,
            RARE_DOCS + 1,
            RARE_DOCS,
            GRAM_ROW,
        ),
    ).fetchall()
    return [int(doc) for (doc,) in rows]


def word_range(words: Words, start: int, end: int) -> tuple[int, int]:
    """The words [first, last) of a stored passage's characters [start, end)."""
    first = int(np.searchsorted(words.starts, start, side="left"))
    last = int(np.searchsorted(words.ends, end, side="right"))
    return first, max(first, last)
