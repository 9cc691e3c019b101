"""The looser tier of reuse: a passage rewritten sentence by sentence is found
with whole-sentence spans; a formula filled with other names is not
(`link.rewrites`, and `link.reuse` keeping what it finds)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.link import rewrites
from dossier.link.align import Alignment, align
from dossier.link.passages import read_words
from dossier.link.reuse_pairs import LEAST_SHARED, MIN_WORDS, SHORTEST_CHAIN, joined
from dossier.link.rewrites import (
    _content_words,
    _sentence_ends,
    filled_template,
    read_sentences,
    rewritten,
)
from tests.link.test_reuse import SENTENCES, STORY, essay_words

# The story's words (sentence ends among them), for texts made at random.
WORDS = sorted(set(STORY.split()) | {"stated", "toured", "June", "9", "000"})
# SENTENCES[1:4] as a heavy rewrite: the second sentence first, clauses moved
# to the front, words dropped and changed, a reporting verb replaced.
REWRITTEN = (
    "Where the officials exchanged views with scientists on raising yields"
    " per hectare and on the mechanisation of transplanting, it also went to"
    " the Academy of Agricultural Science. During its stay the delegation"
    " toured cooperative farms in South Hwanghae Province, where it looked"
    " round fields sown with new strains of rice and the irrigation canals"
    " dug by farmers last winter. The scientists stated to the delegation"
    " that the new strains had withstood the drought of last summer better"
    " than any grown before on the plains."
)
# The story's frame with other particulars: another ministry, place, date.
TEMPLATE = (
    "Pyongyang, June 9 (KCNA) -- A delegation of the Ministry of Fisheries led"
    " by its vice-minister left here on Sunday to study fish farming in the"
    " eastern provinces of the country. During its stay the delegation"
    " visited fish farms in Kangwon Province, where it looked round ponds"
    " stocked with new strains of trout and the sluices dug by the workers"
    " last spring."
)


def test_sentences_end_before_a_capital_not_inside_abbreviations() -> None:
    words = read_words("The U.S. imperialists said so. He said: “No.” Then 3 left")
    assert _sentence_ends(words).tolist() == [6, 9, 12]


def test_a_story_end_marker_before_a_line_break_ends_a_sentence() -> None:
    # The marker ends the story, the next line begins another; a marker
    # inside a line ends nothing.
    text = (
        "in the last century. -0-\r\nMany units work. - 30 -\n\nThe end -0- of it\nand"
    )
    assert _sentence_ends(read_words(text)).tolist() == [5, 9, 15]


def test_content_words_leave_function_words_out_and_join_digit_groups() -> None:
    tokens = ["nearly", "300", "000", "of", "them", "stated", "it"]
    assert _content_words(tokens) == ["nearly", "300000", None, None, None, "say", None]


def test_a_heavy_rewrite_is_found_with_whole_sentences_on_both_sides() -> None:
    essay = essay_words(7, 150) + " " + REWRITTEN + " " + essay_words(8, 150)
    story, other = read_words(STORY), read_words(essay)
    # The trigram tier sees pieces only, none of MIN_WORDS.
    pieces = joined(align(story, other, least=LEAST_SHARED, shortest=SHORTEST_CHAIN))
    assert all(piece.matched < MIN_WORDS for piece in pieces)
    [passage] = rewritten(read_sentences(story), read_sentences(other))
    first, last = STORY.index(SENTENCES[1]), STORY.index(SENTENCES[3])
    assert int(story.starts[passage.a_start]) == first
    assert int(story.ends[passage.a_end - 1]) == last + len(SENTENCES[3]) - 1
    start = essay.index(REWRITTEN)
    assert int(other.starts[passage.b_start]) == start
    assert int(other.ends[passage.b_end - 1]) == start + len(REWRITTEN) - 1
    assert passage.matched >= 0.75 * (passage.b_end - passage.b_start)


def test_texts_of_too_many_sentences_together_are_not_compared_by_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sentence matrices are bounded (MOST_PAIRS): two texts of 6,000
    sentences each filled 850 MB before. The bound is lowered here to just
    under the pair's own size: the rewrite found above is then not looked for."""
    essay = essay_words(7, 150) + " " + REWRITTEN + " " + essay_words(8, 150)
    story, other = read_sentences(read_words(STORY)), read_sentences(read_words(essay))
    size = len(story.content.sizes) * len(other.content.sizes)
    monkeypatch.setattr(rewrites, "MOST_PAIRS", size)
    assert len(rewritten(story, other)) == 1
    monkeypatch.setattr(rewrites, "MOST_PAIRS", size - 1)
    assert rewritten(story, other) == []


