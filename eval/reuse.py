"""Own scorer: text reuse on generated gold (eval/reuse_gold.py), against a yardstick.

Run from the repository root: `python -m eval.reuse [--split dev|test] [--errors]
[--write-floors]`.

The split's corpus (kcna-2024 stories, passages planted in some) is stored
as documents of a fresh database and linked by the real step
(`link.reuse.link_reuse`); the pairs listed are `store.reuses.reuse_pairs`'
(stock passages hidden), as `dossier reuse --json` shows them.

- Pairs: a system pair is an unordered pair of documents with at least one
  passage listed; precision = gold pairs found / system pairs, recall = gold
  pairs found / gold pairs, F1 their harmonic mean. Per slice, recall over
  the slice's pairs, and precision over system pairs touching the slice's
  planted documents.
- Spans: of the gold pairs found, the share whose listed passage (the one
  overlapping the gold most) has all four ends - start and end on both
  sides - within SPAN_SLACK characters of the gold's.
- Yardstick, scored in the same run on the same corpus: a pair is linked
  when either document's distinct word trigrams are contained in the
  other's at YARDSTICK or more (no spans). Either direction, the reading
  kindest to it: a quotation is a small share of the essay holding it.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from collections import defaultdict
from contextlib import closing
from pathlib import Path
from typing import Any

from dossier.link.passages import read_words
from dossier.link.reuse import link_reuse
from dossier.store import connect
from dossier.store.reuses import reuse_pairs
from eval import print_scores, round_down, write_floors
from eval.reuse_gold import SLICES, Doc, Gold, make_gold

SPAN_SLACK = 20
YARDSTICK = 0.1

Found = dict[frozenset[str], list[dict[str, Any]]]


def detect(docs: list[Doc]) -> Found:
    """Unordered document pairs -> the passages listed between them."""
    with tempfile.TemporaryDirectory() as folder:
        with closing(connect(Path(folder) / "reuse.db")) as connection:
            _store(connection, docs)
            link_reuse(connection)
            found: Found = defaultdict(list)
            for row in reuse_pairs(connection):
                found[frozenset((row["a"], row["b"]))].append(row)
    return found


def _store(connection: sqlite3.Connection, docs: list[Doc]) -> None:
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
    """Pairs whose trigram containment, either way, reaches YARDSTICK."""
    trigrams = {d.id: set(read_words(d.text).distinct.tolist()) for d in docs}
    holders: dict[int, list[str]] = defaultdict(list)
    for doc, grams in trigrams.items():
        for gram in grams:
            holders[gram].append(doc)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for docs_holding in holders.values():
        if len(docs_holding) > 50:  # a stock phrase: below 0.1 of anything
            continue
        for i, a in enumerate(docs_holding):
            for b in docs_holding[i + 1 :]:
                shared[(a, b)] += 1
    return {
        frozenset(pair)
        for pair, count in shared.items()
        if count >= YARDSTICK * min(len(trigrams[pair[0]]), len(trigrams[pair[1]]))
    }


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


def _close(row: dict[str, Any], a: str, a_span: tuple[int, int], b_span: tuple[int, int]) -> bool:
    mine, theirs = (row["a_span"], row["b_span"]) if row["a"] == a else (row["b_span"], row["a_span"])
    ends = [*mine, *theirs]
    return all(abs(x - y) <= SPAN_SLACK for x, y in zip(ends, [*a_span, *b_span], strict=True))


def _overlap(row: dict[str, Any], a: str, a_span: tuple[int, int]) -> int:
    start, end = row["a_span"] if row["a"] == a else row["b_span"]
    return max(0, min(end, a_span[1]) - max(start, a_span[0]))


def score_gold(gold: Gold) -> dict[str, Any]:
    found = detect(gold.docs)
    stick = yardstick(gold.docs)
    wanted = {frozenset((p.a, p.b)): p for p in gold.pairs}
    planted_slice = {p.b: p.slice for p in gold.pairs}
    errors = []
    result: dict[str, Any] = {"split": gold.split, "documents": len(gold.docs)}
    for name, system in (("dossier", set(found)), ("yardstick", stick)):
        hits = system & wanted.keys()
        result[name] = _prf(len(hits), len(system), len(wanted))
        slices = {}
        for slice_name in SLICES:
            mine = {k for k, p in wanted.items() if p.slice == slice_name}
            touching = {
                pair for pair in system if any(planted_slice.get(d) == slice_name for d in pair)
            }
            slices[slice_name] = _prf(len(touching & mine), len(touching), len(mine))
        result[name]["slices"] = slices
        for pair in sorted(system - wanted.keys(), key=sorted):
            errors.append(f"{name} false {' '.join(sorted(pair))}")
        for pair in sorted(wanted.keys() - system, key=sorted):
            errors.append(f"{name} missed {wanted[pair].slice} {wanted[pair].a} {wanted[pair].b}")
    close = 0
    for key, pair in wanted.items():
        rows = found.get(key)
        if not rows:
            continue
        best = max(rows, key=lambda row: _overlap(row, pair.a, pair.a_span))
        if _close(best, pair.a, pair.a_span, pair.b_span):
            close += 1
        else:
            errors.append(
                f"dossier spans {pair.slice} {pair.a} {list(pair.a_span)}"
                f" {pair.b} {list(pair.b_span)} got {best['a_span']} {best['b_span']}"
            )
    hits = len(set(found) & wanted.keys())
    result["dossier"]["spans_within_20"] = round(close / hits, 4) if hits else 0.0
    result["pairs"] = len(wanted)
    result["errors"] = errors
    return result


def score(split: str = "dev", **sizes: int) -> dict[str, Any]:
    return score_gold(make_gold(split, linked=linked_pairs, **sizes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    parser.add_argument("--write-floors", action="store_true")
    args = parser.parse_args()
    result = score(args.split)
    errors = result.pop("errors")
    print_scores(result, errors, args.errors)
    if args.write_floors:
        floors = {
            f"{args.split}_f1": round_down(result["dossier"]["f1"]),
            f"{args.split}_spans_within_20": round_down(result["dossier"]["spans_within_20"]),
        }
        write_floors("reuse", floors)


if __name__ == "__main__":
    main()
