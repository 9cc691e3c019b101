"""Benchmark: the mentions finder alone, in CPU seconds, over kcna-2024.

    PYTHONPATH=src python bench/mentions_cpu.py [--passes 3]

Reads kcna-2024's articles once (not timed), then times `entities.find` over
all of them: a cold first pass (the finder's per-run caches fill) and
`--passes` warm ones. CPU seconds (`time.process_time`), not wall time, so
that rounds on a loaded machine compare; run it with the code before and
after a change on PYTHONPATH, alternating, and compare the medians.
"""

from __future__ import annotations

import argparse
import gc
import json
from pathlib import Path

from results import cpu_passes, kcna_readings

from dossier.annotate import entities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="warm passes")
    args = parser.parse_args()
    readings, compiled, size = kcna_readings()
    # The readings held here make every full collection walk a heap a build
    # never holds (it streams); frozen, they leave the finder's own cost.
    gc.collect()
    gc.freeze()
    seconds = cpu_passes(entities.find, readings, compiled, 1 + args.passes)
    print(
        json.dumps(
            {
                "code": str(Path(entities.__file__).parents[3]),
                "mb": round(size, 2),
                "cold_cpu_s": round(seconds[0], 2),
                "warm_cpu_s": [round(s, 2) for s in seconds[1:]],
                "warm_mb_per_cpu_s": round(size / min(seconds[1:]), 2),
            }
        )
    )


if __name__ == "__main__":
    main()
