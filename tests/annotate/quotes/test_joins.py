"""One statement printed as several quoted passages is one quote (issue 18)."""

from __future__ import annotations

import pytest

from dossier.annotate.quotes import find_quotes
from dossier.packs import Pack


def _direct(text: str, pack: Pack) -> list[tuple[str, str | None]]:
    return [
        (quote.text, quote.speaker)
        for quote in find_quotes(text, pack=pack)
        if quote.kind == "direct"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"The drills are over," Ri Son Gwon said. "We are ready for talks."',
            ['The drills are over," Ri Son Gwon said. "We are ready for talks.'],
        ),
        (
            "“If he thinks that makes him smart,” the narrator says, “what does he "
            "think of you?”",
            [
                "If he thinks that makes him smart,” the narrator says, “what does "
                "he think of you?"
            ],
        ),
        (
            "''Hopefully,'' the president said, ''this museum can help.''",
            ["Hopefully,'' the president said, ''this museum can help."],
        ),
        (
            "“I would,” Melanie said to the TV. “I would, Donald.”",
            ["I would,” Melanie said to the TV. “I would, Donald."],
        ),
        (
            "“How many times must we see this?” Clinton said. “It is unbearable.”",
            ["How many times must we see this?” Clinton said. “It is unbearable."],
        ),
    ],
)
def test_a_quote_split_by_its_cue_is_one_quote(
    text: str, expected: list[str], pack: Pack
) -> None:
    assert [quote for quote, _ in _direct(text, pack)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the second passage has a cue of its own
        '"The drills are over," Ri Son Gwon said. "We are ready," he added.',
        # a second cue in between starts a statement of its own
        '"We can\'t afford this," Trump said, adding later, "NATO costs a fortune."',
        # the writer's words outweigh the quoted ones
        '"It failed," said Jo Lee, a lawyer who has represented the families of '
        'miners in three states for two decades. "It will fail again."',
        # a sentence of the writer's between the halves
        '"It failed," Jo Lee said. The plant closed in May. "It will fail again."',
        # a new paragraph
        '"It failed," Jo Lee said.\n\n"It will fail again."',
    ],
)
def test_passages_with_their_own_frame_stay_apart(text: str, pack: Pack) -> None:
    assert len(_direct(text, pack)) == 2


def test_fragments_of_one_clause_are_one_mixed_quote(pack: Pack) -> None:
    text = 'Trump tweeted that Machado was "disgusting" and "a con".'
    assert _direct(text, pack) == [
        ('that Machado was "disgusting" and "a con', "Trump")
    ]


def test_a_reported_clause_ending_on_a_mark_is_direct(pack: Pack) -> None:
    text = 'Cruz called Trump a "pathological liar" who is "utterly amoral."'
    assert _direct(text, pack) == [
        ('Trump a "pathological liar" who is "utterly amoral.', "Cruz")
    ]


def test_a_phrase_running_on_to_a_quote_ending_the_clause_is_direct(
    pack: Pack,
) -> None:
    text = (
        "She wants to speak “directly to white people” and let them know that "
        "“this is not who we are.”"
    )
    assert [(q.kind, q.text) for q in find_quotes(text, pack=pack)] == [
        (
            "direct",
            "directly to white people” and let them know that “this is not who we are.",
        )
    ]


def test_a_reported_clause_running_past_its_marks_stays_reported(pack: Pack) -> None:
    text = 'Lee said the firm made "a demand" and "a plea" to the court last week.'
    quotes = find_quotes(text, pack=pack)
    assert [(q.kind, q.text) for q in quotes] == [
        ("reported", 'the firm made "a demand" and "a plea" to the court last week')
    ]
