"""Property: every quote, cue, speaker and citation span lies inside its text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.quotes import find_citations, find_quotes
from dossier.model import Mention
from dossier.packs import load_pack
from tests.properties import examples

# Loaded here, not taken as a fixture: hypothesis runs a test body many times
# and function-scoped fixtures are not reset between its examples.
PACK = load_pack("korea")

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "''",
        "``",
        "«",
        "»",
        ":",
        ",",
        ".",
        "\n",
        "\n\n",
        " ",
        "he said",
        "KCNA noted",
        "Kim Il Sung",
        "according to",
        "so-called",
        "quoted the minister as stating that",
        "(‘Title’, KCNA, 21 October 2010)",
        "Workers’ Party",
        "people’s",
        "’07",
        " said ",
        "The President",
        "told",
        "(KCNA, 2010-10-21)",
        " —",
        "―",
        "that",
        "as follows:",
        "It",
        "who",
    ]
)
_TEXT = st.lists(
    st.one_of(_PIECES, st.text(alphabet="abcXYZ ,.“”'\"\n", max_size=12)), max_size=40
).map("".join)


def _check_span(
    text: str, start: int | None, end: int | None, printed: str | None
) -> None:
    if start is None or end is None:
        assert start is None and end is None
        return
    assert 0 <= start <= end <= len(text)
    if printed is not None:
        assert " ".join(text[start:end].split()) == printed


@settings(max_examples=examples(300), deadline=None)
@given(_TEXT)
def test_find_quotes_spans_lie_within_text(text: str) -> None:
    citations = find_citations(text, pack=PACK)
    for citation in citations:
        assert 0 <= citation.start < citation.end <= len(text)
        assert text[citation.start : citation.end] == citation.text
    for quote in find_quotes(text, pack=PACK, citations=citations):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "reported", "scare")
        _check_span(text, quote.cue_start, quote.cue_end, quote.cue)
        _check_span(text, quote.speaker_start, quote.speaker_end, None)
        assert quote.citation is None or 0 <= quote.citation < len(citations)


@settings(max_examples=examples(100), deadline=None)
@given(
    _TEXT,
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=0, max_value=20),
)
def test_find_quotes_spans_hold_with_mentions(text: str, at: int, width: int) -> None:
    start = min(at, len(text))
    end = min(start + width, len(text))
    mention = Mention(start, end, text[start:end], "Kim Il Sung", "PERSON")
    for quote in find_quotes(text, pack=PACK, mentions=[mention]):
        assert text[quote.start : quote.end] == quote.text
        _check_span(text, quote.speaker_start, quote.speaker_end, None)
