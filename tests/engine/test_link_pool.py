"""The link stage's pure work mapped over a process pool (`engine.LazyPool`,
`link.reuse_pairs.compare_task`) stores what the one process stores."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from dossier.engine import link_pool
from dossier.engine.local import LazyPool
from dossier.link import reuse
from dossier.settings import Settings
from dossier.store import connect
from tests.link.test_reuse_formula import kcna_stories, passage, texts
from tests.link.test_reuse_grams import add_source


def rows(db: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(
            "SELECT da.id, db.id, a_start, a_end, b_start, b_end, score, words"
            " FROM reuses r JOIN documents da ON da.rowid = r.a"
            " JOIN documents db ON db.rowid = r.b ORDER BY 1, 2, 3"
        ).fetchall()


@pytest.mark.usefixtures("forkserver")
@pytest.mark.parametrize("start", ["fork", "forkserver"])
def test_pairs_compared_in_a_pool_store_the_same_reuses(
    start: str, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Formula holders (pairs the store's counts rule out), a story quoted
    # by two others (pairs kept), and stories sharing nothing.
    stories = kcna_stories(corpus, 6)
    quoted = [f"{story}\n{passage(stories[0])}" for story in stories[1:3]]
    db = tmp_path / "one.db"
    with closing(connect(db)) as connection:
        add_source(connection, [*texts(corpus), stories[0], *quoted, *stories[3:]])
    pooled = tmp_path / "pool.db"
    shutil.copy(db, pooled)
    with closing(connect(db)) as connection:
        reuse.link_reuse(connection, batch=4)
    # Every batch's pairs go to the pool, in three tasks at most.
    monkeypatch.setattr(reuse, "MAPPED_PAIRS", 1)
    monkeypatch.setattr(reuse, "PAIR_TASKS", 3)
    calls: list[int] = []
    pool = LazyPool(2, start=start)

    def mapper(work, items):  # type: ignore[no-untyped-def]
        calls.append(len(items))
        return pool(work, items)

    try:
        with closing(connect(pooled)) as connection:
            reuse.link_reuse(connection, batch=4, mapper=mapper)
    finally:
        pool.close()
    assert calls and max(calls) > 1
    found = rows(db)
    assert len(found) >= 3
    assert rows(pooled) == found


def reuse_tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(db)) as connection:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}"), key=repr)
            for table in ("reuses", "reuse_bands", "reuse_signed", "reuse_grams")
        }


def test_pipelined_batches_store_what_one_batch_after_the_other_stores(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a pool, a batch's candidates are found before the batch before it
    keeps its passages and counts its shingles (`reuse._link_pipelined`),
    over transactions of PIPELINED batches: the same rows."""
    stories = kcna_stories(corpus, 8)
    quoted = [f"{story}\n{passage(stories[0])}" for story in stories[1:4]]
    requoted = [f"{story}\n{passage(stories[1])}" for story in stories[5:]]
    db = tmp_path / "one.db"
    with closing(connect(db)) as connection:
        add_source(connection, [*texts(corpus), *stories[:2], *quoted, *requoted])
    piped = tmp_path / "piped.db"
    shutil.copy(db, piped)
    with closing(connect(db)) as connection:
        reuse.link_reuse(connection, batch=3)
    steps: list[str] = []
    begin, finish = reuse._begin, reuse._finish

    def begun(*args, **options):  # type: ignore[no-untyped-def]
        steps.append("begin")
        return begin(*args, **options)

    def finished(*args, **options):  # type: ignore[no-untyped-def]
        steps.append("finish")
        return finish(*args, **options)

    monkeypatch.setattr(reuse, "_begin", begun)
    monkeypatch.setattr(reuse, "_finish", finished)
    monkeypatch.setattr(reuse, "PIPELINED", 2)
    monkeypatch.setattr(reuse, "MAPPED_PAIRS", 1)

    def lazily(work, items):  # type: ignore[no-untyped-def]
        return (work(item) for item in items)  # a pool's results come later

    with closing(connect(piped)) as connection:
        reuse.link_reuse(connection, batch=3, mapper=lazily)
    # Two batches a transaction, the second begun before the first finishes.
    assert steps[:4] == ["begin", "begin", "finish", "finish"]
    assert len(steps) >= 8
    found = reuse_tables(db)
    assert len(found["reuses"]) >= 4
    assert reuse_tables(piped) == found


def test_the_local_engine_links_in_its_one_process() -> None:
    with link_pool(Settings(engine="local")) as none:
        assert none is None
    for engine in ("pool", "dask"):
        with link_pool(Settings(engine=engine, workers=2)) as pool:
            assert isinstance(pool, LazyPool)


def _frozen(_: object) -> int:
    """In a pool's process: the objects the collector never walks."""
    import gc

    return gc.get_freeze_count()


def test_a_forked_link_worker_never_walks_the_heap_it_inherited() -> None:
    import gc

    held = [[index] for index in range(20_000)]  # a heap of tracked objects
    before = gc.get_freeze_count()
    pool = LazyPool(2, start="fork")
    try:
        frozen = list(pool(_frozen, [None, None]))
    finally:
        pool.close()
    # Frozen in the worker, with what it inherited; not in this process.
    assert all(count >= before + len(held) for count in frozen)
    assert gc.get_freeze_count() == before
