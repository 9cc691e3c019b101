"""Hedges turned into intervals by the named rules in `hedges`."""

from __future__ import annotations

import pytest

from dossier.annotate.figures.hedges import (
    APPROXIMATE,
    JUST_OVER,
    JUST_UNDER,
    hedge_after,
    hedge_before,
    interval,
)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("nearly ", "nearly"),
        ("almost ", "nearly"),
        ("close to ", "nearly"),
        ("over ", "over"),
        ("more than ", "over"),
        ("in excess of ", "over"),
        ("some ", "about"),
        ("about ", "about"),
        ("around ", "about"),
        ("approximately ", "about"),
        ("an estimated ", "about"),
        ("at least ", "at least"),
        ("fewer than ", "under"),
        ("up to ", "up to"),
        ("Nearly ", "nearly"),
    ],
)
def test_hedge_before(text: str, rule: str) -> None:
    hedge = hedge_before(text + "100", len(text))
    assert hedge is not None and hedge.rule == rule


@pytest.mark.parametrize(
    ("text", "rule"), [(" or so", "about"), (" or more", "at least"), ("-odd", "over")]
)
def test_hedge_after(text: str, rule: str) -> None:
    hedge = hedge_after("80" + text, 2)
    assert hedge is not None and hedge.rule == rule


@pytest.mark.parametrize("text", ["moreover ", "someone ", "hover ", "the "])
def test_no_hedge_inside_other_words(text: str) -> None:
    assert hedge_before(text + "100", len(text)) is None


@pytest.mark.parametrize(
    ("rule", "low", "high"),
    [
        (None, 3_000_000, 3_000_000),  # exact: low == high
        ("nearly", 3_000_000 * (1 - JUST_UNDER), 3_000_000),  # [2.7M, 3M)
        ("over", 3_000_000, 3_000_000 * (1 + JUST_OVER)),  # (3M, 3.3M]
        ("about", 3_000_000 * (1 - APPROXIMATE), 3_000_000 * (1 + APPROXIMATE)),
        ("at least", 3_000_000, 3_300_000),
        ("under", 0, 3_000_000),
        ("up to", 0, 3_000_000),
    ],
)
def test_interval(rule: str | None, low: float, high: float) -> None:
    assert interval(3_000_000, 3_000_000, rule) == pytest.approx((low, high))
