"""Link work that only reads the store, worked out in a link pool's process
while the writer links something else; the writer then only writes it.

After the pool, a build links copies, then reuse, then entities, then
claims, alone in the writer. Entities read no row reuse writes, so they are
worked out beside it (issue 14: kcna-2024's link entities, 0.5 CPU s, ran
with one of the 2 cores idle). The writer checks that no other connection
has written since (`PRAGMA data_version`), else links them itself, as ever.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.packs import Pack

if TYPE_CHECKING:
    from dossier.engine.local import LazyPool
    from dossier.link.entities import EntityChanges

# What the writer takes once its other link steps are done: the changes,
# or None (it works them out itself).
Taken = Callable[[], "EntityChanges | None"]


def entities_aside(
    connection: sqlite3.Connection, db: str | Path, pack: Pack, pool: LazyPool | None
) -> Taken:
    """Have `pool` work out the entities' changes from the store as committed
    now; what `connection` writes meanwhile must be none of the rows they
    read (entities, their keys, counts and overrides, documents' copy
    groups)."""
    from dossier.link.entities import needs_entities

    if pool is None or not needs_entities(connection):
        return lambda: None
    version = _data_version(connection)
    task = pool.submit(_work_out_entities, str(Path(db).resolve()), pack)

    def taken() -> EntityChanges | None:
        if _data_version(connection) != version:
            task.cancel()
            return None  # another process wrote: what it read may be stale
        return _result(task)

    return taken


def _result(task: Future[EntityChanges]) -> EntityChanges | None:
    try:
        return task.result()
    except Exception:
        return None  # the writer links them itself, and reports what fails


def _data_version(connection: sqlite3.Connection) -> int:
    # Moves only when another connection commits, never on this one's own.
    version: int = connection.execute("PRAGMA data_version").fetchone()[0]
    return version


def _work_out_entities(db: str, pack: Pack) -> EntityChanges:
    """In a link pool's process: the changes, read from the store."""
    from dossier.link.entities import entity_changes
    from dossier.store import connect

    connection = connect(db, create=False)
    try:
        return entity_changes(connection, pack=pack)
    finally:
        connection.close()
