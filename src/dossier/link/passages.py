"""A document's passages as MinHash bands, for `link.reuse`: pure functions of one text.

Words are `link.shingles`' words (lower-cased `\\w+` runs, so punctuation,
quote marks, case and re-wrapping never differ), each kept with its character
span in the clean text. A passage is a window of WINDOW word 3-shingles,
one every STRIDE: any stretch of WINDOW + STRIDE words one document shares
with another holds a whole passage of the first, and the second's nearest
passage overlaps that stretch by at least three quarters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import xxhash

from dossier.link.occurrences import Occurrences, occurrences
from dossier.link.shingles import SHINGLE_WORDS
from dossier.link.shingles import shingles_in_order as shingle_hashes

# Shingles per stride; a passage is two strides (32 shingles, 34 words: about
# a KCNA sentence and a half), so a 3-sentence quotation (60 to 90 words)
# holds one side's passage whole and three quarters of one of the other's.
STRIDE = 16
WINDOW = 2 * STRIDE
# Bands of ROWS MinHash values. Two passages sharing a Jaccard J of their
# shingles share a band with probability 1 - (1 - J**2)**10: 0.99 at J = 0.6
# (a quoted passage against the worst-placed passage of its source), 0.83
# at 0.4, 0.34 at 0.2, 0.10 at 0.1; a quotation of 60 words or more gives
# several such pairs. Against 3 rows of 20 bands, on kcna-2024: half the
# rows to store (the costliest part of signing), twice the candidates to
# align, as many passages found (243 pairs of documents against 237).
ROWS = 2
BANDS = 10
PERMUTATIONS = ROWS * BANDS
# Fewer shingles than this (about a dozen words) and a text has no passage.
MIN_SHINGLES = 10
SCHEME = f"1-w{WINDOW}-s{STRIDE}-r{ROWS}-b{BANDS}-m{MIN_SHINGLES}"

_WORD = re.compile(r"\w+")
# Whether each ASCII character is a `\w` character.
_ASCII_WORD = np.array([bool(_WORD.match(chr(c))) for c in range(128)], dtype=bool)
# ... as a byte table (`bytes.translate`): each ASCII character to 1 or 0.
_ASCII_FLAGS = bytes(_ASCII_WORD.astype(np.uint8).tolist() + [0] * 128)
_MULTIPLY = np.array(
    [xxhash.xxh32_intdigest(f"passage {n}".encode()) | 1 for n in range(PERMUTATIONS)],
    dtype=np.uint32,
)
_ROW_WEIGHTS = np.array(
    [0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x9E3779B97F4A7C15], dtype=np.uint64
)[:ROWS]
_BAND_SALT = np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0xD6E8FEB86659FD93)


@dataclass(frozen=True, slots=True)
class Words:
    """A text's words, their spans in it and their shingles' hashes."""

    tokens: list[str]
    starts: npt.NDArray[np.int64]  # character offset of each word
    ends: npt.NDArray[np.int64]
    shingles: npt.NDArray[np.uint64]  # one per position: words i .. i+2
    # The shingles grouped: each once, sorted, with where it occurs (made
    # once, for every candidate pair the text is in: `link.align`).
    grouped: Occurrences
    text: str  # the text read (link.rewrites finds its sentences when needed)
    # What is read from these words once needed, kept with them: a text is
    # in many candidate pairs, over batches (`link.rewrites.read_sentences`;
    # 2,663 readings of 1,441 texts of generated wire copy before).
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def distinct(self) -> npt.NDArray[np.uint64]:
        """The shingles, sorted, once each."""
        values: npt.NDArray[np.uint64] = self.grouped.values.view(np.uint64)
        return values

    @property
    def counts(self) -> npt.NDArray[np.int64]:
        """How often each distinct shingle occurs."""
        return self.grouped.counts


def read_words(text: str) -> Words:
    lowered = text.lower()
    # Lower-casing may lengthen a few characters (İ): read spans from the text.
    source = lowered if len(lowered) == len(text) else text
    starts, ends = word_spans(source)
    if source is lowered:
        # The words `word_spans` finds, as `_WORD` finds them: `findall`
        # makes them in C (a slice a word in Python was half as much again
        # as finding the spans; three months of wire copy: 0.18 -> 0.15 CPU s).
        tokens: list[str] = _WORD.findall(lowered)
    else:
        spans = zip(starts.tolist(), ends.tolist(), strict=True)
        tokens = [text[s:e].lower() for s, e in spans]
    shingles = shingle_hashes(tokens)
    return Words(tokens, starts, ends, shingles, occurrences(shingles), text)


def word_spans(text: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Where each run of `\\w` characters (`_WORD`'s matches) starts and ends,
    found in numpy over the text's code points: a match object a word cost
    two thirds of `read_words` on kcna-2024 (0.5 of 0.8 CPU s). An ASCII
    text (every generated wire story, most of kcna-2024) is read a byte a
    character, flagged by `bytes.translate`, and the runs' edges compared
    in place: the 3,299 texts of the wire months and kcna-2024 in 0.25-0.36
    CPU s before, 0.12-0.17 after (load 6)."""
    if text.isascii():
        word = np.frombuffer(text.encode("ascii").translate(_ASCII_FLAGS), dtype=bool)
    else:
        points = np.frombuffer(
            text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32
        )
        word = _ASCII_WORD[np.minimum(points, 127)]
        wide = points > 127
        if wide.any():
            # `\w` beyond ASCII is what str.isalnum() says (re's definition).
            others, where = np.unique(points[wide], return_inverse=True)
            word[wide] = np.array([chr(c).isalnum() for c in others.tolist()])[where]
    # Not a word before the text and after it: a run starts where a word
    # character follows another kind, and ends where one is followed by one.
    padded = np.zeros(len(word) + 2, dtype=bool)
    padded[1:-1] = word
    starts = np.flatnonzero(padded[1:] > padded[:-1]).astype(np.int64)
    ends = np.flatnonzero(padded[1:] < padded[:-1]).astype(np.int64)
    return starts, ends


