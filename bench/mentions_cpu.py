"""Benchmark: the mentions finder alone, in CPU seconds, over kcna-2024.

    PYTHONPATH=src python bench/mentions_cpu.py [--passes 3] [PATH...]

Reads kcna-2024's articles once (not timed), or every document a build makes
of PATH (files or folders, e.g. the generated wire copy), then times
`entities.find` over all of them: a cold first pass (the finder's per-run
caches fill, and the word frequencies load on the first question) and
`--passes` warm ones. CPU seconds (`time.process_time`), not wall time, so
that rounds on a loaded machine compare; run it with the code before and
after a change on PYTHONPATH, alternating, and compare the medians.

With `--one-pass`, the word frequencies are loaded first and one cold pass
runs through `functools.reduce`, for an instruction count of the finder's
own work that does not move with the load:
`valgrind --tool=callgrind --collect-atstart=no
--toggle-collect=functools_reduce python bench/mentions_cpu.py --one-pass`.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
from pathlib import Path
from typing import Any

from results import cpu_passes, documents_of, kcna_readings

from dossier.annotate import entities


def documents_read(paths: list[Path]) -> tuple[list[Any], Any, float]:
    """Every document a build makes of `paths` (no annotation), read
    (`read_text`), the compiled pack and their size in MB."""
    from dossier.annotate.compiled import compile_pack
    from dossier.annotate.reading import read_text
    from dossier.packs import load_pack

    pack = load_pack()
    documents = documents_of(paths)
    readings = [read_text(d.text, anchor=d.meta.date) for d in documents]
    size = sum(len(d.text) for d in documents) / 1e6
    return readings, compile_pack(pack), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="warm passes")
    parser.add_argument("--one-pass", action="store_true", help="for callgrind")
    parser.add_argument("paths", nargs="*", type=Path, help="default: kcna-2024")
    args = parser.parse_args()
    if args.paths:
        readings, compiled, size = documents_read(args.paths)
    else:
        readings, compiled, size = kcna_readings()
    if args.one_pass:
        from dossier.annotate.entities import lexicon

        lexicon.is_common_word("Industry")  # the word frequencies, loaded
        gc.collect()
        gc.freeze()
        found = functools.reduce(
            lambda count, reading: count + len(entities.find(reading, compiled)),
            readings,
            0,
        )
        print(json.dumps({"texts": len(readings), "mentions": found}))
        return
    # The readings held here make every full collection walk a heap a build
    # never holds (it streams); frozen, they leave the finder's own cost.
    gc.collect()
    gc.freeze()
    seconds = cpu_passes(entities.find, readings, compiled, 1 + args.passes)
    print(
        json.dumps(
            {
                "code": str(Path(entities.__file__).parents[3]),
                "texts": len(readings),
                "mb": round(size, 2),
                "cold_cpu_s": round(seconds[0], 2),
                "warm_cpu_s": [round(s, 2) for s in seconds[1:]],
                "warm_mb_per_cpu_s": round(size / min(seconds[1:]), 2),
            }
        )
    )


if __name__ == "__main__":
    main()
