"""Whitespace: trailing blanks, inner runs, tabs, blank-line runs, the ends."""

from __future__ import annotations

import pytest

from dossier.clean.spaces import space_edits
from dossier.offsets import rewrite


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held its spring \nschool", "held its spring\nschool"),
        ("    On Sunday 7 October", "On Sunday 7 October"),
        ("Society                 Price 50p", "Society Price 50p"),
        ("through  Kim Il Sung's work", "through Kim Il Sung's work"),
        ("first\tsecond", "first second"),
        ("one paragraph.\n\n\n\nthe next", "one paragraph.\n\nthe next"),
        ("one paragraph.\n \n\t\nthe next", "one paragraph.\n\nthe next"),
        ("line one\n   indented line", "line one\nindented line"),
        ("no\u00a0\u00a0break", "no break"),
        ("\n\n  Headline\n\nBody.  \n \n", "Headline\n\nBody."),
        ("   \n\t ", ""),
        ("", ""),
        ("Already clean.\n\nTwo paragraphs.", "Already clean.\n\nTwo paragraphs."),
    ],
)
def test_space_edits_collapse_whitespace(text: str, expected: str) -> None:
    assert rewrite(text, space_edits(text))[0] == expected


def test_space_edits_leave_single_spaces_alone() -> None:
    assert space_edits("a single space between words\nand lines") == []


def test_space_edits_map_words_back_to_raw() -> None:
    raw = "  Price    50p \n"
    text, offsets = rewrite(raw, space_edits(raw))
    assert text == "Price 50p"
    assert raw[slice(*offsets.to_raw(6, 9))] == "50p"
    assert raw[slice(*offsets.to_raw(0, 5))] == "Price"
