"""Benchmark: one full build (with extraction) per engine, interleaved rounds.

    python bench/engine_speed.py [--mb 30] [--rounds 3] [--workers 2]

Builds the generated corpus with `--engine local`, `pool` and `dask` in turn,
the order rotated each round so a noisy neighbour slows every engine alike,
and reports per engine the median wall time, its spread, the CPU seconds of
the build and its workers, and the 1-minute load average before each run;
then the speedups pool/local and dask/pool, median and range over the rounds.
Appends a JSON line to bench/out/results.jsonl; figures in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import OUT, generated, measure, record

SRC = Path(__file__).resolve().parent.parent / "src"


def build(corpus: Path, engine: str, workers: int) -> dict[str, Any]:
    """One build into a fresh database: wall and CPU seconds, and its report."""
    db = OUT / f"engine_{engine}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    command = [
        str(Path(sys.executable).with_name("dossier")),
        *("build", str(corpus), "--db", str(db), "--json", "--annotate"),
        *("--engine", engine, "--workers", str(workers)),
    ]
    run, printed = measure(command, SRC)
    return {**run, "documents": json.loads(printed)["documents"]}


def spread(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 2),
        "min": round(min(values), 2),
        "max": round(max(values), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=30.0, help="corpus size in MB")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", default="local,pool,dask")
    args = parser.parse_args()

    corpus = generated(args.mb)
    size = sum(p.stat().st_size for p in corpus.iterdir())
    engines = args.engines.split(",")
    runs: dict[str, list[dict[str, Any]]] = {engine: [] for engine in engines}
    for number in range(args.rounds):
        order = engines[number % len(engines) :] + engines[: number % len(engines)]
        for engine in order:
            run = build(corpus, engine, args.workers)
            runs[engine].append(run)
            print(
                f"round {number + 1} {engine:5} {run['seconds']:6.1f} s wall, "
                f"{run['cpu_seconds']:6.1f} s CPU, load {run['load']:.1f}",
                file=sys.stderr,
            )
    documents = {engine: found[0]["documents"] for engine, found in runs.items()}
    if len({json.dumps(d, sort_keys=True) for d in documents.values()}) != 1:
        sys.exit(f"engines stored different documents: {documents}")
    result: dict[str, Any] = {
        "benchmark": "engines",
        "mb": round(size / 1e6, 1),
        "files": sum(1 for _ in corpus.iterdir()),
        "workers": args.workers,
        "rounds": args.rounds,
        "documents": documents[engines[0]],
    }
    for engine, found in runs.items():
        result[engine] = {
            "seconds": spread([run["seconds"] for run in found]),
            "mb_per_s": round(
                size / 1e6 / statistics.median(r["seconds"] for r in found), 2
            ),
            "cpu_seconds": spread([run["cpu_seconds"] for run in found]),
            "load": spread([run["load"] for run in found]),
        }
    for faster, slower in (("pool", "local"), ("dask", "local"), ("dask", "pool")):
        if faster in runs and slower in runs:
            ratios = [
                a["seconds"] / b["seconds"]
                for a, b in zip(runs[slower], runs[faster], strict=True)
            ]
            result[f"speedup_{faster}_over_{slower}"] = spread(ratios)
    record(result)


if __name__ == "__main__":
    main()
