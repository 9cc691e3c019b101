"""Acronyms a text defines resolve to their long forms, in that text only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dossier.annotate.entities.acronyms import (
    find_definitions,
    letters_of,
    long_form_end,
)


@pytest.mark.parametrize(
    ("text", "acronym", "long_form"),
    [
        (
            "The 95th anniversary of the Down-with-Imperialism Union (DIU) formed by",
            "DIU",
            "Down-with-Imperialism Union",
        ),
        (
            "the formation of the International Allied Forces (IAF) in July 1942",
            "IAF",
            "International Allied Forces",
        ),
        (
            "the KPRA and the NAJAA [North East Anti-Japanese Allied Army – of Chinese "
            "and Korean revolutionaries]",
            "NAJAA",
            "North East Anti-Japanese Allied Army",
        ),
        (
            "supply the United States Air Force (USAF) with tankers",
            "USAF",
            "United States Air Force",
        ),
        (
            "delivered today to Singapore Airlines (SIA) 18 months late",
            "SIA",
            "Singapore Airlines",
        ),
        (
            "according to the Korean Central News Agency (KCNA):",
            "KCNA",
            "Korean Central News Agency",
        ),
    ],
)
def test_definition_is_found(text: str, acronym: str, long_form: str) -> None:
    assert (acronym, long_form) in [
        (d.acronym, d.long_form) for d in find_definitions(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "in Pyongyang (KCNA) today",  # a dateline, not a definition
        "October 25, Juche 39 (1950) when",  # not letters
        "the meeting (see above) was held",  # lower case
    ],
)
def test_no_definition_without_a_spelled_out_form(text: str) -> None:
    assert find_definitions(text) == []


@pytest.mark.parametrize(
    ("printed", "letters"), [("U.S.", "US"), ("CPVs", "CPV"), ("CPGB-ML", "CPGBML")]
)
def test_letters_of(printed: str, letters: str) -> None:
    assert letters_of(printed) == letters


def test_long_form_must_open_a_word() -> None:
    assert long_form_end("DIU", "the Down-with-Imperialism Union") == 4
    assert long_form_end("XYZ", "the Down-with-Imperialism Union") is None


def test_defined_acronym_resolves_everywhere_in_the_text(
    triples: Callable[[str], list[tuple[str, str, str]]],
) -> None:
    text = (
        "The DIU was the root. The Down-with-Imperialism Union (DIU) formed in 1926. "
        "The programme of the DIU was to achieve liberation."
    )
    found = [(p, e) for p, e, _ in triples(text)]
    assert found.count(("DIU", "Down-with-Imperialism Union")) == 3


def test_definition_in_text_beats_the_pack(
    triples: Callable[[str], list[tuple[str, str, str]]],
) -> None:
    text = "The Communist Party of Vietnam (CPV) met. The CPV decided."
    assert ("CPV", "Communist Party of Vietnam", "ORG") in triples(text)


def test_acronym_of_an_event_is_no_entity(
    triples: Callable[[str], list[tuple[str, str, str]]],
) -> None:
    text = "at the Worldwide Developers Conference (WWDC), Apple said"
    assert [p for p, _, _ in triples(text)] == ["Apple"]
