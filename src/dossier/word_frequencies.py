"""English word frequencies (wordfreq's, on the Zipf scale) for the threshold
questions clean and the mentions finder ask, read from wordfreq's own data
file without importing wordfreq.

`import wordfreq` and its first lookup cost a build process 0.4-0.5 CPU s
(langcodes' tables, the whole large English list made into a dict); reading
only the list's commonest buckets takes 0.07 (issue 14, brief MENT7).

The answers are wordfreq's own, exactly, for the words whose tokens under
wordfreq's English tokenizer are known without running it (`_tokens`); for
any other word, and for a threshold below `LOWEST_ZIPF`, wordfreq answers.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

# The lowest threshold any caller asks (`lexicon.COMMON_WORD_ZIPF`,
# `hyphens.JOINED_ZIPF`): rarer words are not kept.
LOWEST_ZIPF = 2.0

# wordfreq 3's `best` English list is its `large` one; its format is
# `read_cBpack`'s: a header, then buckets of words, bucket i holding the
# words at -i centibels.
_DATA_FILE = Path("data") / "large_en.msgpack.gz"
_HEADER = {"format": "cB", "version": 1}

# wordfreq's English tokenizer on such text: it case-folds, then a token runs
# from a letter to the next Unicode word boundary (UAX #29), so a hyphen
# always splits and an apostrophe between letters, straight or curly (rules
# WB6/WB7), does not; except that a token may not open with one or two
# letters, a straight apostrophe and a vowel, `h` or `y` (`l'arc`, `d'heure`
# are split: its "Case 3" and "Case 4"). A curly one is then made straight
# (`uncurl_quotes`). A full stop between letters does not split either
# (`j.f.k.` is one token, `j.f.k`: a stop after the last letter is none of
# it). A part below is one token, its `token` group; anything else (digits,
# accents, an apostrophe at either end or two in a part) is left to wordfreq.
_PART = re.compile(
    r"(?P<token>[a-z]+(?:\.[a-z]+)*)\.?"
    r"|[a-z]{3,}'[a-z]+|[a-z]{1,2}'[b-df-gj-np-tv-xz][a-z]*|[a-z]+’[a-z]+"
)


def zipf_at_least(word: str, threshold: float) -> bool:
    """Whether `zipf_frequency(word, "en") >= threshold` (wordfreq's answer)."""
    tokens = _tokens(word)
    if tokens is None or threshold < LOWEST_ZIPF:
        return _wordfreq_zipf(word) >= threshold
    table = _table()
    if table is None:
        return _wordfreq_zipf(word) >= threshold
    buckets: list[int] = []
    for token in tokens:
        bucket = table.get(token)
        if bucket is None:
            # Not among the kept words: its frequency, and that of any word
            # it is a token of, is below the rarest kept bucket's.
            return False
        buckets.append(bucket)
    if len(buckets) == 1:
        return _ZIPF_OF_BUCKET[buckets[0]] >= threshold
    return _zipf_of(buckets) >= threshold


def _tokens(word: str) -> list[str] | None:
    """wordfreq's tokens of `word` where its tokenizer provably leaves each
    hyphen-separated part whole, else None."""
    if not word.replace("’", "").isascii():
        return None
    tokens = []
    for part in word.lower().split("-"):
        read = _PART.fullmatch(part)
        if read is None:
            return None
        token = read.group("token")
        tokens.append(token if token is not None else part.replace("’", "'"))
    return tokens


def _zipf_of(buckets: Sequence[int]) -> float:
    """wordfreq's Zipf value of a word whose tokens are in these buckets, by
    its own arithmetic in its own order (`_word_frequency`, `zipf_frequency`
    with `minimum` 0), so that every float comes out the same."""
    one_over_result = 0.0
    for bucket in buckets:
        one_over_result += 1.0 / (10 ** (-bucket / 100))
    unrounded = max(1.0 / one_over_result, 10**0.0 / 1e9)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    frequency = round(unrounded, leading_zeroes + 3)
    return round(math.log(frequency, 10) + 9, 2)


def _kept_buckets() -> int:
    """How many buckets, from the commonest, hold words at or above
    LOWEST_ZIPF. A word's value falls as its bucket grows, and a phrase's
    value is at most its rarest token's, so no word beyond them can reach it."""
    count = 0
    while _zipf_of((count,)) >= LOWEST_ZIPF:
        count += 1
    return count


_ZIPF_OF_BUCKET = tuple(_zipf_of((bucket,)) for bucket in range(_kept_buckets()))


@cache
def _table() -> dict[str, int] | None:
    """Each kept word's bucket, or None when wordfreq's data is not where or
    what this module expects (another version: then wordfreq answers)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / _DATA_FILE
    if not path.is_file():
        return None
    import msgpack

    table: dict[str, int] = {}
    with gzip.open(path, "rb") as stream:
        # Streamed: the rare words (most of the file) are never decompressed.
        unpacker: Any = msgpack.Unpacker(stream, raw=False)
        length = unpacker.read_array_header()
        if unpacker.unpack() != _HEADER:
            return None
        for bucket in range(min(len(_ZIPF_OF_BUCKET), length - 1)):
            table.update(dict.fromkeys(unpacker.unpack(), bucket))
    return table


def _wordfreq_zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))
