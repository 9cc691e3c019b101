"""Keys joined across documents, each join with its evidence (link.identity)."""

from __future__ import annotations

import pytest

from dossier.link.identity import (
    ACRONYM,
    ALIAS,
    FUZZY,
    ORG_SUFFIX,
    OVERRIDE,
    ROMANISATION,
    SAME_KEY,
    collect,
    form_key,
    link_keys,
    variant_evidence,
)

Row = tuple[str, str, str, str, int]


def _entities(rows: list[Row], **overrides: object) -> dict[str, str]:
    links = link_keys(collect(rows), **overrides)  # type: ignore[arg-type]
    return {key: link.entity for key, link in links.items()}


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("U.S.", "us"),
        ("the Air Force", "air force"),
        ("Boeing's", "boeing"),
        ("Kim Il-sung", "kim il sung"),
        ("Workers’ Party", "workers party"),
    ],
)
def test_form_key_keys_a_printed_name_as_annotate_keys_it(
    printed: str, key: str
) -> None:
    assert form_key(printed) == key


def test_a_short_form_joins_the_name_other_documents_resolve_it_to() -> None:
    rows: list[Row] = [
        ("steve jobs", "Steve Jobs", "PERSON", "Steve Jobs", 16),
        ("steve jobs", "Steve Jobs", "PERSON", "Jobs", 8),  # in his documents
        ("jobs", "Jobs", "PERSON", "Jobs", 3),  # a document naming him so only
    ]
    links = link_keys(collect(rows))
    assert links["jobs"].entity == "steve jobs"
    assert links["jobs"].evidence == ALIAS
    assert links["steve jobs"].evidence == SAME_KEY


def test_an_acronym_defined_in_one_text_joins_it_printed_alone() -> None:
    rows: list[Row] = [
        ("singapore airlines", "Singapore Airlines", "ORG", "Singapore Airlines", 6),
        ("singapore airlines", "Singapore Airlines", "ORG", "SIA", 2),
        ("sia", "SIA", "ORG", "SIA", 1),
    ]
    links = link_keys(collect(rows))
    assert links["sia"].entity == "singapore airlines"
    assert links["sia"].evidence == ACRONYM


def test_a_surname_resolved_to_several_people_joins_none() -> None:
    rows: list[Row] = [
        ("kim il sung", "Kim Il Sung", "PERSON", "Kim", 5),
        ("kim jong un", "Kim Jong Un", "PERSON", "Kim", 5),
        ("kim", "Kim", "PERSON", "Kim", 2),
    ]
    assert _entities(rows)["kim"] == "kim"


@pytest.mark.parametrize(
    ("longer", "bare", "type_", "joined"),
    [
        ("ford motor", "ford", "ORG", True),  # `Ford Motor Company`, Company dropped
        ("apple computer", "apple", "ORG", True),
        ("general motors", "general", "ORG", False),  # `general` no company key
        ("singapore airlines", "singapore", "PLACE", False),
    ],
)
def test_org_suffix_joins_a_company_to_its_bare_name(
    longer: str, bare: str, type_: str, joined: bool
) -> None:
    rows: list[Row] = [
        (longer, longer.title(), "ORG", longer.title(), 2),
        (bare, bare.title(), type_, bare.title(), 3),
    ]
    if bare == "general":
        rows = rows[:1]
    links = link_keys(collect(rows))
    assert (links[longer].entity == bare) is joined
    if joined:
        assert links[longer].evidence == ORG_SUFFIX


@pytest.mark.parametrize(
    ("a", "b", "evidence"),
    [
        ("Kim Chong Il", "Kim Jong Il", ROMANISATION),
        ("Kim Jong Eun", "Kim Jong Un", ROMANISATION),
        ("Pak Pong Ju", "Park Pong Ju", FUZZY),
        ("Kim Jong Il", "Kim Jong Un", None),
        ("Kim Yong Chol", "Kim Yong Chun", None),
        ("Ri Yong Ho", "Ri Yong Hoi", None),
    ],
)
def test_romanised_names_join_by_spelling_never_other_people(
    a: str, b: str, evidence: str | None
) -> None:
    ka, kb = a.lower(), b.lower()
    rows: list[Row] = [(ka, a, "PERSON", a, 1), (kb, b, "PERSON", b, 4)]
    links = link_keys(collect(rows))
    if evidence is None:
        assert links[ka].entity != links[kb].entity
    else:
        assert links[ka].entity == kb
        assert links[ka].evidence == evidence
        assert 0 < links[ka].confidence <= 1


def test_overrides_split_a_key_out_and_merge_two_entities() -> None:
    rows: list[Row] = [
        ("steve jobs", "Steve Jobs", "PERSON", "Steve Jobs", 16),
        ("steve jobs", "Steve Jobs", "PERSON", "Jobs", 8),
        ("jobs", "Jobs", "PERSON", "Jobs", 3),
        ("apple", "Apple", "ORG", "Apple", 9),
        ("apple corps", "Apple Corps", "ORG", "Apple Corps", 1),
    ]
    assert _entities(rows, splits=["jobs"])["jobs"] == "jobs"
    links = link_keys(collect(rows), merges=[("apple corps", "apple")])
    assert links["apple corps"].entity == "apple"
    assert links["apple corps"].evidence == OVERRIDE


@pytest.mark.parametrize(
    ("printed", "key", "listed", "evidence"),
    [
        ("Kim Il Sung", "kim il sung", False, SAME_KEY),
        ("Kim II Sung", "kim il sung", True, "pack variant"),
        ("USAF", "united states air force", False, ACRONYM),
        ("Gallois", "louis gallois", False, ALIAS),
    ],
)
def test_variant_evidence(printed: str, key: str, listed: bool, evidence: str) -> None:
    assert variant_evidence(printed, key, listed=listed)[0] == evidence


def test_a_few_documents_do_not_turn_a_common_name_into_their_alias() -> None:
    rows: list[Row] = [
        ("apple records", "Apple Records", "ORG", "Apple Records", 3),
        ("apple records", "Apple Records", "ORG", "Apple", 2),
        ("apple", "Apple", "ORG", "Apple", 500),
    ]
    assert _entities(rows)["apple"] == "apple"