def test_a_short_sentence_next_to_a_rewritten_passage_joins_it() -> None:
    # The short sentence (4 content words, under MIN_CONTENT) moved to the
    # front: alone no match, next to the matched ones on both sides part of
    # the passage.
    short = "It remains only a matter of weeks."
    story_text = f"{SENTENCES[0]} {SENTENCES[1]} {short} {SENTENCES[2]}"
    rewritten_text = (
        f"{essay_words(3, 60)} {short} During its stay the delegation toured"
        " cooperative farms in South Hwanghae Province, where it looked round"
        " fields sown with new strains of rice and canals dug by farmers last"
        " winter. Where the officials exchanged views with scientists on"
        " raising yields per hectare and on the mechanisation of"
        " transplanting, it also went to the Academy of Agricultural Science."
        f" {essay_words(4, 60)}"
    )
    story, other = read_words(story_text), read_words(rewritten_text)
    [passage] = rewritten(read_sentences(story), read_sentences(other))
    assert int(story.starts[passage.a_start]) == story_text.index(SENTENCES[1])
    assert int(other.starts[passage.b_start]) == rewritten_text.index(short)
    # A short sentence shared with no passage next to it is no passage.
    alone = f"{essay_words(5, 60)} {short} {essay_words(6, 60)}"
    assert rewritten(read_sentences(story), read_sentences(read_words(alone))) == []


def test_a_formula_filled_with_other_particulars_is_no_rewrite() -> None:
    story, other = read_words(STORY), read_words(TEMPLATE)
    assert rewritten(read_sentences(story), read_sentences(other)) == []


def test_an_aligned_template_is_told_from_a_copy_with_slips() -> None:
    story = read_words(STORY)
    whole = Alignment(0, len(story.tokens), 0, len(story.tokens), len(story.tokens))
    template = read_words(TEMPLATE)
    span = Alignment(0, 40, 0, 40, 30)
    assert filled_template(story, template, span)
    # OCR slips in names (`Hwanghac`, `Pyongyanq`) are no other particulars.
    slipped = read_words(
        STORY.replace("Hwanghae", "Hwanghac").replace("Pyongyang", "Pyongyanq")
    )
    assert not filled_template(story, slipped, whole)
    assert not filled_template(story, story, whole)


@given(
    st.lists(st.sampled_from(WORDS), min_size=0, max_size=150),
    st.lists(st.booleans(), min_size=150, max_size=150),
    st.integers(min_value=0, max_value=150),
)
def test_rewritten_passages_lie_inside_both_texts(
    left: list[str], kept: list[bool], cut: int
) -> None:
    # The other text: some words dropped, its two halves swapped.
    right = [word for word, keep in zip(left, kept, strict=False) if keep]
    right = right[cut:] + right[:cut]
    a, b = read_words(" ".join(left)), read_words(" ".join(right))
    for passage in rewritten(read_sentences(a), read_sentences(b)):
        assert 0 <= passage.a_start < passage.a_end <= len(a.tokens)
        assert 0 <= passage.b_start < passage.b_end <= len(b.tokens)
        shorter = min(passage.a_end - passage.a_start, passage.b_end - passage.b_start)
        assert 0 < passage.matched <= shorter
