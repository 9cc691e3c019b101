"""Rejoining a sentence that a page break cut into two paragraphs."""

from __future__ import annotations

import pytest

from dossier.clean.pagebreak import pagebreak_edits
from dossier.offsets import rewrite
from tests.clean.conftest import CleanFunction


def _rejoin(text: str) -> str:
    return rewrite(text, pagebreak_edits(text))[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Today we must step up our work in the\n\n\n"
            "U. S. to stay the hand of the warmongers who threaten Korea.",
            "Today we must step up our work in the "
            "U. S. to stay the hand of the warmongers who threaten Korea.",
        ),
        (
            "to send photographs to the editor so that they can be kept in the\n\n"
            "society's archive and, in time, shown at a public exhibition.",
            "to send photographs to the editor so that they can be kept in the "
            "society's archive and, in time, shown at a public exhibition.",
        ),
        (
            "The delegation laid wreaths and\n\nvisited the monument on the hill.",
            "The delegation laid wreaths and visited the monument on the hill.",
        ),
        (
            "The talks were held in the\n\n"
            "Democratic People's Republic of Korea, where the guests spent a week.",
            "The talks were held in the "
            "Democratic People's Republic of Korea, where the guests spent a week.",
        ),
    ],
)
def test_pagebreak_edits_rejoin_a_cut_sentence(text: str, expected: str) -> None:
    assert _rejoin(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A headline, then its first paragraph.
        "Koryo Celadon Exhibition Opens in Kaesong\n\n"
        "An exhibition of Koryo celadon opened at the museum on Tuesday.",
        # A headline ending in a small word is still a headline.
        "What the Solidarity Movement Stands For\n\n"
        "The movement was founded in 1968 by veterans of the peace campaigns.",
        # A teaser lead cut off mid-sentence, then the teaser's date.
        "Schoolchildren in Pyongyang have planted saplings along the banks of the\n\n"
        "April 01, 2026",
        "Traditional folk games such as kite flying are enjoyed by people of\n\n"
        "March 09, 2026Mar 09, 2026",
        # A paragraph that ends a sentence.
        "The armistice was signed at Panmunjom in 1953.\n\n"
        "the war has never formally ended, and the peninsula remains divided.",
        "Marking the anniversary, the paper wrote:\n\n"
        "the friendship between the two peoples is sealed in blood.",
        # A short capitalised line after a paragraph cut on a small word.
        "He spoke on behalf of the\n\nKorean War Veterans",
    ],
)
def test_pagebreak_edits_keep_real_paragraph_breaks(text: str) -> None:
    assert pagebreak_edits(text) == []


def test_clean_rejoins_page_break_and_records_it(run_clean: CleanFunction) -> None:
    raw = (
        "The campaign will go on until every foreign soldier has left the\n"
        "\n \n\n"
        "south of the peninsula, the speaker said."
    )
    cleaned = run_clean(raw)
    assert "has left the south of the peninsula" in cleaned.text
    (repair,) = [r for r in cleaned.repairs if r.kind == "page-break"]
    assert raw[repair.raw_start : repair.raw_end] == repair.before
    assert repair.before.strip() == ""
    assert repair.after == " "
