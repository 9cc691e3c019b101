"""Pairs of dev stories to label as reuse or not, found without dossier's decision.

Run from the repository root: `python -m eval.reuse_search [--unlabelled]`.

Issue 15's real gold (eval/gold/reuse_real.json) was first drawn from what
`dossier reuse` listed, so it held the re-runs dossier found and few others.
This lists, among the kcna-2024 stories dated before September (the dev
months; the held-out months are never read), one text of each copy group
(`link.copies`, as a build and `eval.reuse` group them), every pair where

- share: the shorter text (in sentences) has SHARE or more of its
  sentences, MIN_SENTENCES or more, matched in the other; a sentence of
  MIN_CONTENT content words or more matches when one sentence of the other
  holds MATCH of its content words;
- run: the two share an unbroken run of RUN_WORDS words or more;
- passage: on both sides a run of consecutive sentences, each matched in
  the other, spans PASSAGE_WORDS words or more (the gold's unit of reuse,
  eval.reuse_gold.MIN_WORDS): a passage re-run inside a long text, whatever
  share of it that is.

Nothing of dossier's reuse finder is used: sentences split at full stops and
line breaks, lower-cased words, a short list of function words. Only pairs
sharing FEW_SHARED word trigrams or more that at most COMMON_TRIGRAM stories
hold are compared (the others cannot pass: a sentence matched shares some
of its wording). Each pair listed is then labelled by reading both stories.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from dossier.link.copies import link_copies
from dossier.store import connect
from eval.reuse import REAL, store_docs
from eval.reuse_gold import MIN_WORDS, Doc, read_stories

DEV_END = "2024-09"
SHARE = 0.3
MIN_SENTENCES = 2
MATCH = 0.6
MIN_CONTENT = 5
RUN_WORDS = 25
PASSAGE_WORDS = MIN_WORDS
# A passage's sentences: shorter ones (3 content words or more) count when
# matched, so that a passage does not break at `He said:`.
PASSAGE_CONTENT = 3
FEW_SHARED = 5
COMMON_TRIGRAM = 50

_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?][\"”’']?(?=\s)|$)", re.MULTILINE)
# Left out of a sentence's content words.
_FUNCTION_WORDS = (
    "a an the and or but of in on at to for from by with as is are was were "
    "be been being has have had it its this that these those which who whom "
    "whose he she they them their his her we our us you your i me my not no "
    "so than then there here also into upon about over under between "
    "through during after before while will would shall should can could "
    "may might must do does did all any each other such more most very"
)
_FUNCTION = frozenset(_FUNCTION_WORDS.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    content: frozenset[str]
    words: int


@dataclass(frozen=True, slots=True)
class Story:
    doc: Doc
    words: list[str]
    sentences: list[Sentence]


def sentence_spans(text: str) -> list[tuple[int, int, Sentence]]:
    """Each sentence's characters [start, end) and content words."""
    spans = []
    for match in _SENTENCE.finditer(text):
        words = _WORD.findall(match.group().lower())
        content = frozenset(w for w in words if w not in _FUNCTION)
        spans.append((match.start(), match.end(), Sentence(content, len(words))))
    return spans


def read_story(doc: Doc) -> Story:
    sentences = [sentence for _, _, sentence in sentence_spans(doc.text)]
    return Story(doc, _WORD.findall(doc.text.lower()), sentences)


def _matches(mine: Sentence, other: Story) -> bool:
    return any(
        len(mine.content & theirs.content) >= MATCH * len(mine.content)
        for theirs in other.sentences
    )


def matched(short: Story, long: Story) -> tuple[int, int]:
    """The shorter story's sentences (MIN_CONTENT content words or more)
    matched by one of the longer's, and how many it has."""
    counted = [s for s in short.sentences if len(s.content) >= MIN_CONTENT]
    return sum(1 for s in counted if _matches(s, long)), len(counted)


def passage_words(story: Story, other: Story) -> int:
    """The words of the longest run of `story`'s consecutive sentences each
    matched in `other`."""
    best = current = 0
    for sentence in story.sentences:
        if len(sentence.content) >= PASSAGE_CONTENT and _matches(sentence, other):
            current += sentence.words
            best = max(best, current)
        else:
            current = 0
    return best


def longest_run(a: list[str], b: list[str]) -> int:
    """The longest run of words the two texts share, word for word."""
    best = 0
    previous = [0] * (len(b) + 1)
    for word in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def independent(docs: list[Doc]) -> list[Doc]:
    """One text of each copy group, as a build keeps it (`link.copies`)."""
    with (
        tempfile.TemporaryDirectory() as folder,
        closing(connect(Path(folder) / "search.db")) as connection,
    ):
        store_docs(connection, docs)
        link_copies(connection)
        kept = {
            str(doc)
            for (doc,) in connection.execute(
                "SELECT id FROM documents WHERE copy_of IS NULL"
            )
        }
    return [d for d in docs if d.id in kept]


@dataclass(frozen=True, slots=True)
class Found:
    a: str
    b: str
    tests: tuple[str, ...]  # which of share, run, passage it passes
    matched: int
    sentences: int
    run: int
    passage: int


def compare(a: Story, b: Story) -> Found | None:
    short, long = sorted((a, b), key=lambda s: len(s.sentences))
    hits, counted = matched(short, long)
    # A run of RUN_WORDS words holds RUN_WORDS - 2 trigrams.
    run = (
        longest_run(a.words, b.words)
        if len(_trigrams(a.words) & _trigrams(b.words)) >= RUN_WORDS - 2
        else 0
    )
    passage = min(passage_words(a, b), passage_words(b, a))
    tests = tuple(
        name
        for name, passed in (
            ("share", hits >= MIN_SENTENCES and hits >= SHARE * counted),
            ("run", run >= RUN_WORDS),
            ("passage", passage >= PASSAGE_WORDS),
        )
        if passed
    )
    if not tests:
        return None
    return Found(a.doc.id, b.doc.id, tests, hits, counted, run, passage)


def search(stories: list[Story]) -> list[Found]:
    """Every pair passing one test or more, in file order."""
    by_gram: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for number, story in enumerate(stories):
        for gram in _trigrams(story.words):
            by_gram[gram].add(number)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for holders in by_gram.values():
        if 1 < len(holders) <= COMMON_TRIGRAM:
            ordered = sorted(holders)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    shared[(a, b)] += 1
    found = []
    for (i, j), count in sorted(shared.items()):
        if count >= FEW_SHARED:
            pair = compare(stories[i], stories[j])
            if pair is not None:
                found.append(pair)
    return found


def dev_stories() -> list[Story]:
    return [read_story(d) for d in independent(read_stories()) if d.date < DEV_END]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--unlabelled", action="store_true", help="only pairs reuse_real.json lacks"
    )
    args = parser.parse_args()
    labels = {
        frozenset((p["a"], p["b"])): p["reuse"]
        for p in json.loads(REAL.read_text(encoding="utf-8"))["pairs"]
    }
    for pair in search(dev_stories()):
        label = labels.get(frozenset((pair.a, pair.b)))
        if args.unlabelled and label is not None:
            continue
        print(
            pair.a,
            pair.b,
            ",".join(pair.tests),
            f"sentences {pair.matched}/{pair.sentences}",
            f"run {pair.run}",
            f"passage {pair.passage}",
            "unlabelled" if label is None else f"reuse {label}",
        )


if __name__ == "__main__":
    main()
