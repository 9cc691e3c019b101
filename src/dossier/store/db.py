"""Open, migrate and write the database."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from dossier.errors import DossierError, FileNotStored, InputError, StoreError
from dossier.store.bulk_indexes import restore_indexes
from dossier.store.schema import MIGRATIONS, SCHEMA_VERSION
from dossier.store.transaction import immediate

# What only writing needs is imported where it writes: a query command opens
# the database without the model's classes or the readers (#14 part 6).
if TYPE_CHECKING:
    from dossier.model import Document, FileResult
    from dossier.offsets import SourceMap
    from dossier.store.annotations import Row
    from dossier.store.facts import FactRows

# Tables every dossier holds: a database without them is someone else's.
DOSSIER_TABLES = frozenset({"files", "sources", "documents"})


def connect(
    path: str | Path, *, create: bool = True, shared: bool = False
) -> sqlite3.Connection:
    """Open the dossier at `path`.

    `create=True` (builds) creates and migrates it; `create=False` (every read
    command) opens it read-only and never writes to the file: a dossier on
    read-only storage can be read, and a path to some other SQLite file is
    refused untouched. `shared` (read-only only) lets threads take turns with
    the connection: the web app's pool hands one to one request at a time.
    """
    target = Path(path)
    if not create:
        return _open_read_only(target, shared=shared)
    if not target.parent.is_dir():
        raise InputError(
            f"cannot open {target}: no folder {target.parent} to hold the database"
        )
    try:
        connection = sqlite3.connect(target, isolation_level=None, timeout=30)
    except sqlite3.DatabaseError as err:
        raise StoreError(f"cannot open {target} as a dossier database: {err}") from err
    try:
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        _check_dossier(connection, target)
        _write_ahead(connection)
        connection.execute("PRAGMA synchronous = NORMAL")
        _migrate(connection, target)
        # Indexes a build into an empty dossier dropped, if it was killed
        # before it made them again.
        restore_indexes(connection)
    except sqlite3.DatabaseError as err:
        connection.close()
        if "not a database" in str(err):
            raise InputError(f"{target} is not a dossier database ({err})") from err
        raise StoreError(f"cannot open {target} as a dossier database: {err}") from err
    except DossierError:
        connection.close()
        raise
    return connection


def _write_ahead(connection: sqlite3.Connection, patience: float = 30.0) -> None:
    """Put the database in WAL mode. A new file is in rollback mode, where two
    builds switching it at once both hold a read lock and want the write
    lock: SQLite answers one `database is locked` at once rather than wait
    on a deadlock (its busy handler is not called), so that one tries again."""
    started = time.monotonic()
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() - started > patience:
                raise
            time.sleep(0.02)


def _open_read_only(target: Path, *, shared: bool = False) -> sqlite3.Connection:
    if not target.exists():
        raise InputError(
            f"no dossier at {target}: run `dossier build PATH --db {target}` first"
        )
    location = quote(str(target.resolve()))
    connection = None
    # immutable=1 is the fallback for read-only storage, where SQLite cannot
    # make the shared-memory file a WAL database is read with.
    for mode in ("mode=ro", "mode=ro&immutable=1"):
        try:
            connection = sqlite3.connect(
                f"file:{location}?{mode}",
                uri=True,
                isolation_level=None,
                timeout=30,
                check_same_thread=not shared,
            )
            connection.row_factory = sqlite3.Row
            _check_dossier(connection, target, exists=True)
            return connection
        except sqlite3.DatabaseError as err:
            if connection is not None:
                connection.close()
            if "not a database" in str(err):
                raise InputError(f"{target} is not a dossier database ({err})") from err
            if "unable to open" in str(err) and "immutable" not in mode:
                continue
            raise StoreError(f"cannot read {target}: {err}") from err
        except DossierError:
            if connection is not None:
                connection.close()
            raise
    raise AssertionError("unreachable")  # pragma: no cover


def _check_dossier(
    connection: sqlite3.Connection, target: Path, *, exists: bool = False
) -> None:
    """Refuse a database dossier did not make, or one of a schema it cannot read.

    `exists` (read commands) also refuses an empty file or an older schema,
    which only a build may create or migrate.
    """
    # One statement, one snapshot: read apart, a build committing its schema
    # between the two reads showed a reader version 0 and all the tables,
    # "built by an older dossier" (tests/store/test_concurrency.py).
    version, names = connection.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT json_group_array(name) FROM sqlite_master WHERE type = 'table')"
    ).fetchone()
    tables = set(json.loads(names))
    if exists and not tables and not version:
        raise InputError(
            f"no dossier at {target} yet (the file is empty: a build may be "
            f"creating it): run `dossier build PATH --db {target}` first"
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{target} has database schema {version}, newer than this dossier's "
            f"({SCHEMA_VERSION}): upgrade dossier to read it"
        )
    if (tables or version) and not tables >= DOSSIER_TABLES:
        raise InputError(
            f"{target} is not a dossier database (it holds other tables); "
            "nothing was changed: give another --db"
        )
    if exists and version < SCHEMA_VERSION:
        raise StoreError(
            f"{target} was built by an older dossier (schema {version}, this one "
            f"reads {SCHEMA_VERSION}): run `dossier build` with --db {target} "
            "to upgrade it"
        )


def _migrate(connection: sqlite3.Connection, target: Path) -> None:
    if connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    # The version is read again under the write lock: two builds opening one
    # new database must not both create its tables.
    with immediate(connection):
        _check_dossier(connection, target)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
            if number + 1 in _AFTER_MIGRATION:
                _AFTER_MIGRATION[number + 1](connection)
            connection.execute(f"PRAGMA user_version = {number + 1}")


def _store_shown(connection: sqlite3.Connection) -> None:
    # Imported here: only a migration needs `show`'s encoder.
    from dossier.present.shown import store_missing

    store_missing(connection)


def _index_stored(connection: sqlite3.Connection) -> None:
    from dossier.store.passage_keys import index_stored

    index_stored(connection)


# What a migration's SQL cannot do, run after it in its transaction: 15
# stores the annotations of the large documents already there as `show`
# writes them (1.1 s of CPU for a dossier of 1,859 documents, one of 10 MB).
# 18 indexes the shared shingles of the passages stored
# (`store.passage_keys`).
_AFTER_MIGRATION: dict[int, Callable[[sqlite3.Connection], None]] = {
    15: _store_shown,
    18: _index_stored,
}


def _statements(script: str) -> list[str]:
    """A migration script cut into statements (a trigger body holds `;` too)."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


