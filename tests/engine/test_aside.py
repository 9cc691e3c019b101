"""Entities worked out in a link pool's process beside reuse (`engine.aside`)
are written as the writer would have linked them, or not used at all."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from dossier.engine.aside import entities_aside
from dossier.engine.local import LazyPool
from dossier.link import entities
from dossier.link.entities import EntityChanges, link_entities
from dossier.packs import load_pack
from dossier.present.cli.build import build_files
from dossier.settings import Settings
from dossier.store import connect
from tests.shared import Shared

_ENTITY_TABLES = ("entities", "entity_keys", "entity_stale")


def entity_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """The entity tables' rows in their stored order: by rowid (included),
    or by key in a table without one."""
    with closing(sqlite3.connect(db)) as connection:
        found = {}
        for table in _ENTITY_TABLES:
            try:
                rows = connection.execute(f"SELECT rowid, * FROM {table}")
            except sqlite3.OperationalError:  # WITHOUT ROWID
                rows = connection.execute(f"SELECT * FROM {table}")
            found[table] = rows.fetchall()
        return found


# Two ways a dossier's entities go stale: every key (its entities dropped,
# as in a first build), or the keys of the mentions of 40 documents that
# lose them (an incremental link: counts and names move).
_STALE = {
    "every key": (
        "DELETE FROM entities",
        "DELETE FROM entity_keys",
        "INSERT OR IGNORE INTO entity_stale SELECT DISTINCT key FROM mentions",
    ),
    "40 documents' mentions gone": (
        "DELETE FROM mentions WHERE doc IN (SELECT rowid FROM documents"
        " ORDER BY rowid LIMIT 40)",
    ),
}


Rows = dict[str, list[tuple[object, ...]]]


def _made_stale(source: Path, target: Path, stale: str) -> Path:
    """A copy of the dossier at `source` with the `stale` keys of _STALE stale."""
    shutil.copy(source, target)
    with closing(connect(target)) as connection:
        for statement in _STALE[stale]:
            connection.execute(statement)
        assert entities.needs_entities(connection)
    return target


@pytest.fixture(scope="module")
def writer(
    kcna_built: Shared, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], tuple[int, Rows]]:
    """What the writer links itself in each stale copy (the count it returns,
    the entity rows it leaves), worked out once for the module: two tests
    compare with it, and linking the year's entities is most of each
    (issue 14, part 7)."""
    made: dict[str, tuple[int, Rows]] = {}

    def linked(stale: str) -> tuple[int, Rows]:
        if stale not in made:
            db = tmp_path_factory.mktemp("writer") / "writer.db"
            _made_stale(kcna_built.db, db, stale)
            with closing(connect(db)) as connection:
                count = link_entities(connection, pack=load_pack("korea"))
            made[stale] = (count, entity_rows(db))
        return made[stale]

    return linked


@pytest.fixture(params=sorted(_STALE))
def stale_pair(
    request: pytest.FixtureRequest,
    kcna_built: Shared,
    tmp_path: Path,
    writer: Callable[[str], tuple[int, Rows]],
) -> tuple[tuple[int, Rows], Path]:
    """What the writer links in kcna-2024's dossier with these keys stale, and
    a copy of that stale dossier to work out the entities aside in."""
    aside = _made_stale(kcna_built.db, tmp_path / "aside.db", request.param)
    return writer(request.param), aside


def _refuse(*_: object) -> Any:
    raise AssertionError("the writer worked the entities out again")


def test_entities_worked_out_aside_write_the_rows_the_writer_would(
    stale_pair: tuple[tuple[int, Rows], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    (linked, rows), second = stale_pair
    pack = load_pack("korea")
    pool = LazyPool(1)
    try:
        with closing(connect(second)) as connection:
            taken = entities_aside(connection, second, pack, pool)
            changes = taken()
            assert changes is not None
            assert changes.stale
            # The writer only writes what was worked out.
            monkeypatch.setattr(entities, "_changes", _refuse)
            assert link_entities(connection, pack=pack, worked_out=changes) == linked
    finally:
        pool.close()
    assert linked > 1000
    assert entity_rows(second) == rows


def test_a_commit_by_another_connection_leaves_the_writer_to_link(
    stale_pair: tuple[tuple[int, Rows], Path],
) -> None:
    _, second = stale_pair
    pool = LazyPool(1)
    try:
        with closing(connect(second)) as connection:
            taken = entities_aside(connection, second, load_pack("korea"), pool)
            with closing(connect(second)) as other:
                other.execute("CREATE TABLE written_meanwhile (x)")
            assert taken() is None
            # Its own writes are none of another's.
            taken = entities_aside(connection, second, load_pack("korea"), pool)
            connection.execute("CREATE TABLE written_by_the_writer (x)")
            assert taken() is not None
    finally:
        pool.close()


def test_changes_for_other_stale_keys_are_worked_out_again(
    stale_pair: tuple[tuple[int, Rows], Path],
) -> None:
    (linked, rows), second = stale_pair
    pack = load_pack("korea")
    outdated = EntityChanges(stale=("kim il sung",), entities=("kim il sung",))
    with closing(connect(second)) as connection:
        assert link_entities(connection, pack=pack, worked_out=outdated) == linked
    assert entity_rows(second) == rows


def test_nothing_stale_or_no_pool_starts_nothing(kcna_built: Shared) -> None:
    pool = LazyPool(1)
    with closing(connect(kcna_built.db, create=False)) as connection:
        assert entities_aside(connection, kcna_built.db, load_pack(), pool)() is None
        assert entities_aside(connection, kcna_built.db, load_pack(), None)() is None
    assert pool._pool is None


@pytest.mark.usefixtures("forkserver")
def test_a_pool_build_writes_the_entities_worked_out_aside_as_a_local_build(
    kcna_jsonl: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories = tmp_path / "stories.jsonl"
    with kcna_jsonl.open(encoding="utf-8") as lines:
        stories.write_text("".join(itertools.islice(lines, 80)), encoding="utf-8")
    build_files([stories], Settings(db=str(tmp_path / "local.db")))
    given: list[EntityChanges | None] = []
    real: Callable[..., int] = entities.link_entities

    def spied(connection: sqlite3.Connection, **options: Any) -> int:
        given.append(options.get("worked_out"))
        return real(connection, **options)

    monkeypatch.setattr(entities, "link_entities", spied)
    settings = Settings(db=str(tmp_path / "pool.db"), engine="pool", workers=2)
    report = build_files([stories], settings)
    assert report.failures == []
    assert len(given) == 1
    assert given[0] is not None
    assert len(given[0].entity_rows) == report.entities
    assert entity_rows(tmp_path / "pool.db") == entity_rows(tmp_path / "local.db")
