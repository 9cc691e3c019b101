"""Own scorer: figures from `annotate` on hand-written gold (eval/gold/figures.json).

Run from the repository root: `python -m eval.figures [--write] [--errors N]`.

Each gold figure is located by its `text` (the `occurrence`-th time it is
printed). A predicted figure matches a gold one when their spans overlap
(one to one, in order). It is right when it also has the gold interval
(relative tolerance 1e-6) and the gold subject (both may be null). Score =
F1 of right figures: precision over all predicted figures of the documents,
recall over all gold figures. Found (overlap only) and unit agreement over
matches are reported beside it.
"""

from __future__ import annotations

import argparse
import codecs
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.annotate import annotate
from dossier.model import Figure
from dossier.packs import load_pack
from eval import (
    CORPUS,
    FLOORS_DIR,
    GOLD_DIR,
    ROOT,
    print_scores,
    round_down,
    write_floors,
)

GOLD = GOLD_DIR / "figures.json"
FLOORS = FLOORS_DIR / "figures.json"


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str | None
    subject: str | None


def read_text(path: Path) -> str:
    """A document's text: UTF-8, UTF-16 with a BOM, or cp1252."""
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def locate(text: str, entry: dict[str, Any], where: str) -> Gold:
    position = -1
    for _ in range(int(entry.get("occurrence", 1))):
        position = text.find(entry["text"], position + 1)
        if position < 0:
            raise ValueError(f"{where}: {entry['text']!r} not in the document")
    return Gold(
        position,
        position + len(entry["text"]),
        entry["text"],
        float(entry["low"]),
        float(entry["high"]),
        entry.get("unit"),
        entry.get("subject"),
    )


def resolve(name: str) -> Path | None:
    for base in (CORPUS, ROOT):
        if (base / name).is_file():
            return base / name
    return None


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def score(gold_file: Path = GOLD, errors: list[str] | None = None) -> dict[str, Any]:
    errors = [] if errors is None else errors
    pack = load_pack("korea")
    entries = json.loads(gold_file.read_text(encoding="utf-8"))["documents"]
    predicted_count = gold_count = found = right = same_unit = documents = 0
    for document in entries:
        path = resolve(document["file"])
        if path is None:
            errors.append(f"MISSING {document['file']}")
            continue
        documents += 1
        text = read_text(path)
        gold = [locate(text, e, document["file"]) for e in document["figures"]]
        predicted = list(annotate(text, pack=pack, anchor=None).figures)
        predicted_count += len(predicted)
        gold_count += len(gold)
        matched = _match(predicted, gold)
        for p, figure in enumerate(predicted):
            if p not in matched:
                errors.append(f"EXTRA {document['file']}: {_show(figure)}")
                continue
            expected = gold[matched[p]]
            found += 1
            same_unit += figure.unit == expected.unit
            if (
                _same(figure.low, expected.low)
                and _same(figure.high, expected.high)
                and figure.subject == expected.subject
            ):
                right += 1
            else:
                errors.append(
                    f"WRONG {document['file']}: {_show(figure)} want "
                    f"[{expected.low:,.0f}, {expected.high:,.0f}] {expected.subject}"
                )
        for g, expected in enumerate(gold):
            if g not in matched.values():
                errors.append(f"MISSED {document['file']}: {expected.text!r}")
    return {
        "documents": documents,
        "gold": gold_count,
        "predicted": predicted_count,
        "found": _f1(found, predicted_count, gold_count),
        "right": _f1(right, predicted_count, gold_count),
        "unit_agreement": round(same_unit / found, 4) if found else 0.0,
    }


def _match(predicted: list[Figure], gold: list[Gold]) -> dict[int, int]:
    matched: dict[int, int] = {}
    used: set[int] = set()
    for p, figure in enumerate(predicted):
        for g, item in enumerate(gold):
            if g not in used and figure.start < item.end and item.start < figure.end:
                matched[p] = g
                used.add(g)
                break
    return matched


def _show(figure: Figure) -> str:
    return (
        f"{figure.text!r} [{figure.low:,.0f}, {figure.high:,.0f}] "
        f"unit={figure.unit} subject={figure.subject}"
    )


def _f1(right: int, predicted: int, gold: int) -> dict[str, float]:
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def floors(result: dict[str, Any]) -> dict[str, float]:
    """The scores to pin, rounded down to two places."""
    return {
        "right_f1": round_down(result["right"]["f1"]),
        "found_f1": round_down(result["found"]["f1"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"pin floors in {FLOORS}")
    parser.add_argument("--errors", type=int, default=0, help="print N errors")
    args = parser.parse_args(argv)
    errors: list[str] = []
    result = score(GOLD, errors)
    print_scores(result, errors, args.errors)
    if args.write:
        write_floors("figures", floors(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
