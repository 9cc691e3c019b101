"""Scorers of extraction quality (`make eval`): paths and floors they share.

Gold corpora are read from ../shared/corpus beside the repository; our own
gold lives in eval/gold/, and the pinned floors CI enforces in eval/floors/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD_DIR = ROOT / "eval" / "gold"
FLOORS_DIR = ROOT / "eval" / "floors"


def round_down(value: float) -> float:
    """A floor is a measured score rounded down to two places."""
    return int(value * 100) / 100


def write_floors(name: str, floors: dict[str, float]) -> None:
    """Pin `floors` (measured scores, rounded down) in eval/floors/NAME.json.

    A floor only rises here: one measured lower keeps its pinned value, and
    is named on stderr (lower it by editing the file, saying why in the
    change). The file's `about` note is kept.
    """
    path = FLOORS_DIR / f"{name}.json"
    pinned = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    written: dict[str, object] = {"about": pinned["about"]} if "about" in pinned else {}
    for key, value in floors.items():
        old = pinned.get(key)
        if isinstance(old, int | float) and old > value:
            print(f"{key}: measured {value}, kept floor {old}", file=sys.stderr)
            value = old
        written[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(written, indent=2) + "\n", encoding="utf-8")
    print(f"floors written to {path}", file=sys.stderr)


def print_scores(result: dict[str, Any], errors: list[str], shown: int) -> None:
    """A scorer's result as JSON, then its first `shown` errors."""
    print(json.dumps(result, indent=2))
    for line in errors[:shown]:
        print(line)
