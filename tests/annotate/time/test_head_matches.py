"""The finder's hits, from the one scan and only the heads that matched, are
the hits of every rule scanned over the whole text in turn."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.time.finder import _hits, _matches, join_leads
from dossier.annotate.time.patterns import Rule, compile_rules
from dossier.packs import Pack, load_pack
from tests.annotate.time.test_properties import VOCABULARY
from tests.properties import examples

PACK = load_pack()
RULES = compile_rules(PACK.eras)
LEADS = join_leads(RULES)


def _each_rule(text: str, rules: tuple[Rule, ...]) -> list[tuple[int, int, int]]:
    """(rule, start, end) of each rule's matches from its own whole-text scan,
    but for a rule none of whose needed words the text holds."""
    lowered = text.lower()
    return sorted(
        (index, *match.span())
        for index, rule in enumerate(rules)
        if not rule.needs or any(word in lowered for word in rule.needs)
        for match in _matches(text, rule)
    )


def _found(text: str) -> list[tuple[int, int, int]]:
    hits = _hits(text, text.lower(), RULES, LEADS)
    for first, negative_end, _, hit in hits:
        assert (first, -negative_end) == (hit.start, hit.end)
        assert first <= hit.match.start()
    assert hits == sorted(hits, key=lambda item: item[:3])
    return sorted((index, *hit.match.span()) for _, _, index, hit in hits)


def test_every_rule_is_one_heads_and_the_scanned_heads_have_no_leads() -> None:
    shared = sorted(i for indexes in LEADS.sharing.values() for i in indexes)
    assert shared == list(range(len(RULES)))
    for key, indexes in LEADS.sharing.items():
        assert all(LEADS.heads[i] == key for i in indexes)
    assert LEADS.scanned, "the korea pack has a head scanned whole (a date)"
    for key in LEADS.scanned:
        assert RULES[key].leads is None and key not in LEADS.openers


def test_hits_equal_each_rules_scan_on_kcna(pack: Pack, corpus: Path) -> None:
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in islice(handle, 300)]
    found = 0
    for text in texts:
        expected = _each_rule(text, RULES)
        assert _found(text) == expected
        found += len(expected)
    assert found > 1000, "kcna-2024's stories hold many heads"
    # A text whose lower-casing moves offsets takes the whole-text scans.
    moved = "İ " + texts[0]
    assert len(moved.lower()) != len(moved)
    assert _found(moved) == _each_rule(moved, RULES)


def test_hits_equal_each_rules_scan_on_tricky_text() -> None:
    text = (
        "The day before yesterday, in the 1990s and the Nineties; Sundays, "
        "Mondaymorning, nineteen fifty, 1950s, the '50s, ’07, $2024, 3.2024, "
        "10:30 a.m., AD 79, 277 B.C., 12/03/2024, 2024-03-12, Juche 113 (2024), "
        "3rd of May, 31-1 March, May 5, MAY 5-7, Sept. 3rd, Jan15, noon, "
        "ten o'clock, ésunday, ßyesterday and the past"
    )
    assert _found(text) == _each_rule(text, RULES)
    kelvin = text + " \u212a"
    assert _found(kelvin) == _each_rule(kelvin, RULES)


@settings(deadline=None, max_examples=examples(400))
@given(
    st.one_of(
        st.text(max_size=200),
        st.lists(st.sampled_from(VOCABULARY), max_size=40).map(" ".join),
        st.lists(st.sampled_from(VOCABULARY), max_size=40).map("".join),
        st.lists(
            st.one_of(st.sampled_from(VOCABULARY), st.sampled_from(" ,.-’'$/\n")),
            max_size=60,
        ).map("".join),
    )
)
def test_hits_equal_each_rules_scan_on_any_text(text: str) -> None:
    assert _found(text) == _each_rule(text, RULES)
