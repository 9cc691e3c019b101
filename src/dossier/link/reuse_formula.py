"""Formula or reuse: does an aligned passage carry words few other texts hold?

Part of `link.reuse`. State media fill the same formulas with other
particulars every day (greetings exchanged, wreaths laid, the leader's
titles, the officials accompanying him, a delegation arriving): two stories
sharing one align over 40 words or more, yet neither repeats the other. What
tells them apart is how many documents hold the words they share: a
shingle's document frequency, the number of signed texts holding it, kept
as one counted row per distinct shingle (`reuse_grams`, `count_grams`). A
passage is reuse when
a good share of the shingles its two sides share are rare (held by
RARE_DOCS texts or fewer), a formula when most are the outlet's stock.

The pair rule (issue 15): a candidate pair whose texts' shared shingles
hold fewer than MOST_RARE rare ones keeps no passage at all, counted as
the formula test counts them. A passage of MIN_GRAMS shared
shingles or more would be a formula anyway: its shared shingles are some
of those its texts share. The rule adds the passages the test never
weighed, those sharing fewer (the sentence tier's reorderings, a stretch
torn by OCR every few words): with so few rare shingles shared by the
whole pair, they carry no rare evidence either. So `link.reuse_rare`
drops such pairs before their texts are read, and a passage stored before
goes when later texts make its pair that poor (`link.reuse`'s recheck).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from dossier.link.align import Alignment, within
from dossier.link.batch import insert_columns
from dossier.link.passages import Words
from dossier.link.shingles import SHINGLE_WORDS

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
# Tried as a way out and not kept (branch reuse4, 2026-12-07): a passage
# whose sides name the same particulars (3 or more, none the other lacks,
# under 0.3 of its words names) a re-run whatever its shingles. On the dev
# months it kept the one retold re-run (kcna-326 / kcna-332) and none of
# the 11 formula passages; on the held-out months, run once, it added 3
# labelled formula pairs and no re-run (like a verbatim-run rule before it,
# branch reuse3): names alike do not tell a re-run from a formula either.
RARE_DOCS = 4
# ... and a passage is a formula when fewer of its shared shingles than this
# share are rare. Between the two ranges above.
RARE_SHARE = 0.48
# Fewer shared shingles than this and the test says nothing (a heavy rewrite
# shares few; 26 or more for every one eval.reuse plants).
MIN_GRAMS = 12
# The pair rule: a pair whose texts share fewer rare shingles than this (5.76:
# 5 or fewer) keeps no passage. A passage of MIN_GRAMS shared shingles or
# more holds at most as many rare ones, under RARE_SHARE of its own: a
# formula. No passage found on three months of generated wire copy or on
# kcna-2024 shares fewer than MIN_GRAMS (0 of 6,431 and 0 of 108 before the
# formula test), and eval.reuse's planted heavy rewrites share 26 or more;
# 47% of the wire pairs and 70% of kcna-2024's are this poor, and are
# dropped unread (docs/benchmarks.md, "Reuse").
MOST_RARE = RARE_SHARE * MIN_GRAMS
# "p": the pair rule; stored databases signed without it are linked again.
SCHEME = f"f{RARE_DOCS}-{RARE_SHARE}-{MIN_GRAMS}-p"


def gram_keys(shingles: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    """A text's distinct shingle hashes as the keys `reuse_grams` counts
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
    # `np.intersect1d(mine, theirs)`, without sorting both together: the
    # smaller side's distinct values, then those of the other's found in
    # them (6,431 passages of three months of wire copy).
    if len(mine) > len(theirs):
        mine, theirs = theirs, mine
    distinct = np.unique(mine)
    shared: npt.NDArray[np.int64] = np.unique(theirs[within(theirs, distinct)]).view(
        np.int64
    )
    return shared


def holders(connection: sqlite3.Connection, keys: npt.NDArray[np.int64]) -> list[int]:
    """For each key, the signed texts holding it, counted up to RARE_DOCS + 1."""
    return [min(count, RARE_DOCS + 1) for count in _docs(connection, keys)]


