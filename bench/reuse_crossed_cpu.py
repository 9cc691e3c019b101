"""Benchmark (issue 14 part 5): `bench/reuse_relink.py`, with the CPU
seconds `link.reuse_formula.crossed` spent (the texts a batch's recheck
looks at) summed, and the rows it reads counted.

    python bench/reuse_crossed_cpu.py DOSSIER.db [reuse_relink's options]

Prints reuse_relink's lines, then `{"crossed_cpu": S, "calls": N,
"per_call_cpu": [...], "texts_rows": [...], "key_rows": [...]}`
(`time.process_time` around each call; the counts, a call each, outside
it): `texts_rows`, the signed texts with stored
passages outside the batch, whose shingles `crossed` read each call before
schema 18; `key_rows`, the `reuse_passage_keys` rows the turned shingles
match (a tree without that table: 0); `index_cpu`, the CPU seconds
writing those rows took (`link.reuse.index_shared`). Any tree whose `link.reuse` calls a
`crossed` runs it, so two trees can be priced by turns.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dossier.link import reuse

sys.path.insert(0, str(Path(__file__).parent))
import reuse_relink  # bench/ is not a package: found by the path above

_spent: list[float] = []
_texts: list[int] = []
_keys: list[int] = []
_inner = reuse.crossed
# The rows schema 18 writes with the passages, in a tree that has them.
_index = [0.0]
_index_inner = getattr(reuse, "index_shared", None)


def _index_timed(*args: Any) -> None:
    start = time.process_time()
    try:
        assert _index_inner is not None
        _index_inner(*args)
    finally:
        _index[0] += time.process_time() - start


def _timed(
    connection: sqlite3.Connection, table: str, turned: npt.NDArray[np.int64]
) -> Any:
    start = time.process_time()
    try:
        return _inner(connection, table, turned)
    finally:
        _spent.append(time.process_time() - start)
        _count(connection, table, turned)


def _count(
    connection: sqlite3.Connection, table: str, turned: npt.NDArray[np.int64]
) -> None:
    if not len(turned):  # neither tree reads anything then
        _texts.append(0)
        _keys.append(0)
        return
    (texts,) = connection.execute(
        "SELECT count(*) FROM reuse_signed s WHERE s.grams IS NOT NULL"
        f" AND s.doc NOT IN (SELECT doc FROM {table})"
        " AND (EXISTS (SELECT 1 FROM reuses r WHERE r.a = s.doc)"
        "  OR EXISTS (SELECT 1 FROM reuses r WHERE r.b = s.doc))"
    ).fetchone()
    _texts.append(int(texts))
    keys = 0
    if connection.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'reuse_passage_keys'"
    ).fetchone():
        (found,) = connection.execute(
            "SELECT count(*) FROM reuse_passage_keys WHERE key IN"
            " (SELECT value FROM json_each(?))",
            (json.dumps(turned.tolist()),),
        ).fetchone()
        keys = int(found)
    _keys.append(keys)


def main() -> None:
    # Looked up by name when `_finish` calls it, so the wrapper is used.
    reuse.crossed = _timed  # type: ignore[assignment]
    if _index_inner is not None:
        reuse.index_shared = _index_timed  # type: ignore[attr-defined]
    try:
        reuse_relink.main()
    finally:
        print(
            json.dumps(
                {
                    "crossed_cpu": round(sum(_spent), 3),
                    "calls": len(_spent),
                    "per_call_cpu": [round(spent, 4) for spent in _spent],
                    "texts_rows": _texts,
                    "key_rows": _keys,
                    "index_cpu": round(_index[0], 3),
                }
            )
        )


if __name__ == "__main__":
    main()
