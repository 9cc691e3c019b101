"""Quotes, scored by the standard PolNeAR scorer, and citations (own scorer)
stay above their floors in eval/floors/."""

from __future__ import annotations

import json
from typing import Any

import pytest

from eval import CORPUS, FLOORS_DIR, standard

pytestmark = [
    pytest.mark.slow,
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS / "polnear-dev").is_dir()
        or not (CORPUS / "seeds").is_dir()
        or not standard.available(),
        reason=f"corpus ({CORPUS}) or scorers ({standard.SCORERS}) not found "
        "beside the repo (kept outside it)",
    ),
]


def _floors(name: str) -> dict[str, float]:
    floors = json.loads((FLOORS_DIR / name).read_text(encoding="utf-8"))
    return {key: value for key, value in floors.items() if key != "about"}


@pytest.fixture(scope="module")
def predictions() -> list[dict[str, Any]]:
    """dossier's quotes on the PolNeAR dev articles, found once for the
    module (the scoring and the no-speaker test both read them)."""
    from eval import polnear

    return polnear.predict()


@pytest.fixture(scope="module")
def polnear(predictions: list[dict[str, Any]]) -> dict[str, Any]:
    from eval import polnear

    return polnear.score(predictions=predictions)


def test_every_gold_quote_is_scored(polnear: dict[str, Any]) -> None:
    assert polnear["direct"]["docs"] == 84
    assert polnear["direct"]["gold_direct"] == 604
    assert polnear["direct"]["missing_docs"] == 0
    assert polnear["spoken"]["all_attributions"] == 2192


@pytest.mark.parametrize("measure", sorted(_floors("polnear.json")))
def test_polnear_scores_stay_above_their_floor(
    polnear: dict[str, Any], measure: str
) -> None:
    from eval.polnear import floors

    value = floors(polnear)[measure]
    assert value >= _floors("polnear.json")[measure], (measure, polnear["table"])


@pytest.fixture(scope="module")
def citations() -> dict[str, Any]:
    """The citations gold scored once for the module's three measures."""
    from eval import citations

    return citations.score()


@pytest.mark.parametrize("measure", ["exact", "precision", "recall"])
def test_citation_scores_stay_above_their_floor(
    citations: dict[str, Any], measure: str
) -> None:
    floor = _floors("citations.json")[measure]
    assert citations[measure] >= floor, citations["errors"]


def test_quotes_with_no_speaker_fall_below_the_speaker_floors(
    predictions: list[dict[str, Any]],
) -> None:
    from eval import polnear as scorer

    lines = predictions
    mute = [
        {
            **line,
            "quotes": [
                {**q, "speaker": [], "speaker_text": ""} for q in line["quotes"]
            ],
        }
        for line in lines
    ]
    measured = scorer.floors(scorer.score(predictions=mute))
    pinned = _floors("polnear.json")
    assert measured["union/speaker_right"] < pinned["union/speaker_right"]
    assert measured["found_with_speaker"] < pinned["found_with_speaker"]
