"""A unit's name is not a figure: `618 Construction Shock Brigade`, `No. 3
plant`, `Unit 1`, `units 731, 100 and 516` (issue 15); counts stay counts."""

from __future__ import annotations

import pytest

from dossier.annotate.figures import find_figures
from dossier.packs import Pack


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers of the 618 Construction Shock Brigade finished the work.", []),
        ("Members of the 90 Jang Chol Gu Shock Brigade arrived.", []),
        ("Workers of the No. 3 plant exceeded the plan.", []),
        ("Unit 1 of the power station was repaired.", []),
        (
            "The chemical weapons left by the secret germ warfare units of the"
            " Imperial Japanese Army such as units 731, 100, 516 and 1855 were found.",
            [],
        ),
        ("A total of 120 Heroes of Labour were honoured.", ["120 Heroes"]),
        ("The 124th Regiments of the KPA built 200 houses.", ["200 houses"]),
        ("It mobilised over 300 Army trucks.", ["over 300 Army trucks"]),
    ],
)
def test_names_of_units_are_not_figures(
    text: str, expected: list[str], pack: Pack
) -> None:
    assert [f.text for f in find_figures(text, pack=pack)] == expected
