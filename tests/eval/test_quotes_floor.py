"""Quotation and citation quality may not drop below the floors in eval/floors/."""

from __future__ import annotations

import json
from typing import Any

import pytest

from eval import CORPUS, FLOORS_DIR

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS / "polnear-dev").is_dir() or not (CORPUS / "seeds").is_dir(),
        reason=f"third-party corpus not found at {CORPUS} (kept outside the repo)",
    ),
]


def _floors(name: str) -> dict[str, Any]:
    floors: dict[str, Any] = json.loads((FLOORS_DIR / name).read_text())
    return floors


@pytest.fixture(scope="module")
def polnear_scores() -> dict[str, Any]:
    from eval import polnear

    return polnear.score(polnear.read_corpus())


@pytest.mark.parametrize(
    ("task", "measure"),
    [
        ("quotations", "f1"),
        ("quotations", "precision"),
        ("quotations", "recall"),
        ("quotations", "speaker_accuracy"),
        ("attributions", "precision"),
        ("attributions", "recall"),
    ],
)
def test_polnear_scores_stay_above_their_floor(
    polnear_scores: dict[str, Any], task: str, measure: str
) -> None:
    floor = _floors("polnear.json")[task][measure]
    assert polnear_scores[task][measure] >= floor


@pytest.mark.parametrize("measure", ["exact", "precision", "recall"])
def test_citation_scores_stay_above_their_floor(measure: str) -> None:
    from eval import citations

    scores = citations.score()
    assert scores[measure] >= _floors("citations.json")[measure], scores["errors"]
