"""Article text (#13): recall and precision against gold may not fall below
eval/floors/articles.json, and HTML recall not below trafilatura's own on the
same pages."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dossier.packs import load_pack
from eval import CORPUS, FLOORS_DIR
from tests.shared import Shared

FLOORS = FLOORS_DIR / "articles.json"
# The issue's targets over all files.
TARGET_RECALL = 0.97
TARGET_PRECISION = 0.95
# The issue's measure on HTML: recall no lower than trafilatura's own
# `extract` on the same pages, in each part. dossier reads trafilatura's
# main text (default settings) and segments it trusting the extractor, so
# it keeps every gold line trafilatura keeps: measured 0.9786 against 0.9785
# (dev 0.9712 / 0.9711, held 0.9894 / 0.9894).
HTML_PARTS = ("html/all", "html/dev", "html/held")
# Every this many html pages, dossier's text is also worked out here, as
# `make eval` does, and held to what the session's build stored.
SAMPLE_EVERY = 9

pytestmark = [
    pytest.mark.slow,
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
def scores(html_built: Shared) -> dict[str, Any]:
    from eval import articles

    # dossier's text of the html pages as the session built them (their
    # locators are checked on the same build, tests/conftest.py): reading and
    # segmenting the 81 pages again here cost some 7.5 CPU s (issue 14, part 7).
    assert html_built.report.failures == []
    return articles.score(html_texts=articles.stored_html_texts(html_built.db))


def test_stored_page_texts_are_what_reading_the_page_gives(
    html_built: Shared,
) -> None:
    from eval import articles

    pack = load_pack("korea")
    stored = articles.stored_html_texts(html_built.db)
    pages = [item for item in articles.items(pack) if item.group == "html"]
    assert set(stored) <= {item.name for item in pages}
    assert len(stored) > len(pages) * 0.9  # a few pages may give no article
    for item in pages[::SAMPLE_EVERY]:
        assert stored.get(item.name, "") == articles.dossier_text(item, pack), item.name


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


@pytest.mark.parametrize("part", HTML_PARTS)
def test_html_recall_no_lower_than_trafilaturas(
    scores: dict[str, Any], part: str
) -> None:
    ours = scores["dossier"][part]
    theirs = scores["trafilatura"][part]
    behind = [
        (row["name"], row["recall"], row["trafilatura_recall"])
        for row in scores["files"]
        if row["group"] == "html"
        and part.split("/")[1] in ("all", row["split"])
        and row["recall"] < row["trafilatura_recall"]
    ]
    assert ours["recall"] >= theirs["recall"], (part, behind)
    assert ours["lost"] <= theirs["lost"]
    assert ours["f1"] >= theirs["f1"]
