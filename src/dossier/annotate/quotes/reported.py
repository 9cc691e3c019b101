"""Reported speech, unmarked: `he recollected as follows: …`, `X said that …`."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from string import ascii_letters

from dossier.annotate.failures import Failures
from dossier.annotate.openers import opening_on
from dossier.annotate.quotes.cues import (
    ACCORDING,
    AS_FOLLOWS,
    REPORTING,
    Cue,
    cuts_word,
    last_cue,
    last_match,
    reporting_cues,
    reporting_starts,
    words,
)
from dossier.annotate.quotes.frames import Frame, Framer
from dossier.annotate.quotes.marks import Quoted, skip_space
from dossier.annotate.quotes.phrases import phrase_after, words_past
from dossier.annotate.quotes.places import Places
from dossier.annotate.quotes.spans import SpanIndex

_ASCII_LETTERS = frozenset(ascii_letters)
# `said` or `told X` with no `that`, then a clause: `said the talks failed`.
_BARE = words(
    """
        said says say told tells believes thinks thought feels felt
        """
)
_THAT = re.compile(r"(?:[ ,]+[\w’'.$%-]+){0,6}?[ ,]+that\s+", re.IGNORECASE)
_NOT_CLAUSE = re.compile(
    r"\s*(?:[,.;:!?)]|in\b|on\b|at\b|to\b|so\b|it\b\s*[.,]|nothing|anything|something"
    r"|goodbye|hello|yes\b|no\b|sorry|thanks|with\b|about\b|of\b|for\b|by\b|as\b"
    r"|during\b|after\b|before\b|when\b|while\b|if\b|[“\"‘])",
    re.IGNORECASE,
)
_OBJECT = re.compile(
    r"\s+(?:[\w’'.-]+\s+){1,3}?(?=that\b)|\s+(?:him|her|them|us|me|reporters)\b"
)
# A colon that may end a cue's clause (not `10:30`), found from the colons' places.
_COLON = re.compile(r":(?!\d)")
# A reported clause shorter than this is a fragment (`he said so`).
MIN_WORDS = 4
# Words between a cue and the colon that ends its clause (`recalls those days in
# his memoirs With the Century:` has 3).
MAX_INTRO_WORDS = 12


@dataclass(frozen=True, slots=True)
class Reported:
    start: int
    end: int
    frame: Frame
    merged: Quoted | None = None


def _content_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?"):
        end -= 1
    return end


def colon_quotes(
    text: str, framer: Framer, passages: Sequence[Quoted], failures: Failures
) -> list[Reported]:
    """Unmarked speech a cue and a colon introduce (`he recollected as follows:`);
    a colon the rules trip on is noted in `failures`."""
    covered = SpanIndex((p.open_start, p.close_end) for p in passages)
    tops = sorted(p.open_start for p in passages if p.depth == 0)
    opening = {p.open_start: p for p in passages if p.depth == 0}
    found: list[Reported] = []
    for colon in opening_on(_COLON, text, ":"):
        position = colon.start()
        after = skip_space(text, position + 1)
        if after >= len(text) or covered.contains(position) or after in opening:
            continue
        if text[after] in "“\"‘'«" or (found and position < found[-1].end):
            continue
        reported = failures.attempt(
            "quotes",
            position,
            after,
            _after_colon,
            text,
            framer,
            position,
            after,
            tops,
            opening,
        )
        if reported is not None:
            found.append(reported)
    return found


def _after_colon(
    text: str,
    framer: Framer,
    position: int,
    after: int,
    tops: list[int],
    opening: dict[int, Quoted],
) -> Reported | None:
    sentence = framer.sentences.start_of(position)
    cue = last_cue(text, sentence, position)
    places = framer.places
    follows = (
        AS_FOLLOWS.search(text, sentence, position)
        if places.may_hold("follows", sentence, position)
        else None
    )
    according = (
        last_match(ACCORDING, text, sentence, position)
        if places.may_hold("according", sentence, position)
        else None
    )
    if according is not None and (cue is None or cue.start < according.start()):
        span = phrase_after(text, according.end(), position)
        frame = Frame(Cue(according.start(), according.end(), "according to"))
    elif cue is not None and (
        follows or not words_past(text[cue.end : position], MAX_INTRO_WORDS)
    ):
        span = framer.speaker_span(cue.start, sentence)
        frame = Frame(cue)
    else:
        return None
    if span is None:
        return None
    frame = Frame(frame.cue, framer.speaker(span))
    paragraphs = framer.paragraphs
    index = paragraphs.index(after)
    end = paragraphs.content_end(index)
    inner = bisect_right(tops, after)
    if inner < len(tops) and tops[inner] < end:  # a quote starts within it
        end = _content_end(text, after, tops[inner])
    merged = None
    following = skip_space(text, end)
    if paragraphs.index(following) > index and following in opening:
        merged = opening[following]
        end = merged.end
    if end > after:
        return Reported(after, end, frame, merged)
    return None


def _that_clause(text: str, cue: Cue, end: int) -> int | None:
    """Where the reported clause after a cue starts, or None if none follows."""
    that = _THAT.match(text, cue.end, end)
    if that is not None and "\n" not in that.group():
        return that.end()
    if cue.verb not in _BARE:
        return None
    start = cue.end
    if cue.verb in ("told", "tells"):
        told = _OBJECT.match(text, cue.end, end)
        if told is None:
            return None
        start = told.end()
    if _NOT_CLAUSE.match(text, start, end):
        return None
    return skip_space(text, start)


def indirect_quotes(
    text: str, framer: Framer, taken: SpanIndex, failures: Failures
) -> Iterator[Reported]:
    """`X said that …`, `…, sources said.` and `according to X, …` outside
    quotes; a sentence the rules trip on is noted in `failures`."""
    starts = framer.sentences.starts
    according_in = _holding(starts, len(text), framer.places, "according")
    for index in _speech_sentences(text, starts, according_in):
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        if taken.contains(start) and taken.contains(max(start, end - 2)):
            continue
        according = index in according_in
        found = failures.attempt(
            "quotes",
            start,
            end,
            _indirect,
            text,
            framer,
            start,
            end,
            taken,
            according=according,
        )
        if found is not None:
            yield found


def _holding(starts: list[int], length: int, places: Places, word: str) -> set[int]:
    """The sentences (indexes into `starts`, the last ending at `length`) that
    may hold `word` (`Places.may_hold` of each)."""
    held = set()
    for place in places.of(word):
        index = bisect_right(starts, place) - 1
        end = starts[index + 1] if index + 1 < len(starts) else length
        if index >= 0 and place + len(word) <= end:
            held.add(index)
    return held


def _speech_sentences(text: str, starts: list[int], according: set[int]) -> list[int]:
    """The sentences `_indirect` may find speech in, in order: those holding
    `according` or a reporting verb, or cut from a word at an edge (see
    `may_hold_cues`). The others (84% of kcna-2024's) are passed over, found
    from the verbs' places rather than by asking each sentence."""
    found = set(according)
    for verb in reporting_starts(text):
        found.add(bisect_right(starts, verb) - 1)
    found.discard(-1)
    # A sentence start cutting a word (rare): the sentences on both sides read
    # the cut word's pieces, when not empty.
    cutting = [
        index
        for index, start in enumerate(starts)
        if start and text[start - 1] in _ASCII_LETTERS and cuts_word(text, start)
    ]
    for index in cutting:
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        if start < end:
            found.add(index)
        if index and starts[index - 1] < start:
            found.add(index - 1)
    return sorted(found)


def _indirect(
    text: str,
    framer: Framer,
    start: int,
    end: int,
    taken: SpanIndex,
    *,
    according: bool = True,
) -> Reported | None:
    stop = _content_end(text, start, end)
    cited = ACCORDING.search(text, start, stop) if according else None
    if cited is not None and not taken.contains(cited.start()):
        speaker_span = phrase_after(text, cited.end(), stop)
        comma = text.find(",", speaker_span[1], stop) if speaker_span else -1
        if cited.start() - start < 3 and comma > 0:  # `According to X, …`
            content = (comma + 1, stop)
        else:  # `…, according to X.`
            content = (start, cited.start())
        cue = Cue(cited.start(), cited.end(), "according to")
        found = _reported(text, framer, content, speaker_span, cue, taken)
        if found is not None:
            return found
    # Read lazily: most sentences are done at their first reporting cue.
    for cue in reporting_cues(text, start, stop):
        if taken.contains(cue.start) or taken.contains(
            max(start, cue.start - 4)  # `“…,” said Cole`
        ):
            continue
        clause = _that_clause(text, cue, stop)
        if clause is not None:
            speaker_span = framer.speaker_span(cue.start, start)
            found = _reported(text, framer, (clause, stop), speaker_span, cue, taken)
            if found is not None:
                return found
    last = last_cue(text, start, stop)
    if (
        last is None
        or last.verb not in REPORTING
        or words_past(text[last.end : stop], 3)
        or text[start:end].rstrip().endswith(":")
    ):
        return None
    comma = text.rfind(",", start, last.start)
    if comma < 0:
        return None
    speaker_span = framer.speaker_span(last.start, comma + 1)
    if speaker_span is None:
        speaker_span = phrase_after(text, last.end, stop)
    return _reported(text, framer, (start, comma), speaker_span, last, taken)


def _reported(
    text: str,
    framer: Framer,
    content: tuple[int, int],
    speaker_span: tuple[int, int] | None,
    cue: Cue,
    taken: SpanIndex,
) -> Reported | None:
    start, end = content
    while start < end and text[start] in " ,\n":
        start += 1
    end = _content_end(text, start, end)
    while end > start and text[end - 1] in ",;—– ":
        end -= 1
    if (
        speaker_span is None
        or not words_past(text[start:end], MIN_WORDS - 1)
        or not any(char.isalpha() for char in text[speaker_span[0] : speaker_span[1]])
    ):
        return None
    if taken.overlap(start, end) >= 0.5 * (end - start):
        return None
    return Reported(start, end, Frame(cue, framer.speaker(speaker_span)))
