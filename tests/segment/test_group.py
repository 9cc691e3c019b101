"""Grouping blocks into articles and teasers."""

from __future__ import annotations

import pytest

from dossier.model import Block
from dossier.segment.group import group_articles
from tests.segment.conftest import SegmentFunction

TWO_WIRE_STORIES = """\
Delegation Arrives in Pyongyang
Pyongyang, May 3 (KCNA) -- A delegation of the Example Solidarity Committee arrived here on Friday by air.
It was greeted at the airport by officials of the committee for cultural relations with foreign countries. -0-
Seminar on National Language Held
Pyongyang, May 3 (KCNA) -- A seminar on the development of the national language took place at the university on Friday.
Linguists and teachers discussed ways of enriching the vocabulary in line with the development of science. -0-
"""  # noqa: E501

STORIES_AFTER_END_MARKERS = """\
Pyongyang, May 3 (KCNA) -- A delegation of the Example Solidarity Committee arrived here on Friday by air.
It was greeted at the airport by officials of the committee for cultural relations. -0-

Floral Basket Sent to Monument

A floral basket was laid before the monument on Mansu Hill by the visiting delegation on Saturday morning.
"""  # noqa: E501

WITH_SUBHEADING = """\
Solidarity Meeting Held in London

The society held its annual meeting in London on Saturday, with members from every branch in attendance.

The secretary reported on the work of the year and on the sale of the bulletin at public meetings.

Plans for the Coming Year

The meeting agreed to hold a public exhibition in the autumn and to send a delegation in the spring.

Members were asked to collect photographs and letters for the society's archive before the exhibition.
"""  # noqa: E501


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            TWO_WIRE_STORIES,
            ["Delegation Arrives in Pyongyang", "Seminar on National Language Held"],
        ),
        (STORIES_AFTER_END_MARKERS, [None, "Floral Basket Sent to Monument"]),
        (WITH_SUBHEADING, ["Solidarity Meeting Held in London"]),
    ],
)
def test_segment_groups_articles(
    text: str, titles: list[str | None], run_segment: SegmentFunction
) -> None:
    articles = run_segment(text).of_kind("article")
    found = [
        next((b.text for b in article.blocks if b.kind == "headline"), None)
        for article in articles
    ]
    assert found == titles


def test_segment_keeps_a_subheading_inside_its_article(
    run_segment: SegmentFunction,
) -> None:
    (article,) = run_segment(WITH_SUBHEADING).of_kind("article")
    assert "Plans for the Coming Year" in article.text
    assert article.text.startswith(
        "Solidarity Meeting Held in London\n\nThe society held its annual meeting"
    )
    assert article.text.endswith("before the exhibition.")


def test_segment_two_wire_stories_keep_their_own_text(
    run_segment: SegmentFunction,
) -> None:
    first, second = run_segment(TWO_WIRE_STORIES).of_kind("article")
    assert first.text.startswith(
        "Delegation Arrives in Pyongyang\n\nA delegation of the Example Solidarity"
    )
    assert first.text.endswith("with foreign countries.")
    assert second.text.startswith(
        "Seminar on National Language Held\n\nA seminar on the development"
    )
    assert "Seminar on National Language Held" not in first.text
    assert "(KCNA)" not in first.text + second.text
    assert "-0-" not in first.text + second.text


def _blocks(*kinds: str) -> list[Block]:
    return [
        Block(kind, i * 10, i * 10 + 9, f"{kind} {i}") for i, kind in enumerate(kinds)
    ]


@pytest.mark.parametrize(
    ("kinds", "groups"),
    [
        (("nav", "headline", "text", "text", "nav"), [("article", 5)]),
        (("headline", "text", "headline", "text"), [("article", 2), ("article", 2)]),
        (
            (
                "headline",
                "text",
                "nav",
                "teaser-headline",
                "teaser-repeat",
                "teaser-lead",
                "teaser-date",
                "teaser-repeat",
                "teaser-headline",
                "teaser-lead",
                "footer",
            ),
            [("article", 3), ("teaser", 5), ("teaser", 2), ("article", 1)],
        ),
        # Furniture above the first headline stays with the article after it.
        (("meta", "nav", "headline", "meta", "text"), [("article", 5)]),
        ((), []),
    ],
)
def test_group_articles_splits_at_headlines_and_teasers(
    kinds: tuple[str, ...], groups: list[tuple[str, int]]
) -> None:
    found = [(kind, len(group)) for kind, group in group_articles(_blocks(*kinds))]
    assert found == groups
