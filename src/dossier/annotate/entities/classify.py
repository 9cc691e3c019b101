"""Type capitalised runs by their shape: heads, titles, name patterns, position."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from dossier.annotate.entities.candidates import PACK, SHAPE, Candidate, within
from dossier.annotate.entities.index import ORG, PERSON, PLACE, PackIndex, fold
from dossier.annotate.entities.index import is_acronym as _is_acronym
from dossier.annotate.entities.lexicon import (
    VAGUE,
    is_common_word,
    is_function_word,
    is_shouted,
)
from dossier.annotate.entities.names import is_person_name
from dossier.annotate.entities.roles import (
    is_of_place,
    split_at_role,
    title_run,
    type_of,
)
from dossier.annotate.entities.shapes import (
    Chain,
    Run,
    Segment,
    Word,
    capitalised_words,
    placed,
)
from dossier.annotate.failures import Failures, strict_or
from dossier.annotate.memo import remembered
from dossier.english import ORDINAL_NUMBER, word_set


def shape_candidates(
    runs: Sequence[Run],
    listed: Sequence[Candidate],
    index: PackIndex,
    text: str,
    headlines: Sequence[tuple[int, int]] = (),
    *,
    cache: dict[tuple[object, ...], _Made],
    failures: Failures | None = None,
) -> tuple[list[Candidate], set[int]]:
    """Candidates from capitalised runs, and the starts of listed names they absorb.

    A run that extends a listed name with a head word names something else
    (`Kim Il Sung University`, `US Air Force`): it replaces the listed name.
    A run the rules trip on is noted in `failures` (raised when None); `cache`
    keeps each run's candidates across documents (see `compiled`).
    """
    failures = strict_or(failures, text)
    elsewhere = _capitalised_elsewhere(runs, headlines)
    starts = [c.start for c in listed]
    found: list[Candidate] = []
    absorbed: set[int] = set()
    # The listed names over each run, walked along with the runs (both in text
    # order, the listed names apart): `first` is the first to end after the
    # run's start. A bisection per run was a tenth of this function.
    first, count, previous = 0, len(listed), -1
    for base, chain in runs:
        end = base + len(chain.text)
        if base < previous:
            first = 0  # runs out of text order: walk again from the start
        previous = base
        while first < count and listed[first].end <= base:
            first += 1
        last = first
        while last < count and listed[last].start < end:
            last += 1
        # All a run's candidates depend on (see `_run_candidates`): its text,
        # whether it opens a sentence, the listed names over it, and whether
        # its first word is printed capitalised elsewhere in the document.
        key = (
            chain.text,
            chain.initial,
            tuple(
                [
                    (c.start - base, c.end - base, c.text, c.type, c.entity, c.source)
                    for c in listed[first:last]
                ]
            )
            if last > first
            else (),
            chain.first in elsewhere,  # "" (no segments) is no word of any run
        )
        # Looked up before the guarded call: most runs recur with their key.
        made = cache.get(key)
        if made is None:
            made = failures.attempt(
                "mentions",
                base,
                end,
                remembered,
                cache,
                key,
                _RUN_CACHE_SIZE,
                _run_candidates,
                base,
                chain,
                listed,
                starts,
                index,
                text,
                elsewhere,
            )
        if made is None:
            continue
        shaped, taken = made
        if shaped:
            found.extend(
                [
                    Candidate(
                        start + base,
                        stop + base,
                        text[start + base : stop + base],
                        typed,
                        None,
                        SHAPE,
                        None,
                        initial,
                    )
                    for start, stop, typed, initial in shaped
                ]
            )
        if taken:
            absorbed.update([start + base for start in taken])
    return found, absorbed


# Runs recur with the same listed names in them; their candidates are kept up
# to this many, so memory stays flat over a corpus.
_RUN_CACHE_SIZE = 50_000
_Made = tuple[list[tuple[int, int, str | None, bool]], list[int]]


def _run_candidates(
    base: int,
    chain: Chain,
    listed: Sequence[Candidate],
    starts: list[int],
    index: PackIndex,
    text: str,
    elsewhere: frozenset[str],
) -> _Made:
    """A run's candidates and the listed names they absorb, offsets into the run."""
    candidates: list[tuple[int, int, str | None, bool]] = []
    absorbed: list[int] = []
    for relative in chain.segments:
        inside = _listed_within(
            relative.start + base, relative.end + base, listed, starts
        )
        if not inside:
            # No listed name in it (most segments): its candidates are read off
            # the run's own text, offsets into the run, without placing its
            # words in the text (only listed names' surroundings are read there).
            shaped, _ = _segment_candidates(relative, [], index, chain.text, elsewhere)
            candidates.extend(
                (c.start, c.end, c.type, c.sentence_start) for c in shaped
            )
            continue
        segment = placed(relative, base)
        shaped, taken = _segment_candidates(segment, inside, index, text, elsewhere)
        candidates.extend(
            (c.start - base, c.end - base, c.type, c.sentence_start) for c in shaped
        )
        absorbed.extend(start - base for start in taken)
    return _joined_possessives(chain.text, candidates), absorbed


