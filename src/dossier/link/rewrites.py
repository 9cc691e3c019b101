"""The looser tier of `link.reuse`: rewritten passages, matched sentence by sentence.

A heavy rewrite (clauses moved to the front, sentences swapped, words
dropped or changed, a reporting verb replaced) leaves too few word
3-shingles for `link.align`'s chains: its pieces fall under MIN_WORDS. Here
each sentence of one text is compared with each of the other's as a set of
content words (function words left out, reporting verbs as one word, a
number's digit groups as one word); sentences sharing most of their content
words, and nearly all their names and numbers, are a match whatever their
order inside, and matches lying next to each other on both sides, in any
order, make one passage spanning whole sentences.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from itertools import repeat

import numpy as np
import numpy.typing as npt

from dossier.link.align import Alignment, similar
from dossier.link.occurrences import Occurrences, pairs, shared_values
from dossier.link.passages import Words

# Two sentences match when they share this share of the larger one's
# content words, and at least MIN_CONTENT of them ...
SENTENCE_RATIO = 0.6
MIN_CONTENT = 6
# A shorter sentence (`It remains only a matter of time and place.`: 5
# content words) is no evidence alone, but extends a passage matched
# already when it lies next to it on both sides and shares this share of
# the larger one's content words, MIN_SHORT or more: left out, a passage
# rewritten with its sentences swapped lost its first sentence on one side
# (eval.reuse's kcna-109 / heavy-dev-5, 44 characters off).
SHORT_RATIO = 0.8
MIN_SHORT = 3
# ... and this share of the smaller one's names and numbers (words with a
# capital or a digit, past the sentence's first word; a rewrite may drop
# some, never put others in). A template filled
# with other particulars keeps its frame and changes exactly these: on
# kcna-2024, with content words alone, 54 more pairs of stories were linked
# (greetings from other presidents, other farms' house-warmings, the
# leader's titles before another visit), almost none of them reuse; with
# this rule, 26.
SPECIFIC_RATIO = 0.85
# ... and not SUBSTITUTED or more names and numbers each side lacks: a
# rewrite drops particulars, a template puts others in their place (`visited
# the Friendship Tower on July 26` / `visited the Liberation Tower on August
# 15`, after the same 25 words of the leader's titles). On kcna-2024 this
# left 17 of the 26 pairs the rule above let through, the press reviews
# that repeat a story kept.
SUBSTITUTED = 2
# An aligned passage (either tier) is a template filled in, not reuse, when
# each side has this many names and numbers the other lacks: greetings from
# another president, a house-warming at another farm. On the pairs of
# kcna-2024 stories dated before September (eval/gold/reuse_real.json),
# 17 listed pairs fall to 10 with 3 and to 8 with 2, the one real re-run
# kept either way; the planted gold of those months loses nothing.
TEMPLATE_NAMES = 2
# Matched sentences join into one passage when at most this many sentences
# lie between them on both sides, in either order: one left out or added.
NEAR = 1
# A passage is reuse when it spans this many words on its longer side (the
# unit of link.reuse_pairs.MIN_WORDS: a rewrite may drop a few of them) ...
MIN_SPAN = 40
# ... of which this share of the shorter side's words appear in the matched
# sentence of the other side: a rewrite keeps most words.
MIN_KEPT = 0.75

# Two texts are compared sentence by sentence when their numbers of
# sentences multiplied come to at most this: the comparison fills matrices
# of that size (a KCNA story against a 2,000-word essay: some 3,000). Two
# texts of 6,000 sentences each (1.2 MB, one sentence repeated) cost 15 CPU
# s and 850 MB here before; two of 10 MB would not fit in memory. Word
# alignment (`link.align`) still compares them.
MOST_PAIRS = 1_000_000
# Names what the numbers above make (link.reuse.SCHEME): pairs stored by
# another scheme are found again. `e1`: sentences end at end markers too;
# `z1`: a sentence naming nothing is alike in names to any.
SCHEME = (
    f"r{SENTENCE_RATIO}-c{MIN_CONTENT}-n{SPECIFIC_RATIO}-x{SUBSTITUTED}"
    f"-t{TEMPLATE_NAMES}-g{NEAR}-s{MIN_SPAN}-k{MIN_KEPT}-e1-z1"
    f"-h{SHORT_RATIO}-{MIN_SHORT}-p{MOST_PAIRS}"
)

# A sentence ends at . ! or ? (closing quotes or brackets after it) before
# a space and a capital, digit or opening quote: `U.S. imperialists` goes on.
# It ends too at a wire story's end marker before a line break (`... last
# century. -0-`, then the next story of a file or essay of several): read as
# one with the next story's first sentence, a story's last sentence matched
# nothing (eval.reuse's heavy rewrite kcna-109 / heavy-dev-5 lost a sentence).
# Both ends begin with one of `.!?-`, taken first as one set (then which it
# was, by looking back): so `re` skips to those characters in C instead of
# trying both alternatives at every character (the end marker's `(?<!\S)`,
# a space or the text's start before its dash, is `(?<!\S-)` after it).
# The search was a quarter of reading a text's sentences on kcna-2024.
_SENTENCE_END = re.compile(
    r"[.!?\-](?:(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“'‘(\[]?[A-Z0-9])"
    r"|(?<=-)(?<!\S-)\s?\d{1,2}\s?-[ \t\r]*\n\s*)"
)
_END = operator.methodcaller("end")
# Function words: shared by any two English sentences, evidence of nothing.
_FUNCTION_TEXT = """a an the of to in on at by for from with as and or but nor so
that this these those it its is are was were be been being has have had will
would shall should can could may might must do does did not no he she they we
you i his her their our your my him them us me who whom which what when where
while there here than then also into over under about after before all any
each every other such more most very one"""
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
# Reporting verbs wire copy uses in one another's place (past and present
# forms only where they are no noun: `State Affairs`, `a note`).
_REPORTING_TEXT = """said says stated noted stressed stresses emphasized
emphasised emphasizes emphasises underlined underlines remarked declared
declares added pointed told affirmed asserted"""
_REPORTING = frozenset(_REPORTING_TEXT.split())
# What each of those words is compared as (`_content_words`), one lookup.
_COMPARED: dict[str, str | None] = {
    **dict.fromkeys(_REPORTING, "say"),
    **dict.fromkeys(_FUNCTION_WORDS),
}


@dataclass(frozen=True, slots=True)
class Sentences:
    """A text's sentences as word sets: made once per document, compared
    with many."""

    words: Words
    bounds: list[int]  # sentence k is words [bounds[k], bounds[k + 1])
    content: _Sets
    # Each word's compared form (its hash), its sentence and whether it is a
    # content word: what `specific` is made from when a pair first needs it.
    ids: npt.NDArray[np.int64]
    owner: npt.NDArray[np.int64]
    is_content: npt.NDArray[np.bool_]

    @property
    def specific(self) -> _Sets:
        """Each sentence's names and numbers: content words with a capital
        or a digit, past the sentence's first word. Made only for a text in
        a pair `link.rewrite_gate` lets through, and kept on its words: the
        gate reads content words only, and these sets were 4 in 10 of
        reading a text's sentences (on kcna-2024, 263 of 1,876 candidate
        pairs get past the gate)."""
        found = self.words.derived.get("specific")
        if found is None:
            found = self.words.derived["specific"] = _specific(self)
        specific: _Sets = found
        return specific


@dataclass(frozen=True, slots=True)
class _Sets:
    """One set of words per sentence, flattened: the sentence each word
    belongs to (distinct within it), the words grouped by their hash (each
    hash once, sorted, with where it occurs), and each set's size."""

    owner: npt.NDArray[np.int64]
    grouped: Occurrences
    sizes: npt.NDArray[np.int64]