def tokens_of(text: str) -> list[str]:
    """The words `read_words` reads, without their spans: all signing needs.
    `findall` makes no match objects: 4x faster than `finditer` on kcna-2024."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return _WORD.findall(lowered)
    return [m.group().lower() for m in _WORD.finditer(text)]


def passage_words(passage: int, words: int) -> tuple[int, int]:
    """The words [first, last) passage number `passage` covers."""
    start = passage * STRIDE
    return start, min(start + WINDOW + SHINGLE_WORDS - 1, words)


def passage_bands(shingles: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    """Band keys, one row of BANDS per passage (signed, for SQLite)."""
    if len(shingles) < MIN_SHINGLES:
        return np.zeros((0, BANDS), dtype=np.int64)
    top = (shingles >> np.uint64(32)).astype(np.uint32)
    values = top[:, None] * _MULTIPLY[None, :]  # shingles x PERMUTATIONS
    blocks = -(-len(values) // STRIDE)
    padded = np.full(
        (blocks * STRIDE, PERMUTATIONS), np.iinfo(np.uint32).max, dtype=np.uint32
    )
    padded[: len(values)] = values
    lowest = padded.reshape(blocks, STRIDE, PERMUTATIONS).min(axis=1)
    if blocks > 1:
        lowest = np.minimum(lowest[:-1], lowest[1:])
    rows = lowest.reshape(len(lowest), BANDS, ROWS).astype(np.uint64)
    keys = (rows * _ROW_WEIGHTS).sum(axis=2, dtype=np.uint64) + _BAND_SALT
    # A final mix so nearby sums never give nearby keys.
    keys ^= keys >> np.uint64(31)
    keys *= np.uint64(0x94D049BB133111EB)
    keys ^= keys >> np.uint64(29)
    signed: npt.NDArray[np.int64] = keys.view(np.int64)
    return signed