def _docs(connection: sqlite3.Connection, keys: npt.NDArray[np.int64]) -> list[int]:
    """For each key, the signed texts holding it (`reuse_grams`), in one query."""
    rows = connection.execute(
        "SELECT coalesce((SELECT g.docs FROM reuse_grams g"
        " WHERE g.key = k.value), 0) FROM json_each(?) k",
        (json.dumps(keys.tolist()),),
    ).fetchall()
    return [int(count) for (count,) in rows]


def is_formula(
    connection: sqlite3.Connection, a: Words, b: Words, alignment: Alignment
) -> bool:
    """Whether the passage's shared words are mostly stock phrases: fewer
    than RARE_SHARE of its shared shingles held by RARE_DOCS texts or fewer."""
    return is_formula_of(connection, shared_grams(a, b, alignment))


def is_formula_of(
    connection: sqlite3.Connection, shared: npt.NDArray[np.int64]
) -> bool:
    """`is_formula` of a passage whose `shared_grams` are `shared` (worked out
    where the texts were read: a pool worker, `link.reuse_pairs.compare_pair`)."""
    if len(shared) < MIN_GRAMS:
        return False
    return formula_by_counts(holders(connection, shared))


def formula_by_counts(counts: Iterable[int]) -> bool:
    """The rule itself, given how many signed texts hold each of a passage's
    shared shingles (MIN_GRAMS of them or more): fewer than RARE_SHARE of
    them rare (held by RARE_DOCS texts or fewer)."""
    held = list(counts)
    rare = sum(1 for count in held if count <= RARE_DOCS)
    return rare < RARE_SHARE * len(held)


