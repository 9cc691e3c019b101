"""Every mention is a span of the text it was found in."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.entities import find_mentions
from dossier.packs import load_pack
from tests.properties import examples

PACK = load_pack("korea")
_PIECES = st.sampled_from(
    [
        "Kim Il Sung", "Comrade", "President", "the", "of", "Workers’ Party of Korea",
        "Korea", "DPRK", "(KCNA)", "--", "Pyongyang,", "Union", "(DIU)", "Down-with-",
        "Imperialism", "ComradeKim Jong Un", "Unappeared", "Kim II", "Sung", "\n",
        "\n\n", ".", ",", "’s", "'", "Army", "Province", "Mt", "Guo Boxiong", "said",
        "US", "U.S.", "Inc.", "and", "Party", "é", "\ufffd", "İ", "Ǆ", "  ",
    ]
)  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_mentions_lie_in_the_text(text: str) -> None:
    for mention in find_mentions(text, pack=PACK):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.type in {"PERSON", "ORG", "PLACE", "PUBLICATION"}
        assert mention.entity


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=200))
def test_mentions_lie_in_any_text(text: str) -> None:
    for mention in find_mentions(text, pack=PACK):
        assert text[mention.start : mention.end] == mention.text


def test_mentions_are_ordered_and_apart() -> None:
    text = "Comrade Kim Il Sung met US President Truman in Pyongyang (KCNA)."
    found = find_mentions(text, pack=PACK)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_empty_text_has_no_mentions() -> None:
    assert find_mentions("", pack=PACK) == []
    assert find_mentions("   \n ", pack=PACK) == []
