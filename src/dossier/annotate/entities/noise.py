"""Capitalised spans the context shows are no names: dropped before resolving.

Classes from news read beside MEANTIME (issue 18): a country code that
prefixes a currency (`US$700 billion`, `GB #20.1 billion`) is part of an
amount, and a place before `dollars` names a currency (`US dollars`), not a
place; a maker's name before a model designator (`Boeing
737-800`, `Airbus A350`, `Vickers VC-10`) and the model's own name after one
(`Boeing 787 Dreamliner`, then `the Dreamliner` anywhere in the text) name a
product, not the maker; a run of everyday
words set in capitals (`FORTHCOMING EVENTS`) is a shouted heading; a stock
market index (`Dow Jones`, `FTSE 100`, `Nikkei`, `the Nasdaq fell`) is a
figure, no body that acts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from dossier.annotate.entities.candidates import PACK, SHAPE, Candidate
from dossier.annotate.entities.index import ORG
from dossier.annotate.entities.lexicon import is_function_word, is_shouted
from dossier.annotate.entities.products import product_names

# `US$`, `A$`, `HK$`, `USD$ 23`, `GB #20.1` (MEANTIME prints £ as #), `NZ€`.
_CURRENCY = re.compile(r"\s?[$£€¥#]\s?\d")
# `US dollars`, `Hong Kong dollar`: a currency's name, not the place.
_CURRENCY_NAME = re.compile(r"[ \t]+dollars?\b")
# A model designator: digits with an optional letter prefix and suffix
# (`737`, `737-800`, `A330-200`, `A350`, `VC-10`, `737s`), not a year.
_DESIGNATOR = re.compile(
    r" (?P<code>(?:[A-Z]{1,3}-?)?\d{2,4}(?:-\d{1,4})?[A-Z]?)(?:s|\b)(?![.,×x]\d)"
)
# `FIFA U-17`, `AFC U-23 Asian Cup`: an age group, no model.
_AGE_GROUP = re.compile(r"U-?\d\d")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def drop_non_names(
    candidates: Sequence[Candidate], text: str, org_heads: frozenset[str]
) -> list[Candidate]:
    """`candidates` without currency prefixes, makers of a named model, model
    names, shouted headings and market indices; `org_heads` are the pack's
    words that end a body's name (`factory`), whose numbers are no models."""
    dropped: set[int] = set()
    codes: set[str] = set()
    dollars = "dollar" in text
    for position, candidate in enumerate(candidates):
        short_capitals, shouted, index_name, body_number = _name_traits(
            candidate.text, org_heads
        )
        if (
            (short_capitals and _CURRENCY.match(text, candidate.end) is not None)
            or (dollars and _CURRENCY_NAME.match(text, candidate.end))
            or (shouted and candidate.source == SHAPE)
            or (index_name and _market_index(candidate, text))
        ):
            dropped.add(position)
            continue
        if body_number or not _may_open_designator(text, candidate.end):
            continue  # no model's number can follow
        designator = _model_after(candidate, text, org_heads)
        if designator is not None:
            dropped.add(position)
            codes.add(designator.group("code"))
    products = {
        _bare(c.text)
        for c in candidates
        if c.source == SHAPE
        and _may_close_designator(text, c.start)
        and _after_designator(c, text, codes)
    }
    if products:
        for position, candidate in enumerate(candidates):
            if candidate.source == SHAPE and _bare(candidate.text) in products:
                dropped.add(position)
    dropped |= product_names(candidates, text)
    if not dropped:
        return list(candidates)
    return [c for i, c in enumerate(candidates) if i not in dropped]


def _may_open_designator(text: str, end: int) -> bool:
    """Whether `_DESIGNATOR` may match at `end`: a space, then a capital or a
    digit (`re` reads a digit as `str.isdecimal` does). Read first: most
    names are followed by a lower-case word or a mark, and skip the pattern."""
    following = text[end + 1 : end + 2]
    return text.startswith(" ", end) and (
        "A" <= following <= "Z" or following.isdecimal()
    )


def _may_close_designator(text: str, start: int) -> bool:
    """Whether `_BEFORE_NAME` may end at `start`: a capital or a digit, a
    space and perhaps a quote mark before it (and a last line break, which
    `$` matches before). Read first: most names follow no number."""
    at = start - 1
    if at >= 0 and text[at] == "\n":
        at -= 1
    if at >= 0 and text[at] in '"“':
        at -= 1
    if at < 1 or text[at] != " ":
        return False
    before = text[at - 1]
    return "A" <= before <= "Z" or before.isdecimal()


