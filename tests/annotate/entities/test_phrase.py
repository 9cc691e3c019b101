"""A name's noun phrase: the article and honorific before it, beside its span."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dossier.model import Mention


def _phrase(found: list[Mention], text: str, name: str) -> str:
    (mention,) = [m for m in found if m.text == name]
    start = mention.start if mention.phrase_start is None else mention.phrase_start
    return text[start : mention.end]


@pytest.mark.parametrize(
    ("text", "name", "phrase"),
    [
        (
            "The deal needs the approval of the European Union and the GAO.",
            "European Union",
            "the European Union",
        ),
        ("The Pentagon said on Friday it would rebid.", "Pentagon", "The Pentagon"),
        (
            "Senator John McCain wrote to the Pentagon.",
            "John McCain",
            "Senator John McCain",
        ),
        (
            "It was opened by President Vladimir Putin.",
            "Vladimir Putin",
            "President Vladimir Putin",
        ),
        # A job set before the name is an apposition, not part of it.
        ("Apple CEO Steve Jobs unveiled the phone.", "Steve Jobs", "Steve Jobs"),
        ("said aviation analyst Paul Nesbit on Monday.", "Paul Nesbit", "Paul Nesbit"),
        # Before a possessive the article is the possessed thing's.
        ("The ruling overturned the Pentagon's award.", "Pentagon", "Pentagon"),
        # A body's kind before its name is in its phrase, after a determiner,
        # a preposition or a sentence's start; not after a verb.
        (
            "It was sold to aircraft manufacturer Boeing in 2007.",
            "Boeing",
            "aircraft manufacturer Boeing",
        ),
        (
            "A deal with the German airline Lufthansa was made.",
            "Lufthansa",
            "the German airline Lufthansa",
        ),
        ("He said aircraft maker Boeing won.", "Boeing", "Boeing"),
        # `the` inside a word is no article.
        ("They bathe Boeing jets in foam.", "Boeing", "Boeing"),
    ],
)
def test_phrase_takes_article_and_honorific(
    mentions: Callable[[str], list[Mention]], text: str, name: str, phrase: str
) -> None:
    assert _phrase(mentions(text), text, name) == phrase


def test_phrase_leaves_the_span_as_the_name(
    mentions: Callable[[str], list[Mention]],
) -> None:
    text = "Talks with the European Union resumed."
    (mention,) = mentions(text)
    assert text[mention.start : mention.end] == mention.text == "European Union"
    assert mention.phrase_start == text.index("the European")


def _phrase_end(found: list[Mention], text: str, name: str) -> str:
    (mention,) = [m for m in found if m.text == name]
    end = mention.end if mention.phrase_end is None else mention.phrase_end
    return text[mention.start : end]


@pytest.mark.parametrize(
    ("text", "name", "phrase"),
    [
        (
            "The jets are built in Toulouse, France, by Airbus.",
            "Toulouse",
            "Toulouse, France",
        ),
        ("It opened a plant in Mobile, Alabama.", "Mobile", "Mobile, Alabama"),
        # A list of places is no town in its region.
        ("Talks in Pyongyang, Kaesong and Wonsan ended.", "Pyongyang", "Pyongyang"),
        ("Envoys from China, Russia, Japan met.", "China", "China"),
    ],
)
def test_phrase_runs_on_over_the_region_of_a_town(
    mentions: Callable[[str], list[Mention]], text: str, name: str, phrase: str
) -> None:
    found = mentions(text)
    assert _phrase_end(found, text, name) == phrase
    # The region keeps its own mention.
    assert len(found) >= 2


def test_an_honorific_holding_a_name_stays_out_of_the_phrase(
    mentions: Callable[[str], list[Mention]],
) -> None:
    text = "said White House Press Secretary Josh Earnest on Friday."
    found = {m.text: m.phrase_start for m in mentions(text)}
    assert "White House" in found
    assert found["Josh Earnest"] is None


@pytest.mark.parametrize(
    ("text", "name", "phrase"),
    [
        # A name set before a lower-case noun modifies it: the article is the
        # noun's (issue 18).
        ("Turnout in the Virginia elections rose.", "Virginia", "Virginia"),
        ("Its sales in the U.S. market fell.", "U.S.", "U.S."),
        ("He said the Iowa caucuses, held in January, matter.", "Iowa", "Iowa"),
        ("It is legal in the U.S. states where voters chose it.", "U.S.", "U.S."),
        ("A spokesman for the U.S. attorney's office declined.", "U.S.", "U.S."),
        # A verb after the name leaves the article with it.
        ("The Pentagon reiterated its position.", "Pentagon", "The Pentagon"),
        (
            "The European Union maintains its tariffs.",
            "European Union",
            "The European Union",
        ),
        (
            "The European Union says it will act.",
            "European Union",
            "The European Union",
        ),
        ("The Pentagon won't comment.", "Pentagon", "The Pentagon"),
        ("The Pentagon put the order on hold.", "Pentagon", "The Pentagon"),
        ("The Pentagon also declined.", "Pentagon", "The Pentagon"),
        ("The Pentagon cannot comment.", "Pentagon", "The Pentagon"),
        (
            "Miners in the Philippines boost their output.",
            "Philippines",
            "the Philippines",
        ),
        (
            "Ties with the European Union developing at all levels were hailed.",
            "European Union",
            "the European Union",
        ),
    ],
)
def test_phrase_leaves_the_article_to_the_noun_a_name_modifies(
    mentions: Callable[[str], list[Mention]], text: str, name: str, phrase: str
) -> None:
    assert _phrase(mentions(text), text, name) == phrase
