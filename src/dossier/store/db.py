"""Open, migrate and write the database."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from dossier.errors import StoreError
from dossier.model import Document, FileResult
from dossier.store.annotations import Row, annotation_rows, insert_annotation_rows
from dossier.store.schema import MIGRATIONS, SCHEMA_VERSION


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and migrate) the database; `create=False` refuses a missing file."""
    target = Path(path)
    if not create and not target.exists():
        raise StoreError(
            f"no dossier at {target}: run `dossier build PATH --db {target}` first"
        )
    try:
        connection = sqlite3.connect(target, isolation_level=None, timeout=30)
    except sqlite3.DatabaseError as err:
        raise StoreError(f"cannot open {target} as a dossier database: {err}") from err
    try:
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        _migrate(connection)
    except sqlite3.DatabaseError as err:
        connection.close()
        raise StoreError(f"cannot open {target} as a dossier database: {err}") from err
    except StoreError:
        connection.close()
        raise
    return connection


def _migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"database schema {version} is newer than this dossier ({SCHEMA_VERSION}): "
            "upgrade dossier"
        )
    for number in range(version, SCHEMA_VERSION):
        # One script, one transaction: a migration is applied whole or not at all.
        connection.executescript(
            f"BEGIN IMMEDIATE;\n{MIGRATIONS[number]}\n"
            f"PRAGMA user_version = {number + 1};\nCOMMIT;"
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


def document_id(sha256: str, path: str, part: int, ordinal: int) -> str:
    key = f"{sha256}\0{path}\0{part}\0{ordinal}".encode()
    return hashlib.sha1(key, usedforsecurity=False).hexdigest()[:12]


def _document_row(
    result: FileResult, rowid: int, source_id: int, part: int, document: Document
) -> tuple[object, ...]:
    meta = document.meta
    return (
        rowid,
        document_id(result.sha256, result.path, part, document.ordinal),
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
    )


def write_result(connection: sqlite3.Connection, result: FileResult) -> None:
    """Replace the file's sources and documents in one transaction.

    A file that failed to read keeps whatever an earlier build stored for it.
    Rows go in one `executemany` per table for the whole file: a JSONL file
    holds thousands of sources, and a statement per source cost 0.1 ms each.
    """
    if result.skipped:
        return
    if not result.sources:
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    failure = "; ".join(f.reason for f in result.failures) or None
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("DELETE FROM files WHERE path = ?", (result.path,))
        connection.execute(
            "INSERT INTO files(path, sha256, size, built_at, pipeline, failure)"
            " VALUES (?,?,?,?,?,?)",
            (result.path, result.sha256, result.size, now, result.pipeline, failure),
        )
        # The write lock is held from BEGIN IMMEDIATE, so ids can be handed
        # out here and the sources inserted in one batch.
        first_id = connection.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM sources"
        ).fetchone()[0]
        first_rowid = connection.execute(
            "SELECT coalesce(max(rowid), 0) + 1 FROM documents"
        ).fetchone()[0]
        annotations: dict[str, list[Row]] = {}
        sources: list[tuple[object, ...]] = []
        removed: list[tuple[object, ...]] = []
        documents: list[tuple[object, ...]] = []
        for source_id, item in enumerate(result.sources, start=first_id):
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
            removed.extend(
                (source_id, r.kind, r.raw_start, r.raw_end) for r in item.removed
            )
            for document in item.documents:
                rowid = first_rowid + len(documents)
                documents.append(
                    _document_row(result, rowid, source_id, source.part, document)
                )
                if document.annotations is not None:
                    for table, rows in annotation_rows(
                        rowid, document.annotations
                    ).items():
                        annotations.setdefault(table, []).extend(rows)
        connection.executemany(
            "INSERT INTO sources(id, path, part, sha256, encoding, raw, repairs,"
            " counts) VALUES (?,?,?,?,?,?,?,?)",
            sources,
        )
        connection.executemany(
            "INSERT INTO removed(source_id, kind, raw_start, raw_end) VALUES (?,?,?,?)",
            removed,
        )
        connection.executemany(
            "INSERT INTO documents(rowid, id, source_id, ordinal, kind, title, date,"
            " date_inferred, outlet, author, url, place, text, offsets,"
            " raw_start, raw_end, chars)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            documents,
        )
        insert_annotation_rows(connection, annotations)
        # Index the file's documents in one statement: FTS5 takes a bulk
        # INSERT ... SELECT about 4x faster than one trigger call per row.
        connection.execute(
            "INSERT INTO documents_fts(rowid, title, text)"
            " SELECT d.rowid, coalesce(d.title, ''), d.text FROM documents d"
            " WHERE d.source_id >= ?",
            (first_id,),
        )
        connection.execute("COMMIT")
    except sqlite3.DatabaseError as err:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise StoreError(f"cannot store {result.path}: {err}") from err
