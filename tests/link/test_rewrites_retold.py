"""A passage told again in other words with the same particulars is a
retelling, which the formula test does not weigh (`link.rewrites.retold`);
a formula (same words, other particulars), a list named again and a passage
repeated word for word are not retellings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.link.align import Alignment, align
from dossier.link.passages import Words, read_words
from dossier.link.reuse_formula import shared_grams
from dossier.link.reuse_pairs import LEAST_SHARED, MIN_WORDS, SHORTEST_CHAIN
from dossier.link.rewrites import read_sentences, retold, rewritten
from tests.link.test_reuse import STORY
from tests.link.test_reuse_rewrites import REWRITTEN, TEMPLATE


def whole(a: Words, b: Words) -> Alignment:
    return Alignment(0, len(a.tokens), 0, len(b.tokens), len(a.tokens))


def only_rewritten(a: Words, b: Words) -> Alignment:
    [passage] = rewritten(read_sentences(a), read_sentences(b))
    return passage


def test_a_rewrite_keeping_its_particulars_is_retold() -> None:
    story, other = read_words(STORY), read_words(REWRITTEN)
    passage = only_rewritten(story, other)
    assert retold(story, other, passage)
    # Its shingles are not what the formula test weighs.
    assert len(shared_grams(story, other, passage)) == 0


def test_a_passage_repeated_word_for_word_is_not_retold() -> None:
    story = read_words(STORY)
    assert not retold(story, story, whole(story, story))
    assert len(shared_grams(story, story, whole(story, story))) > 0


def test_a_formula_with_other_particulars_is_not_retold() -> None:
    story, template = read_words(STORY), read_words(TEMPLATE)
    assert not retold(story, template, Alignment(0, 40, 0, 40, 30))


def test_a_rewrite_naming_one_particular_more_is_not_retold() -> None:
    story = read_words(STORY)
    added = read_words(
        REWRITTEN.replace("Hwanghae Province", "Hwanghae Province near Haeju")
    )
    assert not retold(story, added, only_rewritten(story, added))


def test_a_list_named_again_in_other_order_is_not_retold() -> None:
    # Names are most of its content words: the same officials at another
    # event, not a story told again.
    names = [
        "Kim Tok Hun", "Jo Yong Won", "Ri Il Hwan", "Pak Jong Chon",
        "Choe Ryong Hae", "Ri Pyong Chol", "Kim Jae Ryong", "Jon Hyon Chol",
    ]  # fmt: skip
    first = "Present there were " + ", ".join(names) + " and other officials."
    again = "Present were " + ", ".join(reversed(names)) + " and officials."
    a, b = read_words(first), read_words(again)
    assert not retold(a, b, whole(a, b))


def story_texts(corpus: Path, *titles: str) -> list[str]:
    """The first kcna-2024 story of each title."""
    found: dict[str, str] = {}
    with (corpus / "kcna-2024" / "kcna-2024.jsonl").open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            found.setdefault(str(row["title"]), str(row["text"]))
    return [found[title] for title in titles]


@pytest.mark.corpus
def test_kcna_relief_story_retelling_the_measures_is_retold(corpus: Path) -> None:
    # The relief story retells, reworded, two sentences of the story of the
    # leader's measures (the aid sent by his private train, the Political
    # Bureau members sent to Jagang and Ryanggang): eval/gold/reuse_real.json.
    measures, relief = (
        read_words(text)
        for text in story_texts(
            corpus,
            "Respected Comrade Kim Jong Un Takes Important Measures for"
            " Rehabilitation in Flood-hit Areas",
            "Relief Materials from WPK Central Committee Delivered to Inhabitants"
            " in Flood-hit Areas of Jagang Province",
        )
    )
    passages = rewritten(read_sentences(measures), read_sentences(relief))
    assert any(retold(measures, relief, passage) for passage in passages)


@pytest.mark.corpus
@pytest.mark.parametrize(
    "titles",
    [
        # Greetings exchanged between two foreign ministers: each way its
        # own message, the same names but other dates.
        ("Greetings to DPRK FM", "Greetings to Syrian FM"),
        # The long list of senders of New Year greetings, named again in July.
        (
            "Respected Comrade Kim Jong Un Receives Congratulatory Messages and"
            " Letters from Different Countries on New Year",
            "Messages and Letters to Respected Comrade Kim Jong Un from Abroad",
        ),
    ],
)
def test_kcna_formulas_are_not_retold(corpus: Path, titles: tuple[str, str]) -> None:
    a, b = (read_words(text) for text in story_texts(corpus, *titles))
    passages = [
        x
        for x in align(a, b, least=LEAST_SHARED, shortest=SHORTEST_CHAIN)
        if x.matched >= MIN_WORDS
    ]
    assert passages
    assert not any(retold(a, b, passage) for passage in passages)