def mark_link_pending(connection: sqlite3.Connection) -> None:
    """Count a write, in the caller's transaction: the corpus-wide stage must
    run again."""
    connection.execute("UPDATE state SET value = value + 1 WHERE key = 'writes'")


def writes(connection: sqlite3.Connection) -> int:
    """How many writes the dossier has seen: taken when the link stage starts."""
    row = connection.execute("SELECT value FROM state WHERE key = 'writes'").fetchone()
    return int(row[0])


def link_pending(connection: sqlite3.Connection) -> bool:
    """Whether a write came after the start of the last finished link stage."""
    rows = dict(connection.execute("SELECT key, value FROM state").fetchall())
    return bool(rows["linked"] < rows["writes"])


def mark_linked(connection: sqlite3.Connection, started_at: int) -> None:
    """The link stage that began at write count `started_at` has finished."""
    connection.execute(
        "UPDATE state SET value = max(value, ?) WHERE key = 'linked'", (started_at,)
    )


def known_files(connection: sqlite3.Connection) -> dict[str, str]:
    """path -> "sha256 pipeline" of every file stored whole.

    A file is skipped only when both its bytes and the pipeline that built it
    (version, settings that change output) are unchanged.
    """
    rows = connection.execute(
        "SELECT path, sha256, pipeline FROM files WHERE failure IS NULL"
    )
    return {row["path"]: f"{row['sha256']} {row['pipeline']}" for row in rows}


