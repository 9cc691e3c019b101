"""Aggregator sidebars: each teaser is a headline twice, a cut lead, a date."""

from __future__ import annotations

import pytest

from dossier.model import Source
from dossier.packs import Pack
from dossier.pipeline import run_source
from dossier.segment.teasers import find_teasers
from tests.segment.conftest import SegmentFunction

ARTICLE = """\
Koryo Celadon Exhibition Opens in Kaesong

Date: 02/04/2026 | Source: Voice of Korea

An exhibition of Koryo celadon opened at the Koryo Museum in Kaesong on Tuesday, showing more than two hundred pieces of inlaid celadon.

The pieces on display were made between the 10th and 14th centuries and were found in tombs and kiln sites across the country.

More From Voice of Korea
"""  # noqa: E501

SIDEBAR = [
    (
        "Folk Games Enjoyed across Country",
        "Traditional folk games such as kite flying, top spinning and yut are widely "
        "enjoyed by people of all ages in the DPRK.They are par",
        "April 01, 2026",
    ),
    (
        # A headline that is a full sentence, ending with a period.
        "Pyongyang Schoolchildren Plant Saplings Along the Taedong River.",
        "Schoolchildren in Pyongyang have planted thousands of saplings of pine, "
        "ginkgo and cherry trees along the banks of the",
        "March 31, 2026Mar 31, 2026",
    ),
    (
        "New Textbooks Published",
        "The Education Publishing House has brought out a new series of textbooks for "
        "primary schools which incorporate the latest pedagogi",
        "March 30, 2026",
    ),
]


def _sidebar() -> str:
    parts = [
        f"{title}\n\n{title}\n\n{lead}\n\n{date}\n\n{lead}\n"
        for title, lead, date in SIDEBAR
    ]
    return "\n".join(parts)


def test_find_teasers_takes_five_lines_each() -> None:
    lines = [line for line in _sidebar().split("\n") if line]
    assert find_teasers(lines) == [(0, 5), (5, 10), (10, 15)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A doubled headline with only its lead after it.
        (
            ["Headline Here", "Headline Here", "The lead of the story is cut off h"],
            [(0, 3)],
        ),
        # A line repeated in body text is not a teaser without a doubled start.
        (
            [
                "The war ended in 1953.",
                "The peace never came.",
                "The war ended in 1953.",
            ],
            [],
        ),
        ([], []),
    ],
)
def test_find_teasers_needs_a_doubled_headline(
    lines: list[str], expected: list[tuple[int, int]]
) -> None:
    assert find_teasers(lines) == expected


def test_segment_makes_one_teaser_document_each(run_segment: SegmentFunction) -> None:
    segmented = run_segment(ARTICLE + "\n" + _sidebar() + "\nMore Articles\n")
    teasers = segmented.of_kind("teaser")
    assert len(segmented.of_kind("article")) == 1
    assert len(teasers) == len(SIDEBAR)
    for teaser, (title, lead, _date) in zip(teasers, SIDEBAR, strict=True):
        assert teaser.text == lead
        assert [b.kind for b in teaser.blocks] == [
            "teaser-headline",
            "teaser-repeat",
            "teaser-lead",
            "teaser-date",
            "teaser-repeat",
        ]
        assert teaser.blocks[0].text == title


def test_teaser_documents_carry_their_titles(pack: Pack) -> None:
    raw = ARTICLE + "\n" + _sidebar()
    source = Source(path="page.txt", part=0, raw=raw, encoding="utf-8", sha256="")
    documents = run_source(source, pack)[0].documents
    titles = [d.meta.title for d in documents if d.kind == "teaser"]
    assert titles == [title for title, _lead, _date in SIDEBAR]


def test_teaser_leads_stay_cut(run_segment: SegmentFunction) -> None:
    # A lead cut mid-sentence is not rejoined with the date line after it.
    segmented = run_segment(ARTICLE + "\n" + _sidebar())
    assert "along the banks of the\n\nMarch 31, 2026" in segmented.cleaned.text
