"""Encoding repairs: line endings, mojibake, U+FFFD runs, invisible characters."""

from __future__ import annotations

import pytest

from dossier.clean.encoding import invisible_edits, mojibake_edits, newline_edits
from dossier.offsets import rewrite
from tests.clean.conftest import CleanFunction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pyongyang, June 2\r\nThe delegation arrived.",
            "Pyongyang, June 2\nThe delegation arrived.",
        ),
        ("first line\rsecond line", "first line\nsecond line"),
        ("end of page one\fstart of page two", "end of page one\n\nstart of page two"),
        ("one\u2028two\u2029three", "one\ntwo\nthree"),
        ("already\nunix\n", "already\nunix\n"),
    ],
)
def test_newline_edits_normalise_line_ends(text: str, expected: str) -> None:
    assert rewrite(text, newline_edits(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Workersâ€™ Party of Korea", "the Workers’ Party of Korea"),
        ("the â€œgreat leaderâ€\x9d of the people", "the “great leader” of the people"),
        ("Pyongyang â€“ the capital", "Pyongyang – the capital"),
        ("a cafÃ© in Sheffield", "a café in Sheffield"),
        ("Koreaâ€™s friends and “comrades”", "Korea’s friends and “comrades”"),
        # Nothing to repair: curly quotes and accents that were right stay.
        ("the Workers’ Party and its “line”", "the Workers’ Party and its “line”"),
        ("Mrs Brontë’s café, £5 a head", "Mrs Brontë’s café, £5 a head"),
    ],
)
def test_mojibake_edits_repair_and_keep_curly_quotes(text: str, expected: str) -> None:
    assert rewrite(text, mojibake_edits(text))[0] == expected


def test_mojibake_edits_touch_only_the_broken_characters() -> None:
    text = "Kim Il Sung\nthe Workersâ€™ Party\nplain line"
    edits = mojibake_edits(text)
    assert edits
    assert all(
        text.index("â€™") <= e.start < e.end <= text.index(" Party") for e in edits
    )
    assert {e.kind for e in edits} == {"mojibake"}


def test_mojibake_edits_stay_local_in_repeated_phrases() -> None:
    # A whole-line diff paired the wrong copies of the repeated phrase.
    text = "Workersâ€™ Party and Workersâ€™ Party and Workers’ Party"
    edits = mojibake_edits(text)
    assert (
        rewrite(text, edits)[0]
        == "Workers’ Party and Workers’ Party and Workers’ Party"
    )
    assert [text[e.start : e.end] for e in edits] == ["â€™", "â€™"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("printed in 1986 \ufffd\ufffd\ufffd a copy", "printed in 1986 a copy"),
        ("the Kor\ufffdan people", "the Koran people"),
        ("written to \ufffd\ufffd his MP", "written to his MP"),
        ("the end.\ufffd", "the end."),
        ("word \ufffd \ufffd word", "word word"),
        ("Ko\u200brea", "Korea"),
        ("revo\u00adlution", "revolution"),
        ("\ufeffHeadline", "Headline"),
        ("bell\x07 rung", "bell rung"),
        ("tab\tstays", "tab\tstays"),
    ],
)
def test_invisible_edits_remove_replacement_runs_and_controls(
    text: str, expected: str
) -> None:
    assert rewrite(text, invisible_edits(text))[0] == expected


def test_clean_counts_replacement_characters(run_clean: CleanFunction) -> None:
    cleaned = run_clean("in 1986 \ufffd\ufffd\ufffd a copy and \ufffd\ufffd more")
    assert "\ufffd" not in cleaned.text
    assert cleaned.counts["replacement-char"] == 2
    assert cleaned.counts["replacement-chars-removed"] == 5
    kinds = [repair.kind for repair in cleaned.repairs]
    assert kinds.count("replacement-char") == 2


def test_clean_records_mojibake_repair_in_raw(run_clean: CleanFunction) -> None:
    raw = "Greetings to the Workersâ€™ Party of Korea."
    cleaned = run_clean(raw)
    assert cleaned.text == "Greetings to the Workers’ Party of Korea."
    repairs = [r for r in cleaned.repairs if r.kind == "mojibake"]
    assert repairs
    for repair in repairs:
        assert raw[repair.raw_start : repair.raw_end] == repair.before
    start, end = cleaned.offsets.to_raw(17, 31)
    assert raw[start:end] == "Workersâ€™ Party"


def test_clean_normalises_crlf_and_maps_back(run_clean: CleanFunction) -> None:
    raw = "Delegation Arrives\r\n\r\nA delegation arrived in Pyongyang on Friday.\r\n"
    cleaned = run_clean(raw)
    assert cleaned.text == (
        "Delegation Arrives\n\nA delegation arrived in Pyongyang on Friday."
    )
    word = cleaned.text.index("Pyongyang")
    start, end = cleaned.offsets.to_raw(word, word + 9)
    assert raw[start:end] == "Pyongyang"
