"""A batch's candidate pairs cut into a pool's tasks (`reuse_pairs.pair_tasks`):
a text's pairs with its partners stay in one task, and the passages come
back in the pairs' order, the same as compared in one call."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from dossier.link import reuse_pairs
from dossier.link.anchor_runs import hubs
from dossier.link.passages import STRIDE, read_words
from dossier.link.reuse_pairs import (
    Seeds,
    compare_pairs,
    compare_task,
    in_order,
    pair_tasks,
)
from dossier.link.rewrites import Sentences, read_sentences
from tests.link.test_reuse_formula import kcna_stories, passage


def quoting_stories(corpus: Path) -> dict[int, str]:
    """Two sources, each quoted by three stories: two hubs of three pairs,
    and two stories quoting both sources."""
    stories = kcna_stories(corpus, 8)
    found = dict(enumerate(stories[:2]))
    for number, story in enumerate(stories[2:5], start=2):
        found[number] = f"{story}\n{passage(stories[0])}"
    for number, story in enumerate(stories[5:8], start=5):
        found[number] = f"{story}\n{passage(stories[1])}\n{passage(stories[0])}"
    return found


def every_pair(texts: dict[int, str]) -> list[tuple[tuple[int, int], Seeds]]:
    """Each later story against each earlier one, every passage of a
    story's (`passages.passage_words`, STRIDE words apart) seeding it."""
    most = max(len(text.split()) for text in texts.values()) // STRIDE + 1
    seeds: Seeds = [(p, q) for p in range(most) for q in range(most)]
    return [((a, b), seeds) for a in sorted(texts) for b in sorted(texts) if b < a]


@pytest.mark.parametrize("parts", [1, 2, 3, 8])
def test_pair_tasks_keep_each_hub_whole_and_number_each_pair_once(
    corpus: Path, parts: int
) -> None:
    texts = quoting_stories(corpus)
    pairs = every_pair(texts)
    tasks = pair_tasks(pairs, texts, parts=parts)
    assert 1 <= len(tasks) <= parts
    numbers = sorted(number for _, taken in tasks for number in taken)
    assert numbers == list(range(len(pairs)))
    task_of = {number: k for k, (_, taken) in enumerate(tasks) for number in taken}
    for group in hubs([pair for pair, _ in pairs]).values():
        assert len({task_of[number] for number, _, _ in group}) == 1
    for task, taken in tasks:
        assert task.pairs == [pairs[number] for number in taken]
        assert set(task.texts) == {doc for pair, _ in task.pairs for doc in pair}
        assert all(task.texts[doc] == texts[doc] for doc in task.texts)


def test_pair_tasks_spread_the_pairs_over_the_tasks(corpus: Path) -> None:
    texts = quoting_stories(corpus)
    pairs = every_pair(texts)
    sizes = [len(taken) for _, taken in pair_tasks(pairs, texts, parts=2)]
    largest = max(len(group) for group in hubs([p for p, _ in pairs]).values())
    assert len(sizes) == 2
    # Largest first to the task holding fewest: never more apart than a group.
    assert max(sizes) - min(sizes) <= largest


def test_tasks_compared_and_put_in_order_give_the_one_call_passages(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = quoting_stories(corpus)
    pairs = every_pair(texts)
    words = {doc: read_words(text) for doc, text in texts.items()}
    whole = compare_pairs(words, pairs, lambda doc: read_sentences(words[doc]))
    found = [pairs[k][0] for k, passages in enumerate(whole) if passages]
    assert len(found) >= 6, found  # the quotations, each pair its own
    monkeypatch.setattr(reuse_pairs, "_READ", {})
    tasks = pair_tasks(pairs, texts, parts=3)
    done = [compare_task(task) for task, _ in tasks]
    assert in_order(done, [taken for _, taken in tasks], len(pairs)) == whole


@pytest.mark.parametrize("enabled", [True, False])
def test_compare_pairs_leaves_the_collector_as_it_found_it(
    corpus: Path, enabled: bool
) -> None:
    # Comparing pauses the cyclic collector (nothing it makes is a cycle)
    # and gives it back as it was, after an error too: the same passages
    # either way, found with the collector off while comparing.
    texts = quoting_stories(corpus)
    pairs = every_pair(texts)
    words = {doc: read_words(text) for doc, text in texts.items()}
    seen: list[bool] = []

    def sentences(doc: int) -> Sentences:
        seen.append(gc.isenabled())
        return read_sentences(words[doc])

    (gc.enable if enabled else gc.disable)()
    try:
        found = compare_pairs(words, pairs, sentences)
        assert gc.isenabled() is enabled
        assert seen and not any(seen)
        assert any(found)

        def failing(doc: int) -> Sentences:
            raise LookupError(doc)

        with pytest.raises(LookupError):
            compare_pairs(words, pairs, failing)
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
