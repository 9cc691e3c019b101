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


def sign(docs: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32]]:
    """Every document's band keys, and the document each came from."""
    keys, owners = [], []
    for number in range(docs):
        bands = passage_bands(read_words(text(number)).shingles)
        # A band key once per document: which passage holds it only matters
        # when aligning, and alignment reads the words again.
        unique = np.unique(bands.reshape(-1))
        keys.append(unique)
        owners.append(np.full(len(unique), number, dtype=np.int32))
    return np.concatenate(keys), np.concatenate(owners)


def candidates(
    keys: npt.NDArray[np.int64], owners: npt.NDArray[np.int32]
) -> dict[tuple[int, int], int]:
    """Pairs of documents sharing SHARED_BANDS band keys or more, keys held
    by more than COMMON documents left out."""
    order = np.argsort(keys, kind="stable")
    keys, owners = keys[order], owners[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
        if size > COMMON:
            continue
        holders = sorted(owners[start : start + size].tolist())
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
    keys, owners = sign(args.docs)
    signed = time.perf_counter()
    pairs = candidates(keys, owners)
    blocked = time.perf_counter()
    found = verify(sorted(pairs))
    verified, cpu = time.perf_counter(), time.process_time() - cpu
    planted = {
        (source, n)
        for n in range(args.docs)
        if (source := source_of(n)) is not None
    }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    record(
        {
            "bench": "reuse_million",
            "docs": args.docs,
            "bands_per_doc": round(len(keys) / args.docs, 1),
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
