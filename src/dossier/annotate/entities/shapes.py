"""Capitalised word sequences that may be names, cut where a name must end."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dossier.annotate.entities.index import PackIndex, is_acronym
from dossier.annotate.entities.lexicon import (
    ABBREVIATIONS,
    LEGAL_ABBREVIATIONS,
    MONTHS,
    NOT_ENTITIES,
    VAGUE,
    WEEKDAYS,
    is_everyday_word,
    is_function_word,
)
from dossier.annotate.entities.names import KOREAN_GIVEN
from dossier.annotate.memo import remembered
from dossier.english import is_plural, word_set

_LETTER = r"[^\W\d_]"
# A capitalised word: `Korea`, `People's`, `Workers’`, `U.S.`, `Anti-Japanese`,
# `AT&T`; not glued to a letter or digit before it, nor a digit after it.
_DOTTED = r"(?:[A-Z]\.)+[A-Z]\.?"  # U.S., N.V., U.S.A.
_PLAIN = rf"[A-Z](?:{_LETTER}|['’&\-](?={_LETTER}))*(?:['’](?!{_LETTER})|\.)?"
# A word ends where its letters do: never cut short before a digit
# (`Minuteman-3` is no `Minutema`).
_WORD = rf"(?<![\w'’.&])(?<!\w-)(?:{_DOTTED}|{_PLAIN})(?![\d]|-\d|{_LETTER})"
_POSSESSIVE = re.compile(r"['’]s?$")
_CONNECTOR = r"(?:of|for|and|&|de|du|la|le|von|van|der|del|da|di|y)(?:[ \t]+the)?"
# An ordinal between capitalised words is part of the name: `Guards 2nd Surface
# Ship Flotilla` (it stays in the gap between two of the name's words).
_ORDINAL = r"[ \t]+\d{1,3}(?:st|nd|rd|th)(?=[ \t]+[A-Z])"
_GAP = rf"(?:{_ORDINAL})?(?:[ \t]+{_CONNECTOR}[ \t]+|[ \t]+)"
# A chain opens on `[A-Z]` itself, with the look-behinds after it, so that `re`
# skips ahead to capitals (40 MB/s against 34 for `(?=[A-Z])` + `_WORD`).
_FIRST = (
    r"[A-Z](?<![\w'’.&][A-Z])(?<!\w-[A-Z])"
    rf"(?:\.(?:[A-Z]\.)*[A-Z]\.?|(?:{_LETTER}|['’&\-](?={_LETTER}))*"
    rf"(?:['’](?!{_LETTER})|\.)?)(?![\d]|-\d|{_LETTER})"
)
CHAIN = re.compile(rf"{_FIRST}(?:{_GAP}{_WORD})*")
# One word, opening on its capital the same way: a run's words are read once
# per distinct run, and `_WORD` tried its look-behinds at every character
# (a fifth of a first pass's time on a run's segments).
WORD = re.compile(_FIRST)


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str
    gap: str  # the text between the previous word and this one ("" for the first)
    stop: bool = False  # a full stop followed it: the next word starts a sentence


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see `Candidate`
class Segment:
    """A run of capitalised words that may be one name (titles still on it)."""

    words: tuple[Word, ...]
    sentence_start: bool

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


@lru_cache(maxsize=4096)
def gap_word(gap: str) -> str:
    """The connector in the gap before a word (`of`, `and`), or "" if none."""
    words = gap.split()
    return words[0] if words else ""


def _words(text: str, start: int, end: int) -> list[Word]:
    words: list[Word] = []
    previous = start
    for match in WORD.finditer(text, start, end):
        printed = match.group()
        stop = match.end()
        full_stop = printed.endswith(".") and not _keeps_dot(printed)
        if full_stop:
            printed, stop = printed[:-1], stop - 1
        if _modifier_suffix(printed):
            # `Intel-based`, `EADS-led`: a name turned adjective; it ends here.
            printed = printed.split("-")[0]
            stop, full_stop = match.start() + len(printed), True
        gap = text[previous : match.start()] if words else ""
        words.append(Word(match.start(), stop, printed, gap, full_stop))
        previous = stop
    return words


def _possessive_ends(before: Word, after: Word, heads: frozenset[str]) -> bool:
    """`Boeing's European rival`: a possessive ends a name. Not before a head
    (`Children's Union`, `Women's Championship`), nor after a people's plural
    (`People's Progressive Party`, `Workers' Daily`)."""
    if not _POSSESSIVE.search(before.text):
        return False
    if after.text.lower().rstrip(".") in heads:
        return False
    owner = _POSSESSIVE.sub("", before.text)
    return not (is_plural(owner) and is_everyday_word(owner))


def _modifier_suffix(word: str) -> bool:
    """`-based`, `-led`, `-owned`; not a romanised syllable (`Yong-chun`)."""
    if "-" not in word:
        return False
    last = word.rsplit("-", 1)[1]
    return len(last) >= 3 and last.islower() and not KOREAN_GIVEN.fullmatch(last)


def _keeps_dot(word: str) -> bool:
    bare = word[:-1]
    return "." in bare or len(bare) == 1 or bare.lower() in ABBREVIATIONS


def _joins(current: list[Word], after: Word, index: PackIndex) -> bool:
    """Whether a connector gap (`of`, `and`) sits inside one name.

    `of` joins after a head (`Ministry of Railways`), and again once a name
    has one (`Association for the Study of Songun Politics`).
    """
    connector = after.gap.split()[0].lower()
    head = current[-1].text.lower().rstrip(".")
    heads = index.all_heads
    if connector in {"of", "for"}:
        if any(gap_word(w.gap) in ("of", "for") for w in current[1:]):
            return True
        return head in heads or head in _OF_HEADS or head in index.role_words
    if connector in {"and", "&"}:
        return connector == "&" or head not in heads
    return True  # de, von, van: inside a person's or place's name


# Words that take `of` inside a name without being heads of their own.
_OF_HEADS = word_set(
    """
    republic kingdom states emirates commonwealth federation friends presidium
    secretariat institute museum gulf sea cape isle bay
    """
)


def _and_joins(segment: list[Word], index: PackIndex) -> list[list[Word]]:
    """Keep `Defence and Space Company` whole; cut `Boeing and Airbus` in two."""
    pieces: list[list[Word]] = [[]]
    for word in segment:
        if pieces[-1] and gap_word(word.gap) == "and":
            pieces.append([Word(word.start, word.end, word.text, "", word.stop)])
        else:
            pieces[-1].append(word)
    if len(pieces) == 2 and len(pieces[0]) > 1:
        first_head = pieces[0][-1].text.lower().rstrip(".")
        second = {w.text.lower().rstrip(".") for w in pieces[1]}
        if first_head not in index.org_heads and second & index.org_heads:
            return [segment]
    return pieces


@dataclass(slots=True, eq=False)
class Chain:
    """A printed run of capitalised words and its segments, with offsets into
    it: made once per printed run and place (runs recur, and so do their
    segments); a document's runs are (start, chain) pairs (`Run`)."""

    text: str
    initial: bool  # the run opens a sentence
    segments: list[Segment]
    # Its words printed capitalised where position does not explain it: all
    # of a segment's, but the one word of a segment opening a sentence.
    printed: frozenset[str]
    first: str  # the first segment's first word, "" without segments


