"""Benchmark (issue 14): the reuse step of `link` again on a built dossier,
in this process or with its candidate pairs compared in a process pool.

    python bench/reuse_relink.py DOSSIER.db [--pool 2] [--rounds 2]
        [--shared-bands 1] [--keep RELINKED.db] [--made]

Each round copies the database, empties its reuse tables and runs
`link.reuse.link_reuse` as a first build would (every independent text
signed, every candidate pair aligned): with `--pool N` over
`engine.LazyPool(N)`, as `dossier build --engine pool` does. Prints the
parent's CPU seconds (`time.process_time`), the pool workers' (reaped
children, `resource.getrusage`), wall seconds, the 1-minute load average
and the passages stored. `--shared-bands` runs it with another
`link.reuse_candidates.SHARED_BANDS` (bands a candidate pair's passages share), to
price a looser candidate rule against the default in the same session.
`--keep` keeps the last round's database, so that two trees' reuse tables
can be compared row for row (`bench/reuse_rows.py`). `--made` links as a
build does: every text's signatures made first (`link.signing.sign_document`,
what the build's workers make, not timed) and handed to `link_reuse`, so it
reads the words of candidate pairs' texts only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from dossier.link import reuse_candidates
from dossier.link.reuse import link_reuse
from dossier.link.signing import Signed, sign_document
from dossier.store import connect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a dossier built without --engine")
    parser.add_argument("--pool", type=int, default=0, help="workers (0: none)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--shared-bands",
        type=int,
        default=reuse_candidates.SHARED_BANDS,
        help="candidates'",
    )
    parser.add_argument("--keep", type=Path, help="keep the last round's database")
    parser.add_argument(
        "--made", action="store_true", help="signatures made first, as a build"
    )
    args = parser.parse_args()
    reuse_candidates.SHARED_BANDS = args.shared_bands
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "relink.db"
        for number in range(args.rounds):
            unlinked_copy(args.db, copy)
            pool = pool_of(args.pool)
            load = os.getloadavg()[0]
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            with closing(connect(copy)) as connection:
                made = _signed(connection) if args.made else None
                wall, cpu = time.perf_counter(), time.process_time()
                try:
                    report = (
                        link_reuse(connection, made=made, mapper=pool)
                        if pool is not None
                        else link_reuse(connection, made=made)
                    )
                finally:
                    if pool is not None:
                        pool.close()
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            workers = (after.ru_utime + after.ru_stime) - (
                children.ru_utime + children.ru_stime
            )
            print(
                json.dumps(
                    {
                        "benchmark": "reuse_relink",
                        "round": number + 1,
                        "pool": args.pool,
                        "shared_bands": args.shared_bands,
                        "made": args.made,
                        "cpu_seconds": round(cpu, 2),
                        "worker_cpu_seconds": round(workers, 2),
                        "wall_seconds": round(wall, 2),
                        "load": round(load, 2),
                        "signed": report.signed,
                        "passages": report.pairs,
                    }
                )
            )
        if args.keep is not None:
            shutil.copy(copy, args.keep)


def unlinked_copy(db: Path, copy: Path) -> None:
    """`db` copied to `copy` with its reuse tables emptied, as before a first
    link."""
    shutil.copy(db, copy)
    with closing(sqlite3.connect(copy)) as raw:
        raw.executescript(
            "DELETE FROM reuses; DELETE FROM reuse_bands;"
            " DELETE FROM reuse_signed; DELETE FROM reuse_grams;"
            " DELETE FROM reuse_gone;"
        )


def pool_of(workers: int) -> Any:
    """`engine.LazyPool(workers)`, or None for none. Imported here, not at
    the top: code from before the pool can run the in-process rounds."""
    if not workers:
        return None
    from dossier.engine.local import LazyPool

    return LazyPool(workers)


def _signed(connection: sqlite3.Connection) -> Signed:
    """Every independent text's signatures, as a build's workers make them."""
    signed = Signed()
    for (text,) in connection.execute(
        "SELECT text FROM documents WHERE kind = 'article' AND copy_of IS NULL"
    ):
        signed.add(text, sign_document(text))
    return signed


if __name__ == "__main__":
    sys.exit(main())
