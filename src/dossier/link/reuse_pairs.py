"""Comparing a candidate pair: the passages two texts may share, with spans.

Part of `link.reuse`: a pure function of the two texts (`compare_pair`), so a
pool can map it over its workers (`compare_task`); what needs the store (no
better passage overlapping, no formula) stays in `link.reuse`. Pairs are
aligned word by word (`link.align`), short pieces of a rewritten quotation
joined (`joined`), whole sentences matched where words were rewritten
(`link.rewrites`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import xxhash

from dossier.link.align import Alignment, aligned
from dossier.link.align import anchors as align_anchors
from dossier.link.anchor_runs import PairAnchors, hubs, pair_anchors
from dossier.link.occurrences import shared_values
from dossier.link.passages import Words, passage_words, read_words
from dossier.link.reuse_formula import shared_grams
from dossier.link.rewrite_gate import may_rewrite
from dossier.link.rewrites import (
    Sentences,
    filled_template,
    read_sentences,
    rewritten,
)
from dossier.startup import collector_off

# An aligned passage is reuse when this many words of each side correspond:
# two sentences of wire copy. On kcna-2024 a leader's titles and the lists of
# officials accompanying him align over 30 to 36 words between stories that
# share nothing else (`Choe Ryong Hae, member of the Presidium of the
# Political Bureau of the C.C., WPK, first vice-president of ...`).
MIN_WORDS = 40
# ... and they are this share of the longer side's words.
MIN_SCORE = 0.5
# Candidates sharing fewer distinct shingles are not aligned: a passage of
# MIN_WORDS words with an edit every fourth word still shares this many. On
# kcna-2024 every passage stored shared 27 or more; 45% of candidates fewer.
LEAST_SHARED = MIN_WORDS // 2
# Nor extended, a chain of anchors matching fewer words than this: ends
# extended over a slip or two gain a few words, never half a passage.
SHORTEST_CHAIN = MIN_WORDS // 2
# Aligned pieces shorter than MIN_WORDS join into one passage when they lie
# this few words apart on both sides, in either order: a quotation rewritten
# (clauses moved, sentences swapped, words changed) aligns in pieces of 20
# to 38 words. A joined passage must score JOINED_SCORE, not MIN_SCORE:
# joining is weaker evidence than one chain, and a template filled with other
# names (`Present at the ceremony for moving into new houses were ...`)
# aligns in pieces too, joining at 0.66 where the rewritten quotations of
# eval.reuse join at 0.86 and 0.87. On its heavy-rewrite slice: 2 of 7
# found before joining, 3 after (dev and test alike); on kcna-2024 the
# pairs found among Jan-Aug stories do not change, and Sep-Nov's would gain
# those 4 template pairs without JOINED_SCORE.
JOIN = 10
JOINED_SCORE = 0.8
# Documents' words kept across batches for alignment (a KCNA story's: 30 KB).
KEPT_WORDS = 2_000
# ... and at most this many characters of them (17-35 bytes a character read):
# 2,000 documents of 200,000 characters would be gigabytes.
KEPT_CHARS = 4_000_000


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage two candidates align, long and close enough, on passages
    that shared a band, no filled template: what still needs the store to
    be kept (no better one overlapping, no formula)."""

    alignment: Alignment
    a_chars: tuple[int, int]  # its characters in each clean text
    b_chars: tuple[int, int]
    shared: bytes  # its `shared_grams`, int64


Seeds = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class PairTask:
    """Candidate pairs to compare and the texts of their documents."""

    texts: dict[int, str]
    pairs: list[tuple[tuple[int, int], Seeds]]


def pair_tasks(
    pairs: Sequence[tuple[tuple[int, int], Seeds]],
    texts: Mapping[int, str],
    *,
    parts: int,
) -> list[tuple[PairTask, list[int]]]:
    """`pairs` cut into at most `parts` tasks for `compare_task`, each with
    the numbers of its pairs in `pairs` (their order kept within it). A
    text's pairs with the partners it is the hub of (`anchor_runs.hubs`)
    stay in one task, where `compare_pairs` works them out in one set of
    calls; the groups, largest first, go to the task holding fewest pairs.
    Cut into runs of 32 pairs instead, three months of wire copy compared
    in 400 tasks, each text's hub split over many: the pool's workers spent
    1.5x the CPU of comparing in one process."""
    numbers: list[list[int]] = [[] for _ in range(max(1, parts))]
    sizes = [0] * len(numbers)
    groups = hubs([pair for pair, _ in pairs]).values()
    for group in sorted(groups, key=len, reverse=True):
        fewest = sizes.index(min(sizes))
        numbers[fewest] += [number for number, _, _ in group]
        sizes[fewest] += len(group)
    tasks = []
    for taken in numbers:
        if not taken:
            continue
        taken.sort()
        part = [pairs[number] for number in taken]
        tasks.append(
            (
                PairTask({doc: texts[doc] for pair, _ in part for doc in pair}, part),
                taken,
            )
        )
    return tasks


