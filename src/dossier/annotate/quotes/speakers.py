"""Name a speaker: by mention, outlet or name shape; resolve `he`, `the President`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter

from dossier.annotate.quotes.cues import words
from dossier.annotate.quotes.phrases import (
    PRONOUNS,
    RELATIVES,
    VOICE_OF,
    noun_phrase_before,
    trim,
)
from dossier.english import MONTHS, WEEKDAYS
from dossier.model import Mention
from dossier.packs import Pack

_PERSON_PRONOUNS = frozenset(("he", "she"))
_TITLES = (
    "Mr|Mrs|Ms|Dr|Sen|Senator|Rep|Representative|Gov|Governor|President|Comrade"
    "|Chairman|Chairwoman|Premier|Marshal|General|Gen|Secretary|Minister|Prof"
    "|Professor|Judge|Justice|Mayor|Lt|Col|Capt|King|Queen|Pope|Rev|Madam|Ambassador"
    "|Vice President|Prime Minister|Foreign Minister|Speaker|Chancellor|Director"
)
_NAME = re.compile(
    rf"(?:\b(?P<title>{_TITLES})\.?\s+)?"
    r"(?P<name>\b[A-Z][a-z’'\-]+(?:[A-Z][a-z’'\-]+)?"
    r"(?:\s+(?:[A-Z]\.\s*)*[A-Z][a-z’'\-]+(?:[A-Z][a-z’'\-]+)?){0,3})"
)
# Capitalised words that mark a name as a body, place or thing, not a person.
_NOT_PERSON = words(
    """
        Party Committee Korea Korean Koreans China Chinese States United
        Republic Army Agency News Union Association Council Ministry
        Government House Senate Congress University Democratic Republican
        Democrats Republicans People’s People's DPRK Central National
        International Department Office Post Times Journal Street Day War
        Liberation Front Forces Volunteers Center Centre Institute
        Foundation Bank Company Service Security Soviet American Americans
        America Japan Japanese Russia Russian North South East West New York
        Washington Pyongyang Beijing The This That In On At
        But And As For If When While After Before Today Yesterday Times
        Daily Press Network Media Court Police Commission Federal State City
        County Church Trust Fund Group Campaign Administration White Capitol
        Hall Square Bureau Tax Policy Brookings Prize Olympics Games Twitter
        Facebook Fox CNN Affairs Assembly Parliament Cabinet Navy Air Force
        Guard Corps Council Ocean Sea River Mountain God Juche Songun
        Marxism Leninism English British Britain Europe European Asia Asian
        Africa African Latino Latinos Hispanic Hispanics Black White Yes No
        """
) | frozenset((*MONTHS, *WEEKDAYS))
_ROLE = re.compile(
    r"^(?:the|this|that|our|their)\s+(?:[\w’'-]+\s+){0,3}?(?P<role>president|leader"
    r"|minister|chairman|premier|secretary|senator|governor|candidate|nominee"
    r"|marshal|general|congressman|congresswoman|spokesman|spokeswoman|mayor"
    r"|ambassador|speaker|chancellor|king|queen|businessman|billionaire)$",
    re.IGNORECASE,
)
_VIA = re.compile(
    r"\s+(?:carried|published|released|issued|run|reported|aired|broadcast|quoted)"
    r"\s+(?:by|in|on)\s+",
    re.IGNORECASE,
)
# A person named in the text: start, end, name, title printed before it.
Person = tuple[int, int, str, str | None]
_HEADED = re.compile(r"(?:the\s+)?", re.IGNORECASE)
# How far back `he` or `the President` looks for the person it stands for.
MAX_RESOLVE_CHARS = 3000


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    start: int
    end: int
    via: str | None = None


_START = attrgetter("start")  # a C key: mentions run to hundreds a text
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_BRACKETED_END = re.compile(r"\(([^()]+)\)\s*$")


class Resolver:
    """Names speakers: mentions when given, else capitalised-name shapes."""

    def __init__(
        self,
        text: str,
        pack: Pack,
        mentions: Sequence[Mention],
        quoted: Sequence[tuple[int, int]],
    ) -> None:
        self.text = text
        self.pack = pack
        self._given = mentions
        self.quoted = sorted(quoted)
        self._people: list[Person] | None = None
        self.spoken: list[Person] = []

    # Sorted on first use: half of kcna-2024's texts name no speaker.
    @cached_property
    def mentions(self) -> list[Mention]:
        """The mentions, by start."""
        return sorted(self._given, key=_START)

    @cached_property
    def starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def people(self) -> list[Person]:
        """Persons named in the text: (start, end, name, title), by position."""
        if self._people is None:
            if self.mentions:
                found = [
                    (m.start, m.end, m.entity, m.title)
                    for m in self.mentions
                    if m.type == "PERSON"
                ]
            else:
                found = self._name_shapes()
            self._people = [p for p in found if not self._inside_quote(p[0])]
        return self._people

    def _inside_quote(self, position: int) -> bool:
        index = bisect_right(self.quoted, (position, len(self.text) + 1)) - 1
        return index >= 0 and self.quoted[index][0] <= position < self.quoted[index][1]

    def _name_shapes(self) -> list[Person]:
        found: list[Person] = []
        surnames: set[str] = set()
        for match in _NAME.finditer(self.text):
            words = match["name"].split()
            title = match["title"]
            if any(word.strip(".") in _NOT_PERSON for word in words):
                continue
            if len(words) == 1 and title is None and words[0] not in surnames:
                continue
            if len(words) > 1:
                surnames.add(words[-1])
                surnames.add(words[0])
            found.append((match.start("name"), match.end("name"), match["name"], title))
        return found

    def _within(self, people: list[Person], start: int, end: int) -> list[Person]:
        """The persons of a list sorted by start that lie inside `[start, end)`."""
        low = bisect_left(people, (start,))
        high = bisect_right(people, (end,))
        return [p for p in people[low:high] if p[1] <= end]

    def is_person(self, start: int, end: int) -> bool:
        """Whether `text[start:end]` holds a person's name."""
        return bool(self._within(self.people(), start, end))

    def last_person(self, start: int, end: int) -> tuple[int, int] | None:
        """Span of the last person named in `text[start:end]`."""
        inside = self._within(self.people(), start, end)
        return (inside[-1][0], inside[-1][1]) if inside else None

    def nearest_person(self, position: int, role: str | None = None) -> str | None:
        start = position - MAX_RESOLVE_CHARS
        candidates = [
            *self._within(self.people(), start, position),
            *self._within(self.spoken, start, position),
        ]
        if role:
            titled = [c for c in candidates if c[3] and c[3].lower() == role.lower()]
            candidates = titled or candidates
        if not candidates:
            return None
        best = max(candidates, key=lambda c: c[1])
        return best[2]

    def name(self, start: int, end: int) -> Speaker:
        """The speaker a phrase at `text[start:end]` names."""
        phrase = " ".join(self.text[start:end].split())
        via = None
        split = _VIA.search(phrase)
        if split:
            via = self.outlet(phrase[split.end() :]) or phrase[split.end() :]
            end = start + self.text[start:end].find(split.group().strip()) - 1
            start, end = trim(self.text, start, max(start, end))
            phrase = " ".join(self.text[start:end].split())
        inside = [
            m
            for m in self.mentions[
                bisect_left(self.starts, start) : bisect_right(self.starts, end)
            ]
            if m.end <= end
        ]
        people = [m for m in inside if m.type == "PERSON"]
        if people:
            chosen = people[-1]
            return Speaker(chosen.entity, chosen.start, chosen.end, via)
        voice = VOICE_OF.match(self.text, start, end)
        if (
            voice is not None
            and len(inside) == 1
            and inside[0].type == "ORG"
            and inside[0].start == voice.end()
            and inside[0].end == end
        ):
            # `A spokesman for the Foreign Ministry`, `The head of the External
            # Policy Office`: the body speaks through its unnamed officer.
            return Speaker(inside[0].entity, inside[0].start, inside[0].end, via)
        if len(inside) == 1 and _HEADED.fullmatch(self.text, start, inside[0].start):
            # the phrase is the mention, perhaps after `the`: `the KCNA`, not
            # `a Pyongyang daily`
            entity = self.outlet(inside[0].entity) or inside[0].entity
            return Speaker(entity, inside[0].start, inside[0].end, via)
        outlet = self.outlet(phrase)
        if outlet:
            return Speaker(outlet, start, end, via)
        lower = phrase.lower()
        if lower in RELATIVES:  # `Burman, who said`: the noun phrase before it
            before = start
            while before > 0 and self.text[before - 1] in " ,":
                before -= 1
            antecedent = noun_phrase_before(self.text, max(0, start - 200), before)
            named = None
            if (
                antecedent
                and self.text[antecedent[0] : antecedent[1]].lower() not in RELATIVES
            ):
                named = self.name(*antecedent)
            return Speaker(named.name if named else None, start, end, via)
        if lower in PRONOUNS:
            resolved = self.nearest_person(start) if lower in _PERSON_PRONOUNS else None
            return Speaker(resolved, start, end, via)
        role = _ROLE.match(phrase)
        if role:
            resolved = self.nearest_person(start, role["role"])
            return Speaker(resolved or phrase, start, end, via)
        if not self.mentions:
            for match in reversed(list(_NAME.finditer(self.text, start, end))):
                words = match["name"].split()
                if match["title"] or (
                    len(words) > 1 and not any(w in _NOT_PERSON for w in words)
                ):
                    name_end = match.end("name")
                    return Speaker(match["name"], match.start("name"), name_end, via)
        if not _is_noun_phrase(phrase):
            # "The", "Besides", "systematic": what the phrase finder left of a
            # sentence opening is no speaker (48 "The" on kcna-2024).
            return Speaker(None, start, end, via)
        return Speaker(phrase, start, end, via)

    def outlet(self, phrase: str) -> str | None:
        """The pack's outlet a phrase names: `the Korean Central News Agency
        (KCNA)`, `Rodong Sinmun (Workers’ Daily)`; None if it names none."""
        plain = _THE.sub("", phrase.replace("’", "'"))
        bracket = _BRACKETED_END.search(plain)
        forms = [plain]
        if bracket:
            forms += [bracket.group(1), plain[: bracket.start()]]
        for form in forms:
            outlet = self.pack.outlet_for(form)
            if outlet:
                return outlet
        return None

    def remember(self, speaker: Speaker) -> None:
        """Note a named speaker so a later `he` may resolve to them."""
        name = speaker.name
        if (
            name
            and name[:1].isupper()
            and self.pack.outlet_for(name) is None
            and not any(word in _NOT_PERSON for word in name.split())
        ):
            insort(self.spoken, (speaker.start, speaker.end, name, None))


_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "such",
        "another",
    ]
)


def _is_noun_phrase(phrase: str) -> bool:
    """More than a bare determiner, a sentence adverb or a lone adjective."""
    words = phrase.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words:
        return False
    if len(words) > 1:
        return True
    word = words[0]
    if word.lower() in _OPENERS:
        return False
    # A lone name ("Kishida") or a plural noun ("sources said", "officials").
    return word[:1].isupper() or (word.endswith("s") and len(word) > 3)


# Capitalised words that open sentences but never name a speaker.
_OPENERS = frozenset(
    [
        "besides",
        "much",
        "many",
        "some",
        "also",
        "however",
        "moreover",
        "meanwhile",
        "then",
        "thus",
        "still",
        "yet",
        "indeed",
        "instead",
        "otherwise",
        "accordingly",
        "furthermore",
        "nevertheless",
        "therefore",
        "hence",
        "later",
        "earlier",
        "now",
        "today",
        "here",
        "there",
    ]
)
