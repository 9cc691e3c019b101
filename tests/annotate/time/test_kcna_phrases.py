"""Time phrases of KCNA copy: adjectives, kinds of years and days of a month named."""

from __future__ import annotations

from dossier.packs import Pack
from tests.annotate.time.printed import printed_values


def found(
    text: str, pack: Pack, anchor: str = "2024-08-18"
) -> list[tuple[str, str | None]]:
    return printed_values(text, pack, anchor)


def test_the_present_before_a_noun_is_no_time(pack: Pack) -> None:
    assert found("The present Kursk battle will be a prelude.", pack) == []
    assert found("From 1950 to the present, they fought.", pack) == [
        ("1950", "1950"),
        ("the present", "PRESENT_REF"),
    ]


def test_a_year_of_changes_is_no_duration(pack: Pack) -> None:
    text = "2023 could be recorded in the history as a year of changes."
    assert found(text, pack) == [("2023", "2023")]
    assert found("It took a year of work.", pack) == [("a year", "P1Y")]


def test_that_day_is_a_day_of_the_month_last_named(pack: Pack) -> None:
    text = (
        "While walking along the river one day in May Juche 56 (1967), the "
        "President spoke.\nThat day, the President summoned the officials."
    )
    values = dict(found(text, pack, anchor="2024-01-30"))
    assert "one day" not in values
    assert values["That day"] == "1967-05"


def test_the_new_year_is_the_year_begun_or_coming(pack: Pack) -> None:
    text = "Banquets in celebration of the new year 2024 were held."
    assert found(text, pack, anchor="2024-01-02") == [("the new year 2024", "2024")]
    assert found("To greet the new year.", pack, anchor="2023-12-28") == [
        ("the new year", "2024")
    ]
