"""The one-pass conflict search and the rule-based grouping of large claim
sets give what comparing every pair gives: a reference that looks at every
pair is written here and run against `compare_claims` on random claim sets."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link import claims as compare
from dossier.link.claims import (
    _figure,
    _gap,
    _group,
    _overlap,
    _subject_key,
    compare_claims,
    independent_text,
    not_comparable,
)
from tests.properties import examples

DAYS = ["2024-01-01", "2024-01-02", "2024-01-05", "2024-02-01"]


@st.composite
def a_claim(draw: st.DrawFn) -> dict[str, Any]:
    low = draw(st.integers(0, 30))
    scope = None
    if draw(st.booleans()):
        first, last = sorted(
            draw(st.lists(st.sampled_from(DAYS), min_size=2, max_size=2))
        )
        text = draw(st.sampled_from([None, "in January"]))
        scope = {"text": text, "first_day": first, "last_day": last}
    return {
        "doc": draw(st.sampled_from(["d0", "d1", "d2", "d3", "d4"])),
        "_source": draw(st.sampled_from([None, None, "s0", "s1"])),
        "copy_of": draw(st.sampled_from([None, None, "d0"])),
        "subject": draw(st.sampled_from(["KPA", "KPA", "houses"])),
        "unit": draw(st.sampled_from(["soldiers", "troops", "houses"])),
        "measure": draw(st.sampled_from(["count", "count", "killed"])),
        "language": draw(st.sampled_from([None, *["en"] * 6, "fr"])),
        "cumulative": draw(st.booleans()),
        "_named_subject": draw(st.booleans()),
        "scope": scope,
        "low": low,
        "high": low + draw(st.sampled_from([0, 0, 1, 5, 40])),
        "_day": draw(st.sampled_from([None, None, "2024-01-01", "2024-01-02"])),
        "_entities": draw(st.lists(st.sampled_from(["A", "B", "C"]), max_size=2)),
        "text": f"t{draw(st.integers(0, 999))}",
    }


def reference_verdict(key: str, measure: str, claims: list[dict[str, Any]]) -> Any:
    """The verdict from every pair of claims."""
    sources = {independent_text(c) for c in claims}
    if len(sources) < 2:
        changed = [
            (a, b)
            for i, a in enumerate(claims)
            for b in claims[i + 1 :]
            if not _overlap(a, b)
        ]
        why = "copies of one text: one source, not two"
        if changed:
            a, b = changed[0]
            why += f"; a re-run changed the figure ({_figure(a)}, {_figure(b)})"
        return _group(key, measure, claims, "unrelated", why)
    clashes = [
        (a, b)
        for i, a in enumerate(claims)
        for b in claims[i + 1 :]
        if independent_text(a) != independent_text(b) and not _overlap(a, b)
    ]
    if clashes:
        a, b = max(clashes, key=lambda p: _gap(*p))
        why = (
            f"{_figure(a)} and {_figure(b)} cannot both hold"
            f" ({len(sources)} independent sources)"
        )
        return _group(key, measure, claims, "conflict", why)
    why = f"{len(sources)} independent sources give overlapping figures"
    return _group(key, measure, claims, "agree", why)


def reference_groups(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`compare_claims` without `unrelated`, comparing every pair."""
    buckets: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    languages = [c["language"] for c in claims if c.get("language")]
    usual = max(languages, key=languages.count) if languages else None
    for claim in claims:
        key = _subject_key(claim)
        if key is not None:
            buckets[(key, claim["measure"], claim["language"] or usual)].append(claim)
    groups = []
    for (key, measure, _), members in buckets.items():
        parent = list(range(len(members)))

        def find(i: int, parent: list[int] = parent) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        for i, a in enumerate(members):
            for j in range(i + 1, len(members)):
                b = members[j]
                if a["doc"] != b["doc"] and not_comparable(a, b) is None:
                    parent[find(j)] = find(i)
        components: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for i, claim in enumerate(members):
            components[find(i)].append(claim)
        for component in components.values():
            if len({c["doc"] for c in component}) > 1:
                group = reference_verdict(key, measure, component)
                if group["verdict"] != "unrelated":
                    groups.append(group)
    order = {"conflict": 0, "agree": 1}
    groups.sort(key=lambda g: (order[g["verdict"]], -g["documents"], g["subject"]))
    return groups


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(a_claim(), max_size=30), st.sampled_from([0, 3, 200]))
def test_groups_match_every_pair(claims: list[dict[str, Any]], all_pairs: int) -> None:
    # A small threshold sends small sets down the path large ones take.
    with mock.patch.object(compare, "_ALL_PAIRS", all_pairs):
        assert compare_claims(claims) == reference_groups(claims)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(a_claim(), min_size=1, max_size=25))
def test_verdict_matches_every_pair(claims: list[dict[str, Any]]) -> None:
    assert compare._verdict("KPA", "count", claims) == reference_verdict(
        "KPA", "count", claims
    )
