"""What a figure counts: the head noun after the number, and the entity it names."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from dossier.annotate.entities import (
    PackIndex,
    demonyms_of,
    listed,
    lookup,
    place_of_demonym,
)
from dossier.english import is_plural, word_set
from dossier.model import Mention

# Units that make a number a duration or a frequency, not a count: those
# belong to time expressions.
TIME_UNITS = word_set(
    """
    second seconds minute minutes hour hours day days week weeks month months
    year years decade decades century centuries millennium millennia times
    fortnight fortnights weekend weekends night nights morning mornings
    year-old years-old year-long month-long day-long
    """
)
# Units of measure, short or singular (`200 km`, `350 000 cubic metre`).
_MEASURES = word_set(
    """
    km km2 sq m mm cm kg g t mt ha mph kph kmh kw mw gw kwh mwh gwh bpd metre
    meter kilometre kilometer tonne ton litre liter hectare gram kilogram mile
    acre barrel gallon ri li
    """
)
_MEASURE_MODIFIERS = word_set("cubic square sq")
_STOP_WORDS = word_set(
    """
    in on at to from with by for that which who whom whose were was are is be
    been have had has will would could can may might must did do does as than
    into onto during under between per each a an the their its his her our my
    your this these those while when where if but or nor so then there here
    not also all both who what how upon over after before since until within
    without against among across through towards toward around about near
    """
)
# Words that start another count: `and tens of thousands`, `or two`.
_NUMBER_WORDS = word_set(
    """
    one two three four five six seven eight nine ten tens dozens hundreds
    thousands millions billions some several many a an
    """
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*|[()\[\],.;:!?\"“”‘’—–]|\n[ \t]*\n")
_CURRENCY_BEFORE = re.compile(r"(US\$|A\$|C\$|HK\$|\$|£|€|¥|₩|#)[ \t]*$")
_CURRENCY_AFTER = re.compile(
    r"[ \t]+((?:(?:US|U\.S\.|American|Australian|Canadian|Hong[ \t]Kong|Singapore|"
    r"Taiwan|New[ \t]Zealand)[ \t]+)?"
    r"(?:dollars|pounds(?:[ \t]sterling)?|euros|yen|yuan|won|roubles|rubles|francs"
    r"|marks))\b",
    re.I,
)
_PERCENT_AFTER = re.compile(r"[ \t]*(%|per[ \t]?cent\b|percent\b)", re.I)
_OF = re.compile(r"[ \t]+of[ \t]+(?=\w)", re.I)
_PRONOUN_OF = re.compile(r"[ \t]+of[ \t]+(them|these|those|whom|which|us)\b", re.I)
_OF_OBJECT = re.compile(r"[ \t]+(?:and[ \t]+\w+[ \t]+)?of[ \t]+(?:the[ \t]+)?")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*")
# Words a head is looked for in: past them the noun phrase has ended.
_MAX_PHRASE_WORDS = 5


@dataclass(frozen=True, slots=True)
class Counted:
    """What follows a number: its unit, the entity it names, where it ends."""

    unit: str | None
    subject: str | None
    end: int
    inherits: bool = False  # `100,000 of them`: unit and subject of the figure before
    start: int | None = None  # where a currency sign before the number starts


class Mentions:
    """A document's mentions, found by where they start."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def starting(self, low: int, high: int) -> list[Mention]:
        """The mentions that start in `[low, high)`."""
        first = bisect.bisect_left(self.starts, low)
        last = bisect.bisect_left(self.starts, high)
        return self.items[first:last]


def counted(
    text: str,
    start: int,
    end: int,
    index: PackIndex,
    mentions: Mentions,
) -> Counted:
    """The unit and subject of the number printed at `start:end`."""
    currency = _CURRENCY_BEFORE.search(text, max(0, start - 4), start)
    percent = _PERCENT_AFTER.match(text, end)
    if percent is not None:
        return Counted("%", None, percent.end())
    pronoun = _PRONOUN_OF.match(text, end)
    if pronoun is not None:
        return Counted(None, None, pronoun.end(), inherits=True)
    money = _CURRENCY_AFTER.match(text, end)
    if money is not None:
        return Counted(money.group(1), None, money.end())
    if currency is not None:
        symbol = "£" if currency.group(1) == "#" else currency.group(1)
        return Counted(symbol, None, end, start=currency.start(1))
    of = _OF.match(text, end)
    phrase_start = of.end() if of is not None else end
    found = _noun_phrase(text, phrase_start, index, mentions)
    return found if found.unit is not None else Counted(None, None, end)


