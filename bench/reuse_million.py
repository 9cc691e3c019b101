"""Benchmark: reuse signatures of N generated documents, linked in memory, on 2 cores.

    python bench/reuse_million.py [--docs 100000] [--workers 2]

What `link.reuse` does per document, at a scale SQLite is not asked to
hold: each document's words, passage bands and shingle keys
(`link.passages.read_words`, `passage_bands`, `link.reuse_formula.gram_keys`,
the real functions), then LSH candidates (documents whose passages share
SHARED_BANDS bands, bands held by more than COMMON documents left out, as
`link.reuse` does; a pair sharing fewer is a candidate when its texts share
ONE_BAND_GRAMS distinct shingles, by the real `link.reuse_candidates.sharing` over
an in-memory table of the pairs' shingle keys), then verification of each
candidate by the real alignment (`link.align.align`, MIN_WORDS and
MIN_SCORE) and the formula test (`link.reuse_formula`: the share of the
shared shingles held by RARE_DOCS documents or fewer). Signing and
alignment run in `--workers` processes (a pool over chunks of document
numbers, each answering with compact uint64 arrays); the band sort, the
candidates, the one-band test and the shingles' document frequencies in
this one.

Documents are ~150 words drawn from a Zipf vocabulary of 20,000 made-up
words (seeded by document number, so verification makes a document again
rather than keeping every text); one in a hundred repeats a passage of
60 words of an earlier document with two words changed. Printed: wall
seconds for each stage, CPU seconds of all processes, peak memory
(ru_maxrss of this process and of the largest worker), candidates, planted
pairs found.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import sys
import time
from contextlib import closing
from multiprocessing.pool import Pool
from pathlib import Path

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record

from dossier.link.align import align
from dossier.link.passages import BANDS, Words, passage_bands, read_words
from dossier.link.reuse_candidates import COMMON, ONE_BAND_GRAMS, SHARED_BANDS, sharing
from dossier.link.reuse_formula import (
    MIN_GRAMS,
    RARE_DOCS,
    RARE_SHARE,
    gram_keys,
    shared_grams,
)
from dossier.link.reuse_pairs import (
    LEAST_SHARED,
    MIN_SCORE,
    MIN_WORDS,
    SHORTEST_CHAIN,
)

VOCABULARY = 20_000
WORDS = 150
PLANTED_EVERY = 100
PASSAGE = 60


def _vocabulary() -> list[str]:
    rng = np.random.default_rng(0)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    return [
        "".join(letters[rng.integers(0, 26, rng.integers(3, 10))])
        for _ in range(VOCABULARY)
    ]


VOCAB = _vocabulary()
# Zipf-like word frequencies: rank r drawn with weight 1 / r.
_WEIGHTS = 1 / np.arange(1, VOCABULARY + 1)
_CUMULATIVE = np.cumsum(_WEIGHTS / _WEIGHTS.sum())


def _words(number: int) -> list[str]:
    rng = np.random.default_rng(number)
    drawn = np.searchsorted(_CUMULATIVE, rng.random(WORDS))
    return [VOCAB[min(i, VOCABULARY - 1)] for i in drawn]


def source_of(number: int) -> int | None:
    """The earlier document a planted one repeats a passage of."""
    if number == 0 or number % PLANTED_EVERY:
        return None
    source = int(np.random.default_rng([number, 1]).integers(0, number))
    return source if source % PLANTED_EVERY else source + 1


def text(number: int) -> str:
    words = _words(number)
    source = source_of(number)
    if source is not None:
        rng = np.random.default_rng([number, 2])
        passage = _words(source)[40 : 40 + PASSAGE]
        for at in rng.integers(0, PASSAGE, 2):
            passage[at] = VOCAB[int(rng.integers(0, VOCABULARY))]
        words[60:60] = passage
    return " ".join(words)


# A band key and its document in one uint64, so one in-place sort groups
# keys (8 bytes a band, no argsort index, no second array): the key's top
# 64 - OWNER_BITS bits, then the document number. Two different keys alike
# in those 44 bits are a chance in 2**44; among 10**8 keys, a few hundred
# such pairs, each a spurious band one alignment then rejects.
OWNER_BITS = 20
# Documents a worker signs per task: its answer is one uint64 array of about
# CHUNK x 80 keys (1.3 MB), so what crosses the pipe stays compact and the
# parent's copy of it is the only one that lives on.
CHUNK = 2_000
# Candidate pairs a worker aligns per task (about a second of work).
PAIRS_CHUNK = 500


# Band keys packed with their documents, shingle keys in document order,
# and how many shingle keys each document has.
Signed = tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64], npt.NDArray[np.int64]]


def sign_chunk(first: int, last: int) -> Signed:
    """Documents [first, last): each one's distinct band keys packed with its
    number, and its distinct shingle keys, in document order. A pure
    function of the numbers, so any process may run it."""
    high = ~np.uint64((1 << OWNER_BITS) - 1)
    bands, grams = [], []
    for number in range(first, last):
        shingles = read_words(text(number)).shingles
        found = passage_bands(shingles)
        # A key once per document: which passage holds it only matters when
        # aligning, and alignment reads the words again.
        bands.append(
            np.unique(found.reshape(-1).view(np.uint64) & high) | np.uint64(number)
        )
        grams.append(gram_keys(shingles).view(np.uint64))
    empty = np.zeros(0, dtype=np.uint64)
    return (
        np.concatenate(bands) if bands else empty,
        np.concatenate(grams) if grams else empty,
        np.array([len(found) for found in grams], dtype=np.int64),
    )


def _sign_task(bounds: tuple[int, int]) -> Signed:
    return sign_chunk(*bounds)


class Growing:
    """A uint64 array filled chunk by chunk, grown when full."""

    def __init__(self, size: int) -> None:
        self.keys = np.empty(size, dtype=np.uint64)
        self.filled = 0

    def add(self, keys: npt.NDArray[np.uint64]) -> None:
        if self.filled + len(keys) > len(self.keys):
            grown = self.filled + len(keys) + len(self.keys) // 8
            self.keys = np.resize(self.keys, grown)
        self.keys[self.filled : self.filled + len(keys)] = keys
        self.filled += len(keys)


def sign(docs: int, pool: Pool | None = None) -> Signed:
    """Every document's distinct band keys, packed with its number, all
    documents' shingle keys in document order, and where each document's
    start (`starts[n]:starts[n + 1]`): chunks signed in `pool`'s workers
    (or here), copied into arrays as they come back, so this process holds
    the keys once plus a chunk or two."""
    if docs > 1 << OWNER_BITS:
        raise SystemExit(f"at most {1 << OWNER_BITS} documents")
    chunks = [(at, min(at + CHUNK, docs)) for at in range(0, docs, CHUNK)]
    results = (
        pool.imap(_sign_task, chunks)
        if pool is not None
        else (sign_chunk(*bounds) for bounds in chunks)
    )
    # Sized from the generator's 80.5 bands and 148 shingles a document.
    bands, grams = Growing(docs * 82), Growing(docs * 150)
    counts = Growing(docs)
    for chunk_bands, chunk_grams, chunk_counts in results:
        bands.add(chunk_bands)
        grams.add(chunk_grams)
        counts.add(chunk_counts.view(np.uint64))
    starts = np.zeros(docs + 1, dtype=np.int64)
    np.cumsum(counts.keys[: counts.filled].view(np.int64), out=starts[1:])
    return bands.keys[: bands.filled], grams.keys[: grams.filled], starts


Pairs = dict[tuple[int, int], int]


def candidates(packed: npt.NDArray[np.uint64]) -> tuple[Pairs, npt.NDArray[np.uint64]]:
    """Pairs of documents sharing SHARED_BANDS band keys or more (with how
    many), and those sharing fewer (each packed as `a << OWNER_BITS | b`),
    keys held by more than COMMON documents left out. Sorts `packed` in
    place."""
    packed.sort()
    # Only keys held twice or more can pair documents: a few percent of them.
    # Found a slice at a time, so the whole array is never shifted or
    # compared at once (at a million documents each such temporary was
    # 640 MB, and their sum the run's peak).
    repeated = []
    step = 1 << 24
    for start in range(0, max(len(packed) - 1, 0), step):
        part = packed[start : start + step + 1] >> np.uint64(OWNER_BITS)
        repeated.append(np.flatnonzero(part[1:] == part[:-1]) + start)
    follows = np.concatenate(repeated) if repeated else np.zeros(0, dtype=np.int64)
    none = np.zeros(0, dtype=np.uint64)
    if not len(follows):
        return {}, none
    # A run of equal keys at [s, e] leaves s .. e - 1 in `follows`.
    breaks = follows[1:] != follows[:-1] + 1
    run_starts = follows[np.r_[True, breaks]]
    run_ends = follows[np.r_[breaks, True]] + 1
    sizes = run_ends - run_starts + 1
    owners = np.uint64((1 << OWNER_BITS) - 1)
    # Every two holders of a run, as one packed pair (a run's holders are in
    # document order, a document holding a key once): runs of one size at a
    # time, as a matrix of holders.
    found = [none]
    for size in range(2, COMMON + 1):
        starts = run_starts[sizes == size]
        holders = packed[starts[:, None] + np.arange(size)] & owners
        first, second = np.triu_indices(size, 1)
        found.append(
            ((holders[:, first] << np.uint64(OWNER_BITS)) | holders[:, second]).ravel()
        )
    pairs, shared = np.unique(np.concatenate(found), return_counts=True)
    del found
    enough = shared >= SHARED_BANDS
    several = {
        (code >> OWNER_BITS, code & int(owners)): n
        for code, n in zip(pairs[enough].tolist(), shared[enough].tolist(), strict=True)
    }
    return several, pairs[~enough]


# Pairs sharing one band whose shingle keys go into one in-memory table for
# `link.reuse_candidates.sharing` (about 40,000 documents' keys, 50 MB).
SHARING_CHUNK = 20_000


def one_band(
    single: npt.NDArray[np.uint64],
    grams: npt.NDArray[np.uint64],
    starts: npt.NDArray[np.int64],
) -> list[tuple[int, int]]:
    """The pairs of `single` (packed) that `link.reuse_candidates.sharing` keeps: their
    texts share ONE_BAND_GRAMS distinct shingles. Each chunk's documents'
    keys (`grams[starts[n]:starts[n + 1]]`, in document order) are put in a
    `reuse_signed` table of its own, as a build stores them."""
    kept: list[tuple[int, int]] = []
    owners = np.uint64((1 << OWNER_BITS) - 1)
    for at in range(0, len(single), SHARING_CHUNK):
        part = single[at : at + SHARING_CHUNK]
        firsts, seconds = part >> np.uint64(OWNER_BITS), part & owners
        docs = np.unique(np.concatenate((firsts, seconds))).tolist()
        with closing(sqlite3.connect(":memory:")) as connection:
            connection.execute(
                "CREATE TABLE reuse_signed (doc INTEGER PRIMARY KEY, grams BLOB)"
            )
            connection.executemany(
                "INSERT INTO reuse_signed VALUES (?, ?)",
                ((doc, grams[starts[doc] : starts[doc + 1]].tobytes()) for doc in docs),
            )
            pairs = list(zip(firsts.tolist(), seconds.tolist(), strict=True))
            kept.extend(sharing(connection, pairs))
    return sorted(kept)


Aligned = list[tuple[int, int, npt.NDArray[np.uint64]]]


def verify_chunk(pairs: list[tuple[int, int]]) -> Aligned:
    """The candidate pairs the real alignment keeps, each with the shingles
    its passage's two sides share (for the formula test)."""
    found = []
    cache: dict[int, Words] = {}
    for a, b in pairs:
        words_a = cache.setdefault(a, read_words(text(a)))
        words_b = cache.setdefault(b, read_words(text(b)))
        if len(cache) > 10_000:
            cache.clear()
        for alignment in align(
            words_a, words_b, least=LEAST_SHARED, shortest=SHORTEST_CHAIN
        ):
            if alignment.matched >= MIN_WORDS and alignment.score >= MIN_SCORE:
                shared = shared_grams(words_a, words_b, alignment).view(np.uint64)
                found.append((a, b, shared))
                break
    return found


