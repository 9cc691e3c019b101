"""Who asserts a claim, and through which outlets it reached the reader.

A figure or dated statement inside a quotation (direct or reported) is the
speaker's; otherwise the document's own, or an outlet's the sentence cites
("KCNA reported", "according to Rodong Sinmun"). `via` is the chain of
outlets from the document inwards: a blog quoting KCNA quoting a spokesman
is `via: [blog, KCNA]`, `asserted_by: spokesman`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

DOCUMENT = "document"

# Words that make an outlet named near them the one reporting the sentence.
_CUE = re.compile(
    r"(?<![\w-])(according[ \t]+to|reported|reports|reporting|said|says|quoted|"
    r"quoting|carried|wrote|writes|noted|stressed|disclosed|cited|citing|"
    r"released|published|in[ \t]+an[ \t]+article|commentary)(?![\w-])",
    re.IGNORECASE,
)
# How near an outlet's name its cue must be, in characters.
_CUE_REACH = 30


@dataclass(frozen=True, slots=True)
class Spoken:
    """A quote of the document: its content span, speaker and the outlet
    that relayed it (`via`, or the outlet of the citation after it)."""

    start: int
    end: int
    kind: str
    speaker: str | None
    via: str | None
    cited: str | None


@dataclass(frozen=True, slots=True)
class Named:
    """An outlet named in the document (a PUBLICATION mention)."""

    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Assertion:
    asserted_by: str
    via: tuple[str, ...]


def assertion(
    start: int,
    end: int,
    *,
    text: str,
    sentence: tuple[int, int],
    outlet: str | None,
    quotes: Sequence[Spoken],
    outlets: Sequence[Named],
) -> Assertion:
    """Who asserts what is printed at `start:end` of the document `text`."""
    chain: list[str] = [outlet] if outlet else []
    cited = [
        named
        for named in outlets
        if sentence[0] <= named.start
        and named.end <= sentence[1]
        and not (named.start < end and start < named.end)
        and _cued(text, named, sentence)
    ]
    speaker: str | None = None
    inside = [
        q
        for q in quotes
        if q.kind != "scare" and q.start <= start and end <= q.end and q.speaker
    ]
    for outer in cited:
        chain.append(outer.name)
    if inside:
        # The innermost quotation speaks: a spokesman quoted inside a report.
        quote = min(inside, key=lambda q: q.end - q.start)
        for relay in (quote.cited, quote.via):
            if relay:
                chain.append(relay)
        speaker = quote.speaker
    chain = _deduplicated(chain)
    if speaker is None and len(chain) > (1 if outlet else 0):
        # "KCNA reported that ...": the last outlet cited says it.
        speaker = chain.pop()
    if speaker is not None and chain and chain[-1] == speaker:
        chain.pop()
    return Assertion(speaker or DOCUMENT, tuple(chain))


def _cued(text: str, named: Named, sentence: tuple[int, int]) -> bool:
    before = text[max(sentence[0], named.start - _CUE_REACH) : named.start]
    after = text[named.end : min(sentence[1], named.end + _CUE_REACH)]
    return bool(_CUE.search(before) or _CUE.search(after))


def _deduplicated(chain: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for name in chain:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept
