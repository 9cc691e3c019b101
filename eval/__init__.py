"""Scorers of extraction quality (`make eval`): paths and floors they share.

Gold corpora are read from ../shared/corpus beside the repository; our own
gold lives in eval/gold/, and the pinned floors CI enforces in eval/floors/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD_DIR = ROOT / "eval" / "gold"
FLOORS_DIR = ROOT / "eval" / "floors"


def round_down(value: float) -> float:
    """A floor is a measured score rounded down to two places."""
    return int(value * 100) / 100


def write_floors(name: str, floors: dict[str, float]) -> None:
    """Pin `floors` in eval/floors/NAME.json (lower one only on purpose)."""
    path = FLOORS_DIR / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    print(f"floors written to {path}", file=sys.stderr)
