"""Benchmark: the build's fixed per-file stages and its writer, one at a time.

    python bench/fixed_costs.py PATH [--db FILE] [--part clean|store|replay|all]

Runs with whatever `dossier` is on the path, so two trees are compared by
running it with each one's `src` first on PYTHONPATH, in alternated rounds.
`clean`: reads PATH's sources (a JSONL file streamed, as the build reads it)
and times, in this process's CPU, `clean`, then `segment` and `describe`
over what it made. `store`: builds PATH into a fresh database in process
(local engine) and times the writer (`write_result`) and, within it, the
mention rows' insert (`insert_annotation_rows` of the table `mentions`).
`replay`: keeps the pieces that build hands the writer and times writing
them again into another fresh database, the writer alone, with nothing of
the build between its calls. Prints one JSON line with the load average.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import dossier.present.cli.build as build
import dossier.store.annotations as stored
from dossier.clean import clean
from dossier.meta import describe
from dossier.model import Failure, Source
from dossier.packs import load_pack
from dossier.read.files import STREAMED_SUFFIXES, read_bytes, read_file, sha256_of
from dossier.read.stream import stream_sources
from dossier.segment import segment
from dossier.settings import Settings


def sources_of(path: Path) -> list[Source]:
    items: Iterable[Source | Failure]
    if path.suffix.lower() in STREAMED_SUFFIXES:
        items = stream_sources(path)
    else:
        data = read_bytes(path, max_bytes=1 << 62)
        items = read_file(path, data, sha256_of(data))[0]
    return [item for item in items if isinstance(item, Source)]


def stages(path: Path) -> dict[str, float]:
    """CPU seconds of clean, segment and meta over the sources of `path`."""
    pack = load_pack("korea")
    sources = sources_of(path)
    begun = time.process_time()
    cleaned = [clean(source, pack) for source in sources]
    cleaning = time.process_time() - begun
    begun = time.process_time()
    segmented = [segment(item, pack)[0] for item in cleaned]
    segmenting = time.process_time() - begun
    begun = time.process_time()
    for source, documents in zip(sources, segmented, strict=True):
        for document in documents:
            describe(document, source, pack)
    return {
        "sources": len(sources),
        "clean": round(cleaning, 3),
        "segment": round(segmenting, 3),
        "meta": round(time.process_time() - begun, 3),
    }


def store(path: Path, db: Path) -> dict[str, float]:
    """CPU seconds of the writer in a build of `path`, and of its mentions."""
    spent = {"store": 0.0, "mentions insert": 0.0}
    write, insert = build.write_result, stored.insert_annotation_rows

    def timed_write(*args: Any) -> None:
        begun = time.process_time()
        try:
            write(*args)
        finally:
            spent["store"] += time.process_time() - begun

    def timed_insert(connection: Any, rows: dict[str, list[Any]]) -> None:
        for table, table_rows in rows.items():
            begun = time.process_time()
            insert(connection, {table: table_rows})
            if table == "mentions":
                spent["mentions insert"] += time.process_time() - begun

    build.write_result = timed_write
    stored.insert_annotation_rows = timed_insert
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    settings = dataclasses.replace(Settings(), db=str(db), engine="local")
    begun = time.process_time()
    build.build_files([path], settings)
    spent["build"] = time.process_time() - begun
    return {name: round(value, 3) for name, value in spent.items()}


def replay(path: Path, db: Path) -> dict[str, float]:
    """CPU seconds of the writer storing again what a build of `path` wrote."""
    from dossier.store import connect
    from dossier.store.db import write_result

    pieces: list[Any] = []
    write = build.write_result

    def kept(connection: Any, result: Any) -> None:
        pieces.append(result)
        write(connection, result)

    build.write_result = kept
    for target in (db, db.with_suffix(".replay.db")):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    settings = dataclasses.replace(Settings(), db=str(db), engine="local")
    build.build_files([path], settings)
    connection = connect(db.with_suffix(".replay.db"))
    begun = time.process_time()
    for piece in pieces:
        write_result(connection, piece)
    spent = time.process_time() - begun
    connection.close()
    return {"pieces": len(pieces), "replay": round(spent, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--db", type=Path, default=Path("bench/out/fixed_costs.db"))
    parser.add_argument(
        "--part", default="all", choices=["clean", "store", "replay", "all"]
    )
    args = parser.parse_args()
    result: dict[str, Any] = {"benchmark": "fixed_costs"}
    if args.part in {"clean", "all"}:
        result.update(stages(args.path))
    if args.part in {"store", "all"}:
        args.db.parent.mkdir(parents=True, exist_ok=True)
        result.update(store(args.path, args.db))
    if args.part == "replay":
        args.db.parent.mkdir(parents=True, exist_ok=True)
        result.update(replay(args.path, args.db))
    result["load"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
