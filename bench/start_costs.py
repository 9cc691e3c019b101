"""Benchmark: a build's fixed start, imports then the compiled pack, in fresh processes.

    python bench/start_costs.py [--rounds 8] SRC [SRC...]

Each round runs one new Python process per tree (its SRC first on
PYTHONPATH), the trees alternated: it imports what `bench/stage_costs.py`
imports (under `dossier.startup.collector_paused` where the tree has it, as
the `dossier` command does), then compiles the korea pack, and reports the
CPU seconds of each part and the cyclic collector's collections meanwhile
(by `gc.callbacks`: how many, how many full, and their CPU). Prints, per
tree, the medians and the least over the rounds, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

CHILD = r"""
import contextlib, gc, json, time
spent = {"collections": 0, "full": 0, "cpu": 0.0, "began": 0.0}
def note(phase, info):
    if phase == "start":
        spent["began"] = time.process_time()
        return
    spent["cpu"] += time.process_time() - spent["began"]
    spent["collections"] += 1
    spent["full"] += info["generation"] == 2
gc.callbacks.append(note)
started = time.process_time()
try:
    from dossier.startup import collector_paused
except ImportError:  # a tree from before the start paused the collector
    collector_paused = contextlib.nullcontext
with collector_paused():
    import dossier.annotate.compiled as compiled
    import dossier.annotate.entities, dossier.annotate.figures
    import dossier.annotate.quotes, dossier.annotate.quotes.citations
    import dossier.annotate.reading, dossier.annotate.time
    import dossier.link.claims_stored, dossier.link.copies
    import dossier.link.entities, dossier.link.reuse, dossier.pipeline
    import dossier.present.cli.build, dossier.settings
imported = time.process_time()
from dossier.packs import load_pack
compiled.compile_pack(load_pack("korea"))
done = time.process_time()
print(json.dumps({"import": imported - started, "compile": done - imported,
                  "collections": spent["collections"], "full": spent["full"],
                  "collector": spent["cpu"]}))
"""


def run(src: str) -> dict[str, float]:
    environment = dict(os.environ, PYTHONPATH=src)
    finished = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", metavar="SRC")
    parser.add_argument("--rounds", type=int, default=8)
    options = parser.parse_args()
    seen: dict[str, list[dict[str, float]]] = {tree: [] for tree in options.trees}
    loads = [os.getloadavg()[0]]
    for _ in range(options.rounds):
        for tree in options.trees:
            seen[tree].append(run(tree))
        loads.append(os.getloadavg()[0])
    report = {}
    for tree, rounds in seen.items():
        report[tree] = {
            key: {
                "median": round(statistics.median(r[key] for r in rounds), 3),
                "least": round(min(r[key] for r in rounds), 3),
            }
            for key in ("import", "compile", "collections", "full", "collector")
        }
    load = f"{min(loads):.1f}-{max(loads):.1f}"
    print(json.dumps({"rounds": options.rounds, "load": load, "trees": report}))


if __name__ == "__main__":
    main()
