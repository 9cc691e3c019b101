"""Titles inside a run of capitalised words, and what the run's head word makes it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.annotate.entities.index import ORG, PLACE, PackIndex, fold
from dossier.annotate.entities.lexicon import is_common_word
from dossier.annotate.entities.names import is_person_name
from dossier.annotate.entities.shapes import Word, gap_word
from dossier.annotate.entities.titles import leading_titles, names_a_company
from dossier.english import word_set

# Heads of `X of Y` names that make a place: `Republic of Korea`, `Gulf of Aden`.
_PLACE_OF_HEADS = frozenset(
    ["republic", "kingdom", "states", "emirates", "gulf", "sea", "cape", "isle", "bay"]
)


def is_of_place(word: str) -> bool:
    """A place word that takes `of` and a name: `Gulf of`, `Republic of`, `Lake of`."""
    return word.lower() in _PLACE_OF_HEADS or word.lower() == "lake"


def head_word(words: Sequence[Word]) -> str:
    """The word that says what a name is: before its first `of`, else the last."""
    for position, word in enumerate(words[1:], start=1):
        if gap_word(word.gap) in ("of", "for"):
            return words[position - 1].text.lower().rstrip(".")
    if len(words) > 1 and _ROMAN.fullmatch(words[-1].text):
        return words[-2].text.lower().rstrip(".")  # `World War II`, `Vatican II`
    return words[-1].text.lower().rstrip(".")


_ROMAN = re.compile(r"[IVX]{1,4}")


def type_of(words: Sequence[Word], index: PackIndex) -> str | None:
    """ORG or PLACE from the head word, "" for an event, None when undecided."""
    head = head_word(words)
    if head in index.org_heads:
        return ORG
    if head in index.place_heads or head in _PLACE_OF_HEADS:
        return PLACE
    if words[0].text.lower() in index.place_prefixes and len(words) > 1:
        return PLACE
    if head in index.event_heads:
        return ""
    return None


# Words that stand inside a title before its role word: `Executive Vice
# President`, `Chief Operating Officer`, `Assistant Secretary`.
_TITLE_FILLERS = word_set(
    """
    vice deputy assistant executive operating senior acting first chief general
    former then interim managing associate principal
    """
)


def title_run(words: Sequence[Word], index: PackIndex) -> int:
    """How many words at the start form a title ending on a role word."""
    position = last_role = 0
    while position < len(words):
        matched = leading_titles(
            [w.text for w in words[position : position + 3]], index
        )
        if matched:
            position += matched
            last_role = position
        elif fold(words[position].text) in _TITLE_FILLERS:
            position += 1
        else:
            break
        if position < len(words) and words[position].gap.strip():
            break  # `Secretary of ...`: the title ends before its `of`
    return last_role


def split_at_role(words: list[Word], index: PackIndex) -> list[tuple[list[Word], bool]]:
    """Parts of a piece around a title, each flagged when a title precedes it."""
    if type_of(words, index) is not None:
        return [(words, False)]  # `Tomb of King Tongmyong`: the head decides
    for position in range(len(words)):
        length = title_run(words[position:], index)
        if not length:
            continue
        if names_a_company([w.text for w in words[position + length :]], index):
            return [(words, False)]  # `General Electric`: a firm, no General
        parts: list[tuple[list[Word], bool]] = []
        if position:
            parts.append((words[:position], False))
        after = restart(words[position + length :])
        if after and gap_word(words[position + length].gap) in ("of", "for"):
            person = name_after_role(after, index)
            middle = body_of(after[: len(after) - len(person)], index)
            if middle:
                parts.append((middle, False))
            after = person
        if after:
            parts.append((after, True))
        return parts
    return [(words, False)]


def restart(words: Sequence[Word]) -> list[Word]:
    if not words:
        return []
    first = words[0]
    return [Word(first.start, first.end, first.text, ""), *words[1:]]


def name_after_role(words: Sequence[Word], index: PackIndex) -> list[Word]:
    """`... of Foreign Affairs Choe Son Hui`: the person at the end, if any."""
    for size in (3, 2):
        tail = list(words[-size:])
        if len(words) > size and is_person_name([w.text for w in tail], index):
            return restart(tail)
    if (
        len(words) == 2
        and is_common_word(words[0].text)
        and (words[1].text in index.surnames or not is_common_word(words[1].text))
        and not is_head(words[1].text, index)
    ):
        return restart(words[1:])  # `Secretary of State Blinken`
    tail = list(words[-2:])
    if (
        len(words) > 2
        and not tail[1].gap.strip()
        and not any(is_common_word(w.text) or is_head(w.text, index) for w in tail)
    ):
        return restart(tail)  # `... for Acquisition Darleen Druyun`: rare words
    return []


def body_of(words: Sequence[Word], index: PackIndex) -> list[Word]:
    """`Air Force for Acquisition` after a role: the body, up to its head."""
    for position, word in enumerate(words):
        if is_head(word.text, index):
            return list(words[: position + 1])
    return list(words)


def is_head(word: str, index: PackIndex) -> bool:
    bare = word.lower().rstrip(".")
    return bare in index.org_heads or bare in index.place_heads