def count_grams(
    connection: sqlite3.Connection, grams: list[npt.NDArray[np.int64]], sign: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Add (`sign` 1) or take away (-1) texts' shingles from their document
    frequencies; returns the distinct keys and how many of the texts hold
    each. One upsert per distinct key of them all, in key order: a third of
    the rows that one row per text and shingle made on kcna-2024, and one
    table to grow instead of a table and its index."""
    if not grams:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    keys, counts = np.unique(np.concatenate(grams), return_counts=True)
    insert_columns(
        connection,
        "INSERT INTO reuse_grams(key, docs)",
        (keys, counts.astype(np.int64) * sign),
        "ON CONFLICT(key) DO UPDATE SET docs = docs + excluded.docs",
    )
    if sign < 0:
        connection.execute("DELETE FROM reuse_grams WHERE docs <= 0")
    return keys, counts.astype(np.int64)


def add_grams(
    connection: sqlite3.Connection, grams: list[npt.NDArray[np.int64]]
) -> npt.NDArray[np.int64]:
    """`count_grams(connection, grams, 1)`, returning the shingles it turned
    common (sorted): held by RARE_DOCS texts or fewer before, more now.
    Temporary triggers on the counts' rows list those as the upsert makes
    them: a key's row new with more than RARE_DOCS texts, or updated from
    RARE_DOCS or fewer to more. Three months of wire copy count 250,000
    keys in 3 batches: 0.86-0.92 CPU s when every key's count came back
    by `RETURNING` to be read in Python, 0.59-0.63 so (SQLite evaluates
    the triggers' conditions in its own program)."""
    if not grams:
        return np.zeros(0, dtype=np.int64)
    try:
        # Inside the `try`: a table made and a trigger not is dropped too.
        _turning(connection, "CREATE")
        count_grams(connection, grams, 1)
        found = connection.execute("SELECT key FROM temp.reuse_turned").fetchall()
    finally:
        _turning(connection, "DROP")
    turned: npt.NDArray[np.int64] = np.sort(
        np.array([key for (key,) in found], dtype=np.int64)
    )
    return turned


def _turning(connection: sqlite3.Connection, verb: str) -> None:
    """Create (`verb` CREATE) or drop (DROP) the temporary table of the keys
    turned common and the triggers that fill it. Dropped after each count,
    so no other write to `reuse_grams` (`count_grams` taking texts away)
    pays for them."""
    if verb == "CREATE":
        connection.execute("CREATE TEMP TABLE reuse_turned(key INTEGER NOT NULL)")
        connection.execute(
            "CREATE TEMP TRIGGER reuse_turned_new AFTER INSERT ON main.reuse_grams"
            f" WHEN new.docs > {RARE_DOCS}"
            " BEGIN INSERT INTO reuse_turned VALUES (new.key); END"
        )
        connection.execute(
            "CREATE TEMP TRIGGER reuse_turned_more AFTER UPDATE OF docs"
            f" ON main.reuse_grams WHEN old.docs <= {RARE_DOCS}"
            f" AND new.docs > {RARE_DOCS}"
            " BEGIN INSERT INTO reuse_turned VALUES (new.key); END"
        )
    else:
        connection.execute("DROP TRIGGER IF EXISTS temp.reuse_turned_new")
        connection.execute("DROP TRIGGER IF EXISTS temp.reuse_turned_more")
        connection.execute("DROP TABLE IF EXISTS temp.reuse_turned")


def crossed(
    connection: sqlite3.Connection, table: str, turned: npt.NDArray[np.int64]
) -> list[int]:
    """Texts outside the batch (the temporary `table`) whose stored passages
    may be formulas now that more texts hold the shingles of `turned`
    (`add_grams`: rare before the batch, not now), or whose pair the pair
    rule may drop now.

    Found from the passages (issue 14 part 5), not from every signed text's
    shingles: a passage's verdict reads only its shared shingles' counts,
    which only grow while texts are signed, so only a passage holding a
    turned shingle can turn formula (`reuse_passage_keys`, schema 18). The
    passages it cannot answer for (`reuses_unkeyed`: no shared shingles
    kept, stored before schema 17, or fewer than MIN_GRAMS, whose pair the
    pair rule weighs by any shingle its texts share) have their texts'
    shingles tested, as every text's were before: those texts only."""
    if not len(turned):
        return []
    keys = json.dumps(turned.tolist())
    found = {
        int(doc)
        for pair in connection.execute(
            "SELECT r.a, r.b FROM reuses r WHERE r.rowid IN (SELECT k.passage"
            " FROM reuse_passage_keys k"
            " WHERE k.key IN (SELECT value FROM json_each(?)))",
            (keys,),
        )
        for doc in pair
    }
    # The condition of the partial index `reuses_unkeyed`, word for word, so
    # that SQLite reads the index, not the table.
    unkeyed = {
        int(doc)
        for pair in connection.execute(
            "SELECT a, b FROM reuses"
            f" WHERE shared IS NULL OR length(shared) < {UNKEYED}"
        )
        for doc in pair
    } - found
    if unkeyed:
        rows = connection.execute(
            "SELECT doc, grams FROM reuse_signed WHERE grams IS NOT NULL"
            " AND doc IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(unkeyed)),),
        ).fetchall()
        found.update(
            int(doc)
            for doc, grams in rows
            if np.isin(
                np.frombuffer(grams, dtype=np.int64), turned, assume_unique=True
            ).any()
        )
    batch = {int(doc) for (doc,) in connection.execute(f"SELECT doc FROM {table}")}
    return sorted(found - batch)


# Bytes of a `shared` blob under MIN_GRAMS keys (int64): the condition of the
# partial index `reuses_unkeyed` (store/schema.py, migration 18) is written
# with this number.
UNKEYED = MIN_GRAMS * 8


def word_range(words: Words, start: int, end: int) -> tuple[int, int]:
    """The words [first, last) of a stored passage's characters [start, end)."""
    first = int(np.searchsorted(words.starts, start, side="left"))
    last = int(np.searchsorted(words.ends, end, side="right"))
    return first, max(first, last)
