"""Names the pack lists: variants, romanisations, apostrophes, OCR and glued forms."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.compiled import compile_pack
from dossier.annotate.entities import gazetteer
from dossier.annotate.entities.gazetteer import _region_spans, find_listed
from dossier.packs import Pack
from tests.properties import examples

KIM = "Kim Il Sung"
WPK = "Workers' Party of Korea"
DPRK = "Democratic People's Republic of Korea"


@pytest.mark.parametrize(
    ("text", "printed", "entity", "type_"),
    [
        ("He met Kim Il-sung there.", "Kim Il-sung", KIM, "PERSON"),
        ("He met Kim Ilsung there.", "Kim Ilsung", KIM, "PERSON"),
        ("He met Kim Il-Sung there.", "Kim Il-Sung", KIM, "PERSON"),
        ("When Kim II Sung gathered a band", "Kim II Sung", KIM, "PERSON"),
        ("with Kim Jong II at the helm", "Kim Jong II", "Kim Jong Il", "PERSON"),
        (
            "founding of the Workers' Party of Korea (WPK)",
            "Workers' Party of Korea",
            WPK,
            "ORG",
        ),
        (
            "founding of the Workers’ Party of Korea in 1945",
            "Workers’ Party of Korea",
            WPK,
            "ORG",
        ),
        (
            "work of the Workers Party of Korea that follows",
            "Workers Party of Korea",
            WPK,
            "ORG",
        ),
        ("the WPK has won great victories", "WPK", WPK, "ORG"),
        ("relations with the DPRK improved", "DPRK", DPRK, "PLACE"),
        ("slander of the PRC and USSR", "PRC", "China", "PLACE"),
        ("slander of the PRC and USSR", "USSR", "Soviet Union", "PLACE"),
        (
            "fought hand in hand with the CPV",
            "CPV",
            "Chinese People's Volunteers",
            "ORG",
        ),
        ("The brave KPA fought hand in hand", "KPA", "Korean People's Army", "ORG"),
        (
            "the KPRA formed the IAF",
            "KPRA",
            "Korean People's Revolutionary Army",
            "ORG",
        ),
        ("Pyongyang, August 5 (KCNA) -- A delegation", "KCNA", "KCNA", "PUBLICATION"),
        (
            "the Korean Central News Agency reported",
            "Korean Central News Agency",
            "KCNA",
            "PUBLICATION",
        ),
        (
            "carried in Rodong Sinmun on Monday",
            "Rodong Sinmun",
            "Rodong Sinmun",
            "PUBLICATION",
        ),
        (
            "the fledgling United Nations as a puppet",
            "United Nations",
            "United Nations",
            "ORG",
        ),
        (
            "a base on the Korean peninsula today",
            "Korean peninsula",
            "Korean peninsula",
            "PLACE",
        ),
        ("visits to Mt Paektu began", "Mt Paektu", "Mount Paektu", "PLACE"),
        ("Pyongyang, June 2 (KCNA) -- Members", "Pyongyang", "Pyongyang", "PLACE"),
    ],
)
def test_listed_name_resolves_to_pack_entity(
    triples: Callable[[str], list[tuple[str, str, str]]],
    text: str,
    printed: str,
    entity: str,
    type_: str,
) -> None:
    assert (printed, entity, type_) in triples(text)


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            "A floral basket was sent to ComradeKim Jong Un, general secretary",
            "Kim Jong Un",
        ),
        ("WhenKim Jong Unappeared on the screen", "Kim Jong Un"),
        ("Kim Jong Unexpressed deep thanks for it", "Kim Jong Un"),
    ],
)
def test_name_glued_to_neighbour_is_found(
    triples: Callable[[str], list[tuple[str, str, str]]], text: str, printed: str
) -> None:
    assert (printed, printed, "PERSON") in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "the security council of the school met",  # lower case: not the UN body
        "Kim Il Sung Square was full",  # a square named after him: a place
        "World War II broke out in Europe",  # `II` is right here
    ],
)
def test_listed_name_not_taken_out_of_context(
    triples: Callable[[str], list[tuple[str, str, str]]], text: str
) -> None:
    found = triples(text)
    assert ("Kim Il Sung", "Kim Il Sung", "PERSON") not in found
    assert all(entity != "UN Security Council" for _, entity, _ in found)
    assert all(entity != "Kim Il Sung" for _, entity, _ in found)


def test_square_named_after_person_is_one_place(
    triples: Callable[[str], list[tuple[str, str, str]]],
) -> None:
    assert triples("Crowds filled Kim Il Sung Square on the day.") == [
        ("Kim Il Sung Square", "Kim Il Sung Square", "PLACE")
    ]


def test_region_cache_cleared_at_its_bound_still_finds_names(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Past the bound the cache is emptied; regions met before must be matched
    # again, not looked up in the emptied cache.
    compiled = compile_pack(pack)
    text = "Kim Il Sung met the KPA in Pyongyang."
    find_listed(text, compiled.gazetteer, compiled.nlp)
    monkeypatch.setattr(gazetteer, "_REGION_CACHE_SIZE", 1)
    found = find_listed(text + " Then Panmunjom.", compiled.gazetteer, compiled.nlp)
    assert {c.entity for c in found} >= {KIM, "Korean People's Army", "Pyongyang"}
    assert len(compiled.gazetteer.cache) <= 4


_REGION_TEXT = st.lists(
    st.sampled_from(
        [
            "Kim",
            "kIm",
            "of",
            "the",
            "peninsula",
            "(KCNA)",
            "a",
            "DPRK's",
            "x",
            "Korean",
            "é",
            "É",
            ",",
            "said",
            "-",
            "\t",
        ]
    ),
    max_size=20,
).map(" ".join)


@settings(max_examples=examples(300), deadline=None)
@given(_REGION_TEXT)
def test_regions_as_the_backtracking_pattern_finds_them(pack: Pack, text: str) -> None:
    # Runs found from their first capital are what `\S*[A-Z]\S*` after white
    # space found.
    gazetteer = compile_pack(pack).gazetteer
    first = gazetteer.first.pattern
    plain = re.compile(r"(?<!\S)" + first.replace(r"[^\sA-Z]*+", r"\S*"))
    assert r"[^\sA-Z]*+" in first
    assert _region_spans(text, gazetteer) == [m.span() for m in plain.finditer(text)]