def _noun_phrase(
    text: str, start: int, index: PackIndex, mentions: Mentions
) -> Counted:
    # The loop below reads at most one word past the phrase's longest reach.
    found = islice(_WORD.finditer(text, start, start + 200), _MAX_PHRASE_WORDS + 3)
    words = [(m.start(), m.group()) for m in found]
    head: tuple[int, str] | None = None
    phrase: list[tuple[int, str]] = []
    for number, (position, word) in enumerate(words[: _MAX_PHRASE_WORDS + 2]):
        if word.lower() in ("and", "or") and phrase:
            following = words[number + 1][1].lower() if number + 1 < len(words) else ""
            if following in _NUMBER_WORDS:
                break  # `millions of Chinese and tens of thousands of ...`
            continue  # `big and small wars`: adjectives joined before the head
        if not word[0].isalpha() or word.lower() in _STOP_WORDS or word.lower() == "of":
            break
        if len(phrase) >= _MAX_PHRASE_WORDS:
            break
        phrase.append((position, word))
        bare = word.lower()
        if bare in TIME_UNITS or bare.split("-")[0] in TIME_UNITS:
            return Counted(bare, None, position + len(word))
        if bare in _MEASURES:
            head = (position, word)
            if len(phrase) > 1 and phrase[-2][1].lower() in _MEASURE_MODIFIERS:
                head = (phrase[-2][0], text[phrase[-2][0] : position + len(word)])
            break
        if is_plural(word):
            head = (position, word)
            break
    if head is None:
        place = place_of_demonym(index, phrase[0][1]) if phrase else None
        if place is not None:
            # `millions of Chinese`: the people of a place, counted.
            position, word = phrase[0]
            return Counted(word, place, position + len(word))
        return Counted(None, None, start)
    head_end = head[0] + len(head[1])
    modifiers = [w for _, w in phrase]
    subject, subject_end = _subject_of(
        text, head_end, modifiers, index, mentions, start
    )
    return Counted(head[1], subject, max(head_end, subject_end))


def _subject_of(
    text: str,
    head_end: int,
    modifiers: list[str],
    index: PackIndex,
    mentions: Mentions,
    phrase_start: int,
) -> tuple[str | None, int]:
    """The entity named by an `of` phrase, the phrase itself, or its adjective."""
    of = _OF_OBJECT.match(text, head_end, min(len(text), head_end + 40))
    if of is not None:
        object_start = of.end()
        for mention in mentions.starting(object_start, object_start + 3):
            return mention.entity, mention.end
        name = _CAPITALISED.match(text, object_start)
        if name is not None:
            known = lookup(index, name.group())
            if known is not None:
                return known, name.end()
    known_phrase = _listed_phrase(modifiers, index)
    if known_phrase is not None:
        return known_phrase, head_end
    for mention in mentions.starting(phrase_start, head_end):
        if mention.end <= head_end:
            return mention.entity, head_end
    for word in modifiers:
        place = place_of_demonym(index, word)
        if place is not None:
            return place, head_end
    return None, head_end


def _listed_phrase(words: list[str], index: PackIndex) -> str | None:
    """`Chinese volunteers`, `Chinese volunteer soldiers`: a listed body."""
    for size in range(len(words), 1, -1):
        for first in range(len(words) - size + 1):
            phrase = " ".join(words[first : first + size])
            for form in (phrase, phrase + "s"):
                known = listed(index, form)
                if known is not None:
                    return known
    return None


def implied_subject(
    sentence_start: int,
    number_start: int,
    unit: str,
    index: PackIndex,
    mentions: Mentions,
) -> str | None:
    """A listed body the sentence implies: `China sent a million volunteers`.

    The nearest place named earlier in the sentence, read as its adjective
    with the counted noun ("Chinese volunteers"), when the pack lists that
    phrase as a body. A bare place is not taken as the subject: in "the US
    occupies South Korea with 37,000 troops" the nearest place is wrong. The
    sentence starts at `sentence_start` (the stored split).
    """
    before = [
        m
        for m in mentions.starting(sentence_start, number_start)
        if m.end <= number_start
    ]
    for mention in reversed(before):
        for demonym in demonyms_of(index, mention.entity):
            known = _listed_phrase([demonym, unit], index)
            if known is not None:
                return known
    return None
