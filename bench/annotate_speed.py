"""Benchmark: the annotate stage alone, on one core, over clean article text.

    python bench/annotate_speed.py [--mb 10]

Cleans and segments the generated corpus first (not timed), then times
`annotate` over the articles' clean text and reports MB/s per finder.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

from dossier.annotate.entities import find_mentions
from dossier.annotate.figures import find_figures
from dossier.annotate.quotes import find_citations, find_quotes
from dossier.annotate.sentences import split_sentences
from dossier.annotate.time import tag_times
from dossier.packs import load_pack
from dossier.pipeline import run_file
from dossier.settings import Settings

OUT = Path(__file__).resolve().parent / "out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="text to annotate, MB")
    args = parser.parse_args()
    corpus = OUT / f"corpus_{args.mb:g}mb"
    if not corpus.exists():
        generate(corpus, args.mb)
    pack = load_pack()
    texts: list[tuple[str, str | None]] = []
    for path in sorted(corpus.iterdir()):
        result = run_file(path, pack, Settings(annotate=False))
        for item in result.sources:
            texts.extend(
                (d.text, d.meta.date) for d in item.documents if d.kind == "article"
            )
    size = sum(len(text) for text, _ in texts) / 1e6
    timings: dict[str, float] = {}

    def timed(name: str, work: object) -> None:
        started = time.perf_counter()
        for text, date in texts:
            work(text, date)  # type: ignore[operator]
        timings[name] = time.perf_counter() - started

    timed("sentences", lambda text, date: split_sentences(text))
    timed("mentions", lambda text, date: find_mentions(text, pack=pack))
    timed("times", lambda text, date: tag_times(text, anchor=date, pack=pack))
    timed("figures", lambda text, date: find_figures(text, pack=pack))
    timed("citations", lambda text, date: find_citations(text, pack=pack))
    timed("quotes", lambda text, date: find_quotes(text, pack=pack))
    total = sum(timings.values())
    result = {
        "benchmark": "annotate",
        "mb": round(size, 1),
        "seconds": round(total, 1),
        "mb_per_s": round(size / total, 2),
        "per_finder_mb_per_s": {k: round(size / v, 1) for k, v in timings.items()},
        "machine": f"{platform.machine()}, {platform.python_version()}",
    }
    OUT.mkdir(exist_ok=True)
    with (OUT / "results.jsonl").open("a") as handle:
        handle.write(json.dumps(result) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
