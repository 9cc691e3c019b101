"""Cheap tests read before a pattern or a walk, and the shorter ways the
finder now takes, give what the longer way gave (issue 14, part 2): a gate
that says no never hides a match, and a fast path keeps every answer."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dossier.annotate.compiled import compile_pack
from dossier.annotate.entities import noise
from dossier.annotate.entities.candidates import (
    PACK,
    Candidate,
    longest_first,
    without_overlaps,
)
from dossier.annotate.entities.gazetteer import _glued
from dossier.annotate.entities.index import PERSON
from dossier.packs import load_pack
from tests.properties import examples

# Loaded here, not taken as a fixture: hypothesis runs a test body many times.
GAZETTEER = compile_pack(load_pack("korea")).gazetteer

_DESIGNATOR_PIECES = st.sampled_from(
    [
        "Boeing", "787", "A350", "VC-10", "737-800", "U-17", "2024", " ", "  ",
        "\n", '"', "“", "Dreamliner", "s", "x", "-", "A", "Z", "٣٤", "12", ".",
    ]
)  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_DESIGNATOR_PIECES, max_size=12).map("".join), st.data())
@example('Boeing 787 "Dreamliner', None)
@example("the 787 \nDreamliner", None)
def test_designator_gates_hide_no_match(text: str, data: st.DataObject | None) -> None:
    places = range(len(text) + 1)
    if data is not None:
        places = range(data.draw(st.integers(0, len(text))), len(text) + 1)
    for place in places:
        if not noise._may_open_designator(text, place):
            assert noise._DESIGNATOR.match(text, place) is None, (text, place)
        if not noise._may_close_designator(text, place):
            window = max(0, place - 16)
            assert noise._BEFORE_NAME.search(text, window, place) is None, (text, place)


def _glued_by_each_form(text: str) -> list[Candidate]:
    """What `_glued` found trying each listed form with `str.startswith`."""
    found = []
    for match in GAZETTEER.glued_start.finditer(text) if GAZETTEER.glued_start else ():
        start = match.start()
        _, entities = GAZETTEER.people[match.group()]
        for form in sorted(entities, key=len, reverse=True):
            if not text.startswith(form, start):
                continue
            end = start + len(form)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if before.islower() or after.isalpha():
                name = entities[form].name
                found.append(Candidate(start, end, form, PERSON, name, PACK))
            break
    return found


_NAME_PIECES = st.sampled_from(
    [
        "Kim", "Kim Jong Un", "Kim Il Sung", "Kim II Sung", "Kim Jong Il", "Jong",
        "Un", "Il", "Sung", "Comrade", "appeared", "Pak", "Mao Zedong", " ", "",
        "x", ".", "J.V. Stalin", "V.I. Lenin", "Xi Jinping", "é",
    ]
)  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_NAME_PIECES, max_size=12).map("".join))
@example("ComradeKim Jong Unappeared and Kim Il Sungx")
def test_glued_names_match_trying_each_form(text: str) -> None:
    assert _glued(text, GAZETTEER) == _glued_by_each_form(text)


_SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 4), st.sampled_from("ab")),
    max_size=10,
)


@settings(max_examples=examples(500), deadline=None)
@given(_SPANS)
@example([(3, 2, "a"), (0, 3, "a"), (6, 1, "b")])  # apart: the fast path
@example([(3, 0, "a"), (3, 2, "b")])  # an empty span at a longer one's start
@example([(5, 2, "a"), (5, 2, "b")])  # the same span twice
def test_without_overlaps_keeps_the_longest_first_choice(
    spans: list[tuple[int, int, str]],
) -> None:
    candidates = [
        Candidate(start, start + length, text, None, None, PACK)
        for start, length, text in spans
    ]
    kept = without_overlaps(iter(candidates))
    assert [id(c) for c in kept] == [id(c) for c in longest_first(candidates)]
