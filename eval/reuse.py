"""Own scorer: text reuse on generated gold (eval/reuse_gold.py), against a yardstick.

Run from the repository root: `python -m eval.reuse [--split dev|test] [--errors]
[--write-floors] [--only SLICE --cases N]`.

The split's corpus (kcna-2024 stories, passages planted in some) is stored
as documents of a fresh database and linked by the real step
(`link.reuse.link_reuse`); the pairs listed are `store.reuses.reuse_pairs`'
(stock passages hidden), as `dossier reuse --json` shows them.

- Pairs (of two distractors left out, see eval/reuse_gold.py): a system
  pair is an unordered pair of documents with at least one passage listed;
  precision = gold pairs found / system pairs, recall = gold pairs found
  / gold pairs, F1 their harmonic mean. Per slice, recall over the slice's
  pairs, and precision over system pairs touching the slice's
  planted documents.
- Spans: of the gold pairs found, the share whose listed passage (the one
  overlapping the gold most) has all four ends - start and end on both
  sides - within SPAN_SLACK characters of the gold's.
- Real (eval/gold/reuse_real.json): pairs of kcna-2024 stories labelled by
  reading, scored on the whole file as a build stores it (copies grouped),
  split by the later story's month, as the slice `real` and in the totals
  (`planted` keeps the planted-only scores); a pair listed and not
  labelled counts as false.
- Yardstick, scored in the same run on the same corpus: a pair is linked
  when either document's distinct word trigrams are contained in the
  other's at YARDSTICK or more (no spans). Either direction, the reading
  kindest to it: a quotation is a small share of the essay holding it.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
from collections import defaultdict
from contextlib import closing
from pathlib import Path
from typing import Any

import numpy as np

from dossier.link.copies import link_copies
from dossier.link.passages import read_words
from dossier.link.reuse import link_reuse
from dossier.store import connect
from dossier.store.reuses import reuse_pairs
from eval import GOLD_DIR, print_scores, round_down, write_floors
from eval.reuse_gold import (
    CASES,
    POOL,
    SLICES,
    SPLITS,
    Doc,
    Gold,
    make_gold,
    read_stories,
)

SPAN_SLACK = 20
YARDSTICK = 0.1
YARDSTICK_SLICE = 20_000
REAL = GOLD_DIR / "reuse_real.json"
# The test's sample: the dev split, 3 cases a slice among 150 stories (8 s).
SAMPLE_CASES = 3
SAMPLE_POOL = 150

Found = dict[frozenset[str], list[dict[str, Any]]]


def detect(docs: list[Doc], *, copies: bool = False) -> Found:
    """Unordered document pairs -> the passages listed between them; with
    `copies`, copies grouped first, as a build does (a text stored twice
    is one text, its copies in no pair)."""
    return _detect(docs, copies=copies)[0]


def _detect(docs: list[Doc], *, copies: bool) -> tuple[Found, set[str]]:
    """The pairs found, and the ids of the independent texts."""
    found: Found = defaultdict(list)
    with (
        tempfile.TemporaryDirectory() as folder,
        closing(connect(Path(folder) / "reuse.db")) as connection,
    ):
        store_docs(connection, docs)
        if copies:
            link_copies(connection)
        link_reuse(connection)
        for row in reuse_pairs(connection):
            found[frozenset((row["a"], row["b"]))].append(row)
        independent = {
            str(doc)
            for (doc,) in connection.execute(
                "SELECT id FROM documents WHERE copy_of IS NULL"
            )
        }
    return found, independent


def store_docs(connection: sqlite3.Connection, docs: list[Doc]) -> None:
    """The documents as one file's articles: all `link.reuse` reads."""
    connection.execute(
        "INSERT INTO files(path, sha256, size, built_at) VALUES ('gold', '', 0, '')"
    )
    connection.execute(
        "INSERT INTO sources(id, path, part, sha256, encoding, raw, repairs, counts)"
        " VALUES (1, 'gold', 0, '', 'utf-8', '', '', '')"
    )
    connection.executemany(
        "INSERT INTO documents(id, source_id, ordinal, kind, title, date, text,"
        " offsets, raw_start, raw_end, chars) VALUES (?,1,?,'article',?,?,?,?,0,0,?)"
        "",
        [
            (d.id, n, d.title, d.date, d.text, b"", len(d.text))
            for n, d in enumerate(docs)
        ],
    )
    connection.commit()


