"""Signals that might tell a re-run from a formula, on the dev months' passages.

Run from the repository root: `python -m eval.reuse_signals`.

kcna-2024 is linked as a build links it (copies grouped), with the formula
test (`link.reuse_formula`) switched off, and each passage aligned between
two labelled stories (eval/gold/reuse_real.json) whose later one is dated
before September is printed with its label and, for issue 15:

- rare: the share of its shared shingles held by RARE_DOCS texts or fewer
  (what the formula test weighs);
- whole: the signed texts holding half or more of its shared shingles (the
  document frequency of the passage as a whole, not of its shingles);
- cover: its characters over the shorter text's;
- sentences: for each sentence of the earlier side it overlaps, the
  stories holding a sentence with SENTENCE_ALIKE of the larger one's
  content words (eval.reuse_search's sentences and function words): how
  common the whole sentence is, a formula's in many stories.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import numpy as np

from dossier.link import reuse
from dossier.link.copies import link_copies
from dossier.link.reuse_formula import RARE_DOCS, holders
from dossier.store import connect
from eval.reuse import REAL, store_docs
from eval.reuse_gold import read_stories
from eval.reuse_search import DEV_END, Sentence, Story, read_story, sentence_spans

SENTENCE_ALIKE = 0.6
HALF = 0.5


def aligned_passages() -> list[dict[str, Any]]:
    """Every passage link.reuse aligns on kcna-2024, formulas kept."""
    stories = read_stories()
    seen: list[tuple[tuple[int, int], Any]] = []
    compare = reuse.compare_pair

    def noting(*args: Any) -> Any:
        found = compare(*args)
        seen.extend((args[-1], passage) for passage in found)
        return found

    never: Callable[..., bool] = lambda *args: False  # noqa: E731
    saved = (reuse.compare_pair, reuse.is_formula_of, reuse.is_formula)
    reuse.compare_pair, reuse.is_formula_of, reuse.is_formula = noting, never, never
    try:
        with (
            tempfile.TemporaryDirectory() as folder,
            closing(connect(Path(folder) / "signals.db")) as connection,
        ):
            store_docs(connection, stories)
            link_copies(connection)
            reuse.link_reuse(connection)
            return _measured(connection, seen)
    finally:
        reuse.compare_pair, reuse.is_formula_of, reuse.is_formula = saved


def _measured(
    connection: Any, seen: list[tuple[tuple[int, int], Any]]
) -> list[dict[str, Any]]:
    ids = {
        int(r): str(i) for r, i in connection.execute("SELECT rowid, id FROM documents")
    }
    chars = {
        int(r): int(n)
        for r, n in connection.execute("SELECT rowid, chars FROM documents")
    }
    signed = {
        int(doc): np.frombuffer(grams, dtype=np.int64)
        for doc, grams in connection.execute(
            "SELECT doc, grams FROM reuse_signed WHERE grams IS NOT NULL"
        )
    }
    owners = np.concatenate([np.full(len(g), d) for d, g in signed.items()])
    every = np.concatenate(list(signed.values()))
    rows = []
    for (a, b), passage in seen:
        shared = np.frombuffer(passage.shared, dtype=np.int64)
        counts = holders(connection, shared) if len(shared) else []
        per_doc = np.bincount(owners[np.isin(every, shared)], minlength=max(signed) + 1)
        span = min(
            passage.a_chars[1] - passage.a_chars[0],
            passage.b_chars[1] - passage.b_chars[0],
        )
        rows.append(
            {
                "a": ids[a],
                "b": ids[b],
                "a_chars": passage.a_chars,
                "rare": sum(1 for c in counts if c <= RARE_DOCS) / max(len(shared), 1),
                "whole": int((per_doc >= HALF * len(shared)).sum()),
                "cover": span / min(chars[a], chars[b]),
            }
        )
    return rows


def sentence_holders(stories: list[Story]) -> Callable[[Sentence], int]:
    """How many of `stories` hold a sentence alike to a given one."""
    by_word: dict[str, set[int]] = defaultdict(set)
    for number, story in enumerate(stories):
        for sentence in story.sentences:
            for word in sentence.content:
                by_word[word].add(number)

    def count(mine: Sentence) -> int:
        near = set().union(*(by_word[w] for w in mine.content))
        return sum(
            1
            for number in near
            if any(
                len(mine.content & theirs.content)
                >= SENTENCE_ALIKE * max(len(mine.content), len(theirs.content))
                for theirs in stories[number].sentences
            )
        )

    return count


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    docs = read_stories()
    dates = {d.id: d.date for d in docs}
    texts = {d.id: d.text for d in docs}
    count = sentence_holders([read_story(d) for d in docs])
    labels = {
        frozenset((p["a"], p["b"])): p["reuse"]
        for p in json.loads(REAL.read_text(encoding="utf-8"))["pairs"]
    }
    for row in sorted(aligned_passages(), key=lambda r: (r["a"], r["b"])):
        pair = frozenset((row["a"], row["b"]))
        if max(dates[row["a"]], dates[row["b"]]) >= DEV_END or pair not in labels:
            continue
        start, end = row["a_chars"]
        alike = [
            count(sentence)
            for first, last, sentence in sentence_spans(texts[row["a"]])
            if first < end and last > start and len(sentence.content) >= 3
        ]
        print(
            "reuse" if labels[pair] else "formula",
            row["a"],
            row["b"],
            f"rare {row['rare']:.2f}",
            f"whole {row['whole']}",
            f"cover {row['cover']:.2f}",
            "sentences",
            alike,
        )


if __name__ == "__main__":
    main()
