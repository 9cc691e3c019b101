"""The gazetteer reads only a region's windows and finds what reading the
whole region found; the trie pattern finds what its strings' alternation
does (issue 14, part 2)."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dossier.annotate.compiled import compile_pack
from dossier.annotate.entities import gazetteer
from dossier.annotate.entities.literals import literal_pattern
from dossier.annotate.entities.windows import name_windows, name_windows_each
from dossier.packs import load_pack
from tests.properties import examples

# Loaded here, not taken as a fixture: hypothesis runs a test body many times.
COMPILED = compile_pack(load_pack("korea"))
GAZETTEER, NLP = COMPILED.gazetteer, COMPILED.nlp

# Listed names and their pieces, glued and cut by what spaCy splits on
# (apostrophes, hyphens, dots, brackets, dashes), and the two characters whose
# lower case is no slice of the region's (`İ`, `Σ`).
_PIECES = st.sampled_from(
    [
        "Kim", "Jong", "Un", "KIM", "JONG", "UN", "Il", "Sung", "DPRK", "D.P.R.K.",
        "Korea", "Korean", "Workers'", "Workers’", "Party", "of", "the", "Red",
        "Sea", "RedSea", "U.S.", "US", "Pyongyang", "People's", "Army", "Republic",
        "(KCNA)", "--", "—", "-", "'s", "’s", ".", ",", "(", ")", "\"", "“", " ",
        "  ", "\t", "İ", "Σ", "Unity", "Kimchi", "Seoul", "Japan", "Anti-Japanese",
        "x", "and",
    ]
)  # fmt: skip
_REGIONS = st.lists(_PIECES, min_size=1, max_size=20).map("".join) | st.lists(
    _PIECES, min_size=1, max_size=12
).map(" ".join)


def _whole_regions(regions: list[str]) -> dict[str, list[Any]]:
    """Each region tokenized whole and matched: what the finder read before
    windows, written out here as the reference."""
    found: dict[str, list[Any]] = {region: [] for region in regions}
    for region in regions:
        blanked = gazetteer._DASH_GLUED.sub(lambda m: " " * len(m.group()), region)
        doc = NLP.make_doc(blanked)
        for matcher, loose in ((GAZETTEER.exact, False), (GAZETTEER.loose, True)):
            for match_id, first, last in matcher(doc):
                span = doc[first:last]
                printed = region[span.start_char : span.end_char]
                if loose and not printed[0].isupper():
                    continue
                entity = GAZETTEER.entities[match_id]
                found[region].append(
                    (
                        span.start_char,
                        span.end_char,
                        printed,
                        entity.type,
                        entity.name,
                        last - first == 1,
                    )
                )
    return found


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_REGIONS, min_size=1, max_size=4, unique=True))
@example(["Supreme Leader Kim Jong Un visited the Workers’ Party of Korea"])
@example(["KIM JONG UN and the DPRK", "RedSea Red Sea (KCNA) --Kim Jong Un"])
@example(["Σ Kim Jong Un İ", "Korean People's Army"])
def test_windows_find_what_whole_regions_found(regions: list[str]) -> None:
    GAZETTEER.windows.clear()  # each example tokenizes its windows afresh
    assert gazetteer._match_regions(regions, GAZETTEER, NLP) == _whole_regions(regions)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_REGIONS, max_size=6))
@example(["Kim Jong Un", "Σ Korea", "DPRK"])
@example(["Korea", "", "  ", "Workers’ Party of Korea"])
def test_windows_of_regions_together_are_each_region_own(regions: list[str]) -> None:
    # One search over the regions joined finds, region by region, what a
    # search of each region alone finds (İ and Σ regions read one by one).
    spellings = GAZETTEER.spellings
    expected = [name_windows(region, spellings) for region in regions]
    assert name_windows_each(regions, spellings) == expected


def test_region_without_a_listed_spelling_has_no_window() -> None:
    spellings = GAZETTEER.spellings
    # The pack lists no botanical garden, nor any form spelled inside its words.
    assert name_windows("Central Botanical Garden Opens", spellings) == []
    region = "Respected Comrade Kim Jong Un Inspects Factory"
    windows = name_windows(region, spellings)
    assert [region[s:e] for s, e in windows] == ["Kim Jong Un"]


def test_window_takes_whole_words_around_a_spelling() -> None:
    # `DPRK` inside `(DPRK)` and `Korea's`: the window is the printed word.
    region = "Premier of (DPRK) Cabinet and Korea's Envoy"
    windows = name_windows(region, GAZETTEER.spellings)
    assert [region[s:e] for s, e in windows] == ["(DPRK)", "Korea's"]


_WORDS = st.lists(st.text("abAB.", min_size=1, max_size=4), min_size=1, max_size=8)


@settings(max_examples=examples(300), deadline=None)
@given(_WORDS, st.text("abAB. ", max_size=30))
@example(["a", "ab", "abb"], "xabbb ab a")
def test_trie_pattern_finds_the_longest_string_at_each_place(
    words: list[str], text: str
) -> None:
    pattern = literal_pattern(words)
    for place in range(len(text) + 1):
        match = pattern.match(text, place)
        starting = [w for w in words if text.startswith(w, place)]
        expected = max(starting, key=len) if starting else None
        assert (match.group() if match else None) == expected


def test_trie_pattern_of_no_strings_matches_nothing() -> None:
    assert literal_pattern([]).search("anything") is None
    # A string's marks are matched as printed, not as pattern syntax.
    dotted = literal_pattern(["a.b"])
    assert dotted.search("axb") is None
    assert dotted.search("xa.b").span() == (1, 4)