def yardstick(docs: list[Doc]) -> set[frozenset[str]]:
    """Pairs whose trigram containment, either way, reaches YARDSTICK:
    shared distinct trigrams >= YARDSTICK x the smaller document's."""
    grams = [np.unique(read_words(d.text).distinct) for d in docs]
    every, holders = np.unique(np.concatenate(grams), return_counts=True)
    shared_grams = every[holders > 1]  # only these can join two documents
    shared = np.zeros((len(docs), len(docs)), dtype=np.float32)
    # In slices of trigrams: the whole of kcna-2024 at once would be 1 GB.
    for start in range(0, len(shared_grams), YARDSTICK_SLICE):
        part = shared_grams[start : start + YARDSTICK_SLICE]
        held = np.zeros((len(docs), len(part)), dtype=np.float32)
        for row, mine in enumerate(grams):
            held[row, np.searchsorted(part, np.intersect1d(mine, part))] = 1
        shared += held @ held.T
    sizes = np.array([len(g) for g in grams], dtype=np.float32)
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    linked = np.argwhere(np.triu(shared >= YARDSTICK * np.maximum(smaller, 1), 1))
    return {frozenset((docs[i].id, docs[j].id)) for i, j in linked.tolist()}


def linked_pairs(docs: list[Doc]) -> set[frozenset[str]]:
    """Pairs of stories either method links."""
    return set(detect(docs)) | yardstick(docs)


def _prf(found: int, system: int, gold: int) -> dict[str, float]:
    precision = found / system if system else 1.0
    recall = found / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def _close(
    row: dict[str, Any], a: str, a_span: tuple[int, int], b_span: tuple[int, int]
) -> bool:
    mine, theirs = (
        (row["a_span"], row["b_span"])
        if row["a"] == a
        else (row["b_span"], row["a_span"])
    )
    ends = [*mine, *theirs]
    return all(
        abs(x - y) <= SPAN_SLACK for x, y in zip(ends, [*a_span, *b_span], strict=True)
    )


def _overlap(row: dict[str, Any], a: str, a_span: tuple[int, int]) -> int:
    start, end = row["a_span"] if row["a"] == a else row["b_span"]
    return max(0, min(int(end), a_span[1]) - max(int(start), a_span[0]))


def score_gold(gold: Gold) -> dict[str, Any]:
    unscored = set(gold.distractors)
    found = {k: v for k, v in detect(gold.docs).items() if not k <= unscored}
    stick = {k for k in yardstick(gold.docs) if not k <= unscored}
    wanted = {frozenset((p.a, p.b)): p for p in gold.pairs}
    planted_slice = {p.b: p.slice for p in gold.pairs}
    errors = []
    result: dict[str, Any] = {"split": gold.split, "documents": len(gold.docs)}
    for name, system in (("dossier", set(found)), ("yardstick", stick)):
        hits = system & wanted.keys()
        result[name] = _prf(len(hits), len(system), len(wanted))
        result[name]["counts"] = [len(hits), len(system), len(wanted)]
        slices = {}
        for slice_name in SLICES:
            mine = {k for k, p in wanted.items() if p.slice == slice_name}
            touching = {
                pair
                for pair in system
                if any(planted_slice.get(d) == slice_name for d in pair)
            }
            slices[slice_name] = _prf(len(touching & mine), len(touching), len(mine))
        result[name]["slices"] = slices
        for pair in sorted(system - wanted.keys(), key=sorted):
            errors.append(f"{name} false {' '.join(sorted(pair))}")
        for pair in sorted(wanted.keys() - system, key=sorted):
            errors.append(
                f"{name} missed {wanted[pair].slice} {wanted[pair].a} {wanted[pair].b}"
            )
    close = 0
    for key, planted in wanted.items():
        rows = found.get(key)
        if not rows:
            continue
        a, a_span, b_span = planted.a, planted.a_span, planted.b_span
        best = max(rows, key=lambda row: _overlap(row, a, a_span))
        if _close(best, a, a_span, b_span):
            close += 1
        else:
            errors.append(
                f"dossier spans {planted.slice} {a} {list(a_span)} {planted.b}"
                f" {list(b_span)} got {best['a_span']} {best['b_span']}"
            )
    found_pairs = len(set(found) & wanted.keys())
    result["dossier"]["spans_within_20"] = (
        round(close / found_pairs, 4) if found_pairs else 0.0
    )
    result["pairs"] = len(wanted)
    result["errors"] = errors
    return result


def read_real() -> list[dict[str, Any]]:
    """The labelled real pairs of eval/gold/reuse_real.json."""
    pairs: list[dict[str, Any]] = json.loads(REAL.read_text(encoding="utf-8"))["pairs"]
    return pairs


