"""Entity and figure quality may not drop below the floors in eval/floors/."""

from __future__ import annotations

import json
from typing import Any

import pytest

from eval import CORPUS, FLOORS_DIR

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS / "meantime").is_dir() or not (CORPUS / "seeds").is_dir(),
        reason=f"third-party corpus not found at {CORPUS} (kept outside the repo)",
    ),
]


def _floors(name: str) -> dict[str, float]:
    floors: dict[str, float] = json.loads((FLOORS_DIR / name).read_text())
    return floors


@pytest.fixture(scope="module")
def meantime() -> dict[str, float]:
    from eval import meantime

    return meantime.floors(meantime.evaluate(CORPUS / "meantime"))


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    from eval import figures

    return figures.floors(figures.score(figures.GOLD))


@pytest.mark.parametrize("measure", sorted(_floors("meantime.json")))
def test_meantime_stays_above_floor(meantime: dict[str, float], measure: str) -> None:
    floor = _floors("meantime.json")[measure]
    assert meantime[measure] >= floor, (
        f"{measure} fell to {meantime[measure]} < {floor}"
    )


@pytest.mark.parametrize("measure", sorted(_floors("figures.json")))
def test_figures_stay_above_floor(figures: dict[str, float], measure: str) -> None:
    floor = _floors("figures.json")[measure]
    assert figures[measure] >= floor, f"{measure} fell to {figures[measure]} < {floor}"


def test_targets_are_met() -> None:
    """The brief's targets: mention F1 and identity F1 0.80, figures 0.85."""
    assert _floors("meantime.json")["mention_f1"] >= 0.80
    assert _floors("meantime.json")["identity_f1"] >= 0.80
    assert _floors("figures.json")["right_f1"] >= 0.85