def read_sentences(words: Words) -> Sentences:
    """The text's sentences, read once for all the candidate pairs its
    words are in (kept on them)."""
    found = words.derived.get("sentences")
    if found is None:
        found = words.derived["sentences"] = _read_sentences(words)
    sentences: Sentences = found
    return sentences


def _read_sentences(words: Words) -> Sentences:
    # A text's words are gone through by `map` over built-ins, never a
    # comprehension: no Python frame a word (with the one-set search of
    # `_SENTENCE_END`, kcna-2024's 1,840 texts read in 0.44 CPU s, not 0.54).
    count = len(words.tokens)
    ends = _sentence_ends(words)
    bounds = [0, *ends.tolist()]
    tokens = _content_words(words.tokens)
    owner = np.searchsorted(ends, np.arange(count, dtype=np.int64), side="right")
    content = np.fromiter(
        map(operator.is_not, tokens, repeat(None)), dtype=bool, count=count
    )
    ids = np.fromiter(map(hash, tokens), dtype=np.int64, count=count)
    return Sentences(
        words,
        bounds,
        _sets(ids[content], owner[content], len(bounds) - 1),
        ids,
        owner,
        content,
    )


def _specific(sentences: Sentences) -> _Sets:
    """`Sentences.specific`, from what `_read_sentences` kept."""
    words, bounds = sentences.words, sentences.bounds
    count = len(words.tokens)
    # Names and numbers: a capital or a digit, not a sentence's first word.
    first = np.zeros(count, dtype=bool)
    first[bounds[:-1]] = True
    specific = sentences.is_content & _names_or_numbers(words) & ~first
    return _sets(sentences.ids[specific], sentences.owner[specific], len(bounds) - 1)


