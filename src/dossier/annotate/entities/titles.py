"""Honorifics and titles around a name: stripped from it, kept on the mention."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.annotate.entities.index import PackIndex, fold
from dossier.annotate.entities.lexicon import (
    COMPANY_WORDS,
    CORPORATE_SUFFIXES,
    is_function_word,
)
from dossier.english import word_set

# Lower-case words that may stand inside a title before the role word:
# `the then south Korean President`, `DPRK defence minister`.
_MODIFIERS = word_set(
    """
    then former late vice deputy first senior chief executive foreign defence
    defense prime general state national party army military political acting
    current new incumbent top north south east west central provincial local
    regional supreme great respected beloved dear fellow interim outgoing
    designate elected foreign-affairs finance trade economic armed air naval
    security interior home justice culture education health labour labor press
    international commercial technical managing company
    """
)
_MAX_TITLE_WORDS = 7
# An appositive role longer than this many words is a clause, not a title.
_MAX_APPOSITIVE_WORDS = 16

# A full stop ends a clause, but not after a capital (`U.S.`) or after an
# abbreviated honorific (`Mr. Lee Hsien Loong`, `Dr. Smith`); the stop is
# matched first, so the look-behinds run at stops only.
_CLAUSE_BREAK = re.compile(
    r"[,;:()“”\"\n!?]"
    r"|\.(?<![A-Z]\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bProf\.)(?=\s|$)"
)
_WORD = re.compile(r"[\w'’.&-]+")
_WORD_MARKS = "_'’.&-"
_APPOSITIVE = re.compile(
    r",[ \t]+(?:(?:the|a|an|its|his|her|their|then|now)[ \t]+)?"
    r"([^,;:()“”\"\n]{2,200}?)(?=[,;:()“”\"\n]|\.(?:\s|$)|$)"
)
_DETERMINER = re.compile(r"^(?:the|a|an|its|his|her|their)\s+", re.IGNORECASE)


def leading_titles(words: Sequence[str], index: PackIndex) -> int:
    """How many of `words` at the start are honorifics or roles (`Comrade`)."""
    folded = [fold(w) for w in words]
    taken = 0
    while taken < len(words):
        for title in index.titles_by_first.get(folded[taken], ()):
            if tuple(folded[taken : taken + len(title)]) == title:
                taken += len(title)
                break
        else:
            break
    return taken


def names_a_company(rest: Sequence[str], index: PackIndex) -> bool:
    """Whether the words after a rank make it part of a company's name
    (`General Motors`, `General Electric Co.`): none of them is a pack
    name, and the last but legal forms is a trade word (lexicon.COMPANY_WORDS)."""
    words = [fold(w) for w in rest]
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words.pop()
    if not words or words[-1] not in COMPANY_WORDS:
        return False
    return not any(w in index.given_names or w in index.surnames for w in rest)


def title_before(text: str, start: int, index: PackIndex) -> tuple[int, str] | None:
    """The title printed before the name at `start`: `US President`, `Comrade`."""
    window_start = max(0, start - 120)
    # The window's end and its last word are read in place, from the end (a
    # search for `…+$` tries every place in the window): the word before most
    # names is no role, and then no window is cut.
    end = start
    while end > window_start and text[end - 1] in " \t":
        end -= 1
    comma = end > window_start and text[end - 1] == ","
    if comma:
        end -= 1
        while end > window_start and text[end - 1] in " \t":
            end -= 1
    if end == window_start or text[end - 1] in "\n-'’":
        return None
    first = end
    while first > window_start and (
        text[first - 1].isalnum() or text[first - 1] in _WORD_MARKS
    ):
        first -= 1
    if first == end or fold(text[first:end]) not in index.role_words:
        return None  # the word before the name is no role: no title
    window = text[window_start:end]
    cut = 0
    for cut_match in _CLAUSE_BREAK.finditer(window):
        cut = cut_match.end()
    words = [
        (window_start + m.start(), window_start + m.end(), m.group())
        for m in _WORD.finditer(window, cut)
    ]
    if not words or words[-1][1] != window_start + len(window):
        return None
    role_length = _role_at_end([w for _, _, w in words], index)
    if role_length == 0:
        return None
    first = len(words) - role_length
    while first > 0 and len(words) - first < _MAX_TITLE_WORDS:
        word = words[first - 1][2]
        if is_function_word(word) and not word.isupper():
            break
        if not (word[:1].isupper() or fold(word) in _MODIFIERS):
            break
        first -= 1
    title_start, title_end = words[first][0], words[-1][1]
    if comma and first == len(words) - role_length and not words[first][2][0].isupper():
        return None  # `..., minister, Kim`: a list, not a title
    return title_start, text[title_start:title_end]


def _role_at_end(words: Sequence[str], index: PackIndex) -> int:
    folded = [fold(w) for w in words]
    for title in index.titles_by_last.get(folded[-1], ()) if folded else ():
        if len(title) <= len(folded) and tuple(folded[-len(title) :]) == title:
            return len(title) if title[-1] in index.role_words else 0
    return 0


def title_after(text: str, end: int, index: PackIndex) -> str | None:
    """A role set after the name: `Kim Yong Chun, the defence minister`."""
    match = _APPOSITIVE.match(text, end, min(len(text), end + 240))
    if match is None:
        return None
    clause = match.group(1).strip()
    words = clause.split()
    if not words or len(words) > _MAX_APPOSITIVE_WORDS:
        return None
    # A role word among the first words, after modifiers only: `defence
    # minister`, `air force commander`, `Apple Chief Executive Officer`.
    for word in words[:4]:
        if fold(word) in index.role_words:
            return _DETERMINER.sub("", clause)
        if is_function_word(word):
            return None
    return None
