"""Is a hyphen at a line end part of the word, or only typesetting?"""

from __future__ import annotations

from collections.abc import Collection

from dossier.word_frequencies import zipf_at_least

# Zipf frequency (wordfreq, log10 per billion words) at or above which a
# string is an English word: "revolution" 4.6, "fighters" 4.2, "tion" 2.8,
# "revolu" 1.2. Measured on the seeds' line-end hyphens.
WORD_ZIPF = 3.0
# A joined spelling of a real compound only occurs as a typo ("socalled" 1.7,
# "wellknown" 1.6, "vicepresident" 1.6); rare whole words score more
# ("internationalism" 2.45, "counterrevolutionary" 2.1).
JOINED_ZIPF = 2.0


def keep_hyphen(
    left: str,
    right: str,
    *,
    vocabulary: Collection[str] = (),
    prefixes: Collection[str] = (),
) -> bool:
    """True when `left-` + `right` across a line end is a real compound.

    `left` is everything of the word before the hyphen ("side-by"), `right`
    the rest of it on the next line; `vocabulary` holds the lower-cased words
    (hyphenated ones whole) seen elsewhere in the same text.
    """
    if "-" in left or not right or not right[0].isalpha() or right[0].isupper():
        return True
    joined = (left + right).lower()
    hyphenated = f"{left}-{right}".lower()
    if hyphenated in vocabulary:
        return True
    if joined in vocabulary:
        return False
    if left.lower() in prefixes and zipf_at_least(right.lower(), WORD_ZIPF):
        return True
    if zipf_at_least(joined, JOINED_ZIPF):
        return False
    return zipf_at_least(left.lower(), WORD_ZIPF) and zipf_at_least(
        right.lower(), WORD_ZIPF
    )