def _names_or_numbers(words: Words) -> npt.NDArray[np.bool_]:
    """Whether each word begins with a capital or a digit, asked of each
    distinct first character once, not of each word: a Python call a word
    was half of making a text's names and numbers (`_specific`), and
    `filled_template` asked it of every word of each aligned passage (6,710
    pairs of three months of generated wire copy). A word's first character
    is a digit whether or not the word was lower-cased. Kept on the words."""
    found = words.derived.get("names_or_numbers")
    if found is None:
        found = words.derived["names_or_numbers"] = _first_characters_marked(words)
    marked: npt.NDArray[np.bool_] = found
    return marked


def _first_characters_marked(words: Words) -> npt.NDArray[np.bool_]:
    """`_names_or_numbers`, made."""
    points = np.frombuffer(
        words.text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32
    )[words.starts]
    marked = _ASCII_MARKED[np.minimum(points, 127)]
    wide = points > 127
    if wide.any():
        distinct, where = np.unique(points[wide], return_inverse=True)
        marked[wide] = _marked(distinct)[where.reshape(-1)]
    return marked


def _marked(points: npt.NDArray[np.uint32]) -> npt.NDArray[np.bool_]:
    """Whether each character is a capital or a digit."""
    return np.array(
        [
            character.isupper() or character.isdigit()
            for character in map(chr, points.tolist())
        ],
        dtype=bool,
    )


_ASCII_MARKED = _marked(np.arange(128, dtype=np.uint32))


def _sentence_ends(words: Words) -> npt.NDArray[np.int64]:
    """The word each sentence ends before, the last the number of words."""
    breaks = np.fromiter(map(_END, _SENTENCE_END.finditer(words.text)), dtype=np.int64)
    ends = np.searchsorted(words.starts, breaks)
    found = np.unique(np.append(ends, len(words.tokens))).astype(np.int64)
    return found[found > 0]


