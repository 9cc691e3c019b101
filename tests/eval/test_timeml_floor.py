"""Time expressions, by the standard TE3-style scorer, stay above their floors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from eval import CORPUS, FLOORS_DIR, standard

FLOORS = FLOORS_DIR / "timeml.json"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS / "timeml").is_dir() or not standard.available(),
        reason=f"TimeML corpus ({CORPUS}) or scorers ({standard.SCORERS}) not "
        "found beside the repo (kept outside it)",
    ),
]


def _floors() -> dict[str, float]:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {name: value for name, value in floors.items() if name != "about"}


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    from eval import timeml

    return timeml.score()


def test_every_gold_document_is_scored(scores: dict[str, Any]) -> None:
    assert scores["sets"]["all"]["docs"] == 256
    assert scores["sets"]["all"]["gold"] == 1822
    assert scores["missing_docs"] == 0
    assert scores["text_mismatches"] == scores["out_of_range"] == 0


@pytest.mark.parametrize("measure", sorted(_floors()))
def test_timeml_scores_stay_above_their_floor(
    scores: dict[str, Any], measure: str
) -> None:
    group, _, name = measure.rpartition("/")
    value = scores["sets"][group or "all"][name]
    assert value >= _floors()[measure], (measure, value, scores["table"])


def test_a_tagger_that_finds_nothing_falls_below_every_floor() -> None:
    from eval import timeml

    nothing = timeml.score(predictions=[])["sets"]
    assert all(
        nothing[measure.rpartition("/")[0] or "all"][measure.rpartition("/")[2]] < floor
        for measure, floor in _floors().items()
    )
