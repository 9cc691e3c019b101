"""`python -m eval.timeml --words`: where the gold and dossier tag one class
of words, the counts issue 18's ninth round weighs each class by."""

from __future__ import annotations

import re

from eval.timeml_words import Tally, places, tally

# Two documents as the scorer's `load_gold` gives them: set, path, text, DCT
# and the gold TIMEX3s (start, end, value, type).
FIRST = "Prosecutors may soon seek an indictment, after a recent filing."
SECOND = "The plant was soon released, and the recent sale is done."
GOLD = {
    "wsj_1": (
        "TimeBank",
        "wsj_1.tml",
        FIRST,
        "1989-10-27",
        [(16, 20, "FUTURE_REF", "DATE")],
    ),
    "apw_2": ("AQUAINT", "apw_2.tml", SECOND, "2000-02-24", []),
}
PREDICTIONS = [
    # dossier's `recent` in the first text, where the gold has none.
    {"doc": "wsj_1", "timexes": [{"start": 49, "end": 55, "value": "PAST_REF"}]},
    {"doc": "apw_2", "timexes": [{"start": 14, "end": 18, "value": "FUTURE_REF"}]},
]


def test_places_mark_each_match_by_the_gold_and_by_dossier() -> None:
    found = list(places(re.compile(r"\b(?:soon|recent)\b"), GOLD, PREDICTIONS))
    assert [(p.doc, FIRST[p.start : p.end]) for p in found[:2]] == [
        ("wsj_1", "soon"),
        ("wsj_1", "recent"),
    ]
    assert [(p.gold, p.ours) for p in found] == [
        ("FUTURE_REF", None),  # the gold's, missed
        (None, "PAST_REF"),  # dossier's alone
        (None, "FUTURE_REF"),  # dossier's alone, in the other set
        (None, None),
    ]
    assert found[0].line.startswith("G- wsj_1 gold FUTURE_REF / dossier None |")


def test_tally_counts_one_sets_places() -> None:
    found = list(places(re.compile(r"\b(?:soon|recent)\b"), GOLD, PREDICTIONS))
    timebank = tally([p for p in found if p.group == "TimeBank"])
    assert (timebank.matches, timebank.gold, timebank.dossier) == (2, 1, 1)
    assert (timebank.both, timebank.value) == (0, 0)
    aquaint = tally([p for p in found if p.group == "AQUAINT"])
    assert aquaint.row == (
        "2 matches: the gold tags 0, dossier 1; both 0, the same value 0"
    )


def test_tally_counts_the_same_value_only_where_both_tag() -> None:
    gold = {
        "d": ("TimeBank", "d.tml", "It rose annually.", None, [(8, 16, "P1Y", "SET")])
    }
    agree = [{"doc": "d", "timexes": [{"start": 8, "end": 16, "value": "P1Y"}]}]
    differ = [{"doc": "d", "timexes": [{"start": 8, "end": 16, "value": "XXXX"}]}]
    pattern = re.compile("annually")
    assert tally(list(places(pattern, gold, agree))).value == 1
    assert tally(list(places(pattern, gold, differ))) == Tally(
        matches=1, gold=1, dossier=1, both=1, value=0
    )
