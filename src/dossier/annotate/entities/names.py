"""The shapes of people's names: Korean, Chinese and Western word patterns."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from dossier.annotate.entities.index import PERSON, PackIndex
from dossier.annotate.entities.lexicon import is_common_word

# One Korean syllable as KCNA and McCune-Reischauer print it: Il, Sung, Jong,
# Un, Ryong, Thae, Myong, Hui, Kwang, Chol.
_KOREAN = (
    r"(?:ch|kk|tt|pp|ss|jj|th|kh|ph|ts|[gkndrlmbpsjhcyw])?"
    r"(?:yae|yeo|wae|ae|eo|eu|oe|ui|wa|wo|we|wi|ya|yo|yu|ye|oo|ee|a|e|i|o|u)"
    r"(?:ng|[kgnlmpbt])?"
)
KOREAN_GIVEN = re.compile(rf"{_KOREAN}(?:-{_KOREAN})?", re.IGNORECASE)

# Hanyu pinyin syllables; a Chinese given name is one or two of them run
# together (Boxiong, Jintao, Anying).
_PINYIN = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|iao|ian|ing|uai|uan|ang|eng|ong|ai|ei|ao|ou|an|en"
    r"|er|ia|ie|iu|in|ua|uo|ui|un|ue|ve|a|o|e|i|u|v)"
)
CHINESE_GIVEN = re.compile(rf"(?:{_PINYIN}){{1,2}}", re.IGNORECASE)

# Vietnamese given names: short words of Latin letters (Phu Trong, Van Dong).
_SHORT_GIVEN = re.compile(r"[A-Z][a-z]{0,5}")


def _title_case(word: str) -> bool:
    head, _, tail = word.partition("-")
    return head[:1].isupper() and head[1:].islower() and (not tail or tail.isalpha())


def is_east_asian_name(words: Sequence[str], index: PackIndex) -> bool:
    """`Kim Yong Chun`, `Pak Hun`, `Kim Yong-chun`, `Guo Boxiong`."""
    if not 2 <= len(words) <= 3 or words[0] not in index.surnames:
        return False
    given = words[1:]
    if not all(_title_case(w) for w in given):
        return False
    if all(KOREAN_GIVEN.fullmatch(w) for w in given):
        return True
    if len(given) == 1 and CHINESE_GIVEN.fullmatch(given[0]):
        return True
    return len(given) == 2 and all(_SHORT_GIVEN.fullmatch(w) for w in given)


def _unaccented(word: str) -> str:
    """`Hélène` -> `Helene`: the letters without their accents."""
    return "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
    )


def is_western_name(words: Sequence[str], index: PackIndex) -> bool:
    """`Louis Gallois`, `Jane Doe`, `John F. Kennedy`: a given name, then more."""
    if not 2 <= len(words) <= 4 or (
        words[0] not in index.given_names
        and _unaccented(words[0]) not in index.given_names
    ):
        return False
    return all((w[:1].isupper() and not w.isupper()) or len(w) <= 2 for w in words[1:])


def is_person_name(words: Sequence[str], index: PackIndex) -> bool:
    return (
        is_east_asian_name(words, index)
        or is_western_name(words, index)
        or is_initialled_name(words, index)
    )


# Initials before a surname: `G. A. Lobov`, `G.A. Lobov`, `J. R. R. Tolkien`,
# and, undotted as Russian names are often printed, `GA Lobov`.
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_BARE_INITIALS = re.compile(r"[A-Z]{2}")


def is_initialled_name(words: Sequence[str], index: PackIndex) -> bool:
    """`G. A. Lobov`, `GA Lobov`: initials, then a surname no acronym explains.

    Undotted initials (`GA`) could be an acronym before a word (`UN Command`),
    so they count only before a rare word that heads no body or place.
    """
    if not 2 <= len(words) <= 4:
        return False
    *initials, surname = words
    if not _title_case(surname) or len(surname) < 3:
        return False
    if all(_INITIALS.fullmatch(w) for w in initials):
        return True
    bare = "".join(initials)
    folded = surname.lower()
    return (
        len(initials) == 1
        and _BARE_INITIALS.fullmatch(bare) is not None
        and index.lookup(bare) is None
        and not is_common_word(surname)
        and folded not in index.org_heads
        and folded not in index.place_heads
    )


def family_name(words: Sequence[str], index: PackIndex) -> str:
    """The word a person is called by alone: `Kim` in `Kim Yong Chun`, else last."""
    if is_east_asian_name(words, index):
        return words[0]
    return words[-1]


def index_people(index: PackIndex) -> dict[str, set[str]]:
    """The pack's people by the name they are called by alone (`Mao`)."""
    people: dict[str, set[str]] = defaultdict(set)
    for _, known in index.forms:
        words = known.name.split()
        if known.type == PERSON and len(words) >= 2:
            people[family_name(words, index)].add(known.name)
    return dict(people)
