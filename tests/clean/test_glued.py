"""Names glued to their neighbours where a web page set them apart by markup."""

from __future__ import annotations

import pytest

from dossier.clean.glued import glued_edits
from dossier.offsets import rewrite
from dossier.packs import Pack
from tests.clean.conftest import CleanFunction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A floral basket was sent to ComradeKim Jong Un by the committee.",
            "A floral basket was sent to Comrade Kim Jong Un by the committee.",
        ),
        (
            "WhenKim Jong Unappeared on the screen, they broke into applause.",
            "When Kim Jong Un appeared on the screen, they broke into applause.",
        ),
        (
            "President of the State Affairs,Kim Jong Un, sent a message.",
            "President of the State Affairs, Kim Jong Un, sent a message.",
        ),
        (
            "a seminar held at Kim Il SungUniversity on Sunday",
            "a seminar held at Kim Il Sung University on Sunday",
        ),
        (
            "the Kim Il Sung-Kim Jong IlFoundation said",
            "the Kim Il Sung-Kim Jong Il Foundation said",
        ),
        (
            "President Kim Il Sungand Chairman Kim Jong Ilvisited the plant",
            "President Kim Il Sung and Chairman Kim Jong Il visited the plant",
        ),
        (
            "a message to PresidentXi Jinpingon the occasion",
            "a message to President Xi Jinping on the occasion",
        ),
    ],
)
def test_glued_edits_split_names_from_neighbours(
    text: str, expected: str, pack: Pack
) -> None:
    assert rewrite(text, glued_edits(text, pack))[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Comrade Kim Jong Un inspected the site.",
        "a seminar at Kim Il Sung University on Sunday",
        "Kim Jong Un's letter and Kim Il Sung’s works",
        "the Kimilsungia and Kimjongilia festival",
        "Pyongyang, June 2 (KCNA) --Kim Jong Un, general secretary",
        "the Kim Il Sung-Kim Jong Il Foundation",
        "portraits of Kim Il Sungs in every room",
    ],
)
def test_glued_edits_leave_spaced_names_alone(text: str, pack: Pack) -> None:
    assert glued_edits(text, pack) == []


def test_clean_records_glued_names_as_raw_points(run_clean: CleanFunction) -> None:
    raw = "WhenKim Jong Unappeared on the screen"
    cleaned = run_clean(raw)
    assert cleaned.text == "When Kim Jong Un appeared on the screen"
    repairs = [r for r in cleaned.repairs if r.kind == "glued-name"]
    assert [(r.raw_start, r.raw_end, r.after) for r in repairs] == [
        (4, 4, " "),
        (15, 15, " "),
    ]
    start = cleaned.text.index("appeared")
    assert cleaned.offsets.to_raw(start, start + 8) == (15, 23)
