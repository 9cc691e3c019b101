"""Value normalisation classes from issue 18: tense, decades, weeks, parts of day."""

from __future__ import annotations

import pytest

from dossier.annotate.time import tag_times
from dossier.packs import Pack

# (text, anchor, expression text, type, value)
CASES = [
    # A two-digit decade after a mark is that decade of the anchor's century.
    ("Sales slowed through the late '80s, dealers said.", "1991-03-04",
     "the late '80s", "DATE", "198"),
    ("Prices doubled over the '90s.", "2003-05-06", "the '90s", "DATE", "199"),
    # Irregular past verbs and `since` make the clause past: a month without
    # a year is then this year's or last year's, not next year's.
    ("Since the fund bought the mill in February, it has cut jobs.",
     "2001-10-30", "February", "DATE", "2001-02"),
    ("The buyers sold most of the stake in November, a filing shows.",
     "2001-08-02", "November", "DATE", "2000-11"),
    # ... but `will be paid` is still the future.
    ("The dividend will be paid Dec. 14 to holders of record.", "2001-10-30",
     "Dec. 14", "DATE", "2001-12-14"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "anchor", "printed", "kind", "value"), CASES)
def test_tag_times_normalises(
    text: str, anchor: str, printed: str, kind: str, value: str, pack: Pack
) -> None:
    found = {
        t.text: (t.type, t.value) for t in tag_times(text, anchor=anchor, pack=pack)
    }
    assert found.get(printed) == (kind, value), found
