"""Particulars in the looser tier of reuse (`link.rewrites`): a rewrite may
drop a sentence's only name, which leaves nothing on one side to compare."""

from __future__ import annotations

from dossier.link.passages import read_words
from dossier.link.rewrites import read_sentences, rewritten
from tests.link.test_reuse import essay_words

AFTER = (
    " They planted roses and lilies along the paths and painted the benches"
    " green and white. Every evening the workers now gather there to play chess"
    " and talk about the work of the day."
)
STORY = (
    "The workers of the hostel built a resting place with a chessboard, chairs"
    " and a flower garden for their holiday before May Day." + AFTER
)
# The first sentence's clause moved to the front and its one name (`Day`)
# dropped: `May` alone is no name to the tier (the modal verb's spelling).
REWRITE = (
    "Before May, the workers of the hostel built a resting place with a"
    " chessboard, chairs and a flower garden for their holiday." + AFTER
)


def test_a_sentence_whose_only_name_a_rewrite_dropped_still_matches() -> None:
    first = f"{essay_words(21, 80)} {STORY} {essay_words(22, 80)}"
    second = f"{essay_words(23, 80)} {REWRITE} {essay_words(24, 80)}"
    a, b = read_words(first), read_words(second)
    [passage] = rewritten(read_sentences(a), read_sentences(b))
    assert int(a.starts[passage.a_start]) == first.index(STORY)
    assert int(b.starts[passage.b_start]) == second.index(REWRITE)
    assert int(a.ends[passage.a_end - 1]) == first.index(STORY) + len(STORY) - 1


def test_a_sentence_naming_others_in_place_of_its_names_does_not_match() -> None:
    # Names on both sides, none shared: another occasion, not a rewrite.
    first = f"{essay_words(21, 80)} {STORY} {essay_words(22, 80)}"
    other = STORY.replace("before May Day", "before Chongjin Youth Games")
    second = f"{essay_words(23, 80)} {other} {essay_words(24, 80)}"
    a, b = read_words(first), read_words(second)
    assert all(
        int(a.starts[passage.a_start]) != first.index(STORY)
        for passage in rewritten(read_sentences(a), read_sentences(b))
    )
