"""The pair rule (link.reuse_formula) and the pairs it drops unread
(link.reuse_rare), on real kcna-2024 stories and generated wire copy."""

from __future__ import annotations

import itertools
import math
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from bench import generate

from dossier.link import reuse, reuse_rare
from dossier.link.align import Alignment
from dossier.link.passages import Words, read_words
from dossier.link.reuse_formula import (
    MIN_GRAMS,
    MOST_RARE,
    RARE_DOCS,
    gram_keys,
    holders,
    is_formula_of,
    shared_grams,
    word_range,
)
from dossier.link.reuse_pairs import Passage, compare_pairs
from dossier.link.rewrites import read_sentences
from dossier.store import connect
from tests.link.test_reuse_formula import add, kcna_stories
from tests.link.test_reuse_grams import add_source

pytestmark = [pytest.mark.corpus]

# Stories of each corpus linked, in batches of BATCH: a pair's rare shingles
# are counted with texts of its batch (and, pipelined, of the batch before
# it) not stored yet.
STORIES = 240
BATCH = 80


@pytest.fixture(scope="module")
def wire_stories(corpus: Path) -> list[str]:
    """The first STORIES stories of a generated year of wire copy (its first
    days: making the whole year to read them cost 2.4 CPU s, issue 14, part 7)."""
    stories = itertools.islice(generate.wire_stories(), STORIES)
    return [str(story["text"]) for story in stories]


def _in_process(work: Callable[[Any], Any], items: Sequence[Any]) -> Iterable[Any]:
    """A pool's `map`, run here: the pipelined path, a batch waiting."""
    return map(work, items)


def _rare_shared(connection: sqlite3.Connection, a: Words, b: Words) -> int:
    """How many shingles both texts hold are rare by the counts stored now,
    worked out from the texts themselves."""
    shared = np.intersect1d(gram_keys(a.shingles), gram_keys(b.shingles))
    return sum(1 for count in holders(connection, shared) if count <= RARE_DOCS)


class _Watch:
    """Each batch's candidate pairs and those dropped unread, looked at again
    when its passages are kept: then the store holds the counts the formula
    test reads."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.begun: list[tuple[dict[tuple[int, int], Any], set[tuple[int, int]]]] = []
        self.rare: dict[tuple[int, int], int] = {}
        self.dropped: set[tuple[int, int]] = set()
        self.weighed: list[Passage] = []
        self.words: dict[int, Words] = {}
        find, keep = reuse_rare.rare_pairs, reuse._reuses

        def rare_pairs(*args: Any) -> set[tuple[int, int]]:
            poor = find(*args)
            self.begun.append((dict(args[2]), poor))
            return poor

        def reuses(connection: sqlite3.Connection, *args: Any) -> Any:
            # Batches are finished in the order they were begun.
            pairs, poor = self.begun.pop(0)
            self._look(connection, pairs, poor)
            return keep(connection, *args)

        monkeypatch.setattr(reuse_rare, "rare_pairs", rare_pairs)
        monkeypatch.setattr(reuse, "_reuses", reuses)

    def _look(
        self,
        connection: sqlite3.Connection,
        pairs: dict[tuple[int, int], Any],
        poor: set[tuple[int, int]],
    ) -> None:
        words = self.words
        for doc, text in connection.execute("SELECT rowid, text FROM documents"):
            if doc not in words:
                words[doc] = read_words(text)
        for a, b in pairs:
            self.rare[(a, b)] = _rare_shared(connection, words[a], words[b])
        self.dropped |= poor
        # The dropped pairs compared anyway, as before the rule.
        dropped = [(pair, pairs[pair]) for pair in sorted(poor)]
        found = compare_pairs(words, dropped, lambda doc: read_sentences(words[doc]))
        for passages in found:
            for passage in passages:
                shared = np.frombuffer(passage.shared, dtype=np.int64)
                assert len(shared) >= MIN_GRAMS
                # What the formula test, unchanged, says of it now.
                assert is_formula_of(connection, shared)
                self.weighed.append(passage)


def _link(path: Path, texts: list[str], *, pooled: bool) -> None:
    with closing(connect(path)) as connection:
        add_source(connection, texts)
        reuse.link_reuse(
            connection, batch=BATCH, mapper=_in_process if pooled else None
        )


@pytest.mark.parametrize(
    ("source", "pooled"),
    [("kcna-2024", False), ("wire", False), ("wire", True)],
    ids=["kcna-2024", "wire", "wire-pipelined"],
)
def test_pairs_dropped_unread_keep_nothing_compared_anyway(
    source: str,
    pooled: bool,
    corpus: Path,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = (
        kcna_stories(corpus, 2 * STORIES)
        if source == "kcna-2024"
        else list(request.getfixturevalue("wire_stories"))
    )
    watch = _Watch(monkeypatch)
    _link(tmp_path / "linked.db", texts, pooled=pooled)
    assert not watch.begun
    # Dropped exactly when the texts share too few rare shingles by the
    # counts the formula test reads: both ways.
    poor = {pair for pair, rare in watch.rare.items() if rare < MOST_RARE}
    assert watch.dropped == poor
    # Not vacuous: many pairs dropped, passages among them that the old path
    # aligned (formulas, all of them), and pairs on both sides of the line.
    assert len(poor) >= 50
    assert len(watch.weighed) >= 1
    just_over = math.ceil(MOST_RARE)
    assert just_over in watch.rare.values()
    assert just_over - 1 in watch.rare.values()


def _sentences(story: str) -> list[str]:
    """The story's sentences as the sentence tier reads them."""
    words = read_words(story)
    bounds = read_sentences(words).bounds
    return [
        story[int(words.starts[start]) : int(words.ends[end - 1]) + 1]
        for start, end in pairwise(bounds)
    ]