# A run of a document: where it starts, and its chain. A pair, not an object
# made per run: 32,000 runs a pass over kcna-2024, 4,800 different chains.
Run = tuple[int, Chain]


def find_runs(
    text: str,
    index: PackIndex,
    cache: dict[tuple[str, bool], Chain],
) -> list[Run]:
    """Every capitalised run in `text`, split into segments at connectors that
    end a name; runs of one word that can be no name are left out. `cache`
    keeps each printed run's chain across documents (see `compiled`)."""
    runs: list[Run] = []
    add, kept, lone, opens = runs.append, cache.get, _lone_edge_word, is_sentence_start
    for found in CHAIN.finditer(text):
        printed = found.group()
        if lone(printed):
            continue  # `The`, `It`, `June`: a third of all runs, and never a name
        start = found.start()
        # `is_sentence_start`'s first test, read here: most runs follow a
        # space after a letter or digit, and then open no sentence.
        initial = (
            False
            if start > 1 and text[start - 1] == " " and text[start - 2].isalnum()
            else opens(text, start)
        )
        key = (printed, initial)
        # Looked up before `remembered` is called: 86% of kcna-2024's runs are repeats.
        chain = kept(key)
        if chain is None:
            chain = remembered(
                cache, key, _CHAIN_CACHE_SIZE, _chain_segments, printed, initial, index
            )
        add((start, chain))
    return runs


def capitalised_words(segments: list[Segment]) -> frozenset[str]:
    """Words of `segments` printed capitalised where position does not explain
    it: a run of two or more capitalised words is a name even where it opens a
    sentence (`Apple Computer announced`), so its first word counts too."""
    seen: set[str] = set()
    for segment in segments:
        initial_only = segment.sentence_start and len(segment.words) == 1
        seen.update(
            w.text for w in (segment.words[1:] if initial_only else segment.words)
        )
    return frozenset(seen)


def placed(segment: Segment, offset: int) -> Segment:
    """A run's segment with its words' offsets into the text."""
    return Segment(
        tuple(
            Word(w.start + offset, w.end + offset, w.text, w.gap, w.stop)
            for w in segment.words
        ),
        segment.sentence_start,
    )


# A run's segments depend on its own text and on whether it opens a sentence
# (the words before it are never read: a run cannot follow a letter or a dot),
# and runs recur: kcna-2024 has 32,042 runs but 4,640 different ones. Cleared
# past this many, so memory stays flat over a corpus.
_CHAIN_CACHE_SIZE = 50_000


