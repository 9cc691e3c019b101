"""Capitalised spans their context shows are no names (entities/noise.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], list[tuple[str, str, str]]]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A country code before a currency sign is part of the amount.
        ("The bailout costs US$700 billion, the Treasury said.", ["Treasury"]),
        ("It cost Boeing a US$40 billion (GB #20.1 billion) contract.", ["Boeing"]),
        ("The deal is worth A$ 3 million to Qantas.", ["Qantas"]),
        # A maker before a model designator names the model, not the maker.
        ("On Monday Ryanair ordered five Boeing 737-800 jets.", ["Ryanair"]),
        ("Qatar Airways chose the Airbus A350 over a rival.", ["Qatar Airways"]),
        ("The airline will fly the Boeing 787 Dreamliner from Beijing.", ["Beijing"]),
        ("They replace the Vickers VC-10 aircraft.", []),
    ],
)
def test_non_names_are_dropped(text: str, kept: list[str], triples: Triples) -> None:
    assert [name for name, _, _ in triples(text)] == kept


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The same names where nothing follows them stay names.
        ("The US said on Monday that talks would go on.", "US"),
        ("A spokesman for Boeing said in 2008 that it would protest.", "Boeing"),
        ("Orders at Boeing in 2008 and at Airbus 2009 fell.", "Airbus"),
    ],
)
def test_names_without_a_currency_or_model_stay(
    text: str, name: str, triples: Triples
) -> None:
    assert name in [found for found, _, _ in triples(text)]
