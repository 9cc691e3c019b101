"""What a line looks like: body, meta, boilerplate phrase, dateline, end marker."""

from __future__ import annotations

import pytest

from dossier.packs import Pack
from dossier.segment.lines import (
    WIRE_DATELINE,
    end_marker_at,
    is_body,
    is_meta_line,
    iter_lines,
    matches_phrase,
)


def test_iter_lines_skips_blank_lines() -> None:
    text = "Headline\n\nFirst line\n   \nLast"
    assert [text[s:e] for s, e in iter_lines(text)] == [
        "Headline",
        "First line",
        "Last",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The delegation laid a floral basket before the statues on the hill.", True),
        ("They are learning about the hardships of the guerrillas.", True),
        ("“The friendship between the two peoples is sealed in blood.”", True),
        ("Thank you.", False),
        ("Koguryo Tombs Preserved as Treasure of Nation", False),
        ("Home News Campaigns Pamphlets Events Shop Contact", False),
        (
            "Schoolchildren in Pyongyang have planted thousands of saplings of pine, "
            "ginkgo and cherry trees along the banks of the Taedong Riv",
            True,
        ),
    ],
)
def test_is_body_tells_sentences_from_furniture(line: str, expected: bool) -> None:
    assert is_body(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A stop, then closing marks, ends a sentence; six words make a body.
        ('He said the talks would go on "until the end."', True),
        ("The statement was read out at the meeting (KCNA).)", True),
        ("Who will answer for the crimes of the past?’  ", True),
        ("The people will never forget it…", True),
        ("The people will never forget.", False),  # five words
        ("They  said\tthe talks would go on.", True),  # six, any white space
        ("Long Live the Workers' Party of Korea\")", False),  # no stop
        ("...", False),
        ('")', False),
    ],
)
def test_is_body_reads_the_end_of_a_sentence(line: str, expected: bool) -> None:
    assert is_body(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Date: 16/10/2021 | Source: Voice of Korea | Read original version", True),
        ("Date: 14/09/2022 | Source: Naenara (En)", True),
        ("Posted: 3 May 2024", True),
        ("March 09, 2026Mar 09, 2026", True),
        ("KCNA Naenara (En)", True),
        ("Rodong Sinmun", True),
        ("Solidarity Bulletin issue 27 (July 2010)", True),
        ("By Jane Doe", True),
        ("Dated as it is, the report still holds: the war never ended.", False),
        ("By the end of the year the plant had doubled its output.", False),
        ("Koguryo Tombs Preserved as Treasure of Nation", False),
    ],
)
def test_is_meta_line_spots_labels_outlets_and_dates(
    line: str, expected: bool, pack: Pack
) -> None:
    assert is_meta_line(line, pack) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("To get the bulletin by e-mail, enter your email address below", True),
        ("Sign up for our weekly newsletter", True),
        (">>back to index >>view printer-friendly version", True),
        ("This site uses cookies", True),
        ("Log in | Register", True),
        # Phrases inside other words are not the phrase.
        ("The plant has registered the highest output in its history.", False),
        ("The factory overfulfilled its plan, logging in new records.", False),
        ("the catalog includes pamphlets", False),
    ],
)
def test_matches_phrase_finds_whole_words(
    line: str, expected: bool, pack: Pack
) -> None:
    phrases = pack.navigation
    assert matches_phrase(line, phrases, pack.boilerplate_max_line) is expected


def test_matches_phrase_ignores_long_lines(pack: Pack) -> None:
    line = "Sign up for our newsletter. " + "The text goes on. " * 20
    assert not matches_phrase(line, pack.navigation, 200)


@pytest.mark.parametrize(
    ("line", "place", "outlet"),
    [
        ("Pyongyang, June 2 (KCNA) -- Members of the union", "Pyongyang", "KCNA"),
        ("Pyongyang, May 12 (KCNA) --An exhibition opened", "Pyongyang", "KCNA"),
        ("Beijing, October 25, 2010 (Xinhua) — The ceremony", "Beijing", "Xinhua"),
        ("Pyongyang, August 5 (KCNA) – The plant", "Pyongyang", "KCNA"),
    ],
)
def test_wire_dateline_reads_place_and_outlet(
    line: str, place: str, outlet: str
) -> None:
    match = WIRE_DATELINE.match(line)
    assert match is not None
    assert (match["place"], match["outlet"]) == (place, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "Pyongyang, the capital, was rebuilt after the war.",
        "On June 2 (Sunday) -- the day of the rally -- crowds gathered.",
    ],
)
def test_wire_dateline_needs_place_date_and_outlet(line: str) -> None:
    assert WIRE_DATELINE.match(line) is None


@pytest.mark.parametrize(
    ("line", "before"),
    [
        (
            "Similar visits are planned for July and August. -0-",
            "Similar visits are planned for July and August.",
        ),
        (
            "I wish the Chinese people happiness.-0-",
            "I wish the Chinese people happiness.",
        ),
        ("-0-", ""),
        ("The meeting ended. ###", "The meeting ended."),
        ("The score was 1-0-", None),
        ("No marker at all.", None),
    ],
)
def test_end_marker_at_finds_a_trailing_marker(
    line: str, before: str | None, pack: Pack
) -> None:
    cut = end_marker_at(line, pack)
    assert (None if cut is None else line[:cut]) == before
