"""One entity per name within a document, and one key per entity across documents."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dossier.annotate.entities.resolve import canonical_key
from dossier.packs import Pack

Triples = Callable[[str], list[tuple[str, str, str]]]


@pytest.mark.parametrize(
    ("names", "same"),
    [
        (
            ["Kim Il Sung", "Kim Il-sung", "Kim Ilsung", "Kim II Sung", "KIM IL SUNG"],
            True,
        ),
        (
            [
                "President Kim Il Sung",
                "Comrade Kim Il Sung",
                "the great leader Kim Il Sung",
            ],
            True,
        ),
        (
            [
                "Workers' Party of Korea",
                "Workers’ Party of Korea",
                "Workers Party of Korea",
                "WPK",
            ],
            True,
        ),
        (
            [
                "DPRK",
                "North Korea",
                "Democratic People’s Republic of Korea",
                "D.P.R.K.",
            ],
            True,
        ),
        (["USSR", "Soviet Union", "U.S.S.R."], True),
        (["KCNA", "Korean Central News Agency"], True),
        (["Kim Yong Chun", "Kim Yong-chun", "Kim Yong-Chun"], True),
        (["United States Air Force", "USAF", "US Air Force", "U.S. Air Force"], True),
        (["Down-with-Imperialism Union", "DIU"], True),
        (["Boeing", "Boeing Co.", "The Boeing Company", "Boeing's"], True),
        (["Apple", "Apple Inc."], True),
        (["NPD", "NPD Group"], True),
        (
            ["European Aeronautic Defence and Space Company EADS", "EADS", "EADS N.V."],
            True,
        ),
        # Traps: one surname or shape, different entities.
        (["Kim Il Sung", "Kim Jong Il"], False),
        (["Kim Jong Il", "Kim Jong Un"], False),
        (["Kim Il Sung", "Kim Jong Un"], False),
        (["Korean People's Army", "Korean People's Revolutionary Army"], False),
        (["KPA", "KPRA"], False),
        (["Northrop Grumman", "National Guard"], False),
        (["Kim Yong Chun", "Kim Yong Chol"], False),
        (["Apple", "Apple Corps"], False),
    ],
)
def test_canonical_key(pack: Pack, names: list[str], same: bool) -> None:
    keys = {canonical_key(name, pack) for name in names}
    assert (len(keys) == 1) is same, keys


def test_canonical_key_of_listed_name_is_its_folded_canonical_form(pack: Pack) -> None:
    assert canonical_key("Workers’ Party", pack) == "workers party of korea"


@pytest.mark.parametrize(
    ("text", "printed", "entity", "type_"),
    [
        (
            "Louis Gallois spoke. Later Gallois added more.",
            "Gallois",
            "Louis Gallois",
            "PERSON",
        ),
        (
            "Steve Jobs spoke. Then Steve left the stage.",
            "Steve",
            "Steve Jobs",
            "PERSON",
        ),
        ("Chairman Mao's son, Comrade Mao Anying, died.", "Mao", "Mao", "PERSON"),
        ("The Soviet Union's leader Xi", "Xi", "Xi Jinping", "PERSON"),
        (
            "the United States Air Force (USAF) and later the Air Force",
            "Air Force",
            "United States Air Force",
            "ORG",
        ),
        (
            "the Government Accountability Office said the GAO found",
            "GAO",
            "Government Accountability Office",
            "ORG",
        ),
        (
            "between Boeing and Lockheed Martin, Lockheed winning",
            "Lockheed",
            "Lockheed Martin",
            "ORG",
        ),
        (
            "delivered to AirTran Airways. AirTran said",
            "AirTran",
            "AirTran Airways",
            "ORG",
        ),
    ],
)
def test_short_form_resolves_to_the_full_name(
    triples: Triples, text: str, printed: str, entity: str, type_: str
) -> None:
    assert (printed, entity, type_) in triples(text)


@pytest.mark.parametrize(
    ("text", "printed", "not_entity"),
    [
        # `Kim` alone: three Kims in the text, none of them is meant for sure.
        (
            "Kim Il Sung, Kim Jong Il and Kim Jong Un met. Kim spoke.",
            "Kim",
            "Kim Il Sung",
        ),
        # `Qatar` is a country of its own, not short for the airline.
        ("Qatar Airways ordered jets. Qatar is rich.", "Qatar", "Qatar Airways"),
        # `Apple` does not stand for `Apple Stores`: `Stores` is a common noun.
        ("Apple Stores opened. Apple said so.", "Apple", "Apple Stores"),
    ],
)
def test_short_form_stays_apart_when_unsure(
    triples: Triples, text: str, printed: str, not_entity: str
) -> None:
    assert (printed, not_entity) not in [(p, e) for p, e, _ in triples(text)]


def test_people_sharing_a_surname_stay_apart(triples: Triples) -> None:
    text = "Kim Il Sung founded it, Kim Jong Il led it and Kim Jong Un leads it."
    assert [e for _, e, _ in triples(text)] == [
        "Kim Il Sung",
        "Kim Jong Il",
        "Kim Jong Un",
    ]


def test_armies_sharing_a_shape_stay_apart(triples: Triples) -> None:
    text = "The Korean People's Army and the Korean People's Revolutionary Army differ."
    assert [e for _, e, _ in triples(text)] == [
        "Korean People's Army",
        "Korean People's Revolutionary Army",
    ]


@pytest.mark.parametrize(
    ("text", "full"),
    [
        # Initials before a rare surname make a person, dotted or not, and
        # the surname alone later is the same person.
        (
            "The air force commander in Korea, GA Lobov, shot down 14 planes."
            " Lobov commanded 70,000 men.",
            "GA Lobov",
        ),
        (
            "The air force commander, G. A. Lobov, shot down 14 planes."
            " Lobov commanded 70,000 men.",
            "G. A. Lobov",
        ),
    ],
)
def test_initialled_name_is_a_person_its_surname_joins_it(
    text: str, full: str, triples: Callable[[str], list[tuple[str, str, str]]]
) -> None:
    people = [
        (name, entity) for name, entity, kind in triples(text) if kind == "PERSON"
    ]
    assert people == [(full, full), ("Lobov", full)]


def test_accented_given_name_makes_a_person_and_joins_the_surname(
    triples: Callable[[str], list[tuple[str, str, str]]],
) -> None:
    found = triples(
        "The report was written by Hélène Marchand of the institute."
        " Marchand said the war was long."
    )
    assert found == [
        ("Hélène Marchand", "Hélène Marchand", "PERSON"),
        ("Marchand", "Hélène Marchand", "PERSON"),
    ]


def test_leader_named_by_surname_alone_is_a_person(
    triples: Callable[[str], list[tuple[str, str, str]]],
) -> None:
    found = triples("They told us how much Stalin valued the officers.")
    assert found == [("Stalin", "Joseph Stalin", "PERSON")]
