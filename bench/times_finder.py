"""Benchmark: the times finder alone on kcna-2024, CPU seconds per pass.

    PYTHONPATH=src python bench/times_finder.py [--passes 3] [--against ../main/src]
    PYTHONPATH=src python bench/times_finder.py --compile

Readings (sentences included) are made first and not timed; then `time.find`
runs over every article `--passes` times, each pass timed with
`time.process_time` (CPU seconds, so other jobs on a loaded machine count
less than in wall time). With `--against SRC`, the `dossier` package under
SRC (another tree, e.g. main) is copied under the name `dossier_against` and
its finder's passes are interleaved with this tree's in the same process:
across two processes on a loaded machine the noise is larger than most
differences between trees.

With `--compile`, nothing is annotated: the time rules' share of compiling the
pack is timed in this fresh process (`compile_rules`, `join_leads`; the
modules are imported first, their few patterns compiled then), then what
`join_leads` leaves to first use, if anything (the gates of trees before
find7), compiled all at once. Run it alternately on two trees (`PYTHONPATH=...`).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from results import cpu_passes, kcna_articles, kcna_readings

from dossier.annotate import time

_IMPORT = re.compile(r"^(\s*)(from|import) dossier\b", re.MULTILINE)


def load_against(src: Path, folder: Path) -> tuple[Any, Any, Any]:
    """The other tree's `annotate.time`, `read_text` and compiled pack,
    imported from a copy of its package renamed `dossier_against`."""
    copy = folder / "dossier_against"
    shutil.copytree(src / "dossier", copy, ignore=shutil.ignore_patterns("__pycache__"))
    for path in copy.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(_IMPORT.sub(r"\1\2 dossier_against", text), encoding="utf-8")
    sys.path.insert(0, str(folder))
    other_time = importlib.import_module("dossier_against.annotate.time")
    compiled = importlib.import_module("dossier_against.annotate.compiled")
    reading = importlib.import_module("dossier_against.annotate.reading")
    packs = importlib.import_module("dossier_against.packs")
    return other_time, reading.read_text, compiled.compile_pack(packs.load_pack())


def interleaved(args: argparse.Namespace) -> dict[str, Any]:
    readings, compiled, size = kcna_readings()
    with tempfile.TemporaryDirectory() as folder:
        other_time, read_text, other_compiled = load_against(
            Path(args.against).resolve(), Path(folder)
        )
        other_readings = [read_text(t, anchor=d) for t, d in kcna_articles()]
        time.find(readings[0], compiled)
        other_time.find(other_readings[0], other_compiled)
        mine: list[float] = []
        theirs: list[float] = []
        for _ in range(args.passes):
            theirs += cpu_passes(other_time.find, other_readings, other_compiled, 1)
            mine += cpu_passes(time.find, readings, compiled, 1)
    return {
        "benchmark": "times finder, two trees interleaved",
        "code": str(Path(time.__file__).parents[3]),
        "against": str(args.against),
        "mb": round(size, 2),
        "cpu_seconds": [round(s, 3) for s in mine],
        "against_cpu_seconds": [round(s, 3) for s in theirs],
        "mb_per_cpu_second_median": round(size / statistics.median(mine), 2),
        "against_mb_per_cpu_second_median": round(size / statistics.median(theirs), 2),
        "load": round(os.getloadavg()[0], 1),
    }


def compile_only() -> dict[str, Any]:
    """CPU seconds of the time rules' compile, in this fresh process."""
    import time as clock

    from dossier.packs import load_pack

    pack = load_pack()
    patterns = importlib.import_module("dossier.annotate.time.patterns")
    finder = importlib.import_module("dossier.annotate.time.finder")
    imported = clock.process_time()
    rules = patterns.compile_rules(pack.eras)
    compiled = clock.process_time()
    leads = finder.join_leads(rules)
    joined = clock.process_time()
    # A lead word's rules and their union (a gate), in trees before find7;
    # its rules alone since.
    gates = {
        id(entry[-1]): entry[-1]
        for entry in leads.whole.values()
        if entry and hasattr(entry[-1], "compile")
    }
    for gate in gates.values():
        gate.compile()
    return {
        "benchmark": "time rules' compile",
        "code": str(Path(time.__file__).parents[3]),
        "compile_rules_cpu_s": round(compiled - imported, 3),
        "join_leads_cpu_s": round(joined - compiled, 3),
        "deferred_gates_cpu_s": round(clock.process_time() - joined, 3),
        "load": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="timed passes")
    parser.add_argument(
        "--against", metavar="SRC", help="another tree's src/ to interleave with"
    )
    parser.add_argument("--compile", action="store_true", help="time the compile")
    args = parser.parse_args()
    if args.compile:
        print(json.dumps(compile_only()))
        return
    if args.against:
        print(json.dumps(interleaved(args)))
        return
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