def score_real(split: str) -> dict[str, Any]:
    """Both methods on kcna-2024 as a build stores it (copies grouped), over
    the pairs whose later story falls in the split's months: a labelled pair
    is reuse or not; a pair no one labelled counts as false (the labels
    cover every pair either tier of dossier listed when they were written,
    see eval/gold/reuse_real.json)."""
    low, high = SPLITS[split]
    # The whole file, as the labels were made on (what is hidden as stock
    # depends on every story holding the passage).
    stories = read_stories()
    dates = {d.id: d.date for d in stories}
    found, independent = _detect(stories, copies=True)
    stick = yardstick([d for d in stories if d.id in independent])
    labels = {frozenset((p["a"], p["b"])): p for p in read_real()}

    def in_split(pair: frozenset[str]) -> bool:
        return low <= max(dates.get(doc, "") for doc in pair) < high

    wanted = {k for k, p in labels.items() if p["reuse"] and in_split(k)}
    result: dict[str, Any] = {"pairs": len(wanted)}
    errors = []
    for name, system in (("dossier", set(found)), ("yardstick", stick)):
        system = {k for k in system if in_split(k)}
        hits = system & wanted
        result[name] = _prf(len(hits), len(system), len(wanted))
        result[name]["counts"] = [len(hits), len(system), len(wanted)]
        for pair in sorted(system - wanted, key=sorted):
            why = labels[pair]["why"] if pair in labels else "unlabelled"
            errors.append(f"{name} false real {' '.join(sorted(pair))}: {why}")
        for pair in sorted(wanted - system, key=sorted):
            errors.append(
                f"{name} missed real {' '.join(sorted(pair))}: {labels[pair]['why']}"
            )
    result["errors"] = errors
    return result


def with_real(result: dict[str, Any], real: dict[str, Any]) -> dict[str, Any]:
    """`result` (planted) with the real row as a slice and in the totals."""
    for name in ("dossier", "yardstick"):
        planted = result[name].pop("counts")
        counts = [x + y for x, y in zip(planted, real[name].pop("counts"), strict=True)]
        result[name]["slices"]["real"] = real[name]
        spans = result[name].get("spans_within_20")
        result[name]["planted"] = _prf(*planted)
        result[name].update(_prf(*counts))
        if spans is not None:
            result[name]["spans_within_20"] = spans
    result["pairs"] += real["pairs"]
    result["errors"] += real["errors"]
    return result


def sample_gold() -> Gold:
    """The small sample tests/eval/test_reuse_floor.py scores."""
    return make_gold(
        "dev", linked=linked_pairs, cases=SAMPLE_CASES, pool_size=SAMPLE_POOL
    )


def score(
    split: str = "dev", *, cases: int = CASES, pool_size: int = POOL
) -> dict[str, Any]:
    gold = make_gold(split, linked=linked_pairs, cases=cases, pool_size=pool_size)
    return with_real(score_gold(gold), score_real(split))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    parser.add_argument(
        "--sample",
        action="store_true",
        help="the small dev sample tests/eval/test_reuse_floor.py scores",
    )
    parser.add_argument(
        "--write-floors", action="store_true", help="pin the sample's scores"
    )
    parser.add_argument(
        "--only",
        choices=SLICES,
        help="plant this slice only, no real pairs (with --cases: a bigger sample)",
    )
    parser.add_argument("--cases", type=int, default=CASES, help="with --only")
    args = parser.parse_args()
    if args.write_floors and not args.sample:
        parser.error("--write-floors pins the --sample scores: add --sample")
    if args.only:
        gold = make_gold(
            args.split, linked=linked_pairs, cases=args.cases, slices=(args.only,)
        )
        result = score_gold(gold)
    else:
        result = score_gold(sample_gold()) if args.sample else score(args.split)
    errors = result.pop("errors")
    for name in ("dossier", "yardstick"):
        result[name].pop("counts", None)
    print_scores(result, errors, args.errors)
    if args.write_floors:
        write_floors("reuse", floors(result))


def floors(result: dict[str, Any]) -> dict[str, float]:
    """What eval/floors/reuse.json pins: pair F1, spans, recall per slice."""
    dossier = result["dossier"]
    pinned = {
        "f1": round_down(dossier["f1"]),
        "precision": round_down(dossier["precision"]),
        "spans_within_20": round_down(dossier["spans_within_20"]),
    }
    for name, scores in dossier["slices"].items():
        pinned[f"{name}_recall"] = round_down(scores["recall"])
    return pinned


if __name__ == "__main__":
    main()