def move_files(
    connection: sqlite3.Connection, paths: Iterable[Path], fingerprint: str
) -> dict[str, str]:
    """Re-point stored files whose path is gone to where their bytes are now.

    A file moved or renamed is recognised by size, then sha256, among stored
    files built by the same pipeline whose path no longer exists; its rows
    (and so its document ids) stay, under the new path, each move in one
    transaction. Returns new path -> old path.
    """
    gone: dict[int, list[tuple[str, str]]] = {}
    stored: set[str] = set()
    for row in connection.execute(
        "SELECT path, sha256, size FROM files WHERE failure IS NULL AND pipeline = ?",
        (fingerprint,),
    ):
        stored.add(row["path"])
        if not os.path.lexists(row["path"]):
            gone.setdefault(row["size"], []).append((row["sha256"], row["path"]))
    moves: dict[str, str] = {}
    if not gone:
        return moves
    for path in paths:
        try:
            candidates = gone.get(path.stat().st_size, [])
            if str(path) in stored or not candidates:
                continue
            from dossier.read.files import file_sha256

            digest = file_sha256(path)
        except OSError:
            continue  # the build reports it when it reads it
        for candidate in candidates:
            if candidate[0] == digest:
                candidates.remove(candidate)
                _move_file(connection, candidate[1], str(path))
                moves[str(path)] = candidate[1]
                break
    return moves


def _move_file(connection: sqlite3.Connection, old: str, new: str) -> None:
    try:
        connection.execute("BEGIN IMMEDIATE")
        # Parent and children change their path in turn; the foreign key is
        # checked at commit, when both agree.
        connection.execute("PRAGMA defer_foreign_keys = ON")
        connection.execute("DELETE FROM files WHERE path = ?", (new,))
        connection.execute("UPDATE files SET path = ? WHERE path = ?", (new, old))
        connection.execute("UPDATE sources SET path = ? WHERE path = ?", (new, old))
        connection.execute("COMMIT")
    except sqlite3.DatabaseError as err:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise StoreError(f"cannot move {old} to {new}: {err}") from err


def document_id(sha256: str, ordinal: int, copy: int = 1) -> str:
    """A content address: the source's bytes (their sha256) and the document's
    index in it. The `copy`-th source with the same bytes in one dossier (a
    file stored under two paths, a JSONL line repeated) gets its own id."""
    key = f"{sha256}\0{ordinal}" + (f"\0{copy}" if copy > 1 else "")
    return hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:12]


def _assign_ids(connection: sqlite3.Connection, result: FileResult) -> list[list[str]]:
    """Ids for each source's documents, in order: the content address, or the
    next free copy of it where another source already holds that one."""
    wanted = {
        document_id(item.source.sha256, document.ordinal)
        for item in result.sources
        for document in item.documents
    }
    taken = _stored_ids(connection, wanted)
    assigned = []
    for item in result.sources:
        ids = []
        for document in item.documents:
            copy = 1
            while (
                candidate := document_id(item.source.sha256, document.ordinal, copy)
            ) in taken or (copy > 1 and _stored_ids(connection, {candidate})):
                copy += 1
            taken.add(candidate)
            ids.append(candidate)
        assigned.append(ids)
    return assigned