def in_order(
    done: Iterable[list[list[Passage]]], numbers: Sequence[list[int]], count: int
) -> list[list[Passage]]:
    """The `count` pairs' passages in the order of the pairs `pair_tasks` cut,
    from each task's (`done`, in the order of the tasks)."""
    found: list[list[Passage]] = [[] for _ in range(count)]
    for taken, passages_found in zip(numbers, done, strict=True):
        for number, passages in zip(taken, passages_found, strict=True):
            found[number] = passages
    return found


def compare_task(task: PairTask) -> list[list[Passage]]:
    """Each pair's passages (`compare_pair`), in the task's order: a pure
    function of the texts, which a pool maps over its workers. A worker
    keeps the words and sentences it read for later tasks (on two months of
    generated wire copy a text is in 10 candidate pairs or more, in many
    tasks: reading it again in each cost twice the comparisons)."""
    if len(_READ) > KEPT_WORDS:
        _READ.clear()
    found: dict[int, _Read] = {}
    for doc, text in task.texts.items():
        key = xxhash.xxh3_128_digest(text.encode("utf-8", "surrogatepass"))
        if key not in _READ:
            _READ[key] = _Read(read_words(text))
        found[doc] = _READ[key]
    return compare_pairs(
        {doc: read.words for doc, read in found.items()},
        task.pairs,
        lambda doc: found[doc].sentences(),
    )


class _Read:
    """A text's words, and its sentences once a pair needs them."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self._sentences: Sentences | None = None

    def sentences(self) -> Sentences:
        if self._sentences is None:
            self._sentences = read_sentences(self.words)
        return self._sentences


# What a pool worker read, by a hash of the text (`compare_task`).
_READ: dict[bytes, _Read] = {}


@collector_off()
def compare_pairs(
    words: Mapping[int, Words],
    pairs: Sequence[tuple[tuple[int, int], Seeds]],
    sentences: Callable[[int], Sentences],
) -> list[list[Passage]]:
    """`compare_pair` of each of `pairs`, in their order: the pairs'
    anchors found a text against all its partners at once
    (`link.anchor_runs`), and only the pairs `link.rewrite_gate` lets
    through compared sentence by sentence. The cyclic collector is off
    meanwhile (`startup.collector_off`)."""
    found = pair_anchors(words, [pair for pair, _ in pairs], least=LEAST_SHARED)
    # Pairs sharing fewer shingles are not compared sentence by sentence
    # (`compare_pair`), nor those the gate turns away.
    worth = [
        pair
        for (pair, _), anchors in zip(pairs, found, strict=True)
        if anchors.shared >= LEAST_SHARED
    ]
    read = {doc: sentences(doc) for pair in worth for doc in pair}
    gated = dict(zip(worth, may_rewrite(read, worth), strict=True))
    return [
        _passages(
            words[a],
            words[b],
            seeds,
            anchors,
            []
            if (shared := gated.get((a, b))) is None
            else rewritten(read[a], read[b], shared=shared),
        )
        for ((a, b), seeds), anchors in zip(pairs, found, strict=True)
    ]


def compare_pair(
    words_a: Words,
    words_b: Words,
    seeds: Seeds,
    sentences: Callable[[int], Sentences],
    pair: tuple[int, int],
) -> list[Passage]:
    """The passages of a candidate pair that may be reuse, best first;
    `sentences` gives a document of `pair` read as sentences, read once for
    all its pairs."""
    anchors = PairAnchors(
        align_anchors(words_a, words_b, least=LEAST_SHARED),
        _shared_shingles(words_a, words_b),
    )
    rewrites = []
    # Pairs sharing fewer shingles than a passage aligned at all would
    # are not compared sentence by sentence either (45% of candidates
    # on kcna-2024; every heavy rewrite of eval.reuse shares 26 or more).
    if anchors.shared >= LEAST_SHARED:
        rewrites = rewritten(sentences(pair[0]), sentences(pair[1]))
    return _passages(words_a, words_b, seeds, anchors, rewrites)


def _passages(
    words_a: Words,
    words_b: Words,
    seeds: Seeds,
    anchors: PairAnchors,
    rewrites: list[Alignment],
) -> list[Passage]:
    """`compare_pair`'s passages from the pair's anchors and its sentence
    tier's passages (`rewrites`)."""
    alignments = joined(
        aligned(anchors.runs, words_a, words_b, shortest=SHORTEST_CHAIN)
    )
    return [
        Passage(
            alignment,
            (
                int(words_a.starts[alignment.a_start]),
                int(words_a.ends[alignment.a_end - 1]),
            ),
            (
                int(words_b.starts[alignment.b_start]),
                int(words_b.ends[alignment.b_end - 1]),
            ),
            shared_grams(words_a, words_b, alignment).tobytes(),
        )
        for alignment in _candidate_passages(
            alignments, seeds, words_a, words_b, rewrites
        )
    ]


