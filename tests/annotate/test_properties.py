"""Every finder, and `annotate`, over arbitrary text: no exception, honest spans.

Finders called on their own re-raise what they trip on (see
`annotate.failures`), so "no exception" here means no span was skipped; and
`annotate` must then report no failures either (issue 13).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.annotate import annotate
from dossier.annotate.entities import find_mentions
from dossier.annotate.figures import find_figures
from dossier.annotate.quotes import find_citations, find_quotes
from dossier.annotate.sentences import split_sentences
from dossier.annotate.time import tag_times
from dossier.model import Annotations
from dossier.packs import load_pack
from tests.properties import examples

# Loaded here, not taken as a fixture: hypothesis runs a test body many times.
PACK = load_pack("korea")

MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
PIECES = (
    *MONTHS, "Jan.", "Sept.", "May", "March", "Monday", "the", "of", "in", "on",
    "between", "and", "to", "years", "year", "ago", "later", "century", "centuries",
    "anniversary", "95th", "0th", "5000th", "21st", "3rd", "B.C.", "BC", "BCE",
    "B.C.E.", "A.D.", "AD", "CE", "Juche", "fiscal", "early", "late", "mid-",
    "the 1950s", "’07", "1950", "0000", "9999", "10000", "300,000", "5,000",
    "277", "0", "00", "31", "29", "February", "1/2", "½", "%", "$", "million",
    "billion", "nearly", "over", "some", "thousands", "of", "soldiers", "people",
    "“", "”", '"', "'", "‘", "’", "«", "»", ":", ",", ".", ";", "(", ")", "-", "–",
    "—", "\n", "\n\n", " ", "said", "stressed", "according to", "KCNA",
    "Rodong Sinmun", "Kim Il Sung", "Kim Jong Un", "Comrade", "President",
    "the Workers’ Party of Korea (WPK)", "WPK", "DPRK", "U.S.", "Pyongyang",
    "(‘Title’, KCNA, 21 October 2010)", "(KCNA, 2010-10-21)", "he", "It",
    "every", "each", "days", "weeks", "3 p.m.", ":30", "o'clock", "s", "th",
    "-year", "1950-53", "2,000-3,000", "tens of thousands", "falls on",
)  # fmt: skip
DIGITS = st.text(alphabet="0123456789,. ", min_size=1, max_size=30)
LONG_NUMBER = st.integers(min_value=20, max_value=5_000).map(lambda n: "9" * n)
CAPITALISED = st.lists(
    st.text(alphabet="ABCKLMNPSTWYZ", min_size=1, max_size=2).map(
        lambda s: s + "aeiou"[len(s)] + "ng"
    ),
    min_size=1,
    max_size=8,
).map(" ".join)
WORDS = st.one_of(st.sampled_from(PIECES), DIGITS, CAPITALISED, LONG_NUMBER.map(str))
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(WORDS, max_size=40).map(" ".join),
    st.lists(WORDS, max_size=40).map("".join),
    st.lists(st.one_of(WORDS, st.text(max_size=4)), max_size=30).map(" ".join),
)
ANCHORS = st.one_of(
    st.none(),
    st.sampled_from(["0001-01-01", "9999-12-31", "2021-10-16", "1950", "0001"]),
    st.dates().map(dt.date.isoformat),
)
FAST = settings(
    deadline=None,
    max_examples=examples(150),
    suppress_health_check=[HealthCheck.too_slow],
)


def _inside(text: str, spans: Iterable[tuple[int, int]]) -> None:
    for start, end in spans:
        assert 0 <= start <= end <= len(text), (start, end, len(text))


def _printed(text: str, records: Iterable[object]) -> None:
    for record in records:
        start, end = record.start, record.end  # type: ignore[attr-defined]
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == record.text  # type: ignore[attr-defined]


@FAST
@given(TEXTS)
def test_split_sentences_over_any_text(text: str) -> None:
    sentences = split_sentences(text)
    _inside(text, ((s.start, s.end) for s in sentences))
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


@FAST
@given(TEXTS)
def test_find_mentions_over_any_text(text: str) -> None:
    mentions = find_mentions(text, pack=PACK)
    _printed(text, mentions)
    assert all(m.start < m.end and m.entity for m in mentions)


@FAST
@given(TEXTS, ANCHORS)
def test_tag_times_over_any_text(text: str, anchor: str | None) -> None:
    times = tag_times(text, anchor=anchor, pack=PACK)
    _printed(text, times)
    for time in times:
        for day in (time.first_day, time.last_day):
            assert day is None or len(day) == 10


@FAST
@given(TEXTS)
def test_find_figures_over_any_text(text: str) -> None:
    figures = find_figures(text, pack=PACK, mentions=find_mentions(text, pack=PACK))
    _printed(text, figures)
    assert all(math.isfinite(f.high) and f.low <= f.high for f in figures)


@FAST
@given(TEXTS)
def test_find_citations_and_quotes_over_any_text(text: str) -> None:
    citations = find_citations(text, pack=PACK)
    _printed(text, citations)
    quotes = find_quotes(
        text, pack=PACK, mentions=find_mentions(text, pack=PACK), citations=citations
    )
    _printed(text, quotes)
    for quote in quotes:
        if quote.speaker_start is not None and quote.speaker_end is not None:
            _inside(text, [(quote.speaker_start, quote.speaker_end)])
        if quote.cue_start is not None and quote.cue_end is not None:
            _inside(text, [(quote.cue_start, quote.cue_end)])


def _all_spans(annotations: Annotations) -> Iterable[tuple[int, int]]:
    yield from ((s.start, s.end) for s in annotations.sentences)
    for records in (
        annotations.mentions,
        annotations.times,
        annotations.figures,
        annotations.quotes,
        annotations.citations,
    ):
        yield from ((r.start, r.end) for r in records)


@FAST
@given(TEXTS, ANCHORS)
def test_annotate_over_any_text_skips_nothing(text: str, anchor: str | None) -> None:
    annotations = annotate(text, pack=PACK, anchor=anchor)
    assert annotations.failures == ()
    _inside(text, _all_spans(annotations))
    for records in (
        annotations.mentions,
        annotations.times,
        annotations.figures,
        annotations.quotes,
        annotations.citations,
    ):
        _printed(text, records)


@settings(deadline=None, max_examples=examples(60))
@given(
    LONG_NUMBER,
    st.sampled_from(
        [
            "{} years ago",
            "{} BC",
            "AD {}",
            "every {} days",
            "{} soldiers",
            "the {}th anniversary falls on May 3, 2020",
            "{}.5 million people",
            "{}-{}9 troops",
            "{}:30 p.m.",
            "the {}s",
            "{}th century BC",
            "in {} and 5 years later",
            "({}, KCNA, 21 October 2010)",
        ]
    ),
    ANCHORS,
)
def test_annotate_reads_very_long_numbers(
    number: str, frame: str, anchor: str | None
) -> None:
    text = "It was " + frame.format(number, number) + ", he said."
    annotations = annotate(text, pack=PACK, anchor=anchor)
    assert annotations.failures == ()
    _inside(text, _all_spans(annotations))
    assert all(math.isfinite(f.high) for f in annotations.figures)
