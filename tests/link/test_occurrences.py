"""Values grouped with where they occur (`link.occurrences`): what numpy's set
routines say, and every pair of equal values two arrays hold."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from dossier.link.occurrences import occurrences, pairs, shared_values

values = st.lists(st.integers(min_value=0, max_value=12), max_size=60)


@given(values)
def test_occurrences_are_unique_values_counts_and_positions(items: list[int]) -> None:
    array = np.array(items, dtype=np.uint64)
    grouped = occurrences(array)
    distinct, counts = np.unique(array, return_counts=True)
    assert grouped.values.tolist() == distinct.tolist()
    assert grouped.counts.tolist() == counts.tolist()
    for value, first, count in zip(
        grouped.values.tolist(),
        grouped.first.tolist(),
        grouped.counts.tolist(),
        strict=True,
    ):
        where = grouped.where[first : first + count].tolist()
        assert where == [k for k, item in enumerate(items) if item == value]


@given(st.sets(st.integers(0, 40)), st.sets(st.integers(0, 40)))
def test_shared_values_is_intersect1d(a: set[int], b: set[int]) -> None:
    left = np.array(sorted(a), dtype=np.int64)
    right = np.array(sorted(b), dtype=np.int64)
    expected = np.intersect1d(left, right, assume_unique=True).tolist()
    assert shared_values(left, right).tolist() == expected
    assert shared_values(right, left).tolist() == expected


@given(values, values, st.data())
def test_pairs_are_every_pair_of_equal_values(
    a: list[int], b: list[int], data: st.DataObject
) -> None:
    both = sorted(set(a) & set(b))
    common = data.draw(st.lists(st.sampled_from(both), unique=True)) if both else []
    common.sort()
    i, j = pairs(
        occurrences(np.array(a, dtype=np.int64)),
        occurrences(np.array(b, dtype=np.int64)),
        np.array(common, dtype=np.int64),
    )
    expected = [
        (x, y)
        for value in common
        for x, left in enumerate(a)
        if left == value
        for y, right in enumerate(b)
        if right == value
    ]
    assert list(zip(i.tolist(), j.tolist(), strict=True)) == expected
