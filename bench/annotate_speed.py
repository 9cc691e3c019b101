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
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import generated, record

from dossier.annotate import annotate
from dossier.annotate.entities import find_mentions
from dossier.annotate.figures import find_figures
from dossier.annotate.quotes import find_citations, find_quotes
from dossier.annotate.sentences import split_sentences
from dossier.annotate.time import tag_times
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
    started = time.perf_counter()
    for text, date in texts:
        annotate(text, pack=pack, anchor=date)
    total = time.perf_counter() - started
    timings: dict[str, float] = {}
    made: dict[str, list[Any]] = {}

    def timed(name: str, work: Callable[[int, str, str | None], Any]) -> None:
        started = time.perf_counter()
        made[name] = [work(n, text, date) for n, (text, date) in enumerate(texts)]
        timings[name] = time.perf_counter() - started

    # Each finder alone, given what the earlier ones made, as `annotate` runs them.
    timed("sentences", lambda n, text, date: split_sentences(text))
    timed("mentions", lambda n, text, date: find_mentions(text, pack=pack))
    timed("times", lambda n, text, date: tag_times(text, anchor=date, pack=pack))
    timed(
        "figures",
        lambda n, text, date: find_figures(
            text, pack=pack, mentions=made["mentions"][n]
        ),
    )
    timed("citations", lambda n, text, date: find_citations(text, pack=pack))
    timed(
        "quotes",
        lambda n, text, date: find_quotes(
            text,
            pack=pack,
            mentions=made["mentions"][n],
            citations=made["citations"][n],
        ),
    )
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
