"""OCR misreads of romanised names (`Kim II Sung`), repaired from pack data."""

from __future__ import annotations

import pytest

from dossier.clean.names import name_edits
from dossier.offsets import rewrite
from dossier.packs import Pack
from tests.clean.conftest import CleanFunction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In his view the young Kim II Sung drew a lesson",
            "In his view the young Kim Il Sung drew a lesson",
        ),
        (
            "a pamphlet by Kim Jong II on the history",
            "a pamphlet by Kim Jong Il on the history",
        ),
        (
            "commanded by Kim II\nSung together drove",
            "commanded by Kim Il\nSung together drove",
        ),
        (
            "the birthday of President Kim 1l Sung,",
            "the birthday of President Kim Il Sung,",
        ),
        ("Kim |I Sung's work of organising", "Kim Il Sung's work of organising"),
        ("(Kim II Sung, Works, vol. 1)", "(Kim Il Sung, Works, vol. 1)"),
        ("Kim Il Sung and Kim Jong Il", "Kim Il Sung and Kim Jong Il"),
        (
            "the Kim II Sung-Kim Jong II Foundation",
            "the Kim Il Sung-Kim Jong Il Foundation",
        ),
    ],
)
def test_name_edits_repair_misread_names(text: str, expected: str, pack: Pack) -> None:
    assert rewrite(text, name_edits(text, pack))[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "years before World War II broke out in Europe",
        "the visit of Pope John Paul II to Poland",
        "a letter of Pope Pius II to the sultan",
        "in the reign of Henry II of England",
        "the Type II missile and Phase II of the plan",
        "Kim II, a common misreading on its own",
        "Kim Jong IIa",
    ],
)
def test_name_edits_leave_other_roman_numerals(text: str, pack: Pack) -> None:
    assert name_edits(text, pack) == []


def test_name_edits_keep_offsets_one_to_one(pack: Pack) -> None:
    text = "by Kim II\nSung together"
    (edit,) = name_edits(text, pack)
    assert (edit.start, edit.end) == (3, 14)
    assert len(edit.text) == edit.end - edit.start
    assert edit.kind == "ocr-name"


def test_clean_records_name_repair_across_a_line_break(
    run_clean: CleanFunction,
) -> None:
    raw = "the Korean People's Revolutionary Army commanded by Kim II\nSung."
    cleaned = run_clean(raw)
    assert "Kim Il" in cleaned.text
    (repair,) = [r for r in cleaned.repairs if r.kind == "ocr-name"]
    assert repair.before == "Kim II\nSung"
    assert raw[repair.raw_start : repair.raw_end] == repair.before
    assert repair.after.split() == ["Kim", "Il", "Sung"]
