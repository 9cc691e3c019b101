"""Names of products, not of the bodies that make them: dropped before resolving.

dossier's entities are people, bodies, places and publications; a product's
name (`iPod Nano`, `MacBook Air laptops`, `787 Dreamliner`) names none, as a
weapon's does not (context.py). Read by English word order (issue 18, classes
from MEANTIME's news): a capitalised word after a brand printed `iPod`,
`iTunes` continues the product's name, and so does a name set beside a
version (`Lion, the new version of …`); a name whose every use in the document
stands before a word for a kind of product (`MacBook Air laptops`, `Intel
Core Duo processors`) is that product's, while a maker's name is used on its
own elsewhere (`Apple unveiled … Apple mobile devices`), is one word, as
makers' names before their goods mostly are (`200 Airbus jets`, `Toshiba
laptops`), or is typed by its head word (`Swedish Air Force planes`); a unit
after a
number (`2 GHz`) is no name at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.annotate.entities.candidates import PACK, Candidate
from dossier.annotate.entities.lexicon import is_function_word
from dossier.annotate.openers import matches_at_words
from dossier.english import word_set

# `iPod`, `iTunes`, `iPhone`, `iOS`: a brand written with a small `i` before a
# capital, then the capitalised words of one product (`iPod Nano`, `iTunes
# Music Store`, `iPhone SDK`).
_BRAND_BEFORE = re.compile(r"(?<![\w-])i[A-Z][\w-]*[ \t]$")
_BRAND_WINDOW = 24
_PRODUCT_HEADS = word_set(
    """
    laptop laptops notebook notebooks computer computers desktop desktops
    processor processors chip chips chipset chipsets software browser browsers
    smartphone smartphones phone phones handset handsets tablet tablets
    player players console consoles device devices airliner airliners jetliner
    jetliners jet jets aircraft airplane airplanes plane planes helicopter
    helicopters sedan sedans truck trucks program programme
    """
)
# `Lion, the new version of their Mac OS X`, `Tiger, the code name for this
# release`: set beside a version of something, a name is that product's
# (`of`/`for` after it: `According to Apple, the update adds` is a clause).
_VERSION_AFTER = re.compile(
    r",[ \t]+(?:the|a|an)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
    r"(?:version|release|edition|update|upgrade|code[ \t]+name)[ \t]+(?:of|for)\b"
)
# The name, at most one lower-case modifier, then a product's word (`Apple
# mobile devices`, `Mac OS X operating system`).
_HEADS = "|".join(sorted(_PRODUCT_HEADS, key=len, reverse=True))
_HEAD_AFTER = re.compile(
    rf"[ \t]+(?:(?P<modifier>[a-z][a-z-]+)[ \t]+)?(?:operating system|{_HEADS})\b"
)
# Units printed after a number, capitalised as units are (`2 GHz`, `16 GB`).
_UNIT_WORDS = """
    Hz kHz MHz GHz THz KB MB GB TB PB Kbps Mbps Gbps kW MW GW kWh MWh GWh mAh dB
"""
_UNITS = frozenset(_UNIT_WORDS.split())  # case kept: `MB`, not `mb`
_NUMBER_BEFORE = re.compile(r"\d[ \t]?$")
# Opening on the letter, the look-behind after it, `re` skips ahead to each
# `i`: 0.012 s over kcna-2024 against 0.110 with the look-behind first.
_ANY_BRAND = re.compile(r"i(?<![\w-]i)[A-Z]")
_VERSION_WORDS = ("version", "release", "edition", "update", "upgrade", "code")
_ANY_VERSION = re.compile(
    r"(?:version|release|edition|update|upgrade|code[ \t]+name)[ \t]+(?:of|for)\b"
)
# Matched only where `str.find` finds one of those words: `re` searching for
# it tries every `c`, `e`, `r`, `u` and `v` of the text, and 175 of
# kcna-2024's 1,840 articles print one (`released`): the words' tests and the
# searches 0.026 CPU s a pass over it.


def product_names(candidates: Sequence[Candidate], text: str) -> set[int]:
    """Positions in `candidates` of names the text shows are a product's or a
    unit's; listed names are never one."""
    # Whole-text tests first: most documents print no `iPod`-style brand and
    # no version apposition, and their candidates then skip those tests.
    brands = _ANY_BRAND.search(text) is not None
    versions = matches_at_words(_ANY_VERSION, text, _VERSION_WORDS)
    dropped: set[int] = set()
    branded: set[str] = set()
    heads: dict[str, list[int]] = {}
    for position, candidate in enumerate(candidates):
        if candidate.source == PACK:
            continue
        if candidate.text in _UNITS and _NUMBER_BEFORE.search(
            text, max(0, candidate.start - 2), candidate.start
        ):
            dropped.add(position)
        elif (brands or versions) and _branded(candidate, text):
            branded.add(candidate.text)
        elif (
            candidate.type is None
            and " " in candidate.text
            and _before_product_word(candidate, text)
        ):
            heads.setdefault(candidate.text, []).append(position)
    if branded:
        dropped.update(i for i, c in enumerate(candidates) if c.text in branded)
    if heads:
        # A name used anywhere else (not before a product's word) is a maker's.
        before_goods = {i for positions in heads.values() for i in positions}
        elsewhere = {
            c.text
            for i, c in enumerate(candidates)
            if i not in before_goods and i not in dropped
        }
        for name, positions in heads.items():
            if name not in elsewhere:
                dropped.update(positions)
    return dropped


def _branded(candidate: Candidate, text: str) -> bool:
    """After `iPod`, or beside `, the new version of`; the cheap test first."""
    start, end = candidate.start, candidate.end
    window = text[max(0, start - _BRAND_WINDOW) : start]
    maybe = " i" in window or "\ni" in window or window.startswith("i")
    if maybe and _BRAND_BEFORE.search(text, max(0, start - _BRAND_WINDOW), start):
        return True
    return text.startswith(",", end) and _VERSION_AFTER.match(text, end) is not None


def _before_product_word(candidate: Candidate, text: str) -> bool:
    if not text.startswith((" ", "\t"), candidate.end):
        return False  # the pattern opens on a space or tab: not called
    after = _HEAD_AFTER.match(text, candidate.end)
    if after is None:
        return False
    modifier = after.group("modifier")
    return modifier is None or not is_function_word(modifier)
