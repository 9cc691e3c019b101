"""Time values by class (issue 18): tense of weekdays and fronted dates, year-ago
comparisons."""

from __future__ import annotations

import pytest

from dossier.annotate.time import tag_times
from dossier.packs import Pack

# (text, anchor, expression text, type, value)
CASES = [
    # A date set before its clause by a comma takes the clause's tense: a
    # month long gone this year is not next year's.
    ("The talks dragged on. In January, the owners brought in a new chief.",
     "1989-10-27", "January", "DATE", "1989-01"),
    ("The talks dragged on. In January, the owners will bring in a new chief.",
     "1989-10-27", "January", "DATE", "1990-01"),
    ("Last March, the mill sold its port.", "2003-11-20", "Last March", "DATE",
     "2003-03"),
    # A timetable verb in the simple present is ahead: the coming weekday.
    ("The envoy, who arrives Saturday, will tour the camps.", "1998-08-12",
     "Saturday", "DATE", "1998-08-15"),
    ("The two leaders meet separately Monday with the mediator.", "1998-05-01",
     "Monday", "DATE", "1998-05-04"),
    ("The new rules take effect Monday.", "1998-08-12", "Monday", "DATE",
     "1998-08-17"),
    # ... but not as an infinitive under a plan now past.
    ("The offer had been due to expire Friday evening.", "1989-10-30",
     "Friday evening", "TIME", "1989-10-27TEV"),
    # "expects to" looks ahead, as "expected to" does.
    ("The company said it expects to release results in mid-January.",
     "1989-10-30", "mid-January", "DATE", "1990-01"),
    # A year and a half back is eighteen months back: a month.
    ("The mine closed a year and a half ago.", "1998-08-12",
     "a year and a half ago", "DATE", "1997-02"),
    # A weekday naming a deadline says nothing of the tense; one set as the
    # deadline is still ahead.
    ("Holders tendered 99% of the shares by the Tuesday deadline.",
     "1989-11-02", "the Tuesday", "DATE", "1989-10-31"),
    ("The board set Friday as the deadline for bids.", "1989-11-02", "Friday",
     "DATE", "1989-11-03"),
    # A span of years named as a period is not a quarter of its first year.
    ("The plan covers the 1996-2000 period.", "1998-08-08", "1996-2000", "DATE",
     "1996"),
    # A year-ago comparison is with results already reported, not with a
    # forecast quoted just before it.
    ("He expects losses through the third quarter of 1990. Profit fell 10%. "
     "In the year-ago period, the mill earned $101 million.", "1989-10-26",
     "the year-ago period", "DATE", "1988-Q3"),
    ("He expects losses through the third quarter of 1990. Profit fell 10% "
     "from $9 million a year ago.", "1989-10-26", "a year ago", "DATE", "1988"),
    # ... while a reported quarter still sets the comparison.
    ("Net rose in the third quarter from $5 million a year earlier.",
     "1989-10-26", "a year earlier", "DATE", "1988-Q3"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "anchor", "printed", "kind", "value"), CASES)
def test_tag_times_values_by_class(
    text: str, anchor: str, printed: str, kind: str, value: str, pack: Pack
) -> None:
    found = {
        t.text: (t.type, t.value) for t in tag_times(text, anchor=anchor, pack=pack)
    }
    assert found.get(printed) == (kind, value), found
