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


def test_compare_claims_a_copy_that_changed_the_figure_conflicts() -> None:
    (group,) = compare_claims(
        [
            claim("a", 1_000_000, 1_000_000, "volunteers"),
            claim("b", 2_700_000, 3_000_000, "fighters", copy_of="a"),
        ]
    )
    assert (group["verdict"], group["documents"]) == ("conflict", 1)
