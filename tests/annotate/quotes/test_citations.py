"""Citations: `(‘Title’, KCNA, 21 October 2010)` and the forms around it."""

from __future__ import annotations

import pytest

from dossier.annotate.quotes import find_citations
from dossier.packs import Pack


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "bridges.” (‘Friendship Forged in Blood in Anti-US War’, KCNA, 21 October"
            " 2010)",
            ("Friendship Forged in Blood in Anti-US War", "KCNA", "2010-10-21"),
        ),
        (
            "(‘Mass meeting marks 60th [anniversary] of CPV’s entry into Korean front’,"
            " 25 October 2010)",
            (
                "Mass meeting marks 60th [anniversary] of CPV’s entry into"
                " Korean front",
                None,
                "2010-10-25",
            ),
        ),
        (
            "(‘Report on Enlarged Meeting’, Korean Central News Agency, 6 June 2011)",
            ("Report on Enlarged Meeting", "KCNA", "2011-06-06"),
        ),
        (
            '("Precious Asset of Two Peoples", Rodong Sinmun, October 26, 2010)',
            ("Precious Asset of Two Peoples", "Rodong Sinmun", "2010-10-26"),
        ),
        ("(KCNA, 2010-10-21)", (None, "KCNA", "2010-10-21")),
        (
            "(Source: The Pyongyang Times, 16/10/2021)",
            (None, "Pyongyang Times", "2021-10-16"),
        ),
        (
            "(‘Juche and the world’, Lalkar, March 2019)",
            ("Juche and the world", "Lalkar", "2019-03"),
        ),
        ("(‘Songun politics’, KCNA)", ("Songun politics", "KCNA", None)),
        (
            "(‘A Title’, Some New Bulletin, 3 May 2024)",
            ("A Title", "Some New Bulletin", "2024-05-03"),
        ),
    ],
)
def test_find_citations_reads_title_outlet_and_date(
    text: str, expected: tuple[str | None, str | None, str | None], pack: Pack
) -> None:
    (citation,) = find_citations(text, pack=pack)
    assert (citation.title, citation.outlet, citation.date) == expected
    assert text[citation.start : citation.end] == citation.text


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang, August 5 (KCNA) -- The meeting was held.",
        "on October 25, Juche 39 (1950) when the Korean people",
        "the Fatherland Liberation War (June 1950-July 1953), the Chinese Party",
        "Sinn Féin (‘Ourselves Alone’) to embody their struggle",
        "the period of Koguryo (277 B.C.-A.D. 668), which",
        "(‘An unknown bulletin’, Nobody Knows)",
    ],
)
def test_find_citations_leaves_other_brackets_alone(text: str, pack: Pack) -> None:
    assert find_citations(text, pack=pack) == []


def test_find_citations_in_order(pack: Pack) -> None:
    text = (
        "“First.” (‘One’, KCNA, 6 June 2011)\n\n“Second.” (‘Two’, KCNA, 24 October"
        " 2010)"
    )
    assert [c.title for c in find_citations(text, pack=pack)] == ["One", "Two"]