def verify(pairs: list[tuple[int, int]], pool: Pool | None = None) -> Aligned:
    """`verify_chunk` over the pairs, in `pool`'s workers when given."""
    chunks = [pairs[at : at + PAIRS_CHUNK] for at in range(0, len(pairs), PAIRS_CHUNK)]
    results = (
        pool.imap_unordered(verify_chunk, chunks) if pool else map(verify_chunk, chunks)
    )
    return [found for part in results for found in part]


def not_formula(
    aligned: Aligned, grams: npt.NDArray[np.uint64]
) -> set[tuple[int, int]]:
    """The aligned pairs whose shared shingles are not mostly common:
    `link.reuse_formula.is_formula` with document frequencies read from all
    documents' shingle keys, `grams`, sorted (a document holds a key once,
    so its frequency is its count)."""
    kept = set()
    for a, b, shared in aligned:
        if len(shared) >= MIN_GRAMS:
            holders = np.searchsorted(grams, shared, "right") - np.searchsorted(
                grams, shared, "left"
            )
            if (holders <= RARE_DOCS).sum() < RARE_SHARE * len(shared):
                continue
        kept.add((a, b))
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="processes signing and aligning (0: all in this one)",
    )
    args = parser.parse_args()
    load = os.getloadavg()[0]
    # The pool first, while this process is small: forked workers share
    # nothing big with it, and each holds only its chunk's keys.
    pool = Pool(args.workers) if args.workers else None
    started, cpu = time.perf_counter(), time.process_time()
    packed, grams, starts = sign(args.docs, pool)
    bands_per_doc = len(packed) / args.docs
    grams_per_doc = len(grams) / args.docs
    signed = time.perf_counter()
    pairs, single = candidates(packed)
    del packed
    blocked = time.perf_counter()
    sharing = one_band(single, grams, starts)
    del starts
    grams.sort()
    shared = time.perf_counter()
    aligned = verify(sorted([*pairs, *sharing]), pool)
    found = not_formula(aligned, grams)
    verified = time.perf_counter()
    if pool is not None:
        pool.close()
        pool.join()  # reaped: their CPU time is in RUSAGE_CHILDREN now
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - cpu + children.ru_utime + children.ru_stime
    planted = {
        (source, n) for n in range(args.docs) if (source := source_of(n)) is not None
    }
    parent_mb = own.ru_maxrss / 1024
    # ru_maxrss of children is the largest one's: every worker's at most that.
    worker_mb = children.ru_maxrss / 1024 if pool is not None else 0.0
    record(
        {
            "bench": "reuse_million",
            "docs": args.docs,
            "workers": args.workers,
            "bands_per_doc": round(bands_per_doc, 1),
            "shingles_per_doc": round(grams_per_doc, 1),
            "bands": BANDS,
            "sign_s": round(signed - started, 1),
            "candidates_s": round(blocked - signed, 1),
            "one_band_s": round(shared - blocked, 1),
            "verify_s": round(verified - shared, 1),
            "total_s": round(verified - started, 1),
            "total_cpu_s": round(cpu, 1),
            "cpu_per_wall": round(cpu / (verified - started), 2),
            "peak_mb": round(parent_mb),
            "worker_peak_mb": round(worker_mb),
            "peak_all_mb_at_most": round(parent_mb + args.workers * worker_mb),
            "candidates": len(pairs) + len(sharing),
            "two_bands": len(pairs),
            "one_band": len(single),
            "one_band_kept": len(sharing),
            "one_band_grams": ONE_BAND_GRAMS,
            "aligned": len(aligned),
            "found": len(found),
            "planted": len(planted),
            "planted_found": len(found & planted),
            "load_1min_before": round(load, 2),
            "load_1min_after": round(os.getloadavg()[0], 2),
        }
    )


if __name__ == "__main__":
    main()
