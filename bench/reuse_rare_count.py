"""Count (issue 14): the candidate pairs `link.reuse_rare` drops unread.

    python bench/reuse_rare_count.py DOSSIER.db [--pool 2]

Links a copy of the database's reuse step again as a build does (every
text's signatures made first, `bench/reuse_relink.py --made`) and prints,
as one JSON object: the candidate pairs found, those the pair rule drops
before their texts are read (`rare_pairs`), the passages stored, and the
CPU seconds (`time.process_time`) of the step and of finding the poor
pairs, with the 1-minute load.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from dossier.link import reuse, reuse_rare
from dossier.store import connect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuse_relink import _signed, pool_of, unlinked_copy

counts: Counter[str] = Counter()
seconds: Counter[str] = Counter()


def _counted(work: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **options: Any) -> Any:
        start = time.process_time()
        result = work(*args, **options)
        seconds["rare_pairs"] += time.process_time() - start
        counts["candidate_pairs"] += len(args[2])
        counts["rare_pairs"] += len(result)
        return result

    return counted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--pool", type=int, default=0, help="workers (0: none)")
    args = parser.parse_args()
    reuse_rare.rare_pairs = _counted(reuse_rare.rare_pairs)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "relink.db"
        unlinked_copy(args.db, copy)
        pool = pool_of(args.pool)
        with closing(connect(copy)) as connection:
            made = _signed(connection)
            load = os.getloadavg()[0]
            start = time.process_time()
            try:
                report = reuse.link_reuse(connection, made=made, mapper=pool)
            finally:
                if pool is not None:
                    pool.close()
            seconds["link_reuse"] = time.process_time() - start
    print(
        json.dumps(
            {
                "benchmark": "reuse_rare_count",
                "pool": args.pool,
                **counts,
                "passages": report.pairs,
                **{f"{k}_cpu_seconds": round(v, 2) for k, v in seconds.items()},
                "load": round(load, 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
