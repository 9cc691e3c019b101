"""Store: one SQLite file (WAL, FTS5), written one source file per transaction."""

from dossier.store.db import connect, known_files, move_files, write_result

__all__ = ["connect", "known_files", "move_files", "write_result"]
