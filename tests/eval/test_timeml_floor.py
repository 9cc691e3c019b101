"""TimeML extraction quality may not fall below the pinned floors."""

from __future__ import annotations

import json

import pytest

from eval import CORPUS, FLOORS_DIR

FLOORS = FLOORS_DIR / "timeml.json"


@pytest.mark.corpus
def test_timeml_scores_stay_above_the_floors() -> None:
    if not (CORPUS / "timeml").is_dir():
        pytest.skip(f"TimeML corpus not found at {CORPUS / 'timeml'} (kept outside)")
    from eval.timeml import read_corpus, score

    scores = score(read_corpus(CORPUS / "timeml"))
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    below = {
        name: (round(scores[name], 4), floor)
        for name, floor in floors.items()
        if scores[name] < floor
    }
    assert not below, f"below the floor (score, floor): {below}"
