"""Properties of the tagger over arbitrary text: spans are honest and ordered,
and full dates read back as what was printed."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.time import tag_times
from dossier.packs import load_pack
from tests.properties import examples

PACK = load_pack()
# Text built from the tagger's own vocabulary finds far more expressions (and
# edge cases) than arbitrary characters do.
VOCABULARY = (
    "May", "March", "the", "1950", "1950s", "53", "-", "–", "1920s", "last",
    "next", "this", "year", "month", "week", "Monday", "Friday", "morning", "on",
    "in", "25", "October", ",", "Juche", "39", "(", ")", "2021", "16/10/2021",
    "three", "days", "later", "ago", "every", "each", "annually", "3", "p.m.",
    "noon", "autumn", "95th", "anniversary", "falls", "21st", "century",
    "nineteenth-century", "between", "and", "from", "to", "\n", "\n\n", "’07",
    "'", ".", "early", "late", "mid-", "past", "two", "months", "a", "decade",
    "recent", "today", "yesterday", "Thanksgiving", "quarter", "third", "fiscal",
    "now", "",
    # Eras and the deep past (issue 13).
    "B.C.", "BC", "BCE", "AD", "A.D.", "CE", "277", "10000", "0", "0000", "9999",
    "300,000", "5,000", "years", "0th", "5000th", "1st", "3rd", "31", "February",
)  # fmt: skip
WORDS = st.sampled_from(VOCABULARY)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(WORDS, max_size=40).map(" ".join),
    st.lists(WORDS, max_size=40).map("".join),
)
ANCHORS = st.one_of(
    st.none(),
    st.sampled_from(["0001-01-01", "0001", "9999-12-31", "9999"]),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat),
    st.integers(1900, 2100).map(str),
)


@settings(deadline=None, max_examples=examples(400))
@given(TEXTS, ANCHORS)
def test_tag_times_spans_are_within_text_and_match(
    text: str, anchor: str | None
) -> None:
    times = tag_times(text, anchor=anchor, pack=PACK)
    for time in times:
        assert 0 <= time.start < time.end <= len(text)
        assert text[time.start : time.end] == time.text
        assert time.type in ("DATE", "TIME", "DURATION", "SET")
        assert time.value
        if time.first_day is not None:
            assert time.last_day is not None and time.first_day <= time.last_day
    assert [t.start for t in times] == sorted(t.start for t in times)
    for left, right in itertools.pairwise(times):
        assert left.end <= right.start


MONTH_NAMES = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


@settings(deadline=None, max_examples=examples(200))
@given(st.dates(dt.date(1000, 1, 1), dt.date(2099, 12, 31)), st.booleans())
def test_tag_times_reads_back_printed_dates(day: dt.date, day_first: bool) -> None:
    month = MONTH_NAMES[day.month - 1]
    printed = (
        f"{day.day} {month} {day.year}"
        if day_first
        else f"{month} {day.day}, {day.year}"
    )
    (found,) = tag_times(f"It happened on {printed}.", anchor=None, pack=PACK)
    assert (found.text, found.value) == (printed, day.isoformat())
    assert found.first_day == found.last_day == day.isoformat()
