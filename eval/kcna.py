"""Own scorer: times, mentions and quotes on hand-written KCNA gold (eval/gold)."""

# Run from the repository root: `python -m eval.kcna [--json] [--errors]`.
#
# Each gold article is read from ../shared/corpus/kcna-2024/kcna-2024.jsonl by line
# number and run through the real pipeline (`run_source`, then `annotate` on the
# clean text with the document date as anchor). Gold items are located in the clean
# text by their exact `text` and `occurrence` (0-based index among all occurrences).
#
# Pairing: one-to-one; a gold item takes the system item with the same span, else
# the unpaired overlapping one sharing most characters (gold in text order).
# - times: relaxed P/R/F1 = pairs / system, pairs / gold; strict F1 counts only
#   same-span pairs; type and value accuracy are over pairs, and value F1 = relaxed
#   F1 x value accuracy (as TempEval-3).
# - mentions: P/R/F1 over overlap pairs (untyped); typed P/R/F1 count a pair only
#   when the types agree; entity accuracy = pairs whose system `entity` equals the
#   gold canonical name (apostrophes straightened, case and a leading "the" ignored).
# - quotes: system quotes of kind `direct` only; a pair needs its shared characters
#   to be at least 80% of each span; content P/R/F1 over those pairs; speaker
#   accuracy = pairs whose system speaker is the gold speaker or one of its
#   `speaker_aliases` (same normalisation), or both are null.

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from dossier.annotate import annotate
from dossier.model import Source
from dossier.packs import load_pack
from dossier.pipeline import run_source
from eval import CORPUS, GOLD_DIR, round_down, write_floors

ARTICLES = CORPUS / "kcna-2024" / "kcna-2024.jsonl"
GOLD = GOLD_DIR / "kcna.json"
QUOTE_OVERLAP = 0.8
FIELDS = ("title", "date", "outlet", "url")


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def _locate(text: str, item: dict[str, Any]) -> tuple[int, int]:
    """Start and end of the gold item's `occurrence`-th copy in `text`."""
    start = -1
    for _ in range(item["occurrence"] + 1):
        start = text.find(item["text"], start + 1)
        if start < 0:
            raise ValueError(f"gold text not in clean text: {item!r}")
    return start, start + len(item["text"])


def _shared(a: tuple[int, int], b: Span) -> int:
    return max(0, min(a[1], b.end) - max(a[0], b.start))


