"""Time, mention and quote quality on KCNA gold may not fall below eval/floors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from eval import CORPUS, FLOORS_DIR, GOLD_DIR

FLOORS = FLOORS_DIR / "kcna.json"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS / "kcna-2024" / "kcna-2024.jsonl").is_file(),
        reason=f"third-party corpus not found at {CORPUS} (kept outside the repo)",
    ),
]


def _floors() -> dict[str, float]:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {name: value for name, value in floors.items() if name != "about"}


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    from eval import kcna

    return kcna.score()


def test_gold_is_big_enough() -> None:
    gold = json.loads((GOLD_DIR / "kcna.json").read_text("utf-8"))
    documents = gold["documents"]
    assert len(documents) == 12
    assert sum(len(d["times"]) for d in documents) >= 45
    assert sum(len(d["mentions"]) for d in documents) >= 250


@pytest.mark.parametrize("measure", sorted(_floors()))
def test_kcna_scores_stay_above_their_floor(
    scores: dict[str, Any], measure: str
) -> None:
    floor = _floors()[measure]
    feature = "time" if measure.startswith("time") else "mention"
    if measure.startswith(("quote", "speaker")):
        feature = "quote"
    errors = [line for line in scores["errors"] if line.split()[1] == feature]
    assert scores[measure] >= floor, (
        f"{measure} fell to {scores[measure]} < {floor}; {errors[:20]}"
    )
