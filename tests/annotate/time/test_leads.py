"""Lead words: read off a head's pattern, and the scan they drive finds what a
whole-text scan of every head finds."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from dossier.annotate.time.finder import (
    _hits,
    _led_matches,
    _matches,
    _opened_matches,
    join_leads,
)
from dossier.annotate.time.leads import Parsed, first_chars, lead_words
from dossier.annotate.time.patterns import _dates, _opens, _relatives, compile_rules
from dossier.packs import Era, Pack


def test_words_of_a_cased_alternation_and_an_optional_article() -> None:
    leads = lead_words(r"(?:[Tt]he\s+)?(?:D(?:AY|ay)|day)s?(?![\w-])")
    assert leads is not None
    assert leads.whole == {"the", "day", "days"} and not leads.start


def test_a_pattern_that_may_stop_inside_a_word_gives_a_start() -> None:
    leads = lead_words(r"(?:Sun|Mon)\.?")
    assert leads is not None
    assert leads.start == {"sun", "mon"}


def test_the_word_after_a_lead_word_and_white_space_is_read() -> None:
    leads = lead_words(r"(?:[Tt]he\s+(?:past|future|\d+th)|[Tt]oday)(?![\w-])")
    assert leads is not None
    assert dict(leads.after) == {"the": {"pas", "fut", r"\d"}}


@pytest.mark.parametrize(
    "source", [r"[Tt]he(?:\s+past|-day)", r"the\b", r"the\s+\w+", r"the\s+"]
)
def test_a_lead_word_followed_otherwise_has_no_next_word(source: str) -> None:
    leads = lead_words(source)
    assert leads is not None and "the" in leads.whole
    assert "the" not in dict(leads.after)


def test_the_scan_finds_a_followed_word_only_before_its_next_words(
    pack: Pack,
) -> None:
    rules = compile_rules(pack.eras)
    leads = join_leads(rules)
    text = "in the past, the party and the 5th of May, the new year"
    lowered = text.lower()
    found = [hit.start() for hit in leads.scan.finditer(" " + lowered)]
    assert text.index("the past") in found and text.index("the 5th") in found
    assert text.index("the party") not in found
    _same_matches(text, pack)


@pytest.mark.parametrize(
    "source",
    [r"\d+ days", r"\w+ ago", r"(?:ago|'s)", r"[^x]y", r".day", r"(?P<a>x)(?P=a)"],
)
def test_unbounded_openings_have_no_lead_words(source: str) -> None:
    assert lead_words(source) is None


def test_first_characters_of_digit_and_mark_openings() -> None:
    assert first_chars(r"(?:(?P<y>(?:1[0-9]|20)\d\d)|(?P<ys>['’]\d\d))") == ("['12’]")
    assert first_chars(r"(?<![\w-])\d{1,2}[:.]\d\d") == r"[\d]"
    assert first_chars(r"[-\]^]x") == r"[\-\]\^]"


@pytest.mark.parametrize(
    "source", [r"(?:a|)b", r"x?y", r"(?i:ab)", r"[^x]y", r"\w+", r".x", r"\s*1"]
)
def test_unbounded_openings_have_no_first_characters(source: str) -> None:
    assert first_chars(source) is None


@pytest.mark.parametrize("eras", [(), (Era("Juche", 1911),)])
def test_rules_written_in_pieces_read_as_their_joined_pattern(
    eras: tuple[Era, ...],
) -> None:
    """Pieces parsed as a walk reaches them, shared by rules, give the lead
    words and first characters the whole pattern parsed at once gives."""
    parsed: Parsed = {}
    sources = [pieces for _, pieces, _ in [*_dates(eras), *_relatives()]]
    rules = compile_rules(eras)
    split = [s for s in sources if not isinstance(s, str)]
    assert len(split) >= 10, "the date rules are written in pieces"
    for rule, pieces in zip(rules, sources, strict=True):
        joined = pieces if isinstance(pieces, str) else "".join(pieces)
        assert rule.pattern.pattern == joined
        whole = lead_words(joined)
        assert lead_words(pieces, parsed) == whole == rule.leads, rule.name
        assert first_chars(pieces, parsed) == first_chars(joined), rule.name
        opens = _opens(joined, {}) if whole is None else None
        assert rule.opens == opens, rule.name
    # The long tails of the date rules were never parsed for their openings.
    read = sum(len(source) for source in parsed)
    assert read < sum(len(rule.pattern.pattern) for rule in rules) * 0.6


def test_a_walk_goes_on_into_the_next_piece_and_gives_up_there() -> None:
    """Words run across pieces, and a walk that gives up in a later piece
    gives up as on the whole pattern."""
    leads = lead_words((r"(?:Sun|Mon)", r"day", r"(?![\w-])"))
    assert leads is not None
    assert leads.whole == {"sunday", "monday"} and not leads.start
    assert lead_words((r"(?:Sun|Mon)", r"\.?", r"[^x]")) is None
    assert lead_words(r"(?:Sun|Mon)\.?[^x]") is None
    assert first_chars((r"(?=\d)", r"\d+")) == first_chars(r"(?=\d)\d+") == r"[\d]"
    assert first_chars((r"(?=\d)", r"\d*")) is None


def _same_matches(text: str, pack: Pack) -> None:
    """The one scan (openers' places in it), and the openers' own scan, find
    each head's matches as a scan of the whole text for that head does."""
    rules = compile_rules(pack.eras)
    leads = join_leads(rules)
    led = _led_matches(text, text.lower(), rules, leads)
    opened = _opened_matches(text, rules, leads)
    assert leads.openers, "the digit heads open by characters"
    assert leads.merged, "the korea pack's openers are found by the one scan"
    seen: set[tuple[str, bool]] = set()
    for index, rule in enumerate(rules):
        key = (rule.pattern.pattern, rule.numeric)
        if key in seen or (rule.leads is None and index not in leads.openers):
            continue
        seen.add(key)
        expected = [m.span() for m in _matches(text, rule)]
        assert [m.span() for m in led.get(index, [])] == expected, rule.name
        if rule.leads is None:
            assert [m.span() for m in opened.get(index, [])] == expected, rule.name


def test_lead_scan_equals_whole_scans_on_tricky_text(pack: Pack) -> None:
    text = (
        "The day before yesterday, at present, in the 1990s and the Nineties; "
        "Sundays, SUNDAY, Sung, Monument, every other week, twice a year, "
        "year-end, year's end, the year-earlier figure, noon EST, ten o'clock, "
        "at noon local time, this morning, last Autumn, THE PAST, todays, "
        "Mondaymorning, x-day, 3-day, nineteen fifty, two thousand and one. "
        "1950s, the '50s, ’07, $2024, 3.2024, 12024, x2024, _1999, 2024-25, "
        "1999/2000, 10:30 a.m., 5 pm, AD 79, 277 B.C., 10,000 BC, 12/03/2024, "
        "2024-03-12, ١٩٥٠, Juche 113 (2024), 3rd of May, 31-1 March, "
        "ésunday éthe day, _today, ßyesterday and the past"
    )
    _same_matches(text, pack)


def test_lead_scan_equals_whole_scans_on_kcna(pack: Pack, corpus: Path) -> None:
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in islice(handle, 200)]
    _same_matches("\n\n".join(texts), pack)


def test_a_lead_word_opening_the_text_is_found(pack: Pack) -> None:
    _same_matches("Today and yesterday", pack)
    _same_matches("Sundays: 1950 and Monday", pack)
    _same_matches("2024 began", pack)
    _same_matches("‘07, at midnight, midnightGMT; Juche 113 in June", pack)
    _same_matches("Juche 113 (2024) and July", pack)


def test_text_whose_lowering_moves_offsets_scans_every_head(pack: Pack) -> None:
    rules = compile_rules(pack.eras)
    text = "İstanbul, the day before yesterday, and last week."
    starts = sorted(
        hit[0] for hit in _hits(text, text.lower(), rules, join_leads(rules))
    )
    assert text.index("the day") in starts and text.index("last week") in starts
