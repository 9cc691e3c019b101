"""Text reuse: passages one document repeats from another, with both spans.

Part of `link`, run after `link.copies`. One document of each copy group
(its earliest, `copy_of` null) and every text stored once is signed, once:
its passages' MinHash bands go to `reuse_bands` (`link.passages`). A new
document's bands are looked up among all stored ones, leaving out bands that
more than COMMON documents hold (stock phrases) and passages whose bands
reach more than STOCK_PARTNERS documents, each counted as of the pair's
later text (so the pairs do not hang on batches or builds); pairs sharing
SHARED_BANDS (or one band and ONE_BAND_GRAMS shingles) are compared (`link.reuse_pairs`:
aligned word by word, by a pool's workers when there are many) unless
their texts share too few rare shingles to keep any passage
(`link.reuse_rare`), and each aligned passage long and close enough, and
no formula of the outlet's stock phrases (`link.reuse_formula`), is stored
in `reuses` as character spans of both clean texts, with the shingles
they share (which `_recheck` weighs again). Direction comes from
the documents' dates when `reuse` lists them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from dossier.link import (
    pair_grams,
    passages,
    reuse_candidates,
    reuse_formula,
    reuse_rare,
    rewrites,
)
from dossier.link.align import Alignment
from dossier.link.batch import insert_columns, load_batch, read_batch, rows_of
from dossier.link.passages import Words, passage_bands, read_words
from dossier.link.reuse_candidates import (
    COMMON,
    COUNTED,
    ONE_BAND_GRAMS,
    SHARED_BANDS,
)
from dossier.link.reuse_formula import (
    MIN_GRAMS,
    add_grams,
    count_grams,
    crossed,
    gram_keys,
    holders,
    shared_grams,
    word_range,
)
from dossier.link.reuse_pairs import (
    JOIN,
    JOINED_SCORE,
    KEPT_CHARS,
    KEPT_WORDS,
    MIN_SCORE,
    MIN_WORDS,
    Passage,
    compare_pairs,
    compare_task,
    in_order,
    overlaps,
    pair_tasks,
)
from dossier.link.rewrites import (
    read_sentences,
)
from dossier.link.signing import Signed, gram_keys_of, passage_keys
from dossier.link.stock import STOCK_PARTNERS
from dossier.link.stored_bands import StoredBands
from dossier.startup import collector_off
from dossier.store.passage_keys import index_shared

# How the formula test's document frequencies are kept: 2, a counted row per
# shingle (schema 14); before, a row per text and shingle in `reuse_bands`.
STORAGE = 2
SCHEME = (
    f"{passages.SCHEME}-c{COMMON}-h{COUNTED}-s{SHARED_BANDS}-o{ONE_BAND_GRAMS}"
    f"-w{MIN_WORDS}-m{MIN_SCORE}"
    f"-p{STOCK_PARTNERS}-j{JOIN}-{JOINED_SCORE}-{rewrites.SCHEME}"
    f"-{reuse_formula.SCHEME}-g{STORAGE}"
)
BATCH = 500
# Tasks a batch's candidate pairs are cut into when a pool compares them
# (`reuse_pairs.pair_tasks`): a few per worker of a 2-core machine, so one
# slow task leaves no core idle long; each a text's pairs with its partners
# whole. On kcna-2024 a batch of BATCH documents has about 650 pairs, on
# three months of wire copy 2,200 to 5,900.
PAIR_TASKS = 8
# With fewer pairs than this a batch is compared here: forking and
# shipping cost more.
MAPPED_PAIRS = 64


@dataclass(frozen=True, slots=True)
class Keys:
    """What a text stores: its passages' band keys (a row of BANDS each, in
    `reuse_bands`) and its distinct shingles (counted in `reuse_grams`, kept
    in `reuse_signed`: `link.reuse_formula`)."""

    bands: npt.NDArray[np.int64]
    grams: npt.NDArray[np.int64]


_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


class Mapper(Protocol):
    """A `map` that may run `work` elsewhere (a process pool's), results in
    the order of `items`."""

    def __call__(
        self, work: Callable[[_Item], _Result], items: Sequence[_Item], /
    ) -> Iterable[_Result]: ...


@dataclass(frozen=True, slots=True)
class ReuseReport:
    signed: int  # documents signed by this run
    pairs: int  # reused passages stored, in all


def needs_reuse(connection: sqlite3.Connection) -> bool:
    """Whether some independent text is unsigned, or signed by another scheme."""
    row = connection.execute(
        "SELECT 1 FROM documents d WHERE d.kind = 'article' AND d.copy_of IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM reuse_signed s WHERE s.doc = d.rowid"
        " AND s.scheme = ?) LIMIT 1",
        (SCHEME,),
    ).fetchone()
    return row is not None


def link_reuse(
    connection: sqlite3.Connection,
    *,
    batch: int = BATCH,
    made: Signed | None = None,
    mapper: Mapper | None = None,
) -> ReuseReport:
    """Sign the new independent texts, find and store the passages they share
    with any signed text.

    A text whose passage bands `made` holds (made in the build's workers)
    is not read here unless a candidate pair needs its words aligned.
    With `mapper`, the candidate pairs are aligned where it runs them.
    """
    _forget_stale(connection)
    if mapper is not None:
        return _link_pipelined(connection, batch, made, mapper)
    signed = 0
    after = 0
    kept: dict[int, Words] = {}
    stored = StoredBands(connection)
    while True:
        last, read, bands = _next_batch(connection, after, batch, made)
        if last is None:
            break
        after = last
        _forget_if_full(kept)
        _sign_batch(connection, read, kept, bands, mapper, stored=stored)
        signed += len(read) + len(bands)
    (pairs,) = connection.execute("SELECT count(*) FROM reuses").fetchone()
    return ReuseReport(signed=signed, pairs=int(pairs))


def _forget_if_full(kept: dict[int, Words]) -> None:
    """Empty the words kept across batches when they grew past their bound."""
    if len(kept) > KEPT_WORDS or sum(len(w.text) for w in kept.values()) > KEPT_CHARS:
        kept.clear()


def _next_batch(
    connection: sqlite3.Connection,
    after: int,
    batch: int,
    made: Signed | None,
) -> tuple[int | None, dict[int, Words], dict[int, Keys]]:
    """The next batch of unsigned independent texts after `after`: its last
    rowid (None: none left), the texts read, and those whose keys `made`
    holds."""
    rows = read_batch(
        connection.execute(
            "SELECT d.rowid, d.text FROM documents d WHERE d.rowid > ?"
            " AND d.kind = 'article' AND d.copy_of IS NULL AND NOT EXISTS"
            " (SELECT 1 FROM reuse_signed s WHERE s.doc = d.rowid)"
            " ORDER BY d.rowid LIMIT ?",
            (after, batch),
        ),
        1,
    )
    read: dict[int, Words] = {}
    bands: dict[int, Keys] = {}
    for doc, text in rows:
        found = made.get(str(text)) if made is not None else None
        if found is None:
            read[int(doc)] = read_words(str(text))
        else:
            bands[int(doc)] = Keys(passage_keys(found), gram_keys_of(found))
    return (int(rows[-1][0]) if rows else None), read, bands


# With a pool, batches a transaction holds at most: the pipeline is drained
# and committed after so many (4,000 texts), so the write-ahead log stays
# a few hundred MB at most on an archive.
PIPELINED = 8


def _link_pipelined(
    connection: sqlite3.Connection,
    batch: int,
    made: Signed | None,
    mapper: Mapper,
) -> ReuseReport:
    """`link_reuse`'s batches with a pool: while the pool aligns one batch's
    pairs, this process stores the next batch's bands and finds its
    candidates; then it keeps the first batch's passages. The writer worked
    alone for about 1.2 CPU s of each 1.35 on kcna-2024 after the pool, one
    core idle (issue 14 part 3).

    The same rows as one batch after the other: a batch's candidates are
    read from the bands and the stored shingle sets, which the batches
    before it have all stored when it looks (their passages and shingle
    counts it does not read), and a batch's shingles are counted only once
    the batch before it has kept its passages and rechecked the stored ones,
    which read those counts. A transaction holds up to PIPELINED batches,
    each begun and finished in it: a build killed meanwhile leaves no text
    signed and not searched."""
    signed = 0
    after = 0
    kept: dict[int, Words] = {}
    stored = StoredBands(connection)
    done = False
    while not done:
        connection.execute("PRAGMA foreign_keys = OFF")  # see `_sign_batch`
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                waiting: _Begun | None = None
                for _ in range(PIPELINED):
                    last, read, bands = _next_batch(connection, after, batch, made)
                    if last is None:
                        done = True
                        break
                    after = last
                    _forget_if_full(kept)
                    begun = _begin(
                        connection,
                        read,
                        kept,
                        bands,
                        mapper,
                        waiting.grams if waiting is not None else [],
                        stored=stored,
                    )
                    signed += len(read) + len(bands)
                    if waiting is not None:
                        _finish(connection, waiting, kept)
                    waiting = begun
                if waiting is not None:
                    _finish(connection, waiting, kept)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        finally:
            connection.execute("PRAGMA foreign_keys = ON")
    (pairs,) = connection.execute("SELECT count(*) FROM reuses").fetchone()
    return ReuseReport(signed=signed, pairs=int(pairs))


def _forget_stale(connection: sqlite3.Connection) -> None:
    """Drop what another scheme signed, and documents that are no longer
    independent texts (a copy now, or a teaser): their pairs go with them."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        if connection.execute(
            "SELECT 1 FROM reuse_signed WHERE scheme != ? LIMIT 1", (SCHEME,)
        ).fetchone():
            for table in (
                "reuses",
                "reuse_passage_keys",
                "reuse_passages_gone",
                "reuse_bands",
                "reuse_signed",
                "reuse_grams",
                "reuse_gone",
            ):
                connection.execute(f"DELETE FROM {table}")
        stale = [
            (doc,)
            for (doc,) in connection.execute(
                "SELECT s.doc FROM reuse_signed s JOIN documents d ON d.rowid = s.doc"
                " WHERE d.copy_of IS NOT NULL OR d.kind != 'article'"
            )
        ]
        for statement in (
            "DELETE FROM reuse_signed WHERE doc = ?",
            "DELETE FROM reuse_bands WHERE doc = ?",
            "DELETE FROM reuses WHERE a = ?",
            "DELETE FROM reuses WHERE b = ?",
        ):
            connection.executemany(statement, stale)
        # Texts that left since the last link (here, or forgotten, or their
        # file replaced) left their shingles in `reuse_gone` (a trigger).
        gone = [
            np.frombuffer(grams, dtype=np.int64)
            for (grams,) in connection.execute("SELECT grams FROM reuse_gone")
        ]
        count_grams(connection, gone, -1)
        connection.execute("DELETE FROM reuse_gone")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _sign_batch(
    connection: sqlite3.Connection,
    batch: dict[int, Words],
    kept: dict[int, Words],
    made: dict[int, Keys] | None = None,
    mapper: Mapper | None = None,
    *,
    stored: StoredBands | None = None,
) -> None:
    """Store the batch's bands and the reuse they lead to in one transaction:
    a build killed half-way never leaves a document signed but unsearched.
    Another build on the same database may have signed or removed some of
    the batch since it was read: only what is still there and unsigned is.
    The batch is the documents of `batch` (words read) and of `made`
    (passage bands made elsewhere, words read when a candidate needs them)."""
    # Every row below names documents read in this transaction (`unsigned`)
    # or already holding rows here, so SQLite's check of each row's
    # documents (one probe of `documents` a row) cannot fail: off, the
    # 173,700 band rows of kcna-2024 go in in 0.39-0.41 CPU s instead of
    # 0.68-0.78 (bench/insert_costs.py). The pragma takes effect outside a
    # transaction only, so it is set around it.
    connection.execute("PRAGMA foreign_keys = OFF")
    try:
        _sign_unchecked(connection, batch, kept, made or {}, mapper, stored)
    finally:
        connection.execute("PRAGMA foreign_keys = ON")


def _sign_unchecked(
    connection: sqlite3.Connection,
    batch: dict[int, Words],
    kept: dict[int, Words],
    made: dict[int, Keys],
    mapper: Mapper | None,
    stored: StoredBands | None,
) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        begun = _begin(connection, batch, kept, made, mapper, stored=stored)
        _finish(connection, begun, kept)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


@dataclass(frozen=True, slots=True)
class _Begun:
    """A batch signed and its candidate pairs found, in the transaction open;
    `compared` holds each pair's aligned passages, or will (a pool's)."""

    docs: list[int]
    grams: list[npt.NDArray[np.int64]]
    candidates: list[tuple[tuple[int, int], list[tuple[int, int]]]]
    compared: Iterable[list[Passage]]


def _begin(
    connection: sqlite3.Connection,
    batch: dict[int, Words],
    kept: dict[int, Words],
    made: dict[int, Keys],
    mapper: Mapper | None,
    waiting: list[npt.NDArray[np.int64]] | None = None,
    *,
    stored: StoredBands | None = None,
) -> _Begun:
    """Store the batch's signatures and bands, find its candidate pairs and
    have them compared (`_compare`). Of the batch (`batch`: words read;
    `made`: keys made elsewhere), only what is still there and unsigned is
    signed: another build on the same database may have signed or removed
    some of it since it was read. `waiting`: the shingle keys of a batch
    begun before and not finished (`_link_pipelined`), counted, as this
    batch's are, before this batch's passages are kept. `stored`: the band
    keys this link stored, when they are all the store holds."""
    docs = sorted({*batch, *made})
    unsigned = {
        int(doc)
        for (doc,) in connection.execute(
            f"SELECT d.rowid FROM documents d WHERE d.rowid IN"
            f" ({','.join('?' * len(docs))}) AND NOT EXISTS"
            " (SELECT 1 FROM reuse_signed s WHERE s.doc = d.rowid)",
            docs,
        )
    }
    batch = {doc: words for doc, words in batch.items() if doc in unsigned}
    bands = {
        doc: made[doc] if doc in made else _keys(batch[doc])
        for doc in docs
        if doc in unsigned
    }
    connection.executemany(
        "INSERT INTO reuse_signed(doc, scheme, passages, grams) VALUES (?,?,?,?)",
        [
            (doc, SCHEME, len(keys.bands), keys.grams.tobytes())
            for doc, keys in bands.items()
        ],
    )
    rows = _band_rows(bands)
    # Which of the batch's keys other texts hold is asked before its own rows
    # go in: then any row a key has is another text's (`reuse_candidates.shared_keys`).
    held = (
        stored.stored(connection, rows[0])
        if stored is not None
        else reuse_candidates.stored_keys(connection, rows[0])
    )
    # Not a list of 173,700 rows (kcna-2024): each a container the cyclic
    # GC counts, so the lists set off its full passes over the whole process
    # (in a build, 0.6 of the step's 3.1 CPU s went to 5 of them).
    insert_columns(
        connection, "INSERT OR IGNORE INTO reuse_bands(key, doc, passage)", rows
    )
    if stored is not None:
        stored.add(rows[0])
    found = reuse_candidates.candidates(
        connection, sorted(bands), reuse_candidates.shared_keys(rows, held)
    )
    grams = [keys.grams for keys in bands.values()]
    # The pair rule (`link.reuse_formula`), by the counts `_finish` keeps
    # the passages by: the stored ones, this batch's and the one waiting.
    poor = reuse_rare.rare_pairs(
        connection, found.shared, found.pairs, [*(waiting or []), *grams]
    )
    candidates = sorted(
        (pair, seeds) for pair, seeds in found.pairs.items() if pair not in poor
    )
    return _Begun(
        sorted(bands),
        grams,
        candidates,
        _compare(connection, candidates, batch, kept, mapper),
    )


@collector_off()
def _finish(
    connection: sqlite3.Connection, begun: _Begun, kept: dict[int, Words]
) -> None:
    """Count the batch's shingles, store the passages its pairs keep, and
    drop the stored passages its shingles made formulas; the cyclic
    collector off (`startup.collector_off`)."""
    turned = add_grams(connection, begun.grams)
    rows = _reuses(connection, begun.candidates, begun.compared)
    # Each row's rowid given, the one SQLite would give it (the largest
    # plus one), so its shared shingles' rows (`store.passage_keys`) name
    # it without reading the rows back.
    (last,) = connection.execute(
        "SELECT coalesce(max(rowid), 0) FROM reuses"
    ).fetchone()
    numbered = [(int(last) + 1 + n, *row) for n, row in enumerate(rows)]
    connection.executemany(
        "INSERT INTO reuses(rowid, a, b, a_start, a_end, b_start, b_end, score,"
        " words, shared) VALUES (?,?,?,?,?,?,?,?,?,?)",
        numbered,
    )
    index_shared(connection, ((row[0], row[-1]) for row in numbered))
    # The batch's texts made some shingles common: passages stored before,
    # whose shared words were rare then, may be formulas now.
    load_batch(connection, "reuse_finished", begun.docs)
    _recheck(connection, crossed(connection, "reuse_finished", turned), kept)


def _keys(words: Words) -> Keys:
    return Keys(passage_bands(words.shingles), gram_keys(words.shingles))


def _band_rows(
    bands: dict[int, Keys],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(key, doc, passage) rows as three columns, sorted: in key order they go
    into the index 1.5x faster than in document order. Sorted in numpy, not
    as Python tuples: a third of the time spent storing kcna-2024's 173,700
    rows."""
    if not bands:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    keys = np.concatenate([found.bands.ravel() for found in bands.values()])
    docs = np.concatenate(
        [np.full(found.bands.size, doc, dtype=np.int64) for doc, found in bands.items()]
    )
    passages = np.concatenate(
        [
            np.arange(found.bands.size, dtype=np.int64) // found.bands.shape[1]
            for found in bands.values()
        ]
    )
    order = np.lexsort((passages, docs, keys))
    return keys[order], docs[order], passages[order]


def _compare(
    connection: sqlite3.Connection,
    candidates: list[tuple[tuple[int, int], list[tuple[int, int]]]],
    batch: dict[int, Words],
    kept: dict[int, Words],
    mapper: Mapper | None = None,
) -> Iterable[list[Passage]]:
    """Each candidate pair's aligned passages (`compare_pair`); `batch` and
    `kept` hold words already read (`kept` takes those this reads). With
    `mapper` (a process pool's `map`), the pairs are compared in its
    workers, in PAIR_TASKS tasks with their texts, and the results come
    once all are done."""
    read = kept
    read.update(batch)
    needed = sorted({doc for pair, _ in candidates for doc in pair})
    if mapper is not None and len(candidates) >= MAPPED_PAIRS:
        texts = {doc: read[doc].text for doc in needed if doc in read}
        texts.update(_texts(connection, [d for d in needed if d not in texts]))
        tasks = pair_tasks(candidates, texts, parts=PAIR_TASKS)
        done = mapper(compare_task, [task for task, _ in tasks])
        return _in_order_later(done, [numbers for _, numbers in tasks], len(candidates))
    missing = [doc for doc in needed if doc not in read]
    for doc, text in _texts(connection, missing).items():
        read[doc] = read_words(text)
    # `read_sentences` keeps a text's sentences on its words, read once.
    return compare_pairs(read, candidates, lambda doc: read_sentences(read[doc]))


def _in_order_later(
    done: Iterable[list[list[Passage]]], numbers: list[list[int]], count: int
) -> Iterator[list[Passage]]:
    """`reuse_pairs.in_order`, once the first pair's passages are asked for:
    until then the pool compares while this process goes on."""
    yield from in_order(done, numbers, count)


def _reuses(
    connection: sqlite3.Connection,
    candidates: list[tuple[tuple[int, int], list[tuple[int, int]]]],
    compared: Iterable[list[Passage]],
) -> list[tuple[int, int, int, int, int, int, float, int, bytes]]:
    """The rows of the passages each pair keeps, each with its shared
    shingles (which `_recheck` reads); here, only what needs the store:
    overlaps and the formula test."""
    done = list(compared)
    # The shingles' counts do not change while the batch's passages are
    # kept: read once for all of them, not a query a passage (three months
    # of wire copy: 0.45-0.63 -> 0.19-0.26 CPU s).
    counts = _counts(
        connection,
        [passage.shared for passages_found in done for passage in passages_found],
    )
    found = []
    for ((a, b), _), passages_found in zip(candidates, done, strict=True):
        for passage in _kept(counts, passages_found):
            alignment = passage.alignment
            found.append(
                (
                    a,
                    b,
                    *passage.a_chars,
                    *passage.b_chars,
                    round(alignment.score, 4),
                    alignment.matched,
                    passage.shared,
                )
            )
    return found


def _texts(connection: sqlite3.Connection, docs: list[int]) -> dict[int, str]:
    return {
        int(doc): str(text)
        for doc, text in rows_of(
            connection, "SELECT rowid, text FROM documents WHERE rowid IN", docs
        )
    }


def _recheck(
    connection: sqlite3.Connection, docs: list[int], kept: dict[int, Words]
) -> None:
    """Drop the stored passages of `docs` that are formulas by the shingles'
    document frequencies now (`link.reuse_formula`), or whose pair the pair
    rule now drops (`link.reuse_rare`), by the shared shingles each passage
    was stored with: no text is read again (on a pool build, 914 texts of
    three months of wire copy were, serially, here). Frequencies only grow
    as texts are signed, so a passage dropped would never pass again, and
    what is stored is what the whole corpus passes, in whatever order its
    files came. (A text forgotten lowers them; a passage dropped before is
    not found again until the reuse scheme changes.)"""
    if not docs:
        return
    load_batch(connection, "reuse_recheck", docs)
    rows = connection.execute(
        "SELECT rowid, a, b, a_start, a_end, b_start, b_end, shared FROM reuses"
        " WHERE a IN (SELECT doc FROM reuse_recheck)"
        " OR b IN (SELECT doc FROM reuse_recheck)"
    ).fetchall()
    shared: list[tuple[int, tuple[int, int], bytes]] = []
    # Pairs with a passage the formula test does not weigh (under MIN_GRAMS
    # shared shingles): it goes when its pair is poor now. (One it weighs
    # is a formula then anyway.)
    short: set[tuple[int, int]] = set()
    for rowid, a, b, a_start, a_end, b_start, b_end, stored in rows:
        grams = (
            stored
            if stored is not None
            else _shared_again(connection, kept, a, b, (a_start, a_end, b_start, b_end))
        )
        shared.append((rowid, (a, b), grams))
        if len(grams) < MIN_GRAMS * _GRAM_BYTES:
            short.add((a, b))
    # `is_formula` of each, its counts read once for all (nothing changes
    # them meanwhile), as `_reuses` does: a query a passage was most of this
    # on three months of wire copy.
    counts = _counts(connection, [grams for _, _, grams in shared])
    poor = (
        reuse_rare.rare_pairs(
            connection,
            pair_grams.shared_keys_of(connection, sorted(short)),
            short,
            [],
        )
        if short
        else set()
    )
    connection.executemany(
        "DELETE FROM reuses WHERE rowid = ?",
        [
            (rowid,)
            for rowid, pair, grams in shared
            if pair in poor or _is_formula(counts, grams)
        ],
    )


# Bytes of a shingle key in a `shared` blob (int64).
_GRAM_BYTES = 8


def _shared_again(
    connection: sqlite3.Connection,
    kept: dict[int, Words],
    a: int,
    b: int,
    spans: tuple[int, int, int, int],
) -> bytes:
    """A stored passage's shared shingles from its texts' words (read into
    `kept` if not there): for passages stored before schema 17 kept them.
    The same keys as the pair's compare kept: the words of its character
    spans are the words it aligned (`reuse_pairs` spans a passage from its
    first word's start to its last word's end)."""
    for doc in (a, b):
        if doc not in kept:
            (text,) = connection.execute(
                "SELECT text FROM documents WHERE rowid = ?", (doc,)
            ).fetchone()
            kept[doc] = read_words(str(text))
    words_a, words_b = kept[a], kept[b]
    a_start, a_end, b_start, b_end = spans
    alignment = Alignment(
        *word_range(words_a, a_start, a_end),
        *word_range(words_b, b_start, b_end),
        0,
    )
    return shared_grams(words_a, words_b, alignment).tobytes()


def _counts(connection: sqlite3.Connection, shared: list[bytes]) -> dict[int, int]:
    """The signed texts holding each of the passages' shared shingles
    (`reuse_formula.holders`), of the passages the formula test looks at
    (MIN_GRAMS shared shingles or more), in one query."""
    keys = [
        grams
        for blob in shared
        for grams in [np.frombuffer(blob, dtype=np.int64)]
        if len(grams) >= MIN_GRAMS
    ]
    if not keys:
        return {}
    distinct = np.unique(np.concatenate(keys))
    return dict(zip(distinct.tolist(), holders(connection, distinct), strict=True))


def _is_formula(counts: dict[int, int], shared: bytes) -> bool:
    """`reuse_formula.is_formula_of` by the counts `_counts` read."""
    grams = np.frombuffer(shared, dtype=np.int64)
    if len(grams) < MIN_GRAMS:
        return False
    return reuse_formula.formula_by_counts(counts[key] for key in grams.tolist())


def _kept(counts: dict[int, int], passages: list[Passage]) -> list[Passage]:
    """The `passages` (`compare_pair`, best first) overlapping no better one
    on either side, less each `formula` of the outlet's stock phrases (by
    `counts`, `_counts`'s). Overlaps are settled among all of them, formulas
    too, before any is left out: a formula's counts only grow as texts come,
    so a passage that overlaps a better one that is a formula by now, or
    turns one later (`_recheck` drops it then), is never kept, whatever the
    batches a link's texts came in (issue 15; tests/link/test_reuse_order.py)."""
    settled: list[Passage] = []
    for passage in passages:
        alignment = passage.alignment
        if not any(
            overlaps(alignment.a_start, alignment.a_end, k.a_start, k.a_end)
            or overlaps(alignment.b_start, alignment.b_end, k.b_start, k.b_end)
            for k in (x.alignment for x in settled)
        ):
            settled.append(passage)
    return [passage for passage in settled if not _is_formula(counts, passage.shared)]
