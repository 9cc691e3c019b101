"""Quote marks paired into passages: straight, curly, nested, blocks, apostrophes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.quotes.marks import (
    _ATTRIBUTE,
    _MARK,
    Mark,
    _classify,
    find_marks,
    find_quoted,
)
from tests.properties import examples
from tests.real_texts import kcna_and_seeds

# The marks as first written: a pair before its single mark.
_PLAIN = re.compile(r"''|``|[\"'“”„‟«»‘’‚‛]")


def passages(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we are ready" today.', ["we are ready"]),
        ("He said “we are ready” today.", ["we are ready"]),
        ("The ‘Dealmaker’ arrived.", ["Dealmaker"]),
        ("The 'Dealmaker' arrived.", ["Dealmaker"]),
        (
            "''It's more tinkering at the edges,'' said Alan Cole.",
            ["It's more tinkering at the edges,"],
        ),
        (
            "“He told me, ‘Never give up,’ and I did,” she said.",
            [
                "He told me, ‘Never give up,’ and I did,",
                "Never give up,",
            ],
        ),
        (
            "”Mr. Trump embodies racism.” ― Sonya Herridge",
            ["Mr. Trump embodies racism."],
        ),
        (
            'the U.S., called the "terrorist kingpin ", has trained',
            ["terrorist kingpin "],
        ),
        ('<tweet author="carlquintanilla" id="77">text</tweet>', []),
    ],
)
def test_find_quoted_pairs_marks(text: str, expected: list[str]) -> None:
    assert passages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Workers’ Party of Korea and the people’s army.",
        "Marked in ’07 and again in the ’90s.",
        "Rock 'em, it's the Workers' Party's day, don't worry.",
        "In ‘07 the Workers’ Party met, and in the ‘90s the soldiers’ union did.",
        "The Workers’ Party of Korea held the soldiers’ meeting on the peoples’ day.",
    ],
)
def test_find_quoted_ignores_apostrophes(text: str) -> None:
    assert passages(text) == []


def test_find_quoted_keeps_apostrophes_inside_a_single_quote() -> None:
    text = (
        "(‘Mass meeting marks 60th [anniversary] of CPV’s entry into Korean front’, 25"
        " October 2010)"
    )
    assert passages(text) == [
        "Mass meeting marks 60th [anniversary] of CPV’s entry into Korean front"
    ]


def test_find_quoted_joins_a_block_quote_of_three_paragraphs() -> None:
    text = (
        "KCNA noted:\n\n“First paragraph.\n\n“Second paragraph.\n\n"
        "“Third and last paragraph.”\n\nThe author resumes."
    )
    (block,) = find_quoted(text)
    assert text[block.start : block.end] == (
        "First paragraph.\n\n“Second paragraph.\n\n“Third and last paragraph."
    )
    assert text[block.open_start] == "“"
    assert text[block.close_end - 1] == "”"


def test_find_quoted_runs_on_through_an_unmarked_paragraph_of_a_block() -> None:
    text = (
        "KCNA reported an article:\n\n“The tradition of ties…\n\n"
        "The international obligation grew.\n\n“The unbreakable nature shone.”"
    )
    (block,) = find_quoted(text)
    assert text[block.start : block.end].endswith("The unbreakable nature shone.")


def test_find_quoted_opens_after_a_colon_for_an_orphan_closing_mark() -> None:
    text = "A diary entry of President Truman:\n\nThis means all out war.”\n\nLater."
    (passage,) = find_quoted(text)
    assert text[passage.start : passage.end] == "This means all out war."
    assert passage.open_start == passage.start


def test_find_quoted_ends_an_unclosed_quote_at_its_paragraph() -> None:
    text = "He said “this never closes.\n\nA new paragraph with “a quote” here."
    found = passages(text)
    assert found == ["this never closes.", "a quote"]


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet="'`\"“”‘’a ", max_size=30))
def test_the_mark_scan_finds_the_marks_of_the_plain_alternation(text: str) -> None:
    assert [m.span() for m in _MARK.finditer(text)] == [
        m.span() for m in _PLAIN.finditer(text)
    ]


def every_mark(text: str) -> list[Mark]:
    """The marks as `find_marks` first read them: each match of `_MARK`
    classified (those inside markup left out)."""
    markup = [m.span() for m in _ATTRIBUTE.finditer(text)]
    marks = []
    for match in _MARK.finditer(text):
        at, end = match.span()
        if not any(start <= at < stop for start, stop in markup):
            mark = _classify(text, at, end)
            if mark is not None:
                marks.append(mark)
    return marks


def test_real_texts_hold_the_marks_every_match_classified_gives(corpus: Path) -> None:
    texts = kcna_and_seeds(corpus, 400)
    found = 0
    for text in texts:
        expected = every_mark(text)
        assert find_marks(text) == expected
        found += len(expected)
    assert found > 200


@settings(max_examples=examples(1000), deadline=None)
@given(st.text(alphabet="'`\"“”‘’«»„‚‛a1 =\n", max_size=30))
def test_any_text_holds_the_marks_every_match_classified_gives(text: str) -> None:
    assert find_marks(text) == every_mark(text)
