"""Score `tag_times` on TimeML gold (TimeBank 1.2 + AQUAINT) as TempEval-3 does."""

# Run from the repository root: `python -m eval.timeml [--write] [--errors N]`. Strict
# extent match = same span; relaxed = any overlap (one-to-one pairing). Type and value
# accuracy are taken over relaxed matches, and the attribute F1 is relaxed F1 x
# attribute accuracy, as in the TempEval-3 scorer.

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.annotate.time import tag_times
from dossier.model import TimeExpression
from dossier.packs import load_pack
from eval import CORPUS as SHARED

CORPUS = SHARED / "timeml"

_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"([^\"]*)\"", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r"(\w+)=\"([^\"]*)\"")


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    anchor: str | None
    text: str
    times: tuple[Gold, ...]


def read_document(path: Path) -> GoldDocument:
    """Plain text of `<TEXT>` with its TIMEX3 spans, and the DCT as anchor."""
    markup = path.read_text(encoding="utf-8")
    dct = _DCT.search(markup)
    body = _TEXT.search(markup)
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element")
    pieces: list[str] = []
    length = 0
    times: list[Gold] = []
    opened: tuple[int, dict[str, str]] | None = None
    position = 0
    inner = body.group(1)
    for tag in _TAG.finditer(inner):
        chunk = html.unescape(inner[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            opened = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
        elif opened is not None:
            start, attributes = opened
            text = "".join(pieces)[start:length]
            times.append(
                Gold(start, length, text, attributes["type"], attributes["value"])
            )
            opened = None
    pieces.append(html.unescape(inner[position:]))
    anchor = dct.group(1)[:10] if dct else None
    return GoldDocument(path.stem, anchor, "".join(pieces), tuple(times))


def read_corpus(folder: Path = CORPUS) -> list[GoldDocument]:
    return [read_document(path) for path in sorted(folder.glob("*/*.tml"))]


def _pair(
    gold: tuple[Gold, ...], system: list[TimeExpression]
) -> list[tuple[Gold, TimeExpression]]:
    """One-to-one pairs of overlapping spans, exact matches first."""
    pairs: list[tuple[Gold, TimeExpression]] = []
    used: set[int] = set()
    left: list[Gold] = []
    exact = {(s.start, s.end): i for i, s in enumerate(system)}
    for item in gold:
        index = exact.get((item.start, item.end))
        if index is None:
            left.append(item)
        else:
            pairs.append((item, system[index]))
            used.add(index)
    for item in left:
        for index, found in enumerate(system):
            if index not in used and found.start < item.end and item.start < found.end:
                pairs.append((item, found))
                used.add(index)
                break
    return pairs


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(documents: list[GoldDocument]) -> dict[str, Any]:
    """TempEval-3 style extent, type and value scores over `documents`."""
    pack = load_pack()
    gold_count = system_count = strict = relaxed = typed = valued = 0
    characters = 0
    errors: list[dict[str, str]] = []
    began = time.perf_counter()
    for document in documents:
        found = tag_times(document.text, anchor=document.anchor, pack=pack)
        characters += len(document.text)
        gold_count += len(document.times)
        system_count += len(found)
        pairs = _pair(document.times, found)
        relaxed += len(pairs)
        matched = {(g.start, g.end) for g, _ in pairs}
        hit = {(s.start, s.end) for _, s in pairs}
        for item, expression in pairs:
            strict += (item.start, item.end) == (expression.start, expression.end)
            typed += item.type == expression.type
            valued += item.value == expression.value
            if item.value != expression.value or item.type != expression.type:
                errors.append(_error("value", document, item, expression))
        errors.extend(
            _error("missed", document, item, None)
            for item in document.times
            if (item.start, item.end) not in matched
        )
        errors.extend(
            _error("spurious", document, None, expression)
            for expression in found
            if (expression.start, expression.end) not in hit
        )
    seconds = time.perf_counter() - began
    strict_p = strict / system_count if system_count else 0.0
    strict_r = strict / gold_count if gold_count else 0.0
    relaxed_p = relaxed / system_count if system_count else 0.0
    relaxed_r = relaxed / gold_count if gold_count else 0.0
    relaxed_f1 = _f1(relaxed_p, relaxed_r)
    type_accuracy = typed / relaxed if relaxed else 0.0
    value_accuracy = valued / relaxed if relaxed else 0.0
    return {
        "documents": len(documents),
        "gold": gold_count,
        "system": system_count,
        "strict_precision": strict_p,
        "strict_recall": strict_r,
        "strict_f1": _f1(strict_p, strict_r),
        "relaxed_precision": relaxed_p,
        "relaxed_recall": relaxed_r,
        "relaxed_f1": relaxed_f1,
        "type_accuracy": type_accuracy,
        "type_f1": relaxed_f1 * type_accuracy,
        "value_accuracy": value_accuracy,
        "value_f1": relaxed_f1 * value_accuracy,
        "megabytes_per_second": characters / 1e6 / seconds if seconds else 0.0,
        "errors": errors,
    }


def _error(
    kind: str,
    document: GoldDocument,
    gold: Gold | None,
    system: TimeExpression | None,
) -> dict[str, str]:
    start = min(x.start for x in (gold, system) if x is not None)
    end = max(x.end for x in (gold, system) if x is not None)
    context = document.text[max(0, start - 60) : end + 40].replace("\n", " ")
    return {
        "kind": kind,
        "doc": document.name,
        "anchor": document.anchor or "",
        "gold": f"{gold.text!r} {gold.type} {gold.value}" if gold else "",
        "system": f"{system.text!r} {system.type} {system.value}" if system else "",
        "context": context,
    }


_ROWS = (
    ("strict", "strict_precision", "strict_recall", "strict_f1"),
    ("relaxed", "relaxed_precision", "relaxed_recall", "relaxed_f1"),
)


def render(scores: dict[str, Any], *, markdown: bool = False) -> str:
    """The scores as a plain table, or as a markdown section with `markdown`."""
    lines = []
    if markdown:
        lines += [
            "## Time expressions (TimeML: TimeBank 1.2 + AQUAINT)",
            "",
            f"{scores['documents']} documents, {scores['gold']} gold TIMEX3, "
            f"{scores['system']} found.",
            "",
            "| extent | P | R | F1 |",
            "| --- | --- | --- | --- |",
        ]
        for name, p, r, f in _ROWS:
            lines.append(
                f"| {name} | {scores[p]:.3f} | {scores[r]:.3f} | {scores[f]:.3f} |"
            )
        lines += [
            "",
            f"Type accuracy {scores['type_accuracy']:.3f} (type F1 "
            f"{scores['type_f1']:.3f}); value accuracy "
            f"{scores['value_accuracy']:.3f} (value F1 {scores['value_f1']:.3f}).",
        ]
        return "\n".join(lines)
    lines.append(f"{'extent':<10}{'P':>8}{'R':>8}{'F1':>8}")
    for name, p, r, f in _ROWS:
        lines.append(f"{name:<10}{scores[p]:>8.3f}{scores[r]:>8.3f}{scores[f]:>8.3f}")
    for key in ("type_accuracy", "type_f1", "value_accuracy", "value_f1"):
        lines.append(f"{key:<18}{scores[key]:>8.3f}")
    lines.append(
        f"{scores['documents']} documents, {scores['gold']} gold, "
        f"{scores['system']} found, {scores['megabytes_per_second']:.2f} MB/s"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m eval.timeml", description=__doc__)
    parser.add_argument("--write", action="store_true", help="print markdown")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print N errors"
    )
    parser.add_argument("--kind", default=None, help="only errors of this kind")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    options = parser.parse_args(argv)
    if not options.corpus.is_dir():
        sys.exit(f"Error: no TimeML corpus at {options.corpus}")
    scores = score(read_corpus(options.corpus))
    print(render(scores, markdown=options.write))
    shown = [e for e in scores["errors"] if options.kind in (None, e["kind"])]
    for error in shown[: options.errors]:
        print(
            f"{error['kind']:<9}{error['doc']} {error['anchor']} | gold "
            f"{error['gold']} | system {error['system']} | {error['context']}"
        )
    return {key: value for key, value in scores.items() if key != "errors"}


if __name__ == "__main__":
    main()