def _chain_segments(chain: str, initial: bool, index: PackIndex) -> Chain:
    """The segments of one run, with offsets into it, and the words they print
    capitalised (see `Chain.printed`); `initial`: the run opens a sentence."""
    segments: list[Segment] = []
    heads = index.all_heads
    current: list[Word] = []
    for word in _words(chain, 0, len(chain)):
        if current and (
            current[-1].stop
            or current[-1].text.lower() in LEGAL_ABBREVIATIONS  # `Apple Inc. Steve`
            or (word.gap.strip() and not _joins(current, word, index))
            or _possessive_ends(current[-1], word, heads)
        ):
            segments.extend(_finish(current, chain, index, initial))
            current = [Word(word.start, word.end, word.text, "")]
        else:
            current.append(word)
    if current:
        segments.extend(_finish(current, chain, index, initial))
    first = segments[0].words[0].text if segments else ""
    return Chain(chain, initial, segments, capitalised_words(segments), first)


@lru_cache(maxsize=65536)
def _lone_edge_word(printed: str) -> bool:
    """A run of one word that `_trim` would drop whole (read as `_words` reads it)."""
    if " " in printed or "\t" in printed or "-" in printed:
        return False
    if printed.endswith(".") and not _keeps_dot(printed):
        printed = printed[:-1]
    return _edge_word(printed)


def _finish(
    words: list[Word], chain: str, index: PackIndex, chain_initial: bool
) -> list[Segment]:
    found = []
    for piece in _and_joins(words, index):
        first = piece[0]
        initial = (
            chain_initial if first.start == 0 else is_sentence_start(chain, first.start)
        )
        trimmed = _trim(piece, initial, index)
        if trimmed:
            found.append(Segment(tuple(trimmed), initial and trimmed[0] is first))
    return found


def _trim(words: list[Word], initial: bool, index: PackIndex) -> list[Word]:
    """Drop function words, months and days from the edges of a run."""
    words = list(words)
    while words and _droppable(words[0], index):
        words = words[1:]
        if words:
            words[0] = Word(words[0].start, words[0].end, words[0].text, "")
    while words and (
        _droppable(words[-1], index) or words[-1].text.lower() in ("of", "the")
    ):
        words.pop()
    if words:
        last = words[-1]
        bare = _POSSESSIVE.sub("", last.text)
        if bare != last.text and bare:
            words[-1] = Word(last.start, last.start + len(bare), bare, last.gap)
    return words


def _droppable(word: Word, index: PackIndex) -> bool:
    return _edge_word(word.text)


@lru_cache(maxsize=65536)
def _edge_word(printed: str) -> bool:
    """A word that cannot open or close a name: `The`, `March`, `Christmas`."""
    lowered = _POSSESSIVE.sub("", printed.lower().rstrip("."))
    if lowered in MONTHS or lowered in WEEKDAYS or lowered in VAGUE:
        return True
    if lowered in NOT_ENTITIES:
        return True
    if is_acronym(printed):
        return False
    return is_function_word(printed)


_OPENERS = "\"'“‘([«"
_CLOSERS = "\"'”’)]»"
_QUOTES = '"“«'


def is_sentence_start(text: str, position: int) -> bool:
    """Whether the word at `position` opens a sentence, line or quotation."""
    # Most words follow a space after a letter or digit (`the Korean`): none
    # of the marks below, so no sentence opens.
    if position > 1 and text[position - 1] == " " and text[position - 2].isalnum():
        return False
    i = position - 1
    while i >= 0 and (text[i] in " \t" or text[i] in _OPENERS):
        i -= 1
    if i < 0:
        return True
    char = text[i]
    if char in ",:" and any(c in _QUOTES for c in text[i + 1 : position]):
        return True  # `saying, "Stop me`: a quoted sentence opens
    if char == "\n":
        j = i - 1
        while j >= 0 and text[j] in " \t\r":
            j -= 1
        return j < 0 or text[j] in '.!?:;\n"”’)' or _short_line(text, j)
    if char in ".!?":
        return not _abbreviation_before(text, i)
    if char in _CLOSERS:
        return i > 0 and text[i - 1] in ".!?"
    if char in "-–—":
        # `(KCNA) -- A` and a `- Successes` bullet, not `anti-Russia`
        return i == 0 or text[i - 1] in " \t\n-–—"
    return char in ":|•"


def _short_line(text: str, end: int) -> bool:
    """A line of a few words (a heading or a dateline) ends a sentence too."""
    line_start = text.rfind("\n", 0, end) + 1
    return end - line_start < 40 and not text[line_start : end + 1].endswith(",")


def _abbreviation_before(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot]
    return len(word.replace(".", "")) == 1 or word.lower() in ABBREVIATIONS
