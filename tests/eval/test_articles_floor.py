"""Article text (#13): recall and precision against gold may not fall below
eval/floors/articles.json, and stay near trafilatura's on the same pages."""

from __future__ import annotations

import json
from typing import Any

import pytest

from eval import CORPUS, FLOORS_DIR

FLOORS = FLOORS_DIR / "articles.json"
# The issue's targets over all files.
TARGET_RECALL = 0.97
TARGET_PRECISION = 0.95
# On html-dev dossier reads trafilatura's favor_recall extraction, which
# alone recalls 0.977 against 0.979 for trafilatura's default `extract`;
# segmentation costs 0.003 more (headlines and © lines gold counts as text).
MAX_RECALL_GAP_TO_TRAFILATURA = 0.01

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS / "html-dev" / "ground-truth.json").is_file()
        or not (CORPUS / "kcna-2024" / "kcna-2024.jsonl").is_file(),
        reason=f"third-party corpus not found at {CORPUS} (kept outside the repo)",
    ),
]


def _floors() -> dict[str, float]:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {name: value for name, value in floors.items() if name != "about"}


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    from eval import articles

    return articles.score()


def test_gold_is_big_and_varied(scores: dict[str, Any]) -> None:
    groups = {key: s["files"] for key, s in scores["dossier"].items()}
    assert groups["all/all"] >= 40
    assert groups["html/all"] == 81
    assert groups["kcna/all"] >= 20
    assert groups["seeds/all"] == 5
    assert groups["own/all"] >= 4
    assert groups["all/held"] >= 40


@pytest.mark.parametrize("measure", sorted(_floors()))
def test_article_scores_stay_above_their_floor(
    scores: dict[str, Any], measure: str
) -> None:
    group, split, name = measure.split("/")
    value = scores["dossier"][f"{group}/{split}"][name]
    worst = sorted(
        (row for row in scores["files"] if group in ("all", row["group"])),
        key=lambda row: row["recall"],
    )[:5]
    assert value >= _floors()[measure], (measure, value, worst)


def test_article_scores_meet_the_issue_targets(scores: dict[str, Any]) -> None:
    overall = scores["dossier"]["all/all"]
    assert overall["recall"] >= TARGET_RECALL
    assert overall["precision"] >= TARGET_PRECISION


def test_html_recall_keeps_up_with_trafilatura(scores: dict[str, Any]) -> None:
    ours = scores["dossier"]["html/all"]
    theirs = scores["trafilatura"]["html/all"]
    assert ours["recall"] >= theirs["recall"] - MAX_RECALL_GAP_TO_TRAFILATURA
    assert ours["lost"] <= theirs["lost"]
    assert ours["f1"] >= theirs["f1"]
