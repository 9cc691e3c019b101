"""Terms spelt out for an acronym are no names (entities/terms.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], list[tuple[str, str, str]]]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A list of ordinary words spelt out for an acronym: a term.
        (
            "Paul Nesbit said that Maintenance, Repair and Overhaul (MRO) "
            "operations will grow. MRO costs rose.",
            ["Paul Nesbit"],
        ),
        # A body's head word, or no list, keeps a body.
        (
            "the Food and Agriculture Organization (FAO) said",
            ["Food and Agriculture Organization", "FAO"],
        ),
        ("Human Rights Watch (HRW) said", ["Human Rights Watch", "HRW"]),
    ],
)
def test_terms_are_no_names(text: str, kept: list[str], triples: Triples) -> None:
    assert [name for name, _, _ in triples(text)] == kept


def test_initials_that_do_not_spell_it_make_no_term(triples: Triples) -> None:
    text = "Sales, Support and Marketing (XYZ) grew in Seoul."
    assert "XYZ" in [name for name, _, _ in triples(text)]
