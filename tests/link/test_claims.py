"""Claims compared across documents: verdicts, unit classes, no self-conflict."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.link.claims import compare_claims, unit_class


def claim(
    doc: str,
    low: float,
    high: float,
    unit: str,
    subject: str | None = "CPV",
    copy_of: str | None = None,
) -> dict[str, Any]:
    return {
        "doc": doc,
        "low": low,
        "high": high,
        "unit": unit,
        "subject": subject,
        "copy_of": copy_of,
        "text": f"{low:g} {unit}",
    }


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("fighters", "personnel"),
        ("volunteers", "personnel"),
        ("officers and men", "personnel"),
        ("bombs", "bomb"),
        ("planes", "aircraft"),
        (None, None),
    ],
)
def test_unit_class_groups_counted_nouns(
    unit: str | None, expected: str | None
) -> None:
    assert unit_class(unit) == expected


def test_compare_claims_a_million_against_nearly_three_million_conflicts() -> None:
    groups = compare_claims(
        [
            claim("a", 900_000, 1_100_000, "volunteers"),
            claim("b", 2_700_000, 3_000_000, "fighters"),
        ]
    )
    assert [g["verdict"] for g in groups] == ["conflict"]


def test_compare_claims_overlapping_intervals_agree() -> None:
    groups = compare_claims(
        [
            claim("a", 900_000, 1_100_000, "volunteers"),
            claim("b", 1_000_000, 1_000_000, "troops"),
        ]
    )
    assert [g["verdict"] for g in groups] == ["agree"]


def test_compare_claims_one_document_never_conflicts_with_itself() -> None:
    assert (
        compare_claims(
            [
                claim("a", 2_700_000, 3_000_000, "fighters"),
                claim("a", 100_000, 110_000, "officers"),
            ]
        )
        == []
    )


def test_compare_claims_without_subject_are_not_compared() -> None:
    assert (
        compare_claims(
            [
                claim("a", 37_000, 37_000, "troops", subject=None),
                claim("b", 1_000_000, 1_000_000, "volunteers", subject=None),
            ]
        )
        == []
    )


def test_compare_claims_different_units_are_different_questions() -> None:
    assert (
        compare_claims(
            [
                claim("a", 1_000, 1_000, "planes"),
                claim("b", 400_000, 400_000, "bombs"),
            ]
        )
        == []
    )


def test_compare_claims_copies_of_one_text_are_one_source() -> None:
    claims = [
        claim("a", 1_000_000, 1_000_000, "volunteers"),
        claim("b", 1_000_000, 1_000_000, "volunteers", copy_of="a"),
        claim("c", 1_000_000, 1_000_000, "volunteers", copy_of="a"),
    ]
    assert compare_claims(claims) == []
    claims.append(claim("d", 900_000, 1_100_000, "troops"))
    (group,) = compare_claims(claims)
    assert (group["verdict"], group["documents"]) == ("agree", 2)


def test_compare_claims_a_copy_that_changed_the_figure_is_one_source() -> None:
    # Issue 15: a group whose sides are all copies of one text is neither a
    # conflict nor an agreement; listed as unrelated, with why, on request.
    pair = [
        claim("a", 1_000_000, 1_000_000, "volunteers"),
        claim("b", 2_700_000, 3_000_000, "fighters", copy_of="a"),
    ]
    assert compare_claims(pair) == []
    (group,) = compare_claims(pair, unrelated=True)
    assert (group["verdict"], group["documents"]) == ("unrelated", 1)


def news(
    doc: str,
    low: float,
    *,
    day: str | None = "2024-08-01",
    timed: bool = False,
    cumulative: bool = False,
    entities: tuple[str, ...] = ("Sinuiju",),
    source: str | None = None,
    language: str = "en",
) -> dict[str, Any]:
    """A news claim with a bare counted noun: `houses` flooded."""
    return {
        "doc": doc,
        "low": low,
        "high": low,
        "unit": "houses",
        "subject": "houses",
        "copy_of": None,
        "text": f"{low:g} houses",
        "measure": "damaged",
        "cumulative": cumulative,
        "language": language,
        "scope": None
        if day is None
        else {"text": "July 28" if timed else None, "first_day": day, "last_day": day},
        "_named_subject": False,
        "_entities": list(entities),
        "_source": source or doc,
    }


def test_news_figures_of_one_event_that_differ_conflict_with_a_reason() -> None:
    groups = compare_claims([news("a", 4_100), news("b", 6_000)])
    assert [g["verdict"] for g in groups] == ["conflict"]
    assert "'4100 houses'" in groups[0]["reason"]
    assert "cannot both hold" in groups[0]["reason"]
    assert groups[0]["measure"] == "damaged"


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (news("b", 6_000, day="2024-09-10"), "about different dates"),
        (news("b", 6_000, cumulative=True), "a running total and a count"),
        (news("b", 6_000, entities=("Hamhung",)), "name nothing in common"),
        (news("b", 6_000, day=None), "no date says which event"),
    ],
)
def test_claims_of_different_events_are_unrelated_not_conflicts(
    other: dict[str, Any], why: str
) -> None:
    assert compare_claims([news("a", 4_100), other]) == []
    groups = compare_claims([news("a", 4_100), other], unrelated=True)
    assert [g["verdict"] for g in groups] == ["unrelated"]
    assert why in groups[0]["reason"]


def test_running_totals_as_of_different_dates_are_not_compared() -> None:
    earlier = news("a", 38_000, cumulative=True, day="2024-07-01")
    later = news("b", 40_000, cumulative=True, day="2024-07-20")
    assert compare_claims([earlier, later]) == []
    same_day = news("c", 45_000, cumulative=True, day="2024-07-01")
    assert [g["verdict"] for g in compare_claims([earlier, same_day])] == ["conflict"]


def test_claims_in_other_languages_are_not_compared() -> None:
    assert compare_claims([news("a", 4_100), news("b", 15, language="es")]) == []
    # Two Spanish stories: the rules read English figures only.
    spanish = [news("a", 15, language="es"), news("b", 20, language="es")]
    assert compare_claims(spanish) == []
    (group,) = compare_claims(spanish, unrelated=True)
    assert "language the rules do not read (es)" in group["reason"]


def test_texts_that_reuse_each_other_are_one_source_not_a_conflict() -> None:
    # b repeats a's passage (one reuse source): a changed figure in a re-run
    # is not two sources disagreeing.
    groups = compare_claims(
        [news("a", 4_100, source="a"), news("b", 4_400, source="a")], unrelated=True
    )
    assert [(g["verdict"], g["documents"]) for g in groups] == [("unrelated", 1)]
    assert "one text" in groups[0]["reason"]


def test_conflicts_rank_by_independent_sources() -> None:
    two = [news("a", 4_100), news("b", 6_000)]
    three = [
        {**news(d, n, entities=("Hamhung",)), "unit": "flats", "subject": "flats"}
        for d, n in (("c", 100), ("d", 900), ("e", 950))
    ]
    groups = compare_claims([*two, *three])
    assert [g["documents"] for g in groups] == [3, 2]


def test_a_large_group_compares_claims_whose_dates_overlap() -> None:
    # Past 200 claims only overlapping dates are paired: the two of one day
    # are still found among 300 of other days.
    days = [f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}" for n in range(300)]
    others = [news(f"d{n}", 100 + n, day=day) for n, day in enumerate(days)]
    clash = [news("x", 4_100, day="2025-01-01"), news("y", 6_000, day="2025-01-01")]
    groups = compare_claims([*others, *clash])
    assert [(g["verdict"], len(g["claims"])) for g in groups] == [("conflict", 2)]
