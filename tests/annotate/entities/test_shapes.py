"""Names the pack does not list, found by their shape and typed by their head."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], list[tuple[str, str, str]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Korean and Chinese names: a family name and romanised syllables.
        ("KCNA quoted Kim Yong Chun as stating", ("Kim Yong Chun", "PERSON")),
        ("the leader of the delegation, Guo Boxiong, noted", ("Guo Boxiong", "PERSON")),
        (
            "Present there were Vice-Premiers Pak Jong Gun and others",
            ("Pak Jong Gun", "PERSON"),
        ),
        ("a speech by Ri Pyong-chol at the meeting", ("Ri Pyong-chol", "PERSON")),
        # Western names: a given name first.
        ("analyst Paul Nesbit said that", ("Paul Nesbit", "PERSON")),
        ("the chair Jane Doe arrived here on Friday", ("Jane Doe", "PERSON")),
        # Organisations by their head word.
        (
            "the Down-with-Imperialism Union formed in 1926",
            ("Down-with-Imperialism Union", "ORG"),
        ),
        (
            "members of the Example Solidarity Committee met",
            ("Example Solidarity Committee", "ORG"),
        ),
        (
            "the Association for the Study of Songun Politics said",
            ("Association for the Study of Songun Politics", "ORG"),
        ),
        (
            "the Presidium of the Political Bureau of the Central Committee met",
            ("Presidium of the Political Bureau of the Central Committee", "ORG"),
        ),
        (
            "the Korean People's Army General Staff said",
            ("Korean People's Army General Staff", "ORG"),
        ),
        (
            "the Korean Communist Party which was organized in 1925",
            ("Korean Communist Party", "ORG"),
        ),
        (
            "a visit to the Academy of Agricultural Science took place",
            ("Academy of Agricultural Science", "ORG"),
        ),
        ("the Ministry of Railways announced", ("Ministry of Railways", "ORG")),
        ("officials of Northrop Grumman Corp. said", ("Northrop Grumman Corp.", "ORG")),
        # Places by their head word or prefix.
        (
            "rubbish was found in Jangphung County of North Hwanghae",
            ("Jangphung County", "PLACE"),
        ),
        ("farms in Ryongchon Province grew rice", ("Ryongchon Province", "PLACE")),
        (
            "the bridge across the Chongchon River collapsed",
            ("Chongchon River", "PLACE"),
        ),
        ("they climbed Mt Myohyang yesterday", ("Mt Myohyang", "PLACE")),
        # Organisations named after a listed place or person.
        ("the US Air Force bought tankers", ("US Air Force", "ORG")),
        ("a lecture at Kim Il Sung University", ("Kim Il Sung University", "ORG")),
        ("a flight of Air India landed", ("Air India", "ORG")),
    ],
)
def test_shape_gives_name_and_type(
    triples: Triples, text: str, expected: tuple[str, str]
) -> None:
    assert expected in [(printed, type_) for printed, _, type_ in triples(text)]


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("Industry was restored and expanded.", "Industry"),
        ("Marking the 60th anniversary, KCNA noted", "Marking"),
        ("Last October, massive celebrations were held", "October"),
        ("In June 1950 the US imperialists launched", "June"),
        ("The Korean War ended in 1953.", "Korean War"),
        (
            "the Fatherland Liberation War of the Korean people",
            "Fatherland Liberation War",
        ),
        ("the revolutionary cause of Juche along the road", "Juche"),
        ("Chinese and Soviet comrades fought", "Chinese"),
        ("under the principle of Marxism-Leninism today", "Marxism-Leninism"),
        ("The Party and the President led", "Party"),
        ("a rally on Monday's anniversary", "Monday"),
        ("during the Christmas season", "Christmas"),
        ("before World War II broke out in Europe", "World War II"),
        ("- Successes have been made in various sectors", "Successes"),
        # A quotation after a comma opens a sentence of its own.
        ('Jobs joked, saying, "Stop me if you have seen this."', "Stop"),
        ("the strategic bomber B-1B flew", "B"),
        ("to put transport on an IT basis", "IT"),
        ("politicians of the Western countries", "Western"),
    ],
)
def test_capitalised_non_names_are_skipped(
    triples: Triples, text: str, not_a_name: str
) -> None:
    assert not_a_name not in [printed for printed, _, _ in triples(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Northrop Grumman and Airbus won", ["Northrop Grumman", "Airbus"]),
        ("Boeing's European rival, Airbus, is preparing", ["Boeing", "Airbus"]),
        ("The Beatles' Apple Corps sued", ["Beatles", "Apple Corps"]),
        ("Apple Inc. Steve Jobs said", ["Apple Inc.", "Steve Jobs"]),
        ("a new Intel-based computer", ["Intel"]),
        ("They beat Boeing. Louis Gallois said", ["Boeing", "Louis Gallois"]),
    ],
)
def test_runs_are_cut_where_a_name_ends(
    triples: Triples, text: str, expected: list[str]
) -> None:
    assert [printed for printed, _, _ in triples(text)] == expected


def test_defence_and_space_company_stays_one_name(triples: Triples) -> None:
    text = "parent European Aeronautic Defence and Space Company EADS N.V. (EADS) won"
    assert (
        triples(text)[0][0] == "European Aeronautic Defence and Space Company EADS N.V."
    )


def test_title_case_headline_keeps_only_names_of_the_body(triples: Triples) -> None:
    text = (
        "Mass Rallies Held in Cities and Counties of DPRK\n\n"
        "Mass rallies took place in cities and counties of the DPRK on March 6."
    )
    printed = [p for p, _, _ in triples(text)]
    assert "Mass Rallies Held" not in printed
    assert "Cities" not in printed
    assert printed.count("DPRK") == 2


def test_sentence_initial_name_known_elsewhere_is_kept(triples: Triples) -> None:
    text = "Apple unveiled a phone. Analysts said Apple would gain."
    assert [p for p, _, _ in triples(text)] == ["Apple", "Apple"]


def test_country_pairs_stay_inside_a_friendship_body(triples: Triples) -> None:
    text = (
        "The chairman of the Finland-Korea Society spoke. The Paektusan "
        "Czech-Korean Friendship Association issued a statement."
    )
    assert triples(text) == [
        ("Finland-Korea Society", "Finland-Korea Society", "ORG"),
        (
            "Paektusan Czech-Korean Friendship Association",
            "Paektusan Czech-Korean Friendship Association",
            "ORG",
        ),
    ]


def test_a_body_of_a_places_body_keeps_its_whole_name(triples: Triples) -> None:
    text = (
        "A member of the Central Executive Committee of the Myanmar Journalist "
        "Association."
    )
    assert [t[0] for t in triples(text)] == [
        "Central Executive Committee of the Myanmar Journalist Association"
    ]


def test_a_summit_of_two_countries_still_names_both(triples: Triples) -> None:
    names = [(t[0], t[2]) for t in triples("The DPRK-Russia summit talks were held.")]
    assert names == [("DPRK", "PLACE"), ("Russia", "PLACE")]


def test_unknown_names_are_typed_by_the_words_around_them(triples: Triples) -> None:
    text = (
        "The Zelenskiy puppet authorities attacked. Troops fought in Kursk, the "
        "hero land that defeated the Hitler fascist clique. Tanks burned on the "
        "Kupyansk front. The Belgian government said nothing."
    )
    types = {t[0]: t[2] for t in triples(text)}
    assert types["Zelenskiy"] == "PERSON"
    assert types["Kursk"] == "PLACE"
    assert types["Hitler"] == "PERSON"
    assert types["Kupyansk"] == "PLACE"
    assert types.get("Belgian") != "PERSON"


def test_weapons_and_warships_are_no_entities(triples: Triples) -> None:
    text = (
        "Washington sent Abrams tanks and ATACMS long-range missiles. The attack "
        "submarine Chogei joined warships as Taigei. The U.S. launched Minuteman-3 "
        "intercontinental ballistic missiles."
    )
    assert [t[0] for t in triples(text)] == ["Washington", "U.S."]


def test_an_unknown_name_before_a_verb_of_arms_is_kept(triples: Triples) -> None:
    assert [t[0] for t in triples("Zelenskiy demanded more missiles.")] == ["Zelenskiy"]


def test_a_body_of_a_places_body_named_with_a_possessive(triples: Triples) -> None:
    text = (
        "The External Relations Department of the Central Leadership of the "
        "Syria's Baath Arab Socialist Party issued a statement."
    )
    assert [(t[0], t[2]) for t in triples(text)] == [
        (
            "External Relations Department of the Central Leadership of the Syria's "
            "Baath Arab Socialist Party",
            "ORG",
        )
    ]


def test_the_person_after_secretary_of_state(triples: Triples) -> None:
    found = [(t[0], t[2]) for t in triples("U.S. Secretary of State Blinken said.")]
    assert ("Blinken", "PERSON") in found
    assert all("State" not in text for text, _ in found)


def test_a_unit_of_a_fleet_of_a_navy_is_one_name(triples: Triples) -> None:
    text = (
        "It was the Guards 2nd Surface Ship Flotilla of the East Sea Fleet of "
        "the KPA Navy."
    )
    assert [(t[0], t[2]) for t in triples(text)] == [
        (
            "Guards 2nd Surface Ship Flotilla of the East Sea Fleet of the KPA Navy",
            "ORG",
        )
    ]
