"""Find references to sources: `(‘Title’, KCNA, 21 October 2010)` and its kin."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.annotate.failures import Failures
from dossier.dates import parse_date
from dossier.english import MONTH_NUMBER
from dossier.model import Citation
from dossier.packs import Pack

if TYPE_CHECKING:
    from dossier.annotate.compiled import Compiled
    from dossier.annotate.reading import Reading

_MONTHS = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?i:{_MONTHS})\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4})"
)
# A title in quote marks; the closing mark is the one a comma or bracket
# follows, so `(‘... CPV’s entry ...’, 25 October 2010)` keeps its apostrophe.
_TITLE = r"[‘'“\"](?P<title>[^\n]{1,300}?)[’'”\"]"
# The outlet: a short capitalised name (KCNA, Rodong Sinmun, The Pyongyang Times).
_OUTLET_WORD = r"(?:[A-Z][\w’'.&-]*|of|the|and)"
_OUTLET = (
    rf"(?P<outlet>{_OUTLET_WORD}"
    rf"(?:\s+(?:{_OUTLET_WORD}|\([^()\n]{{1,30}}\))){{0,6}})"
)
CITATION = re.compile(
    r"\(\s*(?:(?i:source|from|see)\s*:\s*)?"
    rf"(?:{_TITLE}\s*,\s*)?"
    rf"(?:{_OUTLET}\s*,\s*)?"
    rf"(?P<date>{_DATE})\s*\)"
)
# `(‘Title’, KCNA)` with no date counts only when the outlet is known.
CITATION_NO_DATE = re.compile(rf"\(\s*{_TITLE}\s*,\s*{_OUTLET}\s*\)")


def _outlet(printed: str | None, pack: Pack) -> str | None:
    if not printed:
        return None
    printed = " ".join(printed.split())
    return pack.outlet_for(printed) or printed


def find_citations(
    text: str, *, pack: Pack, failures: Failures | None = None
) -> list[Citation]:
    """Citations in `text` (`find` on a reading of `text` alone; errors raised
    when `failures` is None)."""
    from dossier.annotate.compiled import compile_pack
    from dossier.annotate.reading import read_text

    return find(read_text(text, failures=failures), compile_pack(pack))


def find(reading: Reading, compiled: Compiled) -> list[Citation]:
    """Citations in the document, in order; each has a title, an outlet or
    both. A citation the reading trips on is noted in `reading.failures`."""
    text, failures, pack = reading.text, reading.failures, compiled.pack
    found: list[Citation] = []
    for match in CITATION.finditer(text):
        citation = failures.attempt(
            "citations", match.start(), match.end(), _dated, match, pack
        )
        if citation is not None:
            found.append(citation)
    taken = [(c.start, c.end) for c in found]
    for match in CITATION_NO_DATE.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        citation = failures.attempt(
            "citations", match.start(), match.end(), _undated, match, pack
        )
        if citation is not None:
            found.append(citation)
    return sorted(found, key=lambda c: c.start)


def _dated(match: re.Match[str], pack: Pack) -> Citation | None:
    title, outlet = match["title"], match["outlet"]
    if title is None and outlet is None:
        return None  # a bare `(1950)` is a year, not a citation
    date = parse_date(match["date"], day_first=pack.day_first, eras=pack.eras)
    return Citation(
        match.start(),
        match.end(),
        match.group(),
        " ".join(title.split()) if title else None,
        _outlet(outlet, pack),
        date,
    )


def _undated(match: re.Match[str], pack: Pack) -> Citation | None:
    outlet = pack.outlet_for(" ".join(match["outlet"].split()))
    if outlet is None:
        return None
    title = " ".join(match["title"].split())
    return Citation(match.start(), match.end(), match.group(), title, outlet, None)