@lru_cache(maxsize=65536)
def _name_traits(name: str, org_heads: frozenset[str]) -> tuple[bool, bool, bool, bool]:
    """What a name's own text decides of the tests above, kept since names
    recur: short enough in capitals for a currency's prefix (`US`), everyday
    words set in capitals (`FORTHCOMING EVENTS`, a shouted heading when a
    shape), a market index's name, and ending on a body's head (`General
    Factory`: no model's number after it)."""
    words = name.split()
    return (
        len(name) <= 3 and name.isupper(),
        len(words) > 1 and name.isupper() and all(is_shouted(w) for w in words),
        _INDEX_NAMES.fullmatch(name) is not None,
        bool(words) and words[-1].lower() in org_heads,
    )


# A designator right before a name, perhaps with a quote between (`787
# Dreamliner`, `the 787 "Dreamliner"`, `A350 XWB`).
_BEFORE_NAME = re.compile(
    r"(?<![\w-])(?P<code>(?P<letters>[A-Z]{1,3}-?)?\d{2,4}(?:-\d{1,4})?[A-Z]?) [\"“]?$"
)


def _after_designator(candidate: Candidate, text: str, codes: set[str]) -> bool:
    """A one-word name after a model's designator: the model's own name,
    wherever else it stands (`The Dreamliner flew`). A designator with its
    letters is one anywhere (`A350`, `VC-10`); bare digits only where a maker
    printed them too (`Boeing 787`), since `200 Airbus jets` is a count."""
    if " " in candidate.text:
        return False
    found = _BEFORE_NAME.search(text, max(0, candidate.start - 16), candidate.start)
    if found is None:
        return False
    code = found.group("code")
    if _AGE_GROUP.fullmatch(code):
        return False
    return (
        found.group("letters") is not None
        or code in codes
        or _singular_after_count(candidate, text, code)
    )


# A lower-case word after the name, other than a function word: the name then
# modifies a noun (`500 Apple engineers`), it is no model's name.
_LOWER_WORD = re.compile(r"[ \t]+([a-z][\w-]*)")


def _singular_after_count(candidate: Candidate, text: str, code: str) -> bool:
    """`the 787 Dreamliner`: a number above one before a singular name that
    heads its phrase is a designator, since a count takes a plural
    (`200 Airbus jets`, `300 Koreans`)."""
    if not code.isdigit() or int(code) < 2 or _YEAR.fullmatch(code):
        return False
    if candidate.type not in (None, ORG) or candidate.text.endswith("s"):
        return False
    after = _LOWER_WORD.match(text, candidate.end)
    return after is None or is_function_word(after.group(1))


def _bare(name: str) -> str:
    """A model name without its plural `s` (`Dreamliners`)."""
    return name[:-1] if name.endswith("s") and name[:-1].istitle() else name


# Stock market indices; the firm or exchange of the same name is told by what
# follows it (`Dow Jones & Co.`, `Nasdaq Stock Market`).
_INDEX_NAMES = re.compile(
    r"(?:Dow(?: Jones)?(?: Industrial Average| Industrials| Transportation Average)?"
    r"|FTSE(?: \d+| All-Share)?|Nikkei(?: \d+| Stock Average)?|DAX|CAC(?: \d+)?"
    r"|KOSPI|Sensex|Topix|TOPIX|(?:Euro )?Stoxx(?: \d+)?|S&P(?: \d+)?|Hang Seng"
    r"|Nasdaq(?: Composite)?)(?: [Ii]ndex)?"
)
# Names an exchange or a firm shares with its index: an index only as it moves.
_ALSO_FIRMS = frozenset(["Nasdaq", "Dow Jones"])
_NOT_INDEX = re.compile(r"\s*(?:&|Co\b|Company|Newswires|Inc\b|Stock|OMX|Group)")
# `the Nasdaq fell 2%`: the exchange's name for its index, by what it does.
_MOVES = re.compile(
    r"\s+(?:composite\s+|index\s+)?(?:rose|fell|gained|lost|climbed|dropped|slipped"
    r"|closed|ended|jumped|tumbled|added|shed|rallied|slumped|surged|plunged|edged"
    r"|index|composite|was\s+(?:up|down))\b"
)


def _market_index(candidate: Candidate, text: str) -> bool:
    named = _INDEX_NAMES.fullmatch(candidate.text)
    if named is None or _NOT_INDEX.match(text, candidate.end):
        return False
    if candidate.text in _ALSO_FIRMS:
        # `the Nasdaq fell`, `the Dow Jones rose`; `Dow Jones said` is the firm.
        return _MOVES.match(text, candidate.end) is not None
    return True


def _model_after(
    candidate: Candidate, text: str, org_heads: frozenset[str]
) -> re.Match[str] | None:
    """The designator after `candidate`, if one follows it."""
    if candidate.source == PACK and candidate.type not in (None, ORG):
        return None  # a listed person or place (`Juche 113`) has no models
    words = candidate.text.split()
    if words and words[-1].lower() in org_heads:
        return None  # `General Factory 326`, `Unit 1234`: a body's number
    found = _DESIGNATOR.match(text, candidate.end)
    if found is None:
        return None
    code = found.group("code")
    if _YEAR.fullmatch(code) or _AGE_GROUP.fullmatch(code):
        return None
    return found
