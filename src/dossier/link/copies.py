"""Copies: group the documents that repeat another's text, exactly or nearly.

Part of `link`, run after files are stored. Each document is signed once
(`link.shingles`: digest of its words, MinHash bands) and the signature kept
in the store, so a build that adds files signs only the new documents and
looks up their bands in the index. A band shared is only a candidate: the
pair is a near copy when the shingles themselves say so. Then every copy
group (equal words, or near copies, joined transitively; one kind only) gets
its earliest document, by date and then id, as `copy_group` on each member
and as `copy_of` on the others.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dossier.link import shingles
from dossier.link.batch import BATCH_CHARS, load_batch, read_batch, rows_of
from dossier.link.groups import copy_groups, mark_copies
from dossier.link.shingles import (
    MIN_SHINGLES,
    Signature,
    containment,
    digest,
    estimated_containment,
    shingle_hashes,
    sign_shingles,
    words,
)
from dossier.link.signing import Signed, copy_signature

# A near copy: at least this share of the smaller text's shingles is in the
# larger. Measured on the clean text of kcna-2024's 1,039 distinct stories
# (bench/copies_threshold.py): among texts of MIN_SHINGLES or more, no pair
# of different stories reaches 0.85 (the closest: 0.80, one florists' notice
# of July and another of August; 0.76, two different meetings); at 0.8, one
# does. Copies made by adding a line and changing two words reach it in 977
# of 1,039 stories (the 60 shorter texts are only grouped when equal); by
# changing five words, in 876.
CONTAINMENT = 0.85
# ... and the smaller has at least half the larger's shingles: a teaser is a
# cut-off lead (containment 1.0) and a commentary may quote a story whole;
# neither is a copy of it (text reuse, not repetition).
SIZE_RATIO = 0.5
# A pair is a candidate when it shares at least this many of the 42 bands.
# One shared band is mostly chance among texts built of common phrases: on the
# generated bench corpus (9,311 documents recombining a few examples) 2.31 M
# of 2.71 M pairs sharing a band share only one. A pair at Jaccard 0.5 shares
# two or more with probability 0.97, at 0.57 (the 5th percentile of edited
# kcna-2024 copies) 0.998, at 0.4 (the least a copy can have) 0.76.
SHARED_BANDS = 2
# Candidates whose containment, estimated from their MinHash values, falls
# this far below CONTAINMENT are dropped without reading their text: three
# standard deviations of the estimate at the least Jaccard a copy can have.
ESTIMATE_MARGIN = 0.25
# A document is compared with at most this many holders of each of its bands:
# the band's earliest ones. Every later holder is compared with those same
# few, so a copy group stays connected through them, while 2,000 stories
# cut from one template no longer make 2,000 x 2,000 candidates (99 CPU s and
# 2.5 GB at 1 MB of them). kcna-2024's fullest band has 13 holders.
MOST_HOLDERS = 32
# Shingle sets kept across batches for verification (about 3 KB each).
KEPT_SHINGLES = 20_000
# ... and at most this many shingle hashes in all (8 bytes each): 20,000
# documents of 200,000 characters would be 5 GB.
KEPT_HASHES = 4_000_000
# Stored signatures and near copies of another scheme are made again.
SCHEME = (
    f"{shingles.SCHEME}-c{CONTAINMENT}-s{SIZE_RATIO}-b{SHARED_BANDS}-e{ESTIMATE_MARGIN}"
)
# Documents signed, and their candidates verified, per transaction.
BATCH = 500


@dataclass(frozen=True, slots=True)
class CopyReport:
    signed: int  # documents signed by this run
    groups: int  # copy groups: texts seen more than once
    copies: int  # documents marked `copy_of`


def needs_linking(connection: sqlite3.Connection) -> bool:
    """Whether some document is unsigned or signed by another scheme."""
    row = connection.execute(
        "SELECT 1 FROM documents d WHERE NOT EXISTS"
        " (SELECT 1 FROM signatures s WHERE s.doc = d.rowid AND s.scheme = ?)"
        " LIMIT 1",
        (SCHEME,),
    ).fetchone()
    return row is not None


def link_copies(
    connection: sqlite3.Connection,
    *,
    batch: int | None = None,
    made: Signed | None = None,
    early: EarlyCopies | None = None,
) -> CopyReport:
    """Sign the new documents, find their near copies, regroup every copy.

    `made` holds signatures already made with the documents (in the
    build's workers): a document's is taken from there, not made again.
    `early` signed some batches already, as the build stored them.
    """
    if connection.execute(
        "SELECT 1 FROM signatures WHERE scheme != ? LIMIT 1", (SCHEME,)
    ).fetchone():
        _transaction(
            connection,
            ["DELETE FROM near_copies", "DELETE FROM bands", "DELETE FROM signatures"],
        )
    _unband_orphans(connection)
    batch = batch or BATCH
    signed = early.signed if early is not None else 0
    after = 0
    kept = early.kept if early is not None and early.on else {}
    while True:
        # From where the last batch ended: one pass over the documents.
        rows = _next_batch(connection, after, batch)
        if not rows:
            break
        after = rows[-1][0]
        if len(kept) > KEPT_SHINGLES or sum(map(len, kept.values())) > KEPT_HASHES:
            kept.clear()
        _sign_batch(connection, rows, kept, made)
        signed += len(rows)
    groups = copy_groups(connection)
    copies = mark_copies(connection, groups)
    return CopyReport(signed=signed, groups=len(groups), copies=copies)


def _next_batch(
    connection: sqlite3.Connection, after: int, batch: int
) -> list[tuple[int, str, str]]:
    """The next batch of unsigned documents (rowid, kind, text) after `after`:
    at most `batch`, and their texts within `link.batch.BATCH_CHARS`."""
    rows = read_batch(
        connection.execute(
            "SELECT d.rowid, d.kind, d.text FROM documents d WHERE d.rowid > ?"
            " AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s.doc = d.rowid)"
            " ORDER BY d.rowid LIMIT ?",
            (after, batch),
        ),
        2,
    )
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


class EarlyCopies:
    """`link_copies`' batches signed while a build stores its documents, in
    the writer's own transaction, instead of all after the pool (issue 14:
    the writer, alone then, was the pool's serial end). Its signatures,
    bands and near copies go in with the file that holds the documents.

    Only batches `link_copies` would make the same later are signed: the
    documents so far unsigned, in rowid order, up to BATCH or BATCH_CHARS,
    once a document after the batch is stored (so no later one can join
    it). So the rows are the ones `link_copies` would store, in the same
    order from the same state: every earlier batch signed, no later one. It
    starts only when every stored document is signed by this scheme and no
    text lost its banded document (else `link_copies` would first sign
    older ones), and stops for good at the first file that replaces stored
    documents or fails to store (`stop`); `link_copies` signs the rest.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        made: Signed | None = None,
        *,
        batch: int | None = None,
    ) -> None:
        self.on = True
        self._checked = False  # whether the store allows it: asked once
        self.signed = 0
        self.kept: dict[int, npt.NDArray[np.uint64]] = {}
        self._connection = connection
        self._made = made
        self._batch = batch or BATCH
        self._after = 0
        self._waiting = 0  # documents stored and not signed: how many
        self._chars = 0  # ... and their characters

    def storing(self, *, replaces: bool) -> None:
        """Before a result is stored: whether it `replaces` stored documents
        (then nothing more is signed here). The store is asked whether it
        allows signing early only before the first, so a build storing
        nothing asks nothing."""
        if replaces:
            self.stop()
        if self.on and not self._checked:
            self._checked = True
            if needs_linking(self._connection) or _orphans(self._connection):
                self.stop()

    def stop(self) -> None:
        """Sign nothing more: `link_copies` does the rest. What was kept goes:
        a rolled-back document's rowid may name another one later."""
        self.on = False
        self.kept.clear()

    def stored(self, documents: int, chars: int) -> None:
        """`documents` (of `chars` characters of text) were just stored:
        sign every batch now complete."""
        if not self.on or not self._checked:
            return
        self._waiting += documents
        self._chars += chars
        while self._waiting > self._batch or self._chars > BATCH_CHARS:
            rows = _next_batch(self._connection, self._after, self._batch)
            last = rows[-1][0] if rows else self._after
            if not rows or not _unsigned_after(self._connection, last):
                return  # the batch may still grow
            # Inside a file's transaction (a streamed file's pieces): its
            # rows commit or roll back with the documents they sign.
            if self._connection.in_transaction:
                _store_batch(
                    self._connection,
                    _signatures(self._connection, rows, self.kept, self._made),
                    self.kept,
                )
            else:
                _sign_batch(self._connection, rows, self.kept, self._made)
            self._after = last
            self.signed += len(rows)
            self._waiting -= len(rows)
            self._chars -= sum(len(text) for _, _, text in rows)


