"""Link batches are bounded by characters as well as documents, and the
bound changes how the work is cut, not what is found (issue 17)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from dossier.link import batch, copies, reuse
from tests.link.test_copies import OTHER, STORY, build, record, write


def corpus(folder: Path) -> int:
    """Texts of two paragraphs of STORY and one of OTHER (reusing passages
    of one another), and STORY twice, with a line added (near copies):
    return the number of documents."""
    story, other = STORY.split("\n"), OTHER.split("\n")
    records = [
        record(
            f"{story[i]}\n{story[(i + 1) % 4]}\n{other[(i + k) % 4]}",
            f"P{i}{k}",
            "2024-05-05",
        )
        for i in range(4)
        for k in range(2)
    ]
    records.append(record(STORY, "S", "2024-05-03"))
    rerun = "\n".join([*story[:2], "Officials saw it off at the airport.", *story[2:]])
    records.append(record(rerun, "R", "2024-05-04"))
    write(folder, "a.jsonl", *records)
    return len(records)


def tables(db: Path) -> list[list[Any]]:
    with closing(sqlite3.connect(db)) as connection:
        return [
            connection.execute(query).fetchall()
            for query in (
                "SELECT a, b, containment FROM near_copies ORDER BY a, b",
                "SELECT a, b, a_start, a_end, b_start, b_end, score FROM reuses"
                " ORDER BY a, b, a_start",
                "SELECT rowid, copy_of, copy_group FROM documents ORDER BY rowid",
            )
        ]


def test_a_small_character_budget_cuts_more_batches_and_finds_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = corpus(tmp_path / "in")
    sizes: dict[str, list[int]] = {"copies": [], "reuse": []}
    sign_copies, sign_reuse = copies._sign_batch, reuse._sign_batch

    def spy_copies(connection: Any, rows: Any, *rest: Any) -> None:
        sizes["copies"].append(len(rows))
        sign_copies(connection, rows, *rest)

    def spy_reuse(
        connection: Any, read: Any, kept: Any, made: Any, *rest: Any, **options: Any
    ) -> None:
        sizes["reuse"].append(len(read) + len(made or {}))
        sign_reuse(connection, read, kept, made, *rest, **options)

    monkeypatch.setattr(copies, "_sign_batch", spy_copies)
    monkeypatch.setattr(reuse, "_sign_batch", spy_reuse)
    build(tmp_path / "in", tmp_path / "whole.db")
    assert sizes == {"copies": [documents], "reuse": [sizes["reuse"][0]]}
    independent = sizes["reuse"][0]
    assert independent == documents - 1

    # A story's length a batch: every text still signed, in many batches.
    sizes = {"copies": [], "reuse": []}
    monkeypatch.setattr(batch, "BATCH_CHARS", len(STORY))
    build(tmp_path / "in", tmp_path / "cut.db")
    assert sum(sizes["copies"]) == documents and len(sizes["copies"]) >= 4
    assert sum(sizes["reuse"]) == independent and len(sizes["reuse"]) >= 4
    whole, cut = tables(tmp_path / "whole.db"), tables(tmp_path / "cut.db")
    assert whole == cut
    assert whole[0] and whole[1]  # near copies and reused passages both found


def test_a_text_over_the_budget_is_a_batch_of_its_own(tmp_path: Path) -> None:
    with closing(sqlite3.connect(tmp_path / "t.db")) as connection:
        connection.execute("CREATE TABLE t(n INTEGER, text TEXT)")
        lengths = [5, 30, 5, 5, 5]
        connection.executemany(
            "INSERT INTO t VALUES (?, ?)", [(n, "x" * k) for n, k in enumerate(lengths)]
        )
        taken = []
        after = -1
        while rows := batch.read_batch(
            connection.execute(
                "SELECT n, text FROM t WHERE n > ? ORDER BY n", (after,)
            ),
            1,
            10,
        ):
            taken.append([n for n, _ in rows])
            after = rows[-1][0]
    assert taken == [[0], [1], [2, 3], [4]]