def _pair(gold: Sequence[tuple[int, int]], system: Sequence[Span]) -> dict[int, int]:
    """Gold index -> system index: same spans first, then the largest overlap."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    exact = {(s.start, s.end): i for i, s in enumerate(system)}
    for g, span in enumerate(gold):
        if span in exact:
            pairs[g] = exact[span]
            used.add(exact[span])
    for g, span in enumerate(gold):
        if g in pairs:
            continue
        best = max(
            (i for i in range(len(system)) if i not in used),
            key=lambda i: _shared(span, system[i]),
            default=None,
        )
        if best is not None and _shared(span, system[best]) > 0:
            pairs[g] = best
            used.add(best)
    return pairs


def _norm(name: str | None) -> str | None:
    if name is None:
        return None
    name = name.replace("\u2019", "'").replace("\u2018", "'").strip().casefold()
    return name[4:] if name.startswith("the ") else name


def _prf(right: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    total = precision + recall
    return precision, recall, (2 * precision * recall / total if total else 0.0)


def read_articles(gold: list[dict[str, Any]], path: Path = ARTICLES) -> dict[int, Any]:
    """The clean article document of each gold line, through the real pipeline."""
    wanted = {document["line"] for document in gold}
    pack = load_pack()
    documents: dict[int, Any] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if number not in wanted:
                continue
            record = json.loads(line)
            fields = {key: record[key] for key in FIELDS}
            source = Source("kcna", number, record["text"], "utf-8", "", fields)
            result, _ = run_source(source, pack, extract=False)
            documents[number] = result.documents[0]
    return documents


def score(gold_path: Path = GOLD, articles: Path = ARTICLES) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    documents = read_articles(gold, articles)
    pack = load_pack()
    n: Counter[str] = Counter()
    errors: list[str] = []
    for article in gold:
        document = documents[article["line"]]
        text, where = document.text, f"{article['line']}"
        found = annotate(text, pack=pack, anchor=document.meta.date)

        spans = [_locate(text, item) for item in article["times"]]
        pairs = _pair(spans, found.times)
        n["t_gold"] += len(spans)
        n["t_sys"] += len(found.times)
        n["t_pair"] += len(pairs)
        for g, item in enumerate(article["times"]):
            if g not in pairs:
                errors.append(f"{where} time missed {item['text']!r} {item['value']}")
                continue
            t = found.times[pairs[g]]
            n["t_strict"] += (t.start, t.end) == spans[g]
            n["t_type"] += t.type == item["type"]
            n["t_value"] += t.value == item["value"]
            if t.value != item["value"]:
                errors.append(
                    f"{where} time value {t.text!r} {t.value} != {item['value']}"
                )
        extra = set(range(len(found.times))) - set(pairs.values())
        errors += [f"{where} time extra {found.times[i].text!r}" for i in extra]

        spans = [_locate(text, item) for item in article["mentions"]]
        pairs = _pair(spans, found.mentions)
        n["m_gold"] += len(spans)
        n["m_sys"] += len(found.mentions)
        n["m_pair"] += len(pairs)
        for g, item in enumerate(article["mentions"]):
            if g not in pairs:
                errors.append(f"{where} mention missed {item['text']!r}")
                continue
            m = found.mentions[pairs[g]]
            n["m_typed"] += m.type == item["type"]
            n["m_entity"] += _norm(m.entity) == _norm(item["entity"])
            if m.type != item["type"]:
                errors.append(f"{where} mention type {m.text!r} {m.type}")
            if _norm(m.entity) != _norm(item["entity"]):
                errors.append(
                    f"{where} mention entity {m.text!r} -> {m.entity!r}"
                    f" != {item['entity']!r}"
                )
        extra = set(range(len(found.mentions))) - set(pairs.values())
        for i in sorted(extra):
            m = found.mentions[i]
            errors.append(f"{where} mention extra {m.text!r} {m.type} {m.entity!r}")

        quotes = [q for q in found.quotes if q.kind == "direct"]
        spans = [_locate(text, item) for item in article["quotes"]]
        pairs = {
            g: s
            for g, s in _pair(spans, quotes).items()
            if _shared(spans[g], quotes[s])
            >= QUOTE_OVERLAP * max(spans[g][1] - spans[g][0], len(quotes[s].text))
        }
        n["q_gold"] += len(spans)
        n["q_sys"] += len(quotes)
        n["q_pair"] += len(pairs)
        for g, item in enumerate(article["quotes"]):
            if g not in pairs:
                errors.append(f"{where} quote missed {item['text'][:60]!r}")
                continue
            speaker = _norm(quotes[pairs[g]].speaker)
            names = [item["speaker"], *item.get("speaker_aliases", [])]
            right = speaker in {_norm(name) for name in names}
            n["q_speaker"] += right
            if not right:
                errors.append(
                    f"{where} quote speaker {quotes[pairs[g]].speaker!r}"
                    f" != {item['speaker']!r}"
                )
        extra = set(range(len(quotes))) - set(pairs.values())
        errors += [f"{where} quote extra {quotes[i].text[:60]!r}" for i in extra]

    tp, tr, tf = _prf(n["t_pair"], n["t_sys"], n["t_gold"])
    value_accuracy = n["t_value"] / n["t_pair"] if n["t_pair"] else 0.0
    mp, mr, mf = _prf(n["m_pair"], n["m_sys"], n["m_gold"])
    yp, yr, yf = _prf(n["m_typed"], n["m_sys"], n["m_gold"])
    qp, qr, qf = _prf(n["q_pair"], n["q_sys"], n["q_gold"])
    scores = {
        "articles": len(gold),
        "counts": dict(n),
        "time_strict_f1": _prf(n["t_strict"], n["t_sys"], n["t_gold"])[2],
        "time_relaxed_precision": tp,
        "time_relaxed_recall": tr,
        "time_relaxed_f1": tf,
        "time_type_accuracy": n["t_type"] / n["t_pair"] if n["t_pair"] else 0.0,
        "time_value_accuracy": value_accuracy,
        "time_value_f1": tf * value_accuracy,
        "mention_precision": mp,
        "mention_recall": mr,
        "mention_f1": mf,
        "typed_mention_precision": yp,
        "typed_mention_recall": yr,
        "typed_mention_f1": yf,
        "entity_accuracy": n["m_entity"] / n["m_pair"] if n["m_pair"] else 0.0,
        "quote_precision": qp,
        "quote_recall": qr,
        "quote_f1": qf,
        "speaker_accuracy": n["q_speaker"] / n["q_pair"] if n["q_pair"] else 0.0,
    }
    rounded = {k: round(v, 4) if isinstance(v, float) else v for k, v in scores.items()}
    return {**rounded, "errors": errors}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print scores as JSON")
    parser.add_argument("--errors", action="store_true", help="list every error")
    parser.add_argument(
        "--write", action="store_true", help="raise the floors in eval/floors/kcna.json"
    )
    options = parser.parse_args(argv)
    if not ARTICLES.is_file():
        sys.exit(f"Error: KCNA articles not found at {ARTICLES}")
    scores = score()
    if options.write:
        floors = {k: round_down(v) for k, v in scores.items() if isinstance(v, float)}
        write_floors("kcna", floors)
    if options.json:
        print(json.dumps(scores, indent=2, ensure_ascii=False))
        return scores
    for name, value in scores.items():
        if isinstance(value, float):
            print(f"{name:24} {value:.3f}")
    print(f"{'counts':24} {scores['counts']}")
    if options.errors:
        for line in scores["errors"]:
            print(f"  {line}")
    return scores


if __name__ == "__main__":
    main()
