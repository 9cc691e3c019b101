"""Own scorer: citations from `annotate` on hand-written gold (eval/gold/).

Run from the repository root: `python -m eval.citations [--json]`.

A predicted citation is exact when its title, outlet and date all equal a gold
citation's of the same file (each gold citation matched at most once).
Precision = exact / predicted, recall = exact / gold, `exact` = their F1.
Gold files under `corpus` are read from ../shared/corpus; `repo` files from here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dossier.annotate import annotate
from dossier.packs import load_pack
from eval import CORPUS, GOLD_DIR, ROOT

GOLD = GOLD_DIR / "citations.json"


def _key(citation: dict[str, Any]) -> tuple[Any, Any, Any]:
    return citation["title"], citation["outlet"], citation["date"]


def score(gold_path: Path = GOLD, corpus: Path = CORPUS) -> dict[str, Any]:
    pack = load_pack("korea")
    gold_documents = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    gold = predicted = exact = 0
    errors: list[str] = []
    files = 0
    for document in gold_documents:
        base = corpus if document["source"] == "corpus" else ROOT
        path = base / document["path"]
        if not path.is_file():
            errors.append(f"missing {path}")
            continue
        files += 1
        text = path.read_text(encoding="utf-8", errors="replace")
        found = [
            {"title": c.title, "outlet": c.outlet, "date": c.date}
            for c in annotate(text, pack=pack, anchor=None).citations
        ]
        wanted = [_key(c) for c in document["citations"]]
        gold += len(wanted)
        predicted += len(found)
        for citation in found:
            if _key(citation) in wanted:
                wanted.remove(_key(citation))
                exact += 1
            else:
                errors.append(f"{document['path']}: extra or wrong {citation}")
        errors.extend(f"{document['path']}: missed {key}" for key in wanted)
    precision = exact / predicted if predicted else 0.0
    recall = exact / gold if gold else 0.0
    total = precision + recall
    return {
        "files": files,
        "gold": gold,
        "predicted": predicted,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "exact": round(2 * precision * recall / total if total else 0.0, 4),
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print scores as JSON")
    options = parser.parse_args(argv)
    if not CORPUS.is_dir():
        sys.exit(f"Error: corpus not found at {CORPUS}")
    scores = score()
    if options.json:
        print(json.dumps(scores, indent=2, ensure_ascii=False))
    else:
        print(
            f"citations  files {scores['files']}  gold {scores['gold']}  "
            f"predicted {scores['predicted']}  P {scores['precision']:.3f}  "
            f"R {scores['recall']:.3f}  exact {scores['exact']:.3f}"
        )
        for line in scores["errors"]:
            print(f"  {line}")
    return scores


if __name__ == "__main__":
    main()
