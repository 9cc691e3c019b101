"""Acronyms a text defines: `Down-with-Imperialism Union (DIU)`, `KPRA [Korean ...]`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from dossier.annotate.openers import opening_on

_ACRONYM = r"[A-Z][A-Za-z&.\-]*[A-Z]\.?s?"
# `Long Form (ACR)`: the acronym in brackets after its long form. Found from
# the brackets' places (`openers`): 0.031 -> 0.002 CPU s a pass over
# wire_3_months, the same matches.
_BRACKETS = "(["
_AFTER = re.compile(rf"[{re.escape(_BRACKETS)}]({_ACRONYM})[)\]]")
# `ACR [Long Form – note]` or `ACR (Long Form)`: the long form in brackets.
# Opening on a look-behind, this scans at 145 MB/s with `regex` and 56 with `re`.
_BEFORE = regex.compile(
    rf"(?<![\w.])(?=[A-Z])({_ACRONYM})[ \t]*[(\[]([A-Z][^()\[\]\n]{{3,160}})[)\]]",
    regex.V0,
)
_INNER_BREAK = re.compile(r"\s[–—-]\s|,|;|:")
# Words scanned back for a long form: Schwartz & Hearst (2003) take
# min(|A| + 5, 2|A|); names here put a few more function words in.
_EXTRA_WORDS = 5


@dataclass(frozen=True, slots=True)
class Definition:
    acronym: str
    start: int  # span of the long form
    end: int
    long_form: str
    acronym_start: int
    acronym_end: int


@lru_cache(maxsize=65536)
def letters_of(acronym: str) -> str:
    """`U.S.` -> `US`; `CPVs` -> `CPV` (a plural s is not a letter of it)."""
    bare = re.sub(r"[^A-Za-z]", "", acronym)
    if len(bare) > 2 and bare.endswith("s") and bare[:-1].isupper():
        bare = bare[:-1]
    return bare


@lru_cache(maxsize=65536)  # kept: a dateline before `(KCNA)` recurs
def long_form_end(acronym: str, long: str) -> int | None:
    """Where in `long` the form spelt by `acronym` starts (Schwartz & Hearst).

    Letters are matched right to left; the first letter must open a word.
    """
    letters = letters_of(acronym).lower()
    if len(letters) < 2:
        return None
    s, position = len(letters) - 1, len(long) - 1
    while s >= 0:
        char = letters[s]
        while position >= 0 and (
            long[position].lower() != char
            or (s == 0 and position > 0 and long[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return None
        position -= 1
        s -= 1
    return long.rfind(" ", 0, position + 1) + 1


def find_definitions(text: str) -> list[Definition]:
    definitions = []
    for match in opening_on(_AFTER, text, _BRACKETS):
        acronym = match.group(1)
        found = _long_form_before(text, match.start(), acronym)
        if found is not None:
            start, end = found
            definitions.append(
                Definition(
                    letters_of(acronym),
                    start,
                    end,
                    text[start:end],
                    match.start(1),
                    match.start(1) + len(acronym),
                )
            )
    for match in _BEFORE.finditer(text) if _may_define_before(text) else ():
        acronym, inner = match.group(1), match.group(2)
        cut = _INNER_BREAK.search(inner)
        long = inner[: cut.start()] if cut else inner
        long = long.rstrip()
        if long_form_end(acronym, long) == 0 and _plausible(long, acronym):
            begin = match.start(2)
            definitions.append(
                Definition(
                    letters_of(acronym),
                    begin,
                    begin + len(long),
                    long,
                    match.start(1),
                    match.start(1) + len(acronym),
                )
            )
    return definitions


def _may_define_before(text: str) -> bool:
    """Whether an acronym may stand before a bracket opening on a capital (its
    last character, spaces and tabs aside, is a capital, a dot or a plural
    `s`): most texts' brackets (`3 (KCNA)`) hold none, and the `_BEFORE`
    scan is then skipped. Brackets are found by `str.find` (a class pattern
    `re` tries character by character was 2% of the finder)."""
    for bracket in "([":
        at = text.find(bracket)
        while at >= 0:
            if "A" <= text[at + 1 : at + 2] <= "Z":
                before = at - 1
                while before >= 0 and text[before] in " \t":
                    before -= 1
                if before >= 0 and (text[before] in ".s" or "A" <= text[before] <= "Z"):
                    return True
            at = text.find(bracket, at + 1)
    return False


def _long_form_before(text: str, end: int, acronym: str) -> tuple[int, int] | None:
    letters = letters_of(acronym)
    line_start = max(text.rfind("\n", 0, end) + 1, end - 300)
    window = text[line_start:end]
    for stop in ("(", ")", ";", ":", "“", "”", '"', ","):
        window = window[window.rfind(stop) + 1 :]
    words = window.split()
    limit = min(len(letters) + _EXTRA_WORDS, 2 * len(letters) + 2)
    words = words[-limit:]
    long = " ".join(words)
    start = long_form_end(acronym, long)
    if start is None:
        return None
    candidate = long[start:]
    if not _plausible(candidate, acronym):
        return None
    spaced = re.compile(r"\s+".join(re.escape(w) for w in candidate.split()))
    last = None
    for last in spaced.finditer(text, line_start, end):  # noqa: B007 - keep the last
        continue
    return None if last is None else (last.start(), last.end())


def _plausible(long: str, acronym: str) -> bool:
    """A long form starts with a capital and spells more than the acronym."""
    words = re.split(r"[\s\-]+", long)
    return (
        bool(long)
        and long[0].isupper()
        and len(words) >= 2
        and long.replace(" ", "") != acronym
        and len(words) <= 2 * len(letters_of(acronym)) + 3
    )