def _sets(
    ids: npt.NDArray[np.int64], owner: npt.NDArray[np.int64], count: int
) -> _Sets:
    """Each sentence's words once: (sentence, word) pairs made distinct.
    `owner` never falls (words come in text order), so one stable sort by
    word leaves each word's sentences in order: a word repeated within a
    sentence is next to itself, and the distinct pairs come grouped by word
    already (one sort where `np.unique` and `occurrences` made two; the
    pairs' order within a set is no one's concern, only which pairs)."""
    order = np.argsort(ids, kind="stable")
    ids, owner = ids[order], owner[order]
    distinct = np.ones(len(ids), dtype=bool)
    distinct[1:] = (ids[1:] != ids[:-1]) | (owner[1:] != owner[:-1])
    ids, owner = ids[distinct], owner[distinct]
    sizes = np.bincount(owner, minlength=count).astype(np.int64)
    starts = np.ones(len(ids), dtype=bool)
    starts[1:] = ids[1:] != ids[:-1]
    first = np.flatnonzero(starts).astype(np.int64)
    counts = np.diff(np.append(first, len(ids))).astype(np.int64)
    where = np.arange(len(ids), dtype=np.int64)
    return _Sets(owner, Occurrences(ids[first], counts, first, where), sizes)


def _content_words(tokens: list[str]) -> list[str | None]:
    """Each word as compared, None for a function word: reporting verbs one
    word, a number's digit groups (`1 000`, `1,000`) one word (its first,
    the groups after it None)."""
    kept: list[str | None] = list(map(_COMPARED.get, tokens, tokens))
    # Only a word of three characters can be a digit group: those are found
    # by length first, in C, and looked at in Python.
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    for k in np.flatnonzero(lengths == 3).tolist():
        token = tokens[k]
        if token.isdigit() and k and tokens[k - 1].isdigit():
            head = k - 1
            while head and kept[head] is None:
                head -= 1
            kept[head] = f"{kept[head] or ''}{token}"
            kept[k] = None
    return kept


def rewritten(
    a: Sentences, b: Sentences, *, shared: npt.NDArray[np.int64] | None = None
) -> list[Alignment]:
    """Passages of `a` that `b` repeats rewritten, as whole sentences of both;
    `matched` counts the words of each matched sentence of the shorter
    side found in its partner. `shared`: the content words each sentence of
    `a` shares with each of `b`'s, when counted already (`link.rewrite_gate`)."""
    if len(a.content.sizes) * len(b.content.sizes) > MOST_PAIRS:
        return []
    pairs, short = _matched_sentences(a, b, shared)
    found = []
    for group in _near_groups(pairs):
        a_start, a_end, b_start, b_end = _extent(a, b, group)
        if max(a_end - a_start, b_end - b_start) < MIN_SPAN:
            continue
        group = _extended(group, short)
        a_start, a_end, b_start, b_end = _extent(a, b, group)
        kept = sum(
            _kept_words(
                a.words.tokens[a.bounds[i] : a.bounds[i + 1]],
                b.words.tokens[b.bounds[j] : b.bounds[j + 1]],
            )
            for i, j in group
        )
        shorter = min(a_end - a_start, b_end - b_start)
        if kept < MIN_KEPT * shorter:
            continue
        found.append(Alignment(a_start, a_end, b_start, b_end, min(kept, shorter)))
    return found


def may_span(a: Sentences, b: Sentences, good: list[tuple[int, int]]) -> bool:
    """Whether `rewritten(a, b)` may find a passage, given every sentence
    pair (i, j) sharing MIN_CONTENT content words and SENTENCE_RATIO of the
    larger set (`good`, sorted; the pairs `_matched_sentences` keeps are
    some of them): False only when it finds none. Its passages grow from
    groups of those pairs (`_near_groups`), and a group of some of them
    lies inside a group of all (a pair joins each group whose range it is
    near, and a group's range only grows with more pairs); a passage's
    group spans MIN_SPAN words on its longer side before short sentences
    are added."""
    if len(a.content.sizes) * len(b.content.sizes) > MOST_PAIRS:
        return False
    for group in _near_groups(good):
        a_start, a_end, b_start, b_end = _extent(a, b, group)
        if max(a_end - a_start, b_end - b_start) >= MIN_SPAN:
            return True
    return False


