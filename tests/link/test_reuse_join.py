"""Pieces of a rewritten quotation join into one passage; template pieces
with other names between them do not (`link.reuse_pairs.joined`)."""

from __future__ import annotations

from dossier.link.align import Alignment, align
from dossier.link.passages import read_words
from dossier.link.reuse_pairs import (
    JOINED_SCORE,
    LEAST_SHARED,
    MIN_WORDS,
    SHORTEST_CHAIN,
    joined,
)
from tests.link.test_reuse import SENTENCES, STORY, essay_words


def passages(a: str, b: str) -> list[Alignment]:
    words_a, words_b = read_words(a), read_words(b)
    found = align(words_a, words_b, least=LEAST_SHARED, shortest=SHORTEST_CHAIN)
    return joined(found)


def test_swapped_sentences_join_into_one_passage() -> None:
    # Two sentences of the story, in the other order: each aligns alone in
    # fewer than MIN_WORDS words, together in more.
    essay = (
        essay_words(3, 200) + " " + SENTENCES[2] + " " + SENTENCES[1] + " "
    ) + essay_words(4, 200)
    pieces = align(
        read_words(STORY),
        read_words(essay),
        least=LEAST_SHARED,
        shortest=SHORTEST_CHAIN,
    )
    assert len(pieces) == 2
    assert all(piece.matched < MIN_WORDS for piece in pieces)
    [passage] = passages(STORY, essay)
    assert passage.matched >= MIN_WORDS
    assert passage.score >= JOINED_SCORE
    words = read_words(STORY)
    first, last = STORY.index(SENTENCES[1]), STORY.index(SENTENCES[2])
    assert int(words.starts[passage.a_start]) == first
    assert int(words.ends[passage.a_end - 1]) == last + len(SENTENCES[2]) - 1


def test_pieces_far_apart_stay_apart() -> None:
    # The same two sentences with a paragraph between them: two quotations
    # of 20-odd words, not one of 40.
    essay = (
        SENTENCES[2] + " " + essay_words(5, 40) + " " + SENTENCES[1]
    ) + essay_words(6, 100)
    found = passages(STORY, essay)
    assert len(found) == 2
    assert all(piece.matched < MIN_WORDS for piece in found)


def test_pieces_covering_little_of_their_span_stay_apart() -> None:
    # A template filled with other names aligns in pieces too (kcna-2024:
    # `Present at the ceremony for moving into new houses were ...`): close
    # enough to join, but the joined span would match 44 words of 60.
    pieces = [Alignment(0, 25, 0, 25, 22), Alignment(30, 55, 35, 60, 22)]
    assert Alignment(0, 55, 0, 60, 44).score < JOINED_SCORE
    assert sorted(joined(pieces), key=lambda x: x.a_start) == pieces
    # Matching closely, the same pieces join.
    close = [Alignment(0, 25, 0, 25, 25), Alignment(27, 52, 28, 53, 24)]
    assert joined(close) == [Alignment(0, 52, 0, 53, 49)]