def _unsigned_after(connection: sqlite3.Connection, doc: int) -> bool:
    return (
        connection.execute(
            "SELECT 1 FROM documents d WHERE d.rowid > ? AND NOT EXISTS"
            " (SELECT 1 FROM signatures s WHERE s.doc = d.rowid) LIMIT 1",
            (doc,),
        ).fetchone()
        is not None
    )


@contextmanager
def _immediate(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed whole, or rolled back on any error
    (a kill between its statements leaves nothing half done)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _transaction(connection: sqlite3.Connection, statements: Iterable[str]) -> None:
    with _immediate(connection):
        for statement in statements:
            connection.execute(statement)


def _sign_batch(
    connection: sqlite3.Connection,
    rows: list[tuple[int, str, str]],
    kept: dict[int, npt.NDArray[np.uint64]],
    made: Signed | None = None,
) -> None:
    """Store the batch's signatures and the near copies they lead to, together:
    a build killed half-way never leaves a document signed but unchecked.

    Bands are kept for one document of each distinct text (of a kind). A
    document whose words equal a banded one's needs no MinHash and no search:
    that twin's near copies are its own, and the digest joins the two. On
    kcna-2024, 801 of 1,840 documents; without it, a text seen 10,000 times
    filled every bucket it is in with 10,000 candidates.
    """
    signatures = _signatures(connection, rows, kept, made)
    with _immediate(connection):
        _store_batch(connection, signatures, kept)


def _signatures(
    connection: sqlite3.Connection,
    rows: list[tuple[int, str, str]],
    kept: dict[int, npt.NDArray[np.uint64]],
    made: Signed | None,
) -> list[tuple[int, str, Signature]]:
    """Each document's signature: made (or taken from `made`), or its
    banded twin's shingle count with no bands."""
    seen: dict[tuple[str, bytes], int] = {}  # text -> its shingle count
    signatures: list[tuple[int, str, Signature]] = []
    for doc, kind, text in rows:
        found = made.get(text) if made is not None else None
        tokens = words(text) if found is None else []
        key = (kind, digest(tokens) if found is None else found.digest)
        twin = seen.get(key)
        if twin is None:
            twin = _twin(connection, *key)
        if twin is not None:
            signatures.append((doc, kind, Signature(key[1], twin, (), b"")))
            continue
        if found is not None:
            # Its shingles are read again only if a candidate needs them.
            signature = copy_signature(found)
        else:
            hashes = shingle_hashes(tokens)
            signature = sign_shingles(hashes, key[1])
            if signature.bands:
                kept[doc] = hashes
        seen[key] = signature.shingles
        signatures.append((doc, kind, signature))
    return signatures


def _store_batch(
    connection: sqlite3.Connection,
    signatures: list[tuple[int, str, Signature]],
    kept: dict[int, npt.NDArray[np.uint64]],
) -> None:
    """The batch's signatures, bands and near copies, in the transaction open."""
    # Another build may have signed some of these, or replaced their file,
    # since they were read: sign what is still there and unsigned.
    alive = _unsigned(connection, [doc for doc, _, _ in signatures])
    signatures = [entry for entry in signatures if entry[0] in alive]
    fresh = [doc for doc, _, signature in signatures if signature.bands]
    connection.executemany(
        "INSERT INTO signatures(doc, scheme, kind, digest, shingles, banded,"
        " minhash) VALUES (?,?,?,?,?,?,?)",
        [
            (
                doc,
                SCHEME,
                kind,
                s.digest,
                s.shingles,
                int(bool(s.bands)),
                s.minhash or None,
            )
            for doc, kind, s in signatures
        ],
    )
    connection.executemany(
        "INSERT OR IGNORE INTO bands(key, doc) VALUES (?,?)",
        [(key, doc) for doc, _, s in signatures for key in s.bands],
    )
    connection.executemany(
        "INSERT OR IGNORE INTO near_copies(a, b, containment, size_ratio)"
        " VALUES (?,?,?,?)",
        _near_copies(connection, fresh, kept),
    )


def _unsigned(connection: sqlite3.Connection, docs: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(docs), 500):
        chunk = docs[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            row[0]
            for row in connection.execute(
                f"SELECT rowid FROM documents WHERE rowid IN ({marks}) AND NOT EXISTS"
                " (SELECT 1 FROM signatures s WHERE s.doc = documents.rowid)",
                chunk,
            )
        )
    return found


def _twin(connection: sqlite3.Connection, kind: str, digested: bytes) -> int | None:
    """The shingle count of a stored document of `kind` with these words that
    holds their bands (or is too short for any), if there is one."""
    row = connection.execute(
        "SELECT shingles FROM signatures WHERE digest = ? AND kind = ?"
        " AND (banded OR shingles < ?) LIMIT 1",
        (digested, kind, MIN_SHINGLES),
    ).fetchone()
    return None if row is None else int(row[0])


def _orphans(connection: sqlite3.Connection) -> list[tuple[int]]:
    """One document of each text whose banded document is gone."""
    return [
        (int(doc),)
        for (doc,) in connection.execute(
            "SELECT min(doc) FROM signatures WHERE shingles >= ?"
            " GROUP BY kind, digest HAVING max(banded) = 0",
            (MIN_SHINGLES,),
        )
    ]


def _unband_orphans(connection: sqlite3.Connection) -> None:
    """Sign again one document of each text whose banded document is gone
    (its file changed): it gets the bands and is searched anew."""
    orphans = _orphans(connection)
    if orphans:
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany("DELETE FROM signatures WHERE doc = ?", orphans)
        connection.execute("COMMIT")


def _near_copies(
    connection: sqlite3.Connection,
    docs: list[int],
    kept: dict[int, npt.NDArray[np.uint64]],
) -> list[tuple[int, int, float, float]]:
    """Verified near copies among the pairs sharing bands with `docs`; `kept`
    holds shingle sets already made (and takes those this makes)."""
    if not docs:
        return []
    pairs = _candidate_pairs(connection, docs)
    if not pairs:
        return []
    connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS copy_pairs(a INTEGER, b INTEGER)"
    )
    connection.execute("DELETE FROM copy_pairs")
    connection.executemany("INSERT INTO copy_pairs VALUES (?,?)", pairs)
    # Pairs whose words are equal are grouped by digest; pairs whose sizes
    # differ too much can never be copies: neither needs its text read.
    rows = connection.execute(
        "SELECT p.a, p.b, sa.shingles, sb.shingles, sa.minhash, sb.minhash FROM"
        " copy_pairs p"
        " CROSS JOIN signatures sa ON sa.doc = p.a"
        " CROSS JOIN signatures sb ON sb.doc = p.b"
        " WHERE sa.digest != sb.digest AND sa.kind = sb.kind"
        " AND min(sa.shingles, sb.shingles) >= ? * max(sa.shingles, sb.shingles)",
        (SIZE_RATIO,),
    ).fetchall()
    if not rows:
        return []
    left, right, sizes_left, sizes_right, minhash_left, minhash_right = zip(
        *rows, strict=True
    )
    estimates = estimated_containment(
        list(minhash_left), list(minhash_right), list(sizes_left), list(sizes_right)
    )
    candidates = sorted(
        {
            (min(a, b), max(a, b))
            for a, b, estimate in zip(left, right, estimates, strict=True)
            if estimate >= CONTAINMENT - ESTIMATE_MARGIN
        }
    )
    missing = sorted({doc for pair in candidates for doc in pair} - kept.keys())
    for doc, text in rows_of(
        connection, "SELECT rowid, text FROM documents WHERE rowid IN", missing
    ):
        kept[doc] = shingle_hashes(words(text))
    found = []
    for a, b in candidates:
        sa, sb = kept[a], kept[b]
        share = containment(sa, sb)
        ratio = min(len(sa), len(sb)) / max(len(sa), len(sb))
        if share >= CONTAINMENT and ratio >= SIZE_RATIO:
            found.append((a, b, round(share, 4), round(ratio, 4)))
    return found


