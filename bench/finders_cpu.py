"""Benchmark: each annotate step's cold and warm pass, in CPU seconds, on kcna-2024.

    PYTHONPATH=src python bench/finders_cpu.py
    PYTHONPATH=src python bench/finders_cpu.py --against ../main/src [--passes 4]
    PYTHONPATH=src python bench/finders_cpu.py --whole

In one fresh process, as a build runs them: the pack's compilation, then the
reading of every article (`read_text`, sentences included), then each finder
in `annotate`'s order (mentions, times, figures, citations, quotes), each
given what the earlier ones put on the readings, then `language_of` on every
article. Every step runs twice over all 1,840 articles: the first (cold) pass
fills the per-process caches (runs of words, regions, keys), the second (warm)
pass reads them. CPU seconds (`time.process_time`), not wall time, so that
rounds on a loaded machine compare (issue 14, part 2).

With `--against SRC` the `dossier` package under SRC (another tree, e.g.
main) is loaded beside this one (`results.import_copy`) and every step runs
on both trees in turn: a cold pass of each, then `--passes` warm passes of
each interleaved; `--against-first` lets the other tree go first, so that
what the two share (spaCy, the word-frequency table) is loaded by either.
The compile of the tree going second does not pay spaCy's import.

With `--distinct`, each article text is timed once: kcna-2024 holds 1,840
articles but 1,039 different texts (the rest printed again word for word), so
a cold pass over all of them is partly warm, and a cache keyed on a whole
line or text would look better than it does on an archive.

With `--whole`, `annotate` itself runs once over every article in this fresh
process (compilation and cold passes included): the stage's cost as a build
on one core sees it.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from results import import_copy, kcna_articles

Step = Callable[[Any], Any]


class Tree:
    """One tree's annotate modules, compiled pack and readings."""

    def __init__(self, package: str) -> None:
        def module(name: str) -> Any:
            return importlib.import_module(f"{package}.{name}")

        self.root = str(Path(module("annotate").__file__).parents[2])
        self.modules = {
            name: module(f"annotate.{name}")
            for name in ("entities", "time", "figures", "quotes", "quotes.citations")
        }
        self.compile_pack = module("annotate.compiled").compile_pack
        self.read_text = module("annotate.reading").read_text
        self.language_of = module("annotate.language").language_of
        self.pack = module("packs").load_pack()
        self.compiled: Any = None
        self.readings: list[Any] = []

    def steps(self) -> dict[str, Step]:
        """The finders in `annotate`'s order, each over one reading."""
        compiled, found = self.compiled, self.modules

        def mentions(reading: Any) -> None:
            reading.mentions = tuple(found["entities"].find(reading, compiled))

        def cited(reading: Any) -> None:
            reading.citations = tuple(found["quotes.citations"].find(reading, compiled))

        return {
            "mentions": mentions,
            "times": lambda reading: found["time"].find(reading, compiled),
            "figures": lambda reading: found["figures"].find(reading, compiled),
            "citations": cited,
            "quotes": lambda reading: found["quotes"].find(reading, compiled),
            "language": lambda reading: self.language_of(reading.text),
        }


def timed(work: Callable[[], Any]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def run(trees: list[Tree], texts: list[tuple[str, str | None]], passes: int) -> None:
    """Every step on every tree, cold then warm; seconds kept on each tree."""
    seconds: list[dict[str, list[float]]] = [{} for _ in trees]
    for tree, kept in zip(trees, seconds, strict=True):

        def compile_it(tree: Tree = tree) -> None:
            tree.compiled = tree.compile_pack(tree.pack)

        kept["compile"] = [timed(compile_it)]
    for _ in range(2):
        for tree, kept in zip(trees, seconds, strict=True):

            def read(tree: Tree = tree) -> None:
                tree.readings = [tree.read_text(t, anchor=d) for t, d in texts]

            kept.setdefault("reading", []).append(timed(read))
    # The held readings are a heap a build never holds (it streams); frozen,
    # each pass is the finder's own cost (as in bench/mentions_cpu.py).
    gc.collect()
    gc.freeze()
    steps = [tree.steps() for tree in trees]
    for name in steps[0]:
        for _ in range(1 + passes):
            for tree, kept, step in zip(trees, seconds, steps, strict=True):

                def walk(tree: Tree = tree, step: Step = step[name]) -> None:
                    for reading in tree.readings:
                        step(reading)

                kept.setdefault(name, []).append(timed(walk))
    size = sum(len(text) for text, _ in texts) / 1e6
    for tree, kept in zip(trees, seconds, strict=True):
        warm = {k: statistics.median(v[1:]) for k, v in kept.items() if len(v) > 1}
        print(
            json.dumps(
                {
                    "code": tree.root,
                    "mb": round(size, 2),
                    "load": round(os.getloadavg()[0], 1),
                    "cold_cpu_s": {k: round(v[0], 2) for k, v in kept.items()},
                    "warm_cpu_s": {k: round(v, 3) for k, v in warm.items()},
                    "warm_mb_per_cpu_s": {
                        k: round(size / v, 2) for k, v in warm.items() if v
                    },
                }
            )
        )


def whole(texts: list[tuple[str, str | None]]) -> None:
    """`annotate` over every article, first thing in this process, as a build
    runs it: the pack's compilation and every cold pass in one figure."""
    from dossier.annotate import annotate
    from dossier.packs import load_pack

    pack = load_pack()
    size = sum(len(text) for text, _ in texts) / 1e6
    seconds = timed(lambda: [annotate(t, pack=pack, anchor=d) for t, d in texts])
    print(
        json.dumps(
            {
                "code": str(Path(annotate.__code__.co_filename).parents[2]),
                "mb": round(size, 2),
                "load": round(os.getloadavg()[0], 1),
                "annotate_cpu_s": round(seconds, 2),
                "mb_per_cpu_s": round(size / seconds, 3),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="SRC", help="another tree's src/")
    parser.add_argument("--against-first", action="store_true")
    parser.add_argument("--passes", type=int, default=1, help="warm passes")
    parser.add_argument("--whole", action="store_true", help="annotate, cold")
    parser.add_argument("--distinct", action="store_true", help="each text once")
    args = parser.parse_args()
    texts = kcna_articles()
    if args.distinct:
        seen: set[str] = set()
        texts = [t for t in texts if not (t[0] in seen or seen.add(t[0]))]
    if args.whole:
        whole(texts)
        return
    if not args.against:
        run([Tree("dossier")], texts, args.passes)
        return
    with tempfile.TemporaryDirectory() as folder:
        import_copy(Path(args.against).resolve(), Path(folder), "dossier_against")
        trees = [Tree("dossier"), Tree("dossier_against")]
        run(trees[::-1] if args.against_first else trees, texts, args.passes)


if __name__ == "__main__":
    main()
