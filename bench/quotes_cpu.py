"""Benchmark: the quote finder alone, in CPU seconds, over kcna-2024 articles.

    PYTHONPATH=SRC python bench/quotes_cpu.py [--passes 5]

On a shared, loaded machine wall time says little: this times `quotes.find`
(mentions and citations found first, not timed) with the process's CPU clock
and keeps the best of several passes. Run it alternately on two source trees
(`PYTHONPATH=/path/to/src`) to compare them.

With `--warm-pass`, one cold pass runs first and then one warm pass through
`functools.reduce`, for an instruction count of the finder's warm work that
does not move with the load:
`valgrind --tool=callgrind --collect-atstart=no
--toggle-collect=functools_reduce python bench/quotes_cpu.py --warm-pass`.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import cpu_passes, kcna_readings, record

from dossier.annotate import entities, quotes
from dossier.annotate.quotes import citations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5, help="passes; best kept")
    parser.add_argument("--warm-pass", action="store_true", help="for callgrind")
    args = parser.parse_args()
    readings, compiled, size = kcna_readings()
    for reading in readings:  # what quotes.find reads of the other finders
        reading.mentions = tuple(entities.find(reading, compiled))
        reading.citations = tuple(citations.find(reading, compiled))
    if args.warm_pass:
        for reading in readings:
            quotes.find(reading, compiled)
        found = functools.reduce(
            lambda count, reading: count + len(quotes.find(reading, compiled)),
            readings,
            0,
        )
        print(json.dumps({"benchmark": "quotes_cpu", "quotes": found}))
        return
    seconds = cpu_passes(quotes.find, readings, compiled, args.passes)
    record(
        {
            "benchmark": "quotes_cpu",
            "corpus": "kcna-2024",
            "source": str(Path(quotes.__file__).parents[3]),
            "mb": round(size, 2),
            "cpu_seconds": [round(s, 2) for s in seconds],
            "mb_per_cpu_s": round(size / min(seconds), 2),
            "load": round(os.getloadavg()[0], 1),
        }
    )


if __name__ == "__main__":
    main()
