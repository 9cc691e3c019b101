"""Entities, scored by the standard MEANTIME scorer, and figures (own scorer)
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
        not (CORPUS / "meantime").is_dir()
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
def meantime() -> dict[str, Any]:
    from eval import meantime

    # The floors read the identity tables keyed by entity only.
    return meantime.score(by_text=False)


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    from eval import figures

    return figures.floors(figures.score(figures.GOLD))


def test_every_gold_mention_is_scored(meantime: dict[str, Any]) -> None:
    from eval.meantime import detection

    assert detection(meantime)["strict_typed"]["gold"] == 424
    assert meantime["offset_warnings"] == 0


@pytest.mark.parametrize("measure", sorted(_floors("meantime.json")))
def test_meantime_stays_above_floor(meantime: dict[str, Any], measure: str) -> None:
    from eval.meantime import floors

    value = floors(meantime)[measure]
    floor = _floors("meantime.json")[measure]
    assert value >= floor, f"{measure} fell to {value} < {floor}\n{meantime['table']}"


@pytest.mark.parametrize("measure", sorted(_floors("figures.json")))
def test_figures_stay_above_floor(figures: dict[str, float], measure: str) -> None:
    floor = _floors("figures.json")[measure]
    assert figures[measure] >= floor, f"{measure} fell to {figures[measure]} < {floor}"
