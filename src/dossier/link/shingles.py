"""A document's text as a compact signature: digest, shingles, MinHash bands.

Pure functions of one text, so `link.copies` can sign new documents only and
keep the signatures in the store. Word 3-shingles over lower-cased words:
punctuation, case and spacing never make two copies differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import xxhash

# Words per shingle. On kcna-2024, with near copies judged by containment
# (link.copies.CONTAINMENT), 3 misses fewer edited copies than 4 or 5 and
# lets no more different stories through (bench/copies_threshold.py).
SHINGLE_WORDS = 3
# MinHash size, cut into BANDS bands of ROWS values. A pair whose shingle
# sets have Jaccard J shares a band with probability 1 - (1 - J**3)**42:
# 0.93 at J = 0.4 (about the least a pair judged a copy can have:
# containment 0.85 at size ratio 0.5), 0.9998 at 0.57 (the 5th percentile
# of edited copies of kcna-2024 stories), 0.04 at 0.1.
ROWS = 3
BANDS = 42
PERMUTATIONS = ROWS * BANDS
# Shorter texts (about 50 words) are grouped only when their words are equal.
# In kcna-2024 they are one-sentence notices ("A delegation ... arrived here
# by plane on Thursday" / "... left here by plane on Aug. 8") where the word
# or two that differ are the news: 6 pairs of such different notices reach
# containment 0.8, up to 0.875, and none of 50 shingles or more reaches 0.85.
MIN_SHINGLES = 50
# Names what the three numbers above make: stored signatures of another scheme
# are signed again.
SCHEME = f"1-w{SHINGLE_WORDS}-r{ROWS}-b{BANDS}-m{MIN_SHINGLES}"

_WORD = re.compile(r"\w+")
# Odd multipliers: h -> a * h mod 2**32, one multiply-shift hash each. Derived
# from xxhash, not a random generator, so stored bands never change meaning.
_MULTIPLY = np.array(
    [xxhash.xxh32_intdigest(f"minhash {n}".encode()) | 1 for n in range(PERMUTATIONS)],
    dtype=np.uint32,
)
_CHUNK = 2048
# Shingle hash = x0 * P0 + x1 * P1 + x2: order matters, words are hashed once.
_POSITION = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 1][-SHINGLE_WORDS:], dtype=np.uint64
)


@dataclass(frozen=True, slots=True)
class Signature:
    """What `link.copies` stores of a text: never the text itself."""

    digest: bytes  # of the normalised words: equal digests, equal words
    shingles: int  # distinct shingles; below MIN_SHINGLES, no bands
    bands: tuple[int, ...]  # signed 64-bit keys, one per band
    minhash: bytes  # PERMUTATIONS uint32 values when banded, else empty


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def digest(tokens: list[str]) -> bytes:
    return xxhash.xxh3_128_digest(" ".join(tokens).encode())


def shingle_hashes(tokens: list[str]) -> npt.NDArray[np.uint64]:
    """The distinct hashes of the text's word shingles (fewer words than a
    shingle: one, of them all)."""
    return np.unique(shingles_in_order(tokens))


def shingles_in_order(tokens: list[str]) -> npt.NDArray[np.uint64]:
    """The hash of the shingle starting at each word, in text order, repeats
    kept (passages need where each is)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    # `map` over the built-ins, not a generator: no Python frame a word.
    hashes = np.fromiter(
        map(xxhash.xxh3_64_intdigest, map(str.encode, tokens)),
        dtype=np.uint64,
        count=len(tokens),
    )
    # Fewer words than a shingle: the words are the one shingle.
    width = min(SHINGLE_WORDS, len(hashes))
    count = len(hashes) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset, weight in enumerate(_POSITION[-width:]):
        combined += hashes[offset : offset + count] * weight
    return combined


def minhash(shingles: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint32]:
    """PERMUTATIONS minimum values of the shingles under independent hashes.

    Each hash is h -> a * h mod 2**32 on the shingle's top 32 bits, a odd:
    2.2x faster than 64-bit products, and on 600 kcna-2024 stories against
    edited copies its Jaccard estimate has the same spread (sd 0.037) and no
    bias.
    """
    lowest = np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)
    top = (shingles >> np.uint64(32)).astype(np.uint32)
    # In chunks: a whole 1 M-character document at once would take 85 MB.
    for start in range(0, len(top), _CHUNK):
        values = top[start : start + _CHUNK, None] * _MULTIPLY[None, :]
        np.minimum(lowest, values.min(axis=0), out=lowest)
    return lowest


def band_keys(signature: npt.NDArray[np.uint32]) -> tuple[int, ...]:
    rows = signature.reshape(BANDS, ROWS)
    return tuple(
        xxhash.xxh3_64_intdigest(row.tobytes(), seed=band) - 2**63
        for band, row in enumerate(rows)
    )


def sign(text: str) -> Signature:
    return sign_words(words(text))


def sign_words(tokens: list[str], digested: bytes | None = None) -> Signature:
    """The signature of a text's `words`, whose digest may be known already."""
    return sign_shingles(shingle_hashes(tokens), digested or digest(tokens))


def sign_shingles(shingles: npt.NDArray[np.uint64], digested: bytes) -> Signature:
    if len(shingles) < MIN_SHINGLES:
        return Signature(digested, len(shingles), (), b"")
    values = minhash(shingles)
    return Signature(digested, len(shingles), band_keys(values), values.tobytes())


def estimated_containment(
    a: list[bytes], b: list[bytes], a_shingles: list[int], b_shingles: list[int]
) -> npt.NDArray[np.float64]:
    """Containment of each pair, from MinHash values and the set sizes."""
    left = np.frombuffer(b"".join(a), dtype=np.uint32).reshape(-1, PERMUTATIONS)
    right = np.frombuffer(b"".join(b), dtype=np.uint32).reshape(-1, PERMUTATIONS)
    same = (left == right).mean(axis=1)
    sizes_a = np.array(a_shingles, dtype=np.float64)
    sizes_b = np.array(b_shingles, dtype=np.float64)
    shared = same * (sizes_a + sizes_b) / (1 + same)
    result: npt.NDArray[np.float64] = shared / np.minimum(sizes_a, sizes_b)
    return result


def containment(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> float:
    """Share of the smaller set's shingles found in the larger."""
    if not len(a) or not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / min(len(a), len(b))
