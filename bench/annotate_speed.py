"""Benchmark: the annotate stage alone, on one core, over clean article text.

    python bench/annotate_speed.py [--mb 10]     # generated corpus
    python bench/annotate_speed.py --kcna         # kcna-2024 from ../shared

Cleans and segments the generated corpus first (not timed), then times
`annotate` over the articles' clean text (the whole stage, as a build runs it)
and, separately, each finder alone.
"""

from __future__ import annotations

import argparse
import sys
import time as time_module
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import generated, record

from dossier.annotate import annotate, entities, figures, quotes, time
from dossier.annotate.compiled import compile_pack
from dossier.annotate.quotes import citations
from dossier.annotate.reading import Reading, read_text
from dossier.packs import load_pack
from dossier.pipeline import run_file
from dossier.settings import Settings

KCNA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "kcna-2024"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="text to annotate, MB")
    parser.add_argument(
        "--kcna",
        action="store_true",
        help="annotate the kcna-2024 articles in ../shared/corpus instead",
    )
    args = parser.parse_args()
    if args.kcna:
        paths = sorted(KCNA.glob("*.jsonl"))
        if not paths:
            raise SystemExit(f"kcna-2024 not found in {KCNA}")
        label = "kcna-2024"
    else:
        paths = sorted(generated(args.mb).iterdir())
        label = f"generated {args.mb:g} MB"
    pack = load_pack()
    texts: list[tuple[str, str | None]] = []
    for path in paths:
        result = run_file(path, pack, Settings(annotate=False))
        for item in result.sources:
            texts.extend(
                (d.text, d.meta.date) for d in item.documents if d.kind == "article"
            )
    size = sum(len(text) for text, _ in texts) / 1e6
    annotate("Warm-up: Kim Il Sung said on 3 May 1950.", pack=pack, anchor=None)
    # The whole stage first, in a fresh process: the finders keep what recurs
    # (names, runs of words), so a second pass over the same texts runs warm.
    started = time_module.perf_counter()
    for text, date in texts:
        annotate(text, pack=pack, anchor=date)
    total = time_module.perf_counter() - started
    timings: dict[str, float] = {}
    made: dict[str, list[Any]] = {}
    compiled = compile_pack(pack)
    readings: list[Reading] = []

    def timed(name: str, work: Callable[[int, Reading], Any]) -> None:
        started = time_module.perf_counter()
        made[name] = [work(n, reading) for n, reading in enumerate(readings)]
        timings[name] = time_module.perf_counter() - started

    # The reading (sentences included), then each finder alone, given what the
    # earlier ones made, as `annotate` runs them.
    started = time_module.perf_counter()
    readings = [read_text(text, anchor=date) for text, date in texts]
    timings["reading"] = time_module.perf_counter() - started

    def mentions(n: int, reading: Reading) -> Any:
        reading.mentions = tuple(entities.find(reading, compiled))
        return reading.mentions

    def cited(n: int, reading: Reading) -> Any:
        reading.citations = tuple(citations.find(reading, compiled))
        return reading.citations

    timed("mentions", mentions)
    timed("times", lambda n, reading: time.find(reading, compiled))
    timed("figures", lambda n, reading: figures.find(reading, compiled))
    timed("citations", cited)
    timed("quotes", lambda n, reading: quotes.find(reading, compiled))
    made.clear()
    result = {
        "benchmark": "annotate",
        "corpus": label,
        "mb": round(size, 1),
        "seconds": round(total, 1),
        "mb_per_s": round(size / total, 2),
        "per_finder_mb_per_s_warm": {k: round(size / v, 1) for k, v in timings.items()},
    }
    record(result)


if __name__ == "__main__":
    main()
