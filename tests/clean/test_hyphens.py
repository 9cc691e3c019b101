"""`keep_hyphen`: is a hyphen at a line end part of the word?"""

from __future__ import annotations

import pytest

from dossier.clean.hyphens import keep_hyphen
from dossier.packs import Pack


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # Real compounds: the hyphen stays.
        ("side-by", "side", True),
        ("co", "operation", True),
        ("freedom", "fighters", True),
        ("anti", "imperialist", True),
        ("self", "reliance", True),
        ("working", "class", True),
        ("so", "called", True),
        ("counter", "revolutionary", True),
        ("Korean", "Chinese", True),
        ("1950", "53", True),
        # Words split by the typesetter: the hyphen goes.
        ("revolu", "tion", False),
        ("revolu", "tionary", False),
        ("inter", "nationalism", False),
        ("govern", "ment", False),
        ("strug", "gle", False),
        ("impe", "rialists", False),
        ("inde", "pendence", False),
        ("re", "unification", False),
    ],
)
def test_keep_hyphen_decides_compounds(
    left: str, right: str, expected: bool, pack: Pack
) -> None:
    assert keep_hyphen(left, right, prefixes=pack.keep_hyphen_prefixes) is expected


@pytest.mark.parametrize(
    ("left", "right", "vocabulary", "expected"),
    [
        ("co", "operation", {"cooperation"}, False),
        ("peace", "loving", {"peace-loving"}, True),
        ("grass", "roots", {"grass-roots"}, True),
        ("north", "east", {"northeast"}, False),
    ],
)
def test_keep_hyphen_follows_the_text_own_spelling(
    left: str, right: str, vocabulary: set[str], expected: bool, pack: Pack
) -> None:
    decided = keep_hyphen(
        left, right, vocabulary=vocabulary, prefixes=pack.keep_hyphen_prefixes
    )
    assert decided is expected


def test_keep_hyphen_prefix_needs_a_word_after_it(pack: Pack) -> None:
    # "co-" + "mrades" is a split word although "co" is a hyphen prefix.
    assert keep_hyphen("co", "mrades", prefixes=pack.keep_hyphen_prefixes) is False
