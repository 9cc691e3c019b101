"""Benchmark: the quote finder alone, in CPU seconds, over kcna-2024 articles.

    PYTHONPATH=SRC python bench/quotes_cpu.py [--passes 5]

On a shared, loaded machine wall time says little: this times `quotes.find`
(mentions and citations found first, not timed) with the process's CPU clock
and keeps the best of several passes. Run it alternately on two source trees
(`PYTHONPATH=/path/to/src`) to compare them.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record

from dossier.annotate import entities, quotes
from dossier.annotate.compiled import compile_pack
from dossier.annotate.quotes import citations
from dossier.annotate.reading import read_text
from dossier.packs import load_pack
from dossier.pipeline import run_file
from dossier.settings import Settings

KCNA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "kcna-2024"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5, help="passes; best kept")
    args = parser.parse_args()
    paths = sorted(KCNA.glob("*.jsonl"))
    if not paths:
        raise SystemExit(f"kcna-2024 not found in {KCNA}")
    pack = load_pack()
    compiled = compile_pack(pack)
    readings = []
    for path in paths:
        for item in run_file(path, pack, Settings(annotate=False)).sources:
            for document in item.documents:
                if document.kind == "article":
                    reading = read_text(document.text, anchor=document.meta.date)
                    reading.mentions = tuple(entities.find(reading, compiled))
                    reading.citations = tuple(citations.find(reading, compiled))
                    readings.append(reading)
    size = sum(len(reading.text) for reading in readings) / 1e6
    seconds = []
    for _ in range(args.passes):
        started = time.process_time()
        for reading in readings:
            quotes.find(reading, compiled)
        seconds.append(time.process_time() - started)
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
