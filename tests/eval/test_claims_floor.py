"""Listed conflicts on the labelled claim groups may not fall below eval/floors.

The dossier is built from the gold's kcna-2024 records (their lines, so
their ids) and the seeds: enough to list every labelled group, in seconds.
`python -m eval.claims` scores the whole of kcna-2024.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval import CORPUS, FLOORS_DIR, GOLD_DIR

KCNA = CORPUS / "kcna-2024" / "kcna-2024.jsonl"
GOLD = GOLD_DIR / "claim_groups.json"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.corpus,
    pytest.mark.skipif(
        not KCNA.is_file() or not (CORPUS / "seeds").is_dir(),
        reason=f"third-party corpus not found at {CORPUS} (kept outside the repo)",
    ),
]


def _floors() -> dict[str, float]:
    floors = json.loads((FLOORS_DIR / "claims.json").read_text(encoding="utf-8"))
    return {name: value for name, value in floors.items() if name != "about"}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from eval import claims

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    # A record's id is made of its line's bytes, not its line number: the
    # gold's lines, written alone, keep their ids.
    wanted = {c["line"] for g in gold["groups"] for c in g["claims"] if "line" in c}
    folder = tmp_path_factory.mktemp("claims")
    subset = folder / "kcna-gold.jsonl"
    with KCNA.open(encoding="utf-8", newline="") as lines:
        kept = [line for number, line in enumerate(lines, 1) if number in wanted]
    subset.write_text("".join(kept), encoding="utf-8", newline="")
    db = folder / "claims.db"
    claims.build([subset, CORPUS / "seeds"], db)
    result: dict[str, Any] = claims.score_db(Path(db), gold)
    return result


def test_gold_is_big_enough() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert len(gold["groups"]) >= 60
    assert any(g["real"] for g in gold["groups"])
    assert {"kcna-2024", "seeds"} <= {g["corpus"] for g in gold["groups"]}


@pytest.mark.parametrize("measure", sorted(_floors()))
def test_claims_scores_stay_above_their_floor(
    scores: dict[str, Any], measure: str
) -> None:
    assert scores[measure] >= _floors()[measure], (
        f"{measure} fell to {scores[measure]}; {scores['errors'][:10]}"
    )
