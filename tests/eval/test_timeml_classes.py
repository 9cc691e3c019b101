"""`python -m eval.timeml --classes`: wrong values sorted by what tells them
apart, the counts issue 18's step table and analysis read."""

from __future__ import annotations

import pytest
from eval.timeml import Error, count_classes, set_aside_f1, timeml_form, value_class

# (gold value, dossier's value, class)
CLASSES = [
    ("2000-W7", "2000-W07", "gold not TimeML"),  # a week unpadded
    ("1989-11-06T17", "1989-11-06T17:00", "gold not TimeML"),  # no minutes
    ("P1E", "P10Y", "gold not TimeML"),  # no such unit
    ("1999-02-04", "1999-02-04TNI", "gold drops part of day"),
    ("2000-01-05TEV", "2000-01-05TNI", "part of day"),
    ("1999-02-04TNI", "1999-02-04", "part of day"),
    ("1968-XX", "1968", "gold masks with X"),
    ("1989-WXX", "1989-W43", "gold masks with X"),
    ("1989-QX", "1989-Q3", "gold masks with X"),
    ("XXXX", "P1Y", "date vs length"),  # a set as TimeML 1.1 wrote one: no mask
    ("1998-10", "1998-10-23", "gold less specific"),
    ("1999-01", "1999-W02", "gold less specific"),  # the month holds the week
    ("1988-Q3", "1988-10", "other"),  # neither holds the other
    ("1988-Q3", "1988", "dossier less specific"),
    ("1990-08-10", "1990-08-17", "a week off"),
    ("P2Y", "1987", "date vs length"),
    ("PAST_REF", "1995", "reference vs date"),
    ("1988-Q2", "1988-Q3", "other"),
]


@pytest.mark.parametrize(("gold", "ours", "expected"), CLASSES)
def test_value_class_names_what_differs(gold: str, ours: str, expected: str) -> None:
    assert value_class(gold, ours) == expected


@pytest.mark.parametrize(
    "value",
    ["1998-03-22", "1998-W11", "1998-W32-WE", "1989-Q4", "1998-SU", "199", "19",
     "XXXX-WXX-2TNI", "1998-02-23TMO", "1998-02-23T09:30", "P3D", "PT24H", "PXY",
     "P1DE", "PRESENT_REF"],
)  # fmt: skip
def test_timeml_form_takes_the_standard_forms(value: str) -> None:
    assert timeml_form(value)


def test_count_classes_sets_type_only_apart() -> None:
    found = [
        Error("value", "", "2000-02-16TNI", "2000-02-16TNI", same_type=False),
        Error("value", "", "1968-XX", "1968"),
        Error("missed", ""),
        Error("spurious", ""),
        Error("spurious", ""),
    ]
    assert count_classes(found) == {
        "type only": 1,
        "value: gold masks with X": 1,
        "missed": 1,
        "spurious": 2,
    }


def test_set_aside_f1_leaves_the_golds_conventions_out_of_both_counts() -> None:
    found = [
        Error("value", "", "1968-XX", "1968"),  # set aside
        Error("value", "", "1999-02-04", "1999-02-04TNI"),  # set aside
        Error("value", "", "1988-Q3", "1988"),  # dossier's: counted
        Error("value", "", "2000-02-16TNI", "2000-02-16TNI", same_type=False),
        Error("spurious", ""),
    ]
    figures = {"gold": 10, "pred": 11, "tp_value": 7}
    # 2 * 7 / (10 - 2 + 11 - 2); counted as is it would be 14 / 21
    assert set_aside_f1(figures, found) == pytest.approx(14 / 17)