def _candidate_pairs(
    connection: sqlite3.Connection, docs: list[int]
) -> list[tuple[int, int]]:
    """(doc, other) for each of `docs` and each other document sharing at
    least SHARED_BANDS bands with it, met among the first MOST_HOLDERS
    holders of one of its bands.

    Each band's holders are read by the key's index, at most MOST_HOLDERS of
    them: from the batch's bands out, never a scan of all bands, and never
    all holders of a band thousands of documents share. A pair met through
    too few bands has its shared bands counted in full: two copies sharing
    a band every boilerplate text holds are still found (on a generated
    10 MB corpus, 2 of 77 near copies were lost without it)."""
    load_batch(connection, "copy_batch", docs)
    # One statement: each band of the batch that another document holds too,
    # with its first holders (the key's index read per band inside SQLite,
    # not a query per band from Python: on generated wire copy nearly every
    # band has one holder, and 21,000 queries a batch found nothing).
    rows = connection.execute(
        "SELECT n.doc, (SELECT group_concat(f.doc) FROM (SELECT doc FROM bands"
        " WHERE key = n.key ORDER BY doc LIMIT ?) f)"
        " FROM copy_batch c CROSS JOIN bands n ON n.doc = c.doc"
        " WHERE EXISTS (SELECT 1 FROM bands o WHERE o.key = n.key AND o.doc != n.doc)",
        (MOST_HOLDERS + 1,),
    ).fetchall()
    hot: set[int] = set()  # documents holding a band with more holders than read
    shared: Counter[tuple[int, int]] = Counter()
    for doc, listed in rows:
        holders = sorted(int(other) for other in listed.split(","))
        if len(holders) > MOST_HOLDERS:
            hot.add(doc)
            del holders[MOST_HOLDERS:]
        shared.update((doc, other) for other in holders if other != doc)
    keys: dict[int, set[int]] = {}

    def keys_of(doc: int) -> set[int]:
        if doc not in keys:
            keys[doc] = {
                int(row[0])
                for row in connection.execute(
                    "SELECT key FROM bands WHERE doc = ?", (doc,)
                )
            }
        return keys[doc]

    pairs = []
    for (doc, other), count in shared.items():
        if count < SHARED_BANDS and doc in hot:
            count = len(keys_of(doc) & keys_of(other))
        if count >= SHARED_BANDS:
            pairs.append((doc, other))
    return pairs