_OF_PLACE_POSSESSIVE = re.compile(r"\bof\s+(?:the\s+)?\S+$")


def _joined_possessives(
    run: str, candidates: list[tuple[int, int, str | None, bool]]
) -> list[tuple[int, int, str | None, bool]]:
    """`Department of the Syria's Baath Arab Socialist Party`: a body of a
    place's body is one name, though the possessive cut the run in two."""
    joined: list[tuple[int, int, str | None, bool]] = []
    for candidate in candidates:
        if joined:
            start, end, typed, initial = joined[-1]
            if (
                typed == ORG
                and candidate[2] == ORG
                and run[end : candidate[0]] in ("'s ", "’s ")
                and _OF_PLACE_POSSESSIVE.search(run, start, end)
            ):
                joined[-1] = (start, candidate[1], ORG, initial)
                continue
        joined.append(candidate)
    return joined


def _segment_candidates(
    segment: Segment,
    inside: list[Candidate],
    index: PackIndex,
    text: str,
    elsewhere: frozenset[str],
) -> tuple[list[Candidate], list[int]]:
    """One segment's candidates, and the starts of the listed names they absorb."""
    found: list[Candidate] = []
    absorbed: list[int] = []
    cut = _cut_at_hyphens(segment, inside, text, index)
    if cut:
        # `Finland-Korea Society`, `Czech-Korean Friendship Association`: a
        # listed place glued into a body's name is part of that name.
        inside = [c for c in inside if c not in cut]
        absorbed.extend(c.start for c in cut)
    pieces = _pieces(segment.words, inside)
    taken_until = -1  # pieces up to this one are inside a longer name
    for number, piece in enumerate(pieces):
        if number <= taken_until:
            continue
        before = _listed_before(piece, inside, text)
        if before is not None and type_of(piece, index) in (ORG, PLACE):
            absorbed.append(before.start)
            start, end = before.start, piece[-1].end
            typed = type_of(piece, index)
            found.append(Candidate(start, end, text[start:end], typed, None, SHAPE))
            continue
        initial = segment.sentence_start and piece[0].start == segment.start
        owner = _listed_of(piece, inside, text, index)
        if owner is not None:
            absorbed.append(owner.start)
            start, end = piece[0].start, owner.end
            # `Committee of the Myanmar Journalist Association`: the body named
            # after the listed place is what the first one is of, and so on
            # down the chain (`… Flotilla of the East Sea Fleet of the KPA Navy`).
            next_piece = number + 1
            while True:
                following = pieces[next_piece] if next_piece < len(pieces) else None
                if (
                    following is not None
                    and text[end : following[0].start] in (" ", "\t", "'s ", "’s ")
                    and type_of(following, index) == ORG
                ):
                    end, taken_until = following[-1].end, next_piece
                    next_piece += 1
                    continue
                tail = _listed_of_at(end, inside, text)
                if tail is None:
                    break
                absorbed.append(tail.start)
                end = tail.end
            typed = type_of(piece, index)
            found.append(Candidate(start, end, text[start:end], typed, None, SHAPE))
            continue
        after = _listed_after(piece, inside, text)
        if after is not None and _names_with_place(piece, initial, index):
            absorbed.append(after.start)
            start, end = piece[0].start, after.end
            typed = PLACE if fold(piece[0].text) in _REGIONAL else ORG
            found.append(Candidate(start, end, text[start:end], typed, None, SHAPE))
            continue
        found.extend(_typed(piece, initial, index, text, elsewhere))
    return found, absorbed


def _cut_at_hyphens(
    segment: Segment, inside: list[Candidate], text: str, index: PackIndex
) -> list[Candidate]:
    """Listed names that a hyphen cuts out of a word of a body's name."""
    if not inside or type_of(segment.words, index) != ORG:
        return []
    return [
        c
        for c in inside
        if c.start >= segment.start
        and c.end <= segment.end
        and (
            (c.start > 0 and text[c.start - 1] == "-")
            or (c.end < len(text) and text[c.end] == "-")
        )
    ]


# Words that make part of a place of the place after them: `Central London`.
_REGIONAL = word_set(
    """
    central greater northern southern eastern western northeastern northwestern
    southeastern southwestern inner outer upper lower metropolitan
    """
)


_OF_GAP = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?")


def _listed_of(
    piece: Sequence[Word], inside: Sequence[Candidate], text: str, index: PackIndex
) -> Candidate | None:
    """`Communist Party of Cuba`, `Embassy of the DPRK`, `Lake of Samjiyon`: a
    body or place of a listed place or body, named as one."""
    typed = type_of(piece, index)
    if typed != ORG and not (typed == PLACE and is_of_place(piece[-1].text)):
        return None  # `Jangphung County of North Hwanghae`: two places
    return _listed_of_at(piece[-1].end, inside, text)


def _listed_of_at(end: int, inside: Sequence[Candidate], text: str) -> Candidate | None:
    """The first listed place or body after `end`, if `of (the)` is all between."""
    for candidate in inside:
        if candidate.start < end or candidate.type == PERSON:
            continue
        if _OF_GAP.fullmatch(text, end, candidate.start):
            return candidate
        return None
    return None