def _extent(
    a: Sentences, b: Sentences, group: list[tuple[int, int]]
) -> tuple[int, int, int, int]:
    """The words a group of matched sentences spans on each side: every
    sentence between the matched ones is part of the passage."""
    first_a, last_a = min(i for i, _ in group), max(i for i, _ in group)
    first_b, last_b = min(j for _, j in group), max(j for _, j in group)
    return (
        a.bounds[first_a],
        a.bounds[last_a + 1],
        b.bounds[first_b],
        b.bounds[last_b + 1],
    )


def _extended(
    group: list[tuple[int, int]], short: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """`group` with the matched short sentences lying next to it, or inside
    it, on both sides, as long as some do."""
    group = list(group)
    left = list(short)
    while True:
        near = [
            pair
            for pair in left
            if _gap(pair[0], [i for i, _ in group]) == 0
            and _gap(pair[1], [j for _, j in group]) == 0
        ]
        if not near:
            return group
        group += near
        left = [pair for pair in left if pair not in near]


def _kept_words(x: list[str], y: list[str]) -> int:
    """Words of the shorter sentence found in the other."""
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    there = set(long)
    return sum(token in there for token in short)


def _shared(a: _Sets, b: _Sets) -> npt.NDArray[np.int64]:
    """Words each sentence of `a` shares with each of `b`: every pair of
    equal words counted into its pair of sentences. The words were grouped
    once per text (`_Sets.grouped`), so a pair costs the words the two
    share, not a scan and a sort of both (2.5x faster on the 12,762 pairs
    of three months of generated wire copy)."""
    rows, columns = len(a.sizes), len(b.sizes)
    common = shared_values(a.grouped.values, b.grouped.values)
    if not len(common):
        return np.zeros((rows, columns), dtype=np.int64)
    i, j = pairs(a.grouped, b.grouped, common)
    cells = a.owner[i] * columns + b.owner[j]
    shared: npt.NDArray[np.int64] = (
        np.bincount(cells, minlength=rows * columns)
        .astype(np.int64)
        .reshape(rows, columns)
    )
    return shared


def _ratio(
    a: _Sets, b: _Sets, shared: npt.NDArray[np.int64], *, of_larger: bool = True
) -> npt.NDArray[np.float64]:
    """Shared words over the larger (or smaller) set's size."""
    pick = np.maximum if of_larger else np.minimum
    size = pick(a.sizes[:, None], b.sizes[None, :])
    ratio: npt.NDArray[np.float64] = shared / np.maximum(size, 1)
    return ratio


def _matched_sentences(
    a: Sentences, b: Sentences, shared: npt.NDArray[np.int64] | None = None
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(i, j): sentence i of a and j of b match; each sentence in one pair at
    most, best ratio first; then the short sentences' pairs (SHORT_RATIO),
    among the sentences left. `shared`: `_shared` of their content words,
    when counted already."""
    if shared is None:
        shared = _shared(a.content, b.content)
    ratio = _ratio(a.content, b.content, shared)
    good = (ratio >= SENTENCE_RATIO) & (shared >= MIN_CONTENT)
    if not good.any():
        return [], []
    short = (ratio >= SHORT_RATIO) & (shared >= MIN_SHORT) & (shared < MIN_CONTENT)
    shared_specific = _shared(a.specific, b.specific)
    specific = _ratio(a.specific, b.specific, shared_specific, of_larger=False)
    # A side naming nothing holds all of its no names: a rewrite dropped the
    # only one (`before May Day` -> `before May`; eval.reuse's heavy
    # rewrites of Jan-Aug stories, 1 of the 5 missed in 24).
    none = (a.specific.sizes[:, None] == 0) | (b.specific.sizes[None, :] == 0)
    only_a = a.specific.sizes[:, None] - shared_specific
    only_b = b.specific.sizes[None, :] - shared_specific
    alike = ((specific >= SPECIFIC_RATIO) | none) & (
        (only_a < SUBSTITUTED) | (only_b < SUBSTITUTED)
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = _one_to_one(good & alike, ratio, used_a, used_b)
    return pairs, _one_to_one(short & alike, ratio, used_a, used_b)


def _one_to_one(
    good: npt.NDArray[np.bool_],
    ratio: npt.NDArray[np.float64],
    used_a: set[int],
    used_b: set[int],
) -> list[tuple[int, int]]:
    """The `good` pairs, best ratio first, none reusing a sentence of
    `used_a` or `used_b` (which take those paired here)."""
    rows, columns = np.nonzero(good)
    # A stable sort, as `sorted` by a key a pair was (at a tie, row by row):
    # the key function's lookup of a numpy scalar a pair was most of this.
    order = np.argsort(-ratio[rows, columns], kind="stable")
    pairs = []
    for i, j in zip(rows[order].tolist(), columns[order].tolist(), strict=True):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j))
    return pairs


def _near_groups(pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Matched sentence pairs grouped: a pair joins a group when at most NEAR
    sentences lie between it and the group's sentences on each side (so two
    swapped sentences and the one after them make one group). Each group's
    range on each side is kept with it: the gap needs only its ends (on
    generated text of many matched sentences, listing every group's
    sentences for each pair was a third of the sentence tier)."""
    groups: list[list[tuple[int, int]]] = []
    ranges: list[tuple[int, int, int, int]] = []  # first and last i, then j
    for pair in sorted(pairs):
        i, j = pair
        joined = [pair]
        first_i, last_i, first_j, last_j = i, i, j, j
        apart: list[list[tuple[int, int]]] = []
        apart_ranges: list[tuple[int, int, int, int]] = []
        for group, extent in zip(groups, ranges, strict=True):
            low_i, high_i, low_j, high_j = extent
            if (
                max(0, low_i - i - 1, i - high_i - 1) <= NEAR
                and max(0, low_j - j - 1, j - high_j - 1) <= NEAR
            ):
                joined += group
                first_i, last_i = min(first_i, low_i), max(last_i, high_i)
                first_j, last_j = min(first_j, low_j), max(last_j, high_j)
            else:
                apart.append(group)
                apart_ranges.append(extent)
        # Groups never share a pair: those not joined stay as they were.
        groups = [*apart, joined]
        ranges = [*apart_ranges, (first_i, last_i, first_j, last_j)]
    return groups


def _gap(sentence: int, others: list[int]) -> int:
    """Sentences strictly between `sentence` and the range of `others`."""
    return max(0, min(others) - sentence - 1, sentence - max(others) - 1)


def filled_template(a: Words, b: Words, alignment: Alignment) -> bool:
    """Whether an aligned passage is one formula filled with other
    particulars: each side holds TEMPLATE_NAMES or more names and numbers
    the other lacks (not counting those one letter from one of the other's,
    an OCR slip)."""
    mine = _names(a, alignment.a_start, alignment.a_end)
    theirs = _names(b, alignment.b_start, alignment.b_end)
    only_a, only_b = mine - theirs, theirs - mine
    if len(only_a) < TEMPLATE_NAMES or len(only_b) < TEMPLATE_NAMES:
        return False
    slips = {x for x in only_a if any(similar(x, y) for y in only_b)}
    return len(only_a - slips) >= TEMPLATE_NAMES and len(only_b) - len(slips) >= (
        TEMPLATE_NAMES
    )


def _names(words: Words, start: int, end: int) -> set[str]:
    """The words of [start, end) that begin with a capital or a digit."""
    marked = np.flatnonzero(_names_or_numbers(words)[start:end]) + start
    return set(map(words.tokens.__getitem__, marked.tolist())) - _FUNCTION_WORDS
