"""Near copies of one template: candidates are bounded by MOST_HOLDERS per
band, yet every story still lands in the one copy group (issue 17)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from dossier.link import copies
from tests.link.test_copies import STORY, build, record, write


def template_stories(folder: Path, count: int) -> None:
    """`count` reruns of STORY, each with one figure changed."""
    stories = [
        record(
            STORY.replace("May 10", f"May {n + 1}th").replace("Friday", f"day {n}"),
            f"Rerun {n}",
            "2024-05-03",
        )
        for n in range(count)
    ]
    write(folder, "a.jsonl", *stories)


def near_pairs(db: Path) -> tuple[int, int]:
    """Stored near copies and documents marked copies."""
    with closing(sqlite3.connect(db)) as connection:
        pairs = connection.execute("SELECT count(*) FROM near_copies").fetchone()[0]
        marked = connection.execute(
            "SELECT count(*) FROM documents WHERE copy_of IS NOT NULL"
        ).fetchone()[0]
    return int(pairs), int(marked)


def test_a_template_rerun_many_times_is_one_group_with_bounded_pairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = 24
    template_stories(tmp_path / "in", count)
    report = build(tmp_path / "in", tmp_path / "all.db")
    assert report.copies is not None and report.copies.groups == 1
    pairs, marked = near_pairs(tmp_path / "all.db")
    # Unbounded, every rerun is a near copy of every other.
    assert pairs == count * (count - 1) // 2 and marked == count - 1

    monkeypatch.setattr(copies, "MOST_HOLDERS", 1)
    report = build(tmp_path / "in", tmp_path / "bounded.db")
    assert report.copies is not None and report.copies.groups == 1
    pairs, marked = near_pairs(tmp_path / "bounded.db")
    assert marked == count - 1 and pairs < count * (count - 1) // 2
    # Each document met only the earliest holder of each of its bands.
    with closing(sqlite3.connect(tmp_path / "bounded.db")) as connection:
        strays = connection.execute(
            "SELECT count(*) FROM near_copies p WHERE NOT EXISTS"
            " (SELECT 1 FROM bands x JOIN bands y ON y.key = x.key"
            "  WHERE x.doc = min(p.a, p.b) AND y.doc = max(p.a, p.b)"
            "  AND x.doc = (SELECT min(doc) FROM bands f WHERE f.key = x.key))"
        ).fetchone()[0]
    assert strays == 0


def test_a_pair_met_through_one_band_counts_the_crowded_bands_it_shares(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Documents 10 and 11 share band 7, which only they hold, and band 5,
    which documents 1-3 hold before them: with MOST_HOLDERS 2, 11 meets
    10 through band 7 alone, and the full count of their shared bands (2)
    makes them a candidate; 1 and 2, met through band 5 only, are not."""
    monkeypatch.setattr(copies, "MOST_HOLDERS", 2)
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.execute(
            "CREATE TABLE bands(key INTEGER, doc INTEGER, PRIMARY KEY (key, doc))"
        )
        holders = [(5, d) for d in (1, 2, 3, 10, 11)] + [(7, 10), (7, 11)]
        connection.executemany("INSERT INTO bands VALUES (?, ?)", holders)
        assert copies._candidate_pairs(connection, [11]) == [(11, 10)]
        # Band 5 uncrowded: 10 and 11 meet through both bands at once.
        monkeypatch.setattr(copies, "MOST_HOLDERS", 5)
        assert sorted(copies._candidate_pairs(connection, [11])) == [(11, 10)]
