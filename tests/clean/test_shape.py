"""Line shapes several stages test: headline, title case, date line."""

from __future__ import annotations

import pytest

from dossier.clean.shape import is_date_line, is_headline, is_title_case


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Origin of Korean Revolution", True),
        ("Koryo Celadon Exhibition Opens in Kaesong", True),
        ("Anniversary of Founding of Anti-Japanese Guerrilla Army Observed", True),
        ("“Women Are Flowers”", True),
        ("Sixty years of a friendship sealed in blood", False),
        ("The delegation laid a floral basket at the statues.", False),
        ("1950 - 1953", False),
    ],
)
def test_is_title_case_spots_headline_casing(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Seminar on Korean Language Held", True),
        ("Pyongyang Schoolchildren Plant Saplings Along the Taedong River.", True),
        ("National Percussion Instrument—Janggo", True),
        ("Dear Comrade Kim Jong Il,", False),
        ("Marking the 60th Anniversary, KCNA Noted:", False),
        ("The Delegation Arrived. It Was Greeted at the Airport.", False),
        ("A delegation of the society arrived here on Friday", False),
        ("", False),
        ("Origin of Korean Revolution " * 8, False),
    ],
)
def test_is_headline_wants_a_short_title_cased_line(line: str, expected: bool) -> None:
    assert is_headline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 09, 2026", True),
        ("March 09, 2026Mar 09, 2026", True),
        ("  April 01, 2026  ", True),
        ("27 July 1953", True),
        ("Sept. 5, 2010", True),
        ("2024-05-03", True),
        ("16/10/2021", True),
        ("Date: 16/10/2021 | Source: Naenara (En)", False),
        ("March 8 and Korean Women", False),
        ("On July 27, 1953, the war ended.", False),
    ],
)
def test_is_date_line_accepts_single_and_doubled_dates(
    line: str, expected: bool
) -> None:
    assert is_date_line(line) is expected