def _stored_ids(connection: sqlite3.Connection, ids: set[str]) -> set[str]:
    found: set[str] = set()
    batch = sorted(ids)
    for start in range(0, len(batch), 500):
        chunk = batch[start : start + 500]
        found.update(
            row[0]
            for row in connection.execute(
                f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    return found


def _document_row(
    doc_id: str, rowid: int, source_id: int, document: Document
) -> tuple[object, ...]:
    meta = document.meta
    return (
        rowid,
        doc_id,
        source_id,
        document.ordinal,
        document.kind,
        meta.title,
        meta.date,
        int(meta.date_inferred),
        meta.outlet,
        meta.author,
        meta.url,
        meta.place,
        document.text,
        document.offsets.to_bytes(),
        document.raw_start,
        document.raw_end,
        len(document.text),
        " ".join(document.flags),
    )


def write_result(connection: sqlite3.Connection, result: FileResult) -> None:
    """Replace the file's sources and documents in one transaction.

    A file that failed to read keeps whatever an earlier build stored for it.
    Rows go in one `executemany` per table for the whole piece: a JSONL file
    holds thousands of sources, and a statement per source cost 0.1 ms each.
    A streamed file comes in pieces: the first opens the transaction and
    replaces the file's rows, the last commits, so a build killed inside a big
    file leaves it as it was; a stream that gave no source at all is rolled
    back, keeping what was stored.
    """
    if result.skipped:
        return
    if result.first and result.last and not result.sources:
        return
    failure = "; ".join(f.reason for f in result.failures) or None
    try:
        if result.first:
            _open_file(connection, result, failure)
        elif failure:
            connection.execute(
                "UPDATE files SET failure = coalesce(failure || '; ', '') || ?"
                " WHERE path = ?",
                (failure, result.path),
            )
        _insert_sources(connection, result)
        if result.last:
            stored = connection.execute(
                "SELECT 1 FROM sources WHERE path = ? LIMIT 1", (result.path,)
            ).fetchone()
            connection.execute("COMMIT" if stored else "ROLLBACK")
    except sqlite3.IntegrityError as err:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise FileNotStored(f"cannot store it: {err}") from err
    except sqlite3.DatabaseError as err:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise StoreError(f"cannot store {result.path}: {err}") from err


def _open_file(
    connection: sqlite3.Connection, result: FileResult, failure: str | None
) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("DELETE FROM files WHERE path = ?", (result.path,))
    mark_link_pending(connection)
    connection.execute(
        "INSERT INTO files(path, sha256, size, built_at, pipeline, failure)"
        " VALUES (?,?,?,?,?,?)",
        (result.path, result.sha256, result.size, now, result.pipeline, failure),
    )


# How many annotation rows the writer holds before inserting them: a
# document's rows go in with the next documents' until there are this many.
# A page of 80,000 tiny figures made all its rows at once, some 30 MB at the
# build's peak (docs/reliability.md, "One page's source map"); a statement
# per 10,000 rows costs nothing one can measure.
ROWS_AT_ONCE = 10_000


def _insert_annotations(
    connection: sqlite3.Connection,
    result: FileResult,
    ids: list[list[str]],
    first_rowid: int,
    facts: FactRows | None,
) -> tuple[Counter[int], int]:
    """The piece's annotation rows, inserted a few documents at a time, in
    the order of one insert for all; each document's facts to `facts`.
    Returns each document's count of rows and the piece's figures."""
    from dossier.store.annotations import annotation_rows, insert_annotation_rows
    from dossier.store.records import ANNOTATION_QUERIES

    pending: dict[str, list[Row]] = {}
    held = 0
    counts: Counter[int] = Counter()
    figures = 0
    rowid = first_rowid
    for item, doc_ids in zip(result.sources, ids, strict=True):
        for document, doc_id in zip(item.documents, doc_ids, strict=True):
            if facts is not None and document.facts is not None:
                facts.add(
                    rowid,
                    doc_id,
                    document.meta.date,
                    document.facts,
                    first_figure=figures,
                )
            if document.annotations is not None:
                for table, rows in annotation_rows(rowid, document.annotations).items():
                    pending.setdefault(table, []).extend(rows)
                    held += len(rows)
                    if table == "figures":
                        figures += len(rows)
                    if table in ANNOTATION_QUERIES:
                        counts[rowid] += len(rows)
            rowid += 1
            if held >= ROWS_AT_ONCE:
                insert_annotation_rows(connection, pending)
                pending, held = {}, 0
    insert_annotation_rows(connection, pending)
    return counts, figures


def _insert_sources(connection: sqlite3.Connection, result: FileResult) -> None:
    """The piece's sources, documents, annotations and search index rows."""
    from dossier.store.facts import FactRows, accepts_facts, insert_facts

    # The write lock is held from BEGIN IMMEDIATE, so ids can be handed
    # out here and the sources inserted in one batch.
    first_id = connection.execute(
        "SELECT coalesce(max(id), 0) + 1 FROM sources"
    ).fetchone()[0]
    first_rowid = connection.execute(
        "SELECT coalesce(max(rowid), 0) + 1 FROM documents"
    ).fetchone()[0]
    sources: list[tuple[object, ...]] = []
    removed: list[tuple[object, ...]] = []
    documents: list[tuple[object, ...]] = []
    locators: list[tuple[int, str]] = []
    maps: dict[int, SourceMap] = {}  # the same maps, for `store_large`
    ids = _assign_ids(connection, result)
    # Event dates and claim facts made with the documents (`Document.facts`).
    facts = FactRows()
    take_facts = any(
        document.facts is not None
        for item in result.sources
        for document in item.documents
    ) and accepts_facts(connection)
    for source_id, (item, doc_ids) in enumerate(
        zip(result.sources, ids, strict=True), start=first_id
    ):
        source = item.source
        sources.append(
            (
                source_id,
                result.path,
                source.part,
                source.sha256,
                source.encoding,
                source.raw,
                json.dumps(
                    [
                        [r.kind, r.raw_start, r.raw_end, r.before, r.after]
                        for r in item.cleaned.repairs
                    ]
                ),
                json.dumps(item.cleaned.counts),
            )
        )
        if source.locator is not None:
            locators.append((source_id, source.locator.to_json_text()))
            maps[source_id] = source.locator
        removed.extend(
            (source_id, r.kind, r.raw_start, r.raw_end) for r in item.removed
        )
        for document, doc_id in zip(item.documents, doc_ids, strict=True):
            rowid = first_rowid + len(documents)
            documents.append(_document_row(doc_id, rowid, source_id, document))
    connection.executemany(
        "INSERT INTO sources(id, path, part, sha256, encoding, raw, repairs,"
        " counts) VALUES (?,?,?,?,?,?,?,?)",
        sources,
    )
    connection.executemany(
        "INSERT INTO locators(source_id, map) VALUES (?,?)", locators
    )
    connection.executemany(
        "INSERT INTO removed(source_id, kind, raw_start, raw_end) VALUES (?,?,?,?)",
        removed,
    )
    connection.executemany(
        "INSERT INTO documents(rowid, id, source_id, ordinal, kind, title, date,"
        " date_inferred, outlet, author, url, place, text, offsets,"
        " raw_start, raw_end, chars, flags)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        documents,
    )
    (last_figure,) = connection.execute(
        "SELECT coalesce(max(rowid), 0) FROM figures"
    ).fetchone()
    counts, figures = _insert_annotations(
        connection, result, ids, first_rowid, facts if take_facts else None
    )
    if facts.derived:
        # The write lock is held: the rowids past the last are the piece's
        # figures, in the order inserted.
        figure_rowids = [
            int(rowid)
            for (rowid,) in connection.execute(
                "SELECT rowid FROM figures WHERE rowid > ? ORDER BY rowid",
                (last_figure,),
            )
        ]
        if len(figure_rowids) == figures:
            insert_facts(connection, facts, figure_rowids=figure_rowids)
    # The annotations of large documents as `show --json` writes them (#17),
    # with their rows: a build killed before the commit leaves neither.
    from dossier.present.shown import store_large

    store_large(connection, counts, maps=maps)
    # Index the file's documents in one statement: FTS5 takes a bulk
    # INSERT ... SELECT about 4x faster than one trigger call per row.
    connection.execute(
        "INSERT INTO documents_fts(rowid, title, text)"
        " SELECT d.rowid, coalesce(d.title, ''), d.text FROM documents d"
        " WHERE d.source_id >= ?",
        (first_id,),
    )
