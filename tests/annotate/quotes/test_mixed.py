"""Quoted words inside the writer's sentence: mixed quotes and fragments (issue 18)."""

from __future__ import annotations

import pytest

from dossier.annotate.quotes import find_quotes
from dossier.packs import Pack


def _kinds(text: str, pack: Pack) -> list[tuple[str, str]]:
    return [(q.kind, q.text) for q in find_quotes(text, pack=pack)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sullivan says he is satisfied that there has been “no illegal "
            "disclosure by anyone” at the agency.",
            "that there has been “no illegal disclosure by anyone” at the agency",
        ),
        (
            'Lynch said there remains a "significant difference in private '
            'practice and government" when it comes to staffing.',
            'there remains a "significant difference in private practice and '
            'government" when it comes to staffing',
        ),
    ],
)
def test_a_quote_closed_mid_clause_is_reported_speech(
    text: str, expected: str, pack: Pack
) -> None:
    assert _kinds(text, pack) == [("reported", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Clinton described her rival as a “con artist” in a speech.",
            "her rival as a “con artist",
        ),
        (
            "Christie called Clinton a “disgrace” after she blamed the police.",
            "Clinton a “disgrace",
        ),
        (
            "Clinton called Trump a “con artist,” and the crowd cheered.",
            "Trump a “con artist,",
        ),
        (
            "The ministry released the following press statement titled "
            '"The drills will be met with resolve" on August 18:',
            "The drills will be met with resolve",
        ),
        (
            'Japan keeps vociferating about "threat from its neighbours" so often.',
            'about "threat from its neighbours',
        ),
        (
            "Washington committed a political provocation, terming it a "
            '"threat" to Europe.',
            "threat",
        ),
    ],
)
def test_words_framing_the_saying_leave_the_quote_direct(
    text: str, expected: str, pack: Pack
) -> None:
    assert [t for k, t in _kinds(text, pack) if k == "direct"] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Clinton had mocked the complaint, saying anybody who complains about "
            "a microphone “is not having a good night.”",
            "anybody who complains about a microphone “is not having a good night.",
        ),
        (
            "She says it underscores that Trump is “temperamentally unfit.”",
            "it underscores that Trump is “temperamentally unfit.",
        ),
        (
            "Kim told KCNA that the drills were “a reckless provocation.”",
            "that the drills were “a reckless provocation.",
        ),
    ],
)
def test_a_mixed_quote_starts_where_its_cue_of_saying_ends(
    text: str, expected: str, pack: Pack
) -> None:
    assert [t for k, t in _kinds(text, pack) if k == "direct"] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Obama on Climate Change: The Trends Are 'Terrifying.'\n\nMore text.",
            [("direct", "The Trends Are 'Terrifying.")],
        ),
        (
            "Obama Says Museum Will Tell of 'Suffering and Delight.'\n\nMore.",
            [("direct", "Museum Will Tell of 'Suffering and Delight.")],
        ),
        (
            "Pence: Trump Was ‘Mocking’ Clinton Camp\n\nMore text.",
            [("reported", "Mocking’ Clinton Camp")],
        ),
    ],
)
def test_a_quote_ending_a_headline_runs_from_its_cue(
    text: str, expected: list[tuple[str, str]], pack: Pack
) -> None:
    assert _kinds(text, pack) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "With thousands of counting systems, “there is no single point of "
            "failure,” he said.",
            [("direct", "With thousands of counting systems, “there is no single "
              "point of failure,")],
        ),
        (
            "“The only way Wall Street will change is jail time” for criminal "
            "behavior, she said.",
            [("direct", "The only way Wall Street will change is jail time” for "
              "criminal behavior")],
        ),
        (
            "A cashier who “steals a handful of $20s” is held accountable, Warren "
            "said.",
            [("reported", "A cashier who “steals a handful of $20s” is held "
              "accountable")],
        ),
        (
            "“We are ready,” he said.",
            [("direct", "We are ready,")],
        ),
        (  # a participle after the mark goes on with the writer's sentence
            'In June 2022, NATO adopted a new "strategic concept", specifying '
            "China as a systemic challenge.",
            [("direct", "strategic concept")],
        ),
    ],
)  # fmt: skip
def test_a_statement_attributed_after_it_is_the_sentence_before_its_cue(
    text: str, expected: list[tuple[str, str]], pack: Pack
) -> None:
    assert _kinds(text, pack) == expected
