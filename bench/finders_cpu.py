"""Benchmark: each annotate step's cold and warm pass, in CPU seconds, on kcna-2024.

    PYTHONPATH=src python bench/finders_cpu.py

In one fresh process, as a build runs them: the pack's compilation, then the
reading of every article (`read_text`, sentences included), then each finder
in `annotate`'s order (mentions, times, figures, citations, quotes), each
given what the earlier ones put on the readings. Every step runs twice over
all 1,840 articles: the first (cold) pass fills the per-process caches (runs
of words, regions, keys), the second (warm) pass reads them. CPU seconds
(`time.process_time`), not wall time, so that rounds on a loaded machine
compare; run it with the code before and after a change on PYTHONPATH,
alternating (issue 14, part 2).
"""

from __future__ import annotations

import gc
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from results import kcna_articles

from dossier.annotate import entities, figures, quotes
from dossier.annotate import time as times
from dossier.annotate.compiled import compile_pack
from dossier.annotate.quotes import citations
from dossier.annotate.reading import Reading, read_text
from dossier.packs import load_pack


def main() -> None:
    texts = kcna_articles()
    size = sum(len(text) for text, _ in texts) / 1e6
    pack = load_pack()
    load = os.getloadavg()[0]
    seconds: dict[str, list[float]] = {}
    started = time.process_time()
    compiled = compile_pack(pack)
    seconds["compile"] = [time.process_time() - started]
    readings: list[Reading] = []
    for _ in range(2):
        started = time.process_time()
        readings = [read_text(text, anchor=date) for text, date in texts]
        seconds.setdefault("reading", []).append(time.process_time() - started)
    # As in bench/mentions_cpu.py: the held readings are a heap a build
    # never holds (it streams); frozen, each pass is the finder's own cost.
    gc.collect()
    gc.freeze()

    def mentions(reading: Reading) -> Any:
        reading.mentions = tuple(entities.find(reading, compiled))

    def cited(reading: Reading) -> Any:
        reading.citations = tuple(citations.find(reading, compiled))

    steps: dict[str, Callable[[Reading], Any]] = {
        "mentions": mentions,
        "times": lambda reading: times.find(reading, compiled),
        "figures": lambda reading: figures.find(reading, compiled),
        "citations": cited,
        "quotes": lambda reading: quotes.find(reading, compiled),
    }
    for name, step in steps.items():
        for _ in range(2):
            started = time.process_time()
            for reading in readings:
                step(reading)
            seconds.setdefault(name, []).append(time.process_time() - started)
    print(
        json.dumps(
            {
                "code": str(Path(entities.__file__).parents[3]),
                "mb": round(size, 2),
                "load": round(load, 1),
                "cold_cpu_s": {k: round(v[0], 2) for k, v in seconds.items()},
                "warm_cpu_s": {
                    k: round(v[-1], 2) for k, v in seconds.items() if len(v) > 1
                },
            }
        )
    )


if __name__ == "__main__":
    main()
