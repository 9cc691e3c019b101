"""A fault at each stage boundary of a build loses nothing for good: the next
build finishes the work, and equals a build that never failed (issue 17)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dossier.link import copies as link_copies_module
from dossier.link import entities as link_entities_module
from dossier.present.cli import build as build_module
from dossier.store import db as store_db
from tests.store.conftest import build, dump, write_corpus

# What a finished build holds, rowids and times aside.
STATE = (
    "SELECT d.id, d.text, d.copy_of, d.copy_group FROM documents d ORDER BY d.id",
    "SELECT key, name, type, mentions, documents FROM entities ORDER BY key",
    "SELECT path, sha256, pipeline FROM files ORDER BY path",
    "SELECT (SELECT value FROM state WHERE key = 'linked')"
    " = (SELECT value FROM state WHERE key = 'writes')",
)


class Fault(Exception):
    """The injected crash."""


def failing(original: Callable[..., Any], after: int) -> Callable[..., Any]:
    """`original`, raising Fault from its call number `after` + 1 on."""
    calls = 0

    def fail(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls > after:
            raise Fault
        return original(*args, **kwargs)

    return fail


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "wire"
    write_corpus(folder, 6)
    # Two files alike, so the copies stage has work.
    (folder / "wire-copy.txt").write_text((folder / "wire-0002.txt").read_text())
    return folder


@pytest.fixture
def clean(corpus: Path, tmp_path: Path) -> list[list[tuple[Any, ...]]]:
    db = tmp_path / "clean.db"
    build([corpus], db)
    return [dump(db, sql) for sql in STATE]


@pytest.mark.parametrize(
    ("module", "name", "after"),
    [
        (store_db, "_insert_sources", 3),  # inside the 4th file's transaction
        # The build imports the link stage when it runs (query commands start
        # without it): the fault goes where the name is looked up.
        (link_copies_module, "link_copies", 0),  # every file written, nothing linked
        (link_entities_module, "link_entities", 0),  # copies linked, entities not
        (build_module, "mark_linked", 0),  # linked, the marker not yet set
    ],
)
def test_a_fault_at_a_stage_boundary_is_made_good_by_the_next_build(
    corpus: Path,
    tmp_path: Path,
    clean: list[list[tuple[Any, ...]]],
    monkeypatch: pytest.MonkeyPatch,
    module: Any,
    name: str,
    after: int,
) -> None:
    db = tmp_path / "d.db"
    with monkeypatch.context() as patch:
        patch.setattr(module, name, failing(getattr(module, name), after))
        with pytest.raises(Fault):
            build([corpus], db)
    again = build([corpus], db)
    assert again.failures == []
    assert again.entities is not None  # the link stage ran again
    assert [dump(db, sql) for sql in STATE] == clean
    assert dump(db, "PRAGMA integrity_check") == [("ok",)]
