"""What a figure measures in its sentence, and whether it is a running total."""

from __future__ import annotations

import pytest

from dossier.link.measures import measure


def _measure(sentence: str, figure: str, unit: str | None) -> tuple[str, bool]:
    start = sentence.index(figure)
    found = measure(sentence, start, start + len(figure), unit)
    return found.name, found.cumulative


@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "expected"),
    [
        (
            "On May 26, Israel dropped the same bomb on a refugee camp in Rafah,"
            " killing more than 40 civilians.",
            "more than 40 civilians",
            "civilians",
            ("killed", False),
        ),
        (
            "On June 8, 274 Palestinians were mercilessly killed and nearly 700"
            " wounded by the Israel's military attack.",
            "nearly 700",
            None,
            ("injured", False),
        ),
        (
            "He encouraged the pilots who successfully rescued more than 4 200"
            " people and shook hands with every one of them.",
            "more than 4 200 people",
            "people",
            ("rescued", False),
        ),
        (
            "- More than 41 600 families have moved into new houses in 141 cities"
            " and counties this year.",
            "More than 41 600 families",
            "families",
            ("built", False),
        ),
        (
            "People's China in particular sent a million volunteers to fight"
            " side-by-side with the Korean People's Army.",
            "a million volunteers",
            "volunteers",
            ("count", False),
        ),
        (
            "According to official data alone, the number of victims to the U.S."
            " massacres in the DPRK is 5 060 770 in total.",
            "5 060 770",
            None,
            ("count", True),
        ),
        (
            "His words mean that the death toll of innocent civilians in the Gaza"
            " Strip that has reached nearly 40 000 is not enough.",
            "nearly 40 000",
            None,
            ("killed", True),
        ),
        (
            "The Yoon's approval rate is in the line of 19 percent.",
            "19 percent",
            "%",
            ("percent", False),
        ),
        (
            "The U.S. Senate passed a bill on aid of more than 14 billion U.S."
            " dollars to Israel.",
            "more than 14 billion U.S. dollars",
            "U.S. dollars",
            ("amount", False),
        ),
    ],
)
def test_measure_reads_the_words_around_a_figure(
    sentence: str, figure: str, unit: str | None, expected: tuple[str, bool]
) -> None:
    assert _measure(sentence, figure, unit) == expected


def test_a_measure_word_past_another_number_belongs_to_that_number() -> None:
    sentence = "The rally drew 5 000 people, and 300 were arrested."
    assert _measure(sentence, "5 000 people", "people") == ("count", False)
