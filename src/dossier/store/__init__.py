"""Store: one SQLite file (WAL, FTS5), written one source file per transaction."""

from dossier.store.db import (
    connect,
    known_files,
    link_pending,
    mark_linked,
    move_files,
    write_result,
    writes,
)

__all__ = [
    "connect",
    "known_files",
    "link_pending",
    "mark_linked",
    "move_files",
    "write_result",
    "writes",
]
