"""Benchmark: the times finder alone on kcna-2024, CPU seconds per pass.

    PYTHONPATH=src python bench/times_finder.py [--passes 3]

Readings (sentences included) are made first and not timed; then `time.find`
runs over every article `--passes` times, each pass timed with
`time.process_time` (CPU seconds, so other jobs on a loaded machine count
less than in wall time). To compare two trees, run it with `PYTHONPATH` on
each in turn, several rounds interleaved, and compare medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from pathlib import Path

from results import cpu_passes, kcna_readings

from dossier.annotate import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="timed passes")
    args = parser.parse_args()
    readings, compiled, size = kcna_readings()
    time.find(readings[0], compiled)  # warm-up: compiled patterns, caches
    seconds = cpu_passes(time.find, readings, compiled, args.passes)
    print(
        json.dumps(
            {
                "benchmark": "times finder",
                "code": str(Path(time.__file__).parents[3]),
                "mb": round(size, 2),
                "cpu_seconds": [round(s, 3) for s in seconds],
                "mb_per_cpu_second_median": round(size / statistics.median(seconds), 2),
                "load": round(os.getloadavg()[0], 1),
            }
        )
    )


if __name__ == "__main__":
    main()
