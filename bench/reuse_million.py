"""Benchmark: reuse signatures of N generated documents, linked in memory.

    python bench/reuse_million.py [--docs 100000]

What `link.reuse` does per document, at a scale SQLite is not asked to
hold: each document's words and passage bands (`link.passages.read_words`,
`passage_bands`, the real functions), then LSH candidates (documents whose
passages share SHARED_BANDS bands, bands held by more than COMMON documents
left out, as `link.reuse` does), then verification of each candidate by the
real alignment (`link.align.align`, MIN_WORDS and MIN_SCORE). One core.

Documents are ~150 words drawn from a Zipf vocabulary of 20,000 made-up
words (seeded by document number, so verification makes a document again
rather than keeping every text); one in a hundred repeats a passage of
60 words of an earlier document with two words changed. Printed: seconds
for each stage, peak memory (ru_maxrss), candidates, planted pairs found.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record

from dossier.link.align import align
from dossier.link.passages import BANDS, Words, passage_bands, read_words
from dossier.link.reuse import (
    COMMON,
    LEAST_SHARED,
    MIN_SCORE,
    MIN_WORDS,
    SHARED_BANDS,
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


def sign(docs: int) -> npt.NDArray[np.uint64]:
    """Every document's distinct band keys, packed with its number."""
    if docs > 1 << OWNER_BITS:
        raise SystemExit(f"at most {1 << OWNER_BITS} documents")
    packed = np.empty(docs * 100, dtype=np.uint64)
    filled = 0
    high = ~np.uint64((1 << OWNER_BITS) - 1)
    for number in range(docs):
        bands = passage_bands(read_words(text(number)).shingles)
        # A key once per document: which passage holds it only matters when
        # aligning, and alignment reads the words again.
        keys = np.unique(bands.reshape(-1).view(np.uint64) & high) | np.uint64(number)
        if filled + len(keys) > len(packed):
            packed = np.resize(packed, 2 * len(packed))
        packed[filled : filled + len(keys)] = keys
        filled += len(keys)
    return packed[:filled]


def candidates(packed: npt.NDArray[np.uint64]) -> dict[tuple[int, int], int]:
    """Pairs of documents sharing SHARED_BANDS band keys or more, keys held
    by more than COMMON documents left out."""
    packed.sort()
    keys = packed >> np.uint64(OWNER_BITS)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    del keys
    sizes = np.diff(np.r_[starts, len(packed)])
    owners = np.uint64((1 << OWNER_BITS) - 1)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    wanted = (sizes > 1) & (sizes <= COMMON)
    for start, size in zip(
        starts[wanted].tolist(), sizes[wanted].tolist(), strict=True
    ):
        holders = (packed[start : start + size] & owners).tolist()
        for i, a in enumerate(holders):
            for b in holders[i + 1 :]:
                shared[(a, b)] += 1
    return {pair: n for pair, n in shared.items() if n >= SHARED_BANDS}


def verify(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The candidate pairs the real alignment keeps."""
    found = set()
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
                found.add((a, b))
                break
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    packed = sign(args.docs)
    bands_per_doc = len(packed) / args.docs
    signed = time.perf_counter()
    pairs = candidates(packed)
    blocked = time.perf_counter()
    found = verify(sorted(pairs))
    verified, cpu = time.perf_counter(), time.process_time() - cpu
    planted = {
        (source, n) for n in range(args.docs) if (source := source_of(n)) is not None
    }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    record(
        {
            "bench": "reuse_million",
            "docs": args.docs,
            "bands_per_doc": round(bands_per_doc, 1),
            "bands": BANDS,
            "sign_s": round(signed - started, 1),
            "candidates_s": round(blocked - signed, 1),
            "verify_s": round(verified - blocked, 1),
            "total_s": round(verified - started, 1),
            "total_cpu_s": round(cpu, 1),
            "peak_mb": round(peak_mb),
            "candidates": len(pairs),
            "found": len(found),
            "planted": len(planted),
            "planted_found": len(found & planted),
            "load_1min_before": round(load, 2),
            "load_1min_after": round(os.getloadavg()[0], 2),
        }
    )


if __name__ == "__main__":
    main()