def _listed_after(
    piece: Sequence[Word], inside: Sequence[Candidate], text: str
) -> Candidate | None:
    """The listed place printed right after `piece`, one space apart."""
    for candidate in inside:
        gap = text[piece[-1].end : candidate.start]
        if candidate.start >= piece[-1].end and gap in (" ", "\t"):
            return candidate if candidate.type == PLACE else None
    return None


def _names_with_place(piece: Sequence[Word], initial: bool, index: PackIndex) -> bool:
    """`Air India`, `Bank Indonesia`, `Central London`: one name with the place."""
    first = piece[0].text
    if len(piece) > 2 or type_of(piece, index) is not None or title_run(piece, index):
        return False
    if first.lower() in index.demonyms or _never_alone(first, index):
        return False
    return not (initial and is_common_word(first) and fold(first) not in _REGIONAL)


def _capitalised_elsewhere(
    runs: Sequence[Run], headlines: Sequence[tuple[int, int]]
) -> frozenset[str]:
    """Words printed capitalised where position does not explain it (in a
    title-case line, capitals explain nothing)."""
    if not headlines:
        return frozenset().union(*[chain.printed for _, chain in runs])
    seen: set[str] = set()
    starts = [start for start, _ in headlines]
    for base, chain in runs:
        # The headline opening last before the run's end is the only one that
        # may reach into it (they are apart); most runs meet none, and then
        # every segment counts: the chain's own `printed`.
        at = bisect.bisect_left(starts, base + len(chain.text)) - 1
        if at < 0 or headlines[at][1] <= base:
            seen |= chain.printed
            continue
        seen |= capitalised_words(
            [s for s in chain.segments if not within(headlines, base + s.start)]
        )
    return frozenset(seen)


def _listed_within(
    start: int, end: int, listed: Sequence[Candidate], starts: list[int]
) -> list[Candidate]:
    """The listed names that overlap `[start, end)`."""
    at = bisect.bisect_left(starts, start)
    if at > 0 and listed[at - 1].end > start:
        at -= 1
    inside = []
    while at < len(listed) and listed[at].start < end:
        inside.append(listed[at])
        at += 1
    return inside


def _pieces(words: Sequence[Word], inside: Sequence[Candidate]) -> list[list[Word]]:
    """The runs of words not covered by a listed name."""
    pieces: list[list[Word]] = [[]]
    for word in words:
        if any(word.start < c.end and c.start < word.end for c in inside):
            if pieces[-1]:
                pieces.append([])
            continue
        if not pieces[-1]:
            word = Word(word.start, word.end, word.text, "")
        pieces[-1].append(word)
    return [p for p in pieces if p]


def _listed_before(
    piece: Sequence[Word], inside: Sequence[Candidate], text: str
) -> Candidate | None:
    """The listed name printed right before `piece`, one space apart."""
    for candidate in inside:
        gap = text[candidate.end : piece[0].start]
        if candidate.end <= piece[0].start and gap in (" ", "\t"):
            return candidate
    return None


def _typed(
    words: list[Word],
    initial: bool,
    index: PackIndex,
    text: str,
    elsewhere: frozenset[str],
) -> list[Candidate]:
    """Candidates from one piece: `Apple CEO Steve Jobs` gives Apple and a person."""
    found = []
    for part, titled in split_at_role(words, index):
        first = part[0].start == words[0].start
        candidate = _typed_part(part, initial and first, titled, index, text, elsewhere)
        if candidate is not None:
            found.append(candidate)
    return found


def _typed_part(
    name: list[Word],
    initial: bool,
    titled: bool,
    index: PackIndex,
    text: str,
    elsewhere: frozenset[str],
) -> Candidate | None:
    printed = [w.text for w in name]
    if len(name) == 1 and _never_alone(printed[0], index):
        return None
    if (
        len(name) == 1
        and initial
        and not _is_acronym(printed[0])
        and printed[0] not in elsewhere
        and is_common_word(printed[0])
    ):
        return None  # `Industry was restored`: capitalised by position only
    typed = type_of(name, index)
    if typed == "":
        return None
    if typed is None and (is_person_name(printed, index) or titled):
        typed = PERSON
    if typed is None and len(name) == 1 and _is_acronym(printed[0]):
        typed = ORG
    start, end = name[0].start, name[-1].end
    return Candidate(start, end, text[start:end], typed, None, SHAPE, None, initial)


def _never_alone(word: str, index: PackIndex) -> bool:
    folded = fold(word)
    return (
        is_function_word(word)  # `That’s why`, `Ninth` (a cut-off title)
        or folded in ORDINAL_NUMBER
        or is_shouted(word, min_letters=6)  # `FORTHCOMING`, not `FIFA`
        or folded in index.not_names
        or word.lower() in index.not_names
        or word.lower() in index.demonyms
        or folded in index.role_words
        or folded in VAGUE
        or folded in index.org_heads
        or folded in index.event_heads
    )


def drop_absorbed(listed: Sequence[Candidate], absorbed: set[int]) -> list[Candidate]:
    return [c for c in listed if not (c.source == PACK and c.start in absorbed)]
