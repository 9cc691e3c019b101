"""A document's link signatures, made with the document, and their hand-off to link.

`sign_document` reads a clean text's words once and makes what `link.copies`
(digest, MinHash bands) and `link.reuse` (passage bands) would make of it:
pure functions of the text, so the pipeline runs it where the document is
made (a pool or Dask worker) and ships the result on `Document.signs`. The
build keeps the shipped signatures in a `Signed` until it links; the link
steps take a document's from there, by its text, and sign only what is
missing, so the one process that links no longer reads every text's words
(issue 14: the serial share that bounds the pool's speedup).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import xxhash

from dossier.link import shingles
from dossier.link.passages import BANDS, passage_bands, tokens_of
from dossier.link.reuse_formula import gram_keys
from dossier.model import Signs

# Signatures a build keeps between writing documents and linking them, in
# bytes. A KCNA story's take about 4.5 KB (126 MinHash values, 42 copy bands,
# ten band keys for each of its ~20 passages, its ~260 distinct shingles),
# so this holds about 14,000 stories; past it the link steps sign the rest
# themselves, as before, and memory stays flat however large the corpus.
SIGNED_BYTES = 64_000_000
# Texts whose signatures a process keeps to sign a repeat of one once; past
# this (about 10 MB) it forgets them all.
_REMEMBERED = 4_000
_MADE: dict[bytes, Signs] = {}


def sign_document(text: str) -> Signs:
    """The copies and reuse signatures of one document's clean text."""
    tokens = tokens_of(text)
    ordered = shingles.shingles_in_order(tokens)
    if len(text.lower()) == len(text):
        distinct = np.unique(ordered)
    else:
        # Lower-casing lengthened a character (`İ`): copies split such words
        # where reuse, reading spans from the text, does not. Keep each its own.
        tokens = shingles.words(text)
        distinct = shingles.shingle_hashes(tokens)
    signature = shingles.sign_shingles(distinct, shingles.digest(tokens))
    return Signs(
        digest=signature.digest,
        shingles=signature.shingles,
        bands=signature.bands,
        minhash=signature.minhash,
        passages=passage_bands(ordered).tobytes(),
        grams=gram_keys(ordered).tobytes(),
    )


def sign_once(text: str) -> Signs:
    """`sign_document(text)`, made once per process for a text seen again:
    wire copy repeats stories word for word (1,840 kcna-2024 documents hold
    1,039 different texts), and a worker signs each text once."""
    key = _key(text)
    found = _MADE.get(key)
    if found is None:
        if len(_MADE) >= _REMEMBERED:
            _MADE.clear()
        found = _MADE[key] = sign_document(text)
    return found


def copy_signature(signs: Signs) -> shingles.Signature:
    return shingles.Signature(signs.digest, signs.shingles, signs.bands, signs.minhash)


def passage_keys(signs: Signs) -> npt.NDArray[np.int64]:
    """The passage band keys, one row of BANDS per passage."""
    keys: npt.NDArray[np.int64] = np.frombuffer(signs.passages, dtype=np.int64)
    return keys.reshape(-1, BANDS)


def gram_keys_of(signs: Signs) -> npt.NDArray[np.int64]:
    """The text's shingle keys (`link.reuse_formula.gram_keys`)."""
    keys: npt.NDArray[np.int64] = np.frombuffer(signs.grams, dtype=np.int64)
    return keys


class Signed:
    """Signatures made with the documents, by text, until the build links.

    Keyed by a hash of the text itself: the link steps read documents back
    from the store by row, and a text's signatures are the same whichever
    document (copy, or a file built again) carries it.
    """

    def __init__(self, limit: int = SIGNED_BYTES) -> None:
        self._found: dict[bytes, Signs] = {}
        self._bytes = 0
        self._limit = limit

    def __len__(self) -> int:
        return len(self._found)

    def add(self, text: str, signs: Signs) -> None:
        size = size_of(signs)
        if self._bytes + size > self._limit:
            return
        key = _key(text)
        if key not in self._found:
            self._found[key] = signs
            self._bytes += size

    def get(self, text: str) -> Signs | None:
        return self._found.get(_key(text))


def size_of(signs: Signs) -> int:
    """About the bytes `signs` holds in memory (its key and record included)."""
    return (
        len(signs.minhash)
        + len(signs.passages)
        + len(signs.grams)
        + 8 * len(signs.bands)
        + 200
    )


def _key(text: str) -> bytes:
    return xxhash.xxh3_128_digest(text.encode("utf-8", "surrogatepass"))
