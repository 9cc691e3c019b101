"""Where a name's whole noun phrase starts: the article and title it opens with.

A mention's span is the name's characters (`European Union`, `McCain`);
its phrase also takes the words English puts in the same noun phrase before
a name: the definite article (`the European Union`; not where the name modifies
the noun after it, `the U.S. market`: see `modifier`) and an honorific printed
right before a person's name (`Senator McCain`, `the Prime Minister Lee`),
but not a job set before it as an apposition (`Apple CEO Steve Jobs`); and
after a town, the region or country it lies in (`Mobile, Alabama`), whose
own mention stays too.
MEANTIME and ACE mark mention extents this way (issue 18); the phrase is kept
on the mention beside its span, never in place of it.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import operator
import re
from collections.abc import Sequence

from dossier.annotate.entities.index import (
    ORG,
    PERSON,
    PLACE,
    PUBLICATION,
    PackIndex,
)
from dossier.annotate.entities.lexicon import is_function_word
from dossier.annotate.entities.modifier import modifies_noun
from dossier.english import word_set
from dossier.model import Mention

# `the` or `The`, one run of spaces or tabs before the name, on its line.
_ARTICLE = re.compile(r"(?:^|(?<=[\s(\"“‘'—–-]))[Tt]he[ \t]+$")
_ARTICLE_WINDOW = 12
# A body's kind set before its name in one noun phrase (close apposition):
# `aircraft manufacturer Boeing`, `the German airline Lufthansa`, `Russian
# flag carrier Aeroflot`, `the American computer company Apple`.
_BODIES = frozenset([ORG, PUBLICATION])
_KINDS = word_set(
    """
    manufacturer maker airframer planemaker automaker carmaker chipmaker airline
    carrier company firm group giant conglomerate consortium corporation
    magazine newspaper daily weekly broadcaster network website blog agency
    retailer supplier operator producer developer publisher insurer lender
    bank brewer startup subsidiary
    """
)
_KIND = re.compile(r"(?<![\w-])([a-z][\w-]*),?[ \t]+$")
_MODIFIER = re.compile(r"(?<![\w-])([A-Za-z][\w-]*)[ \t]+$")
_MAX_MODIFIERS = 3
# `the Boeing's tanker`: the article is the possessed thing's, not the name's.
_POSSESSIVE = re.compile(r"['’]s?\b|['’]")


def phrase_start(
    text: str, start: int, end: int, *, type_: str, title: str | None, index: PackIndex
) -> int | None:
    """Where the name at `start`..`end` begins its noun phrase, when that is
    before `start`; None when the phrase is the name alone.

    `title` is the mention's (read before or after the name); it joins the
    phrase when it is printed right before a person's name, spaces between,
    and is an honorific.
    """
    first = start
    if type_ in _BODIES:
        first = _descriptor_start(text, start, index)
    if title is not None and type_ == PERSON and _honorific(title):
        # The title read before the name ends where the spaces before it start.
        window = max(0, start - len(title) - 8)
        before = text[window:start].rstrip(" \t")
        if before.endswith(title):
            first = window + len(before) - len(title)
    # Most names have no article: `he` and a space before them are checked
    # first, the pattern only then (it was a third of the finder's added time).
    if (
        first >= 4
        and text[first - 1] in " \t"
        and (text[first - 2] in " \t" or text.startswith("he", first - 3))
        and not _POSSESSIVE.match(text, end)
    ):
        # Searched in place: the look-behind sees the character before the window.
        article = _ARTICLE.search(text, max(0, first - _ARTICLE_WINDOW), first)
        if article is not None and not modifies_noun(text, end):
            first = article.start()
    return first if first < start else None


def _honorific(title: str) -> bool:
    """A title English capitalises as part of the name (`Senator`, `President`,
    `Presiding Judge`, `Mr.`), not a job set before it as an apposition
    (`Apple CEO`, `co-founder`, `aircraft analyst`): every word capitalised
    and none an acronym."""
    words = title.split()
    return all(w[:1].isupper() and not w.isupper() for w in words)


# `Mobile, Alabama`: a comma and one more place, then no list going on.
_PLACE_COMMA = re.compile(r",[ \t]+")
_MAX_COMMA_GAP = 4
_LIST_GOES_ON = re.compile(r"(?:,[ \t]*[A-Z\d]|[ \t]+(?:and|or|&)\b)")


_START = operator.attrgetter("start")


def with_places_after(
    mentions: Sequence[Mention], text: str, index: PackIndex
) -> list[Mention]:
    """`mentions` in text order, with a town's phrase run on over the region or
    country set after it with a comma (`Toulouse, France`, `Everett,
    Washington, in ...`), and no person's honorific holding another name.

    Not in a list (`Pyongyang, Kaesong and Wonsan`, `China, Russia, Japan`),
    and not after a country: the pack's places with a demonym are countries
    or regions, which a comma does not place inside another."""
    ordered = _outside_titles(sorted(mentions, key=_START))
    out = list(ordered)
    places = [at for at, m in enumerate(ordered) if m.type == PLACE]
    for at, following in itertools.pairwise(places):
        mention, after = ordered[at], ordered[following]
        if (
            following == at + 1
            and after.start - mention.end <= _MAX_COMMA_GAP
            and not index.demonyms_by_place.get(mention.entity)
            and _PLACE_COMMA.fullmatch(text, mention.end, after.start)
            and not _LIST_GOES_ON.match(text, after.end)
            and not _listed_before(ordered, at, text)
        ):
            out[at] = dataclasses.replace(mention, phrase_end=after.end)
    return out


def _listed_before(ordered: Sequence[Mention], at: int, text: str) -> bool:
    """Whether the mention at `at` follows another place and a comma."""
    if at == 0:
        return False
    before = ordered[at - 1]
    return before.type == PLACE and bool(
        _PLACE_COMMA.fullmatch(text, before.end, ordered[at].start)
    )


def _outside_titles(ordered: list[Mention]) -> list[Mention]:
    """A person's phrase without an honorific that holds another name:
    `White House Press Secretary Josh Earnest`, `Charlotte Mayor Jennifer
    Roberts` are a body's or place's role, set before the name, whose own
    mention stays."""
    if not any(m.phrase_start is not None and m.type == PERSON for m in ordered):
        return ordered
    starts = [m.start for m in ordered]
    out = []
    for mention in ordered:
        first = mention.phrase_start
        if first is not None and mention.type == PERSON:
            at = bisect.bisect_left(starts, first)
            if at < len(ordered) and ordered[at].start < mention.start:
                mention = dataclasses.replace(mention, phrase_start=None)
        out.append(mention)
    return out


def _descriptor_start(text: str, start: int, index: PackIndex) -> int:
    """Where a body's kind before its name starts (`aircraft manufacturer` in
    `aircraft manufacturer Boeing`), or `start`. Modifiers of the kind are
    lower-case words or demonyms (`German`, `flag`, `low-cost`), and the
    phrase must open after a function word, a comma or a line's start, so
    that a verb (`said aircraft maker Boeing`) keeps the kind out."""
    if start < 2 or text[start - 1] not in " \t":
        return start
    # The word before, by a plain scan, before any pattern runs.
    space = text.rfind(" ", max(0, start - 24), start - 1)
    if text[space + 1 : start - 1].rstrip(", \t") not in _KINDS:
        return start
    kind = _KIND.search(text, max(0, start - 24), start)
    if kind is None or kind.group(1) not in _KINDS:
        return start
    starts = [kind.start()]
    for _ in range(_MAX_MODIFIERS):
        word = _MODIFIER.search(text, max(0, starts[-1] - 24), starts[-1])
        if word is None:
            break
        printed = word.group(1)
        modifier = printed.lower() in index.demonyms or (
            printed.islower() and not is_function_word(printed)
        )
        if not modifier:
            break
        starts.append(word.start())
    # The longest phrase that opens where a noun phrase may.
    return next(
        (first for first in reversed(starts) if _opens_phrase(text, first)), start
    )


_OPENING = re.compile(r"(?<![\w-])([A-Za-z]+)[ \t]+$")
# Words after which a noun phrase opens: determiners and prepositions.
_OPENERS = word_set(
    """
    a an the this that these those its his her their our my your of for with
    by from to in at on into onto as than like about against between among
    including via without under over after before
    """
)


def _opens_phrase(text: str, first: int) -> bool:
    """Whether a noun phrase may open at `first`: after a determiner or a
    preposition, punctuation, or at the start of a line or sentence."""
    word = _OPENING.search(text, max(0, first - 24), first)
    if word is not None:
        return word.group(1).lower() in _OPENERS
    before = text[:first].rstrip(" \t")
    return not before or before[-1] in ".!?,;:(\n\"“‘'"
