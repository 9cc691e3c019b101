"""Copy groups from stored signatures and verified near copies, and the marks
(`copy_group`, `copy_of`) they put on documents. Part of `link.copies`."""

from __future__ import annotations

import sqlite3


def copy_groups(connection: sqlite3.Connection) -> list[list[int]]:
    """Copy groups as lists of document rowids, each of two or more."""
    parent: dict[int, int] = {}

    def root(doc: int) -> int:
        parent.setdefault(doc, doc)
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    def join(a: int, b: int) -> None:
        parent[root(a)] = root(b)

    previous: tuple[str, bytes] | None = None
    first = 0
    for kind, digested, doc in connection.execute(
        "SELECT kind, digest, doc FROM signatures WHERE digest IN"
        " (SELECT digest FROM signatures GROUP BY digest HAVING count(*) > 1)"
        " ORDER BY kind, digest"
    ):
        if (kind, digested) == previous:
            join(doc, first)
        else:
            previous, first = (kind, digested), doc
            root(doc)
    for a, b in connection.execute("SELECT a, b FROM near_copies"):
        join(a, b)
    members: dict[int, list[int]] = {}
    for doc in parent:
        members.setdefault(root(doc), []).append(doc)
    return [group for group in members.values() if len(group) > 1]


def mark_copies(connection: sqlite3.Connection, groups: list[list[int]]) -> int:
    """Write `copy_group` and `copy_of`; return how many documents are copies."""
    connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS copy_members(doc INTEGER, grp INTEGER)"
    )
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute("DELETE FROM copy_members")
        connection.executemany(
            "INSERT INTO copy_members VALUES (?,?)",
            [(doc, number) for number, group in enumerate(groups) for doc in group],
        )
        # The earliest by date, undated last, then by id names the group.
        rows = connection.execute(
            "SELECT m.doc, d.id, first_value(d.id) OVER (PARTITION BY m.grp"
            " ORDER BY d.date IS NULL, d.date, d.id) FROM copy_members m"
            " JOIN documents d ON d.rowid = m.doc"
        ).fetchall()
        updates = [
            (None if doc_id == earliest else earliest, earliest, rowid)
            for rowid, doc_id, earliest in rows
        ]
        # Only what changes is written: a document's entities are counted
        # again when its group changes (store.schema, migration 9).
        connection.execute(
            "UPDATE documents SET copy_of = NULL, copy_group = NULL"
            " WHERE copy_group IS NOT NULL"
            " AND rowid NOT IN (SELECT doc FROM copy_members)"
        )
        connection.executemany(
            "UPDATE documents SET copy_of = ?1, copy_group = ?2 WHERE rowid = ?3"
            " AND (copy_of IS NOT ?1 OR copy_group IS NOT ?2)",
            updates,
        )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return sum(1 for copy_of, _group, _rowid in updates if copy_of is not None)
