"""The search that found pairs to label without dossier's decision
(`python -m eval.reuse_search`): each of its tests on real stories."""

from __future__ import annotations

import json

import pytest
from eval.reuse_search import Found, Story, compare, read_story

from eval import CORPUS

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS / "kcna-2024" / "kcna-2024.jsonl").is_file(),
        reason=f"third-party corpus not found at {CORPUS} (kept outside the repo)",
    ),
]


@pytest.fixture(scope="module")
def stories() -> dict[str, Story]:
    from eval.reuse_gold import read_stories

    return {d.id: read_story(d) for d in read_stories()}


def _compare(stories: dict[str, Story], a: str, b: str) -> Found | None:
    return compare(stories[a], stories[b])


def test_a_speech_quoted_in_a_later_story_passes_as_a_passage(
    stories: dict[str, Story],
) -> None:
    # kcna-591 quotes three sentences of the leader's speech kcna-283 reports.
    found = _compare(stories, "kcna-283", "kcna-591")
    assert found is not None
    assert "passage" in found.tests
    assert found.passage >= 40


def test_two_house_warmings_pass_by_their_share_of_sentences(
    stories: dict[str, Story],
) -> None:
    # One formula filled for two farms: most sentences alike, other names.
    found = _compare(stories, "kcna-318", "kcna-321")
    assert found is not None
    assert found.tests == ("share",)
    assert found.matched >= 0.3 * found.sentences


def test_the_leaders_titles_alone_make_a_run_and_nothing_more(
    stories: dict[str, Story],
) -> None:
    found = _compare(stories, "kcna-95", "kcna-576")
    assert found is not None
    assert found.tests == ("run",)
    assert 25 <= found.run < 30


def test_stories_on_other_matters_are_not_listed(stories: dict[str, Story]) -> None:
    assert _compare(stories, "kcna-0", "kcna-43") is None


def test_each_pair_is_labelled_once_with_why() -> None:
    # The seventh pass labelled every pair the search listed (run it again,
    # 2 minutes: `python -m eval.reuse_search --unlabelled` prints none).
    from eval.reuse import REAL

    pairs = json.loads(REAL.read_text(encoding="utf-8"))["pairs"]
    keys = {frozenset((p["a"], p["b"])) for p in pairs}
    assert len(keys) == len(pairs)
    assert all(isinstance(p["reuse"], bool) and p["why"] for p in pairs)


def test_a_formula_sentence_is_held_by_many_stories_a_quoted_one_by_few(
    stories: dict[str, Story],
) -> None:
    from eval.reuse_search import sentence_spans
    from eval.reuse_signals import sentence_holders

    count = sentence_holders(list(stories.values()))
    house = [s for _, _, s in sentence_spans(stories["kcna-321"].doc.text)]
    licenses = next(s for s in house if "licenses" in s.content)
    speech = [s for _, _, s in sentence_spans(stories["kcna-283"].doc.text)]
    proud = next(s for s in speech if {"proudly", "world"} <= s.content)
    # The house-warmings' licenses handed over; the speech the story quotes.
    assert count(licenses) >= 10
    assert 2 <= count(proud) <= 4
