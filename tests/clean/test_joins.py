"""Join artefacts: the commas a scraper put between paragraphs (#13)."""

from __future__ import annotations

import pytest

from dossier.clean.joins import join_edits
from dossier.offsets import rewrite
from tests.clean.conftest import CleanFunction

LEAD = "Pyongyang, May 5 (KCNA) -- A delegation left here on Sunday to visit Laos."
NEXT = "It was seen off at the airport by officials concerned."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # One line: paragraphs joined by ", ", two empty ones at the end.
        (f"{LEAD}, {NEXT}, , ", f"{LEAD}\n{NEXT}"),
        # A paragraph a line, each opening on the joiner.
        (f"{LEAD}\n, {NEXT}\n, ,", f"{LEAD}\n{NEXT}"),
        # The joiner at line ends, empty paragraphs as lines of bare commas.
        (f"{LEAD},\n{NEXT},\n,\n,\n", f"{LEAD}\n{NEXT}"),
        (f"{LEAD}\n{NEXT}\n,\n,\n-0-", f"{LEAD}\n{NEXT}\n-0-"),
        # The first line opening on the joiner after a tab; the tail's commas
        # behind spaces, tabs and line breaks.
        (f"\t, {LEAD}\n, {NEXT}", f"{LEAD}\n{NEXT}"),
        (f"{LEAD}\n{NEXT} ,\t\n ,\n\n", f"{LEAD}\n{NEXT}"),
    ],
)
def test_join_artefacts_are_cleaned(
    raw: str, expected: str, run_clean: CleanFunction
) -> None:
    cleaned = run_clean(raw)
    assert cleaned.text == expected
    assert cleaned.counts["join-artefact"] >= 1
    repairs = [r for r in cleaned.repairs if r.kind == "join-artefact"]
    assert repairs
    for repair in repairs:
        assert raw[repair.raw_start : repair.raw_end] == repair.before
        assert set(repair.before) <= set(", \n\t")


@pytest.mark.parametrize(
    "text",
    [
        # Commas of real prose: no tail, no bare lines, no line opening on one.
        "Delegations came from the U.S., Japan and China.\nThey left, later.",
        'He said: "No.", and left.\nThe meeting, however, went on.',
        "Kim Jong Un,\nChoe Ryong Hae,\nPak Pong Ju",
    ],
)
def test_join_edits_leave_prose_commas(text: str) -> None:
    assert join_edits(text) == []


def test_join_edits_map_back_to_raw() -> None:
    raw = f"{LEAD}\n, {NEXT}\n, ,"
    text, offsets = rewrite(raw, join_edits(raw))
    start = text.index("It was")
    assert raw[slice(*offsets.to_raw(start, start + 6))] == "It was"
