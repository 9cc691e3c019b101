"""Event dates from anniversaries and dated statements; round anniversaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link import events as events_module
from dossier.link.events import Dated, Mentioned, events, is_round, refine
from tests.properties import examples


def _mention(text: str, printed: str, entity: str, type_: str = "") -> Mentioned:
    start = text.index(printed)
    return Mentioned(start, start + len(printed), entity, type_)


@pytest.mark.parametrize(
    ("date", "years", "day"),
    [
        ("2012-04-10", (1912, 1912), "1912-04-15"),
        # December may announce the coming year's anniversary, January look
        # back on last year's: two years until a day fixes it.
        ("2011-12-20", (1911, 1912), "1912-04-15"),
        ("2013-01-05", (1912, 1913), "1912-12-24"),
    ],
)
def test_an_anniversary_dates_its_event_from_the_storys_date(
    date: str, years: tuple[int, int], day: str
) -> None:
    text = "Events marking the 100th birth anniversary of Kim Il Sung were held."
    kim = _mention(text, "Kim Il Sung", "Kim Il Sung", "PERSON")
    (found,) = events(text, date=date, mentions=[kim], times=[])
    assert found.event == "birth of Kim Il Sung"
    assert (found.first_year, found.last_year) == years
    # Another source's day fixes the year: the anniversary nearest the story.
    fixed = refine(found, day, date)
    assert (fixed.first_year, fixed.last_year) == (1912, 1912)


def test_a_dated_statement_gives_the_day() -> None:
    text = (
        "The Down-with-Imperialism Union was founded on October 17, 1926, in Huadian."
    )
    union = _mention(text, "Down-with-Imperialism Union", "Down-with-Imperialism Union")
    start = text.index("October 17, 1926")
    when = Dated(start, start + 16, "October 17, 1926", "1926-10-17", "1926-10-17")
    (found,) = events(text, date="2021-10-16", mentions=[union], times=[when])
    assert (found.event, found.day) == (
        "founding of Down-with-Imperialism Union",
        "1926-10-17",
    )


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "It marked the 79th anniversary of Korea's liberation.",
            "liberation of Korea",
        ),
        (
            "It marked the 75th anniversary of the entry of the Chinese People's"
            " Volunteers into the Korean front.",
            "entry of the Chinese People's Volunteers",
        ),
        ("Rallies marked the 80th anniversary of the glorious WPK.", "founding of WPK"),
        # Which two countries, the words do not say; nor for a lecture given
        # "on the 76th founding anniversary" years back.
        (
            "It marked the 26th anniversary of relations between the two countries.",
            None,
        ),
        (
            "In a lecture given on the 76th founding anniversary of the WPK, he spoke.",
            None,
        ),
    ],
)
def test_events_are_named_one_way_however_printed(text: str, event: str | None) -> None:
    mentions = [_mention(text, "WPK", "WPK", "ORG")] if "WPK" in text else []
    found = events(text, date="2024-08-15", mentions=mentions, times=[])
    assert [f.event for f in found] == ([event] if event else [])


@pytest.mark.parametrize(
    ("years", "expected"),
    [(1, True), (75, True), (100, True), (125, True), (150, True), (35, False),
     (110, False), (2, False)],
)  # fmt: skip
def test_round_anniversaries(years: int, expected: bool) -> None:
    assert is_round(years) is expected


def _spans(matches: list[events_module.re.Match[str]]) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


def _everywhere(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in events_module._ANNIVERSARY.finditer(text)]


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "the 80th anniversary of the founding of the WPK",
                "the seventy-fifth ",
                "anniversary of ",
                "birth anniversary of Kim Il Sung, ",
                "the 100th ",
                "x" * 150,
                " ",
                "\n",
                "the ",
                "Anniversary Of the Liberation. ",
                "-12th anniversary of",
            ]
        ),
        max_size=40,
    )
)
def test_anniversaries_found_in_windows_are_those_found_everywhere(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    assert _spans(events_module._anniversary_matches(text)) == _everywhere(text)


def test_anniversaries_in_windows_on_a_year_of_kcna(corpus: Path) -> None:
    with (corpus / "kcna-2024" / "kcna-2024.jsonl").open(encoding="utf-8") as lines:
        text = "\n".join(json.loads(line)["text"] for line in lines)
    found = _spans(events_module._anniversary_matches(text))
    assert len(found) > 100
    assert found == _everywhere(text)