def _shared_shingles(a: Words, b: Words) -> int:
    # Both sorted once each already: searched, not sorted together again
    # (`intersect1d`: 7% of comparing kcna-2024's pairs).
    return len(shared_values(a.distinct, b.distinct))


def joined(alignments: list[Alignment]) -> list[Alignment]:
    """The alignments, with pieces shorter than MIN_WORDS that lie within
    JOIN words of each other on both sides (in either order) joined into one
    spanning them all, when it scores JOINED_SCORE; a joined passage matches
    the pieces' words, at most its shorter side's length."""
    short = [x for x in alignments if x.matched < MIN_WORDS]
    group = list(range(len(short)))

    def root(k: int) -> int:
        while group[k] != k:
            group[k] = group[group[k]]
            k = group[k]
        return k

    for k, x in enumerate(short):
        for m in range(k):
            y = short[m]
            if (
                _gap(x.a_start, x.a_end, y.a_start, y.a_end) <= JOIN
                and _gap(x.b_start, x.b_end, y.b_start, y.b_end) <= JOIN
            ):
                group[root(k)] = root(m)
    members: dict[int, list[Alignment]] = defaultdict(list)
    for k, x in enumerate(short):
        members[root(k)].append(x)
    result = [x for x in alignments if x.matched >= MIN_WORDS]
    for pieces in members.values():
        if len(pieces) == 1:
            result.append(pieces[0])
            continue
        a_start = min(x.a_start for x in pieces)
        a_end = max(x.a_end for x in pieces)
        b_start = min(x.b_start for x in pieces)
        b_end = max(x.b_end for x in pieces)
        matched = min(sum(x.matched for x in pieces), a_end - a_start, b_end - b_start)
        whole = Alignment(a_start, a_end, b_start, b_end, matched)
        result += [whole] if whole.score >= JOINED_SCORE else pieces
    return result


def _gap(start: int, end: int, other_start: int, other_end: int) -> int:
    """Words between two ranges (0 when they touch or overlap)."""
    return max(0, other_start - end, start - other_end)


def _candidate_passages(
    alignments: list[Alignment],
    seeds: Seeds,
    a: Words,
    b: Words,
    rewrites: list[Alignment],
) -> list[Alignment]:
    """Alignments long and close enough, on a pair of passages that shared a
    band (not a stock phrase two candidates happen to share too), no template
    filled with other names; rewritten passages (`link.rewrites`) are long
    and close enough by that tier's measures. Most words matched first,
    aligned before rewritten at a tie: a heavy rewrite aligns in pieces its
    whole sentences cover."""
    aligned = [x for x in alignments if x.matched >= MIN_WORDS and x.score >= MIN_SCORE]
    if not aligned and not rewrites:
        # Pairs that align nothing long enough (3,618 of the 6,762 the wire
        # months compare, 521 of kcna-2024's 607): their seeds, one a band
        # shared (37,939 on the wire months, 23,187 distinct), are not
        # made into words for nothing.
        return []
    seed_words = [
        (passage_words(p, len(a.tokens)), passage_words(q, len(b.tokens)))
        for p, q in set(seeds)
    ]
    return [
        alignment
        for alignment in sorted(aligned + rewrites, key=lambda x: -x.matched)
        if any(
            overlaps(alignment.a_start, alignment.a_end, *in_a)
            and overlaps(alignment.b_start, alignment.b_end, *in_b)
            for in_a, in_b in seed_words
        )
        and not filled_template(a, b, alignment)
    ]


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end
