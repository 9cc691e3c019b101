"""Word lists as one factored regex, with a tail per word."""

from __future__ import annotations

import re

import pytest

from dossier.annotate.wordtrie import tailed_trie


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the past", "the"),  # its tail: white space and `pas`
        ("the party", None),
        ("then", "then"),
        ("them", None),  # a longer run than any word
        ("sunset", "sun"),  # an empty tail: the start of a run
        ("sunday", "sunday"),
        ("sundays", "sun"),  # the whole word's tail fails, the start holds
    ],
)
def test_each_word_ends_with_its_own_tail(text: str, expected: str | None) -> None:
    pattern = re.compile(
        tailed_trie(
            {
                "the": r"(?=\s+pas)",
                "then": "(?![a-z])",
                "sunday": "(?![a-z])",
                "sun": "",
            }
        )
    )
    match = pattern.match(text)
    assert (match.group() if match else None) == expected