@dataclass(frozen=True, slots=True)
class ShortPair:
    """Two kcna-2024 stories: the second repeats 60 words of the first
    (`repeated`) and retells a long `sentence` of it with its words
    reversed (`retold`): no shingle in common there, a passage the formula
    test never weighs. `stories` are more to repeat the 60 words in."""

    stories: list[str]
    sentence: str
    retold: str
    repeated: str
    first: str
    second: str

    @property
    def spans(self) -> tuple[int, int, int, int]:
        """The retold sentence's characters in both texts."""
        a = self.first.index(self.sentence)
        b = self.second.index(self.retold)
        return a, a + len(self.sentence), b, b + len(self.retold)

    def shared(self) -> npt.NDArray[np.int64]:
        """The shingle keys the retold sentence's two sides share (fewer
        than MIN_GRAMS: the passage the formula test never weighs)."""
        a_words, b_words = read_words(self.first), read_words(self.second)
        a_start, a_end, b_start, b_end = self.spans
        alignment = Alignment(
            *word_range(a_words, a_start, a_end),
            *word_range(b_words, b_start, b_end),
            0,
        )
        assert alignment.a_end - alignment.a_start >= 45
        shared = shared_grams(a_words, b_words, alignment)
        assert len(shared) < MIN_GRAMS
        return shared


def short_pair(corpus: Path) -> ShortPair:
    stories = kcna_stories(corpus, 20)
    sentence = next(
        found
        for story in stories[10:]
        for found in _sentences(story)
        if len(found.split()) >= 45
    )
    retold = " ".join(reversed(sentence.replace(".", "").split())) + "."
    repeated = " ".join(stories[0].split()[40:100])
    return ShortPair(
        stories,
        sentence,
        retold,
        repeated,
        f"{stories[0]}\n{sentence}",
        f"{stories[1]}\n{repeated}\n{retold}",
    )


def _pair_rows(connection: sqlite3.Connection) -> list[tuple[int, int]]:
    return sorted(
        (int(a_start), int(b_start))
        for a_start, b_start in connection.execute(
            "SELECT a_start, b_start FROM reuses WHERE a = 1 AND b = 2"
        )
    )


@pytest.mark.parametrize(("holders", "kept"), [(2, True), (3, False)])
def test_a_short_passage_goes_when_its_pair_turns_poor(
    corpus: Path, tmp_path: Path, holders: int, kept: bool
) -> None:
    # Story b repeats 60 words of story a (rare while few texts hold them)
    # and retells a long sentence of a with its words reversed: no shingle
    # in common, a passage the formula test never weighs (stored here as
    # the sentence tier would store one). Then other stories repeat the 60
    # words: with 3 of them, 5 texts hold each of their shingles, and the
    # pair has no rare shingle left.
    pair = short_pair(corpus)
    with closing(connect(tmp_path / "linked.db")) as connection:
        connection.execute(
            "INSERT INTO files(path, sha256, size, built_at) VALUES ('t', '', 0, '')"
        )
        connection.execute(
            "INSERT INTO sources(id, path, part, sha256, encoding, raw, repairs,"
            " counts) VALUES (1, 't', 0, '', 'utf-8', '', '', '')"
        )
        add(connection, [pair.first, pair.second])
        reuse.link_reuse(connection)
        (copied,) = _pair_rows(connection)
        assert len(pair.shared()) < MIN_GRAMS
        a_start, _, b_start, _ = pair.spans
        connection.execute(
            "INSERT INTO reuses(a, b, a_start, a_end, b_start, b_end, score, words)"
            " VALUES (1, 2, ?, ?, ?, ?, 0.9, 45)",
            pair.spans,
        )
        connection.commit()
        repeating = pair.stories[2 : 2 + holders]
        add(connection, [f"{story}\n{pair.repeated}" for story in repeating])
        reuse.link_reuse(connection)
        short = (a_start, b_start)
        assert _pair_rows(connection) == (sorted([copied, short]) if kept else [])
