"""Figures end to end: interval, unit and subject; and what is not a figure."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.entities import find_mentions
from dossier.annotate.figures import find_figures
from dossier.model import Figure
from dossier.packs import Pack, load_pack
from tests.properties import examples

CPV = "Chinese People's Volunteers"


@pytest.fixture(scope="module")
def figures(pack: Pack) -> Callable[[str], list[Figure]]:
    def find(text: str) -> list[Figure]:
        return find_figures(text, pack=pack, mentions=find_mentions(text, pack=pack))

    return find


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "subject"),
    [
        (
            # The sentence names China; "Chinese volunteers" is a listed body.
            "People's China sent a million volunteers to fight",
            1e6,
            1e6,
            "volunteers",
            "Chinese People's Volunteers",
        ),
        (
            # The nearest place is not the subject: no listed body, no guess.
            "The U.S. aggressors occupy South Korea with 37,000 troops.",
            37_000,
            37_000,
            "troops",
            None,
        ),
        (
            "the intervention of nearly three million fighters of the Chinese "
            "People’s Volunteers (CPV) made",
            2.7e6,
            3e6,
            "fighters",
            CPV,
        ),
        ("Nearly three million fighters of the CPV and", 2.7e6, 3e6, "fighters", CPV),
        (
            "and over 100,000 officers and men of the CPV laid down",
            1e5,
            1.1e5,
            "officers",
            CPV,
        ),
        ("awarded medals to 661,736 volunteers.", 661_736, 661_736, "volunteers", None),
        (
            "Lobov commanded some 70,000 Red Army servicemen in the war",
            63_000,
            77_000,
            "servicemen",
            "Red Army",
        ),
        ("shot down 14 American planes and", 14, 14, "planes", "United States"),
        ("Millions of Chinese volunteer soldiers fought", 2e6, 1e7, "soldiers", CPV),
        ("About a million Chinese volunteers, he said", 9e5, 1.1e6, "volunteers", CPV),
        (
            "the heroic contributions of millions of Chinese and",
            2e6,
            1e7,
            "Chinese",
            "China",
        ),
        (
            "tens of thousands of Soviet military personnel and",
            2e4,
            1e5,
            "personnel",
            "Soviet Union",
        ),
        (
            "the dropping of more than 400,000 bombs on Pyongyang",
            4e5,
            4.4e5,
            "bombs",
            None,
        ),
        (
            "while occupying South Korea with 37,000 troops.",
            37_000,
            37_000,
            "troops",
            None,
        ),
        (
            "collected more than 3,000 signatures calling",
            3_000,
            3_300,
            "signatures",
            None,
        ),
        ("and some forty members and guests took part", 36, 44, "members", None),
        ("Apple held 19 percent of the market", 19, 19, "%", None),
        ("a US$40 billion contract", 4e10, 4e10, "US$", None),
        ("worth 8 billion U.S. dollars to", 8e9, 8e9, "U.S. dollars", None),
        ("80-odd fighter jets", 80, 88, "jets", None),
        ("over 114 big and small wars", 114, 125.4, "wars", None),
        ("200-250 seats in the plane", 200, 250, "seats", None),
        (
            "the blasting of 350 000 cubic metre earth",
            350_000,
            350_000,
            "cubic metre",
            None,
        ),
    ],
)
def test_figure(
    figures: Callable[[str], list[Figure]],
    text: str,
    low: float,
    high: float,
    unit: str,
    subject: str | None,
) -> None:
    found = figures(text)
    assert len(found) == 1, found
    figure = found[0]
    assert (figure.low, figure.high) == pytest.approx((low, high))
    assert (figure.unit, figure.subject) == (unit, subject)
    assert text[figure.start : figure.end] == figure.text


def test_four_million_koreans_including_two_million_civilians(
    figures: Callable[[str], list[Figure]],
) -> None:
    found = figures("Four million Koreans, including 2 million civilians, were killed.")
    assert [(f.low, f.unit, f.subject) for f in found] == [
        (4e6, "Koreans", "Korea"),
        (2e6, "civilians", "Korea"),
    ]


def test_of_them_takes_unit_and_subject_of_the_figure_before(
    figures: Callable[[str], list[Figure]],
) -> None:
    text = (
        "Millions of Chinese volunteer soldiers fought on the Korean battlefront and "
        "over 100,000 of them laid down their lives."
    )
    second = figures(text)[1]
    assert (second.low, second.high) == pytest.approx((1e5, 1.1e5))
    assert (second.unit, second.subject, second.hedge) == ("soldiers", CPV, "over")


def test_small_word_number_lent_a_unit_is_kept(
    figures: Callable[[str], list[Figure]],
) -> None:
    text = "awarded medals to 661,736 volunteers. Of them twelve were honoured."
    assert [(f.text, f.unit) for f in figures(text)] == [
        ("661,736 volunteers", "volunteers"),
        ("twelve", "volunteers"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The 95th anniversary of the Union falls on October 17.",
        "the founding of the WPK on 10 October 1945.",
        "sent volunteers to the Korean War on October 25, Juche 39 (1950) when",
        "In June 1950 the US imperialists launched an invasion.",
        "the Korean War of 1950-53 ended",
        "Date: 16/10/2021 | Source: Naenara",
        "the annual general meeting at 2 pm on Saturday",
        "Proletarian issue 20 (October 2007)",
        "the Anak Tomb No. 3 was repaired",
        "the Boeing 787 Dreamliner flew",
        "more than 1 500 years ago",
        "Sixty years has elapsed since then",
        "a war of two years and nine months",
        "Three days later, KCNA reported",
        "visited Pyongyang three times",
        "the two countries and their two peoples",
        "one of the giants of communism",
        "Koguryo (277 B.C.-A.D. 668)",
        "the 38th parallel",
        "in the 21st century",
        "a 10-day expiration limit",
        "Papermaster, 49, had left",
    ],
)
def test_not_a_figure(figures: Callable[[str], list[Figure]], text: str) -> None:
    assert figures(text) == []


def test_subject_needs_no_mentions(pack: Pack) -> None:
    found = find_figures("nearly three million fighters of the CPV", pack=pack)
    assert found[0].subject == CPV


PACK = load_pack("korea")
_PIECES = st.sampled_from(
    [
        "nearly", "over", "some", "three", "million", "1,000", "100,000", "of", "the",
        "CPV", "fighters", "volunteers", "Chinese", "tens", "thousands", "hundreds",
        "1950", "-", "53", "October", "25", "%", "$", "bn", "1 500", "years", "them",
        "\n", ".", ",", "a", "half", "twenty-five", "and", "İ", "Ǆ", "٣",
    ]
)  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_figures_lie_in_the_text(text: str) -> None:
    for figure in find_figures(text, pack=PACK):
        assert text[figure.start : figure.end] == figure.text
        assert 0 <= figure.low <= figure.high


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=200))
def test_figures_lie_in_any_text(text: str) -> None:
    for figure in find_figures(text, pack=PACK):
        assert text[figure.start : figure.end] == figure.text


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # `Oct.` ends no sentence in the stored split: China is in the sentence.
        (
            "China, in Oct. 1950, sent a million volunteers.",
            "Chinese People's Volunteers",
        ),
        ("China sent troops. a million volunteers crossed.", None),
    ],
)
def test_implied_subject_reads_the_stored_sentence(
    pack: Pack, text: str, subject: str | None
) -> None:
    from dossier.annotate import annotate

    (figure,) = annotate(text, pack=pack, anchor=None).figures
    assert figure.subject == subject
