"""Take files out of the dossier: gone from disk, or no longer wanted.

Deleting a `files` row cascades to its sources, their documents, every
annotation and the search index (schema triggers and foreign keys), in one
transaction; the corpus-wide stage (`link`) runs after, so entities and
copies no longer count what was removed.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from dossier.errors import InputError, StoreError
from dossier.store.db import mark_link_pending
from dossier.store.queries import document_rowid


def gone_files(connection: sqlite3.Connection) -> list[str]:
    """Stored files whose path no longer exists, in path order."""
    paths = connection.execute("SELECT path FROM files ORDER BY path")
    return [row[0] for row in paths if not os.path.lexists(row[0])]


def resolve(connection: sqlite3.Connection, target: str) -> list[str]:
    """The stored files `target` names: a file, a folder (all stored files
    under it), or a document id (or unique prefix: its file)."""
    path = os.path.abspath(target)
    exact = connection.execute("SELECT path FROM files WHERE path = ?", (path,))
    found = [row[0] for row in exact]
    if found:
        return found
    folder = path.rstrip(os.sep) + os.sep
    under = connection.execute(
        "SELECT path FROM files WHERE substr(path, 1, ?) = ? ORDER BY path",
        (len(folder), folder),
    )
    found = [row[0] for row in under]
    if found:
        return found
    rowid = document_rowid(connection, target)
    if rowid is not None:
        row = connection.execute(
            "SELECT s.path FROM documents d JOIN sources s ON s.id = d.source_id"
            " WHERE d.rowid = ?",
            (rowid,),
        ).fetchone()
        return [row[0]]
    hint = "a stored file, a folder holding some, or a document id"
    raise InputError(f"{target!r} names nothing in this dossier ({hint})")


def forget(connection: sqlite3.Connection, paths: list[str]) -> int:
    """Remove `paths` and all that derives from them, in one transaction.

    Returns the number of documents removed.
    """
    if not paths:
        return 0
    try:
        connection.execute("BEGIN IMMEDIATE")
        mark_link_pending(connection)
        removed = 0
        for path in paths:
            removed += connection.execute(
                "SELECT count(*) FROM documents d JOIN sources s ON s.id = d.source_id"
                " WHERE s.path = ?",
                (path,),
            ).fetchone()[0]
            connection.execute("DELETE FROM files WHERE path = ?", (path,))
        connection.execute("COMMIT")
    except sqlite3.DatabaseError as err:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise StoreError(f"cannot forget {Path(paths[0]).name}: {err}") from err
    return int(removed)
