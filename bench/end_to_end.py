"""Benchmark (issue 14): a full build against the yardstick, per CPU-second.

    python bench/end_to_end.py [--rounds 3] [--workers 2] [--corpora year,kcna]
        [--months 12] [--before OTHER_CHECKOUT/src] [--engines local,pool,dask]

On a generated year of KCNA-like wire copy (`generate.wire_year`, 16 MB; its
first `--months` only) and on the real kcna-2024, runs in interleaved rounds
(the order rotated, so a noisy neighbour slows each alike):

- `dossier build --annotate` (all extraction, no model, link stage included)
  with the local engine: MB of input per CPU-second of the build;
- `bench/yardstick.py` (ftfy → spaCy blank tokenizer, sentencizer and a
  2,000-phrase PhraseMatcher → regex scans → SQLite + FTS5): the same;
- the same build with `--engine pool`: wall time against the local build's
  (the pool speedup) and its CPU seconds (what the parallel build costs);
- with `--engines` naming `dask`, the same build on a local Dask cluster
  too: its wall time against the pool's;
- with `--before`, the builds again on another checkout's code, in the same
  rounds: a before and after under the same load.

CPU seconds are `resource.getrusage(RUSAGE_CHILDREN)` around each command:
the process and every worker, start-up included. A pool's and a Dask
cluster's workers are a forkserver's children, which the build never waits
for: this process makes itself their subreaper (Linux) and waits for them. Reports
medians (and ranges) over the rounds, the 1-minute load average before each
run, and appends one JSON line to bench/out/results.jsonl. Each tree's
modules are compiled to bytecode first, as an installed package's are.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import KCNA, wire_year
from results import OUT, adopt_orphans, measure, record

SRC = Path(__file__).resolve().parent.parent / "src"
BENCH = Path(__file__).resolve().parent


def cached_bytecode(src: Path) -> None:
    """Compile each tree's modules once, as an installed package's are: a
    user's second build reads cached bytecode, but where the environment
    sets PYTHONDONTWRITEBYTECODE every measured process would compile
    dossier's source again (import 0.91 -> 0.65 CPU s, branch fixed2)."""
    compileall.compile_dir(src, quiet=1)


def corpus(name: str, months: int) -> Path:
    """kcna-2024, or the first `months` months of the generated year (a folder
    of links to them)."""
    if name == "kcna":
        if not KCNA.exists():
            sys.exit(f"kcna-2024 not found at {KCNA}")
        return KCNA
    year = OUT / "wire_year"
    if not year.exists():
        print(f"generating a year of wire copy into {year} ...", file=sys.stderr)
        wire_year(year)
    if months >= 12:
        return year
    folder = OUT / f"wire_{months}_months"
    folder.mkdir(exist_ok=True)
    for path in sorted(year.iterdir())[:months]:
        if not (folder / path.name).exists():
            (folder / path.name).symlink_to(path)
    return folder


def size_of(path: Path) -> int:
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    return sum(p.stat().st_size for p in files)


def database(name: str) -> Path:
    return OUT / f"end_to_end_{name}.db"


def remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def build(path: Path, engine: str, workers: int) -> list[str]:
    db = database(engine)
    return [
        str(Path(sys.executable).with_name("dossier")),
        *("build", str(path), "--db", str(db), "--json", "--annotate"),
        *("--engine", engine, "--workers", str(workers)),
    ]


def yardstick(path: Path) -> list[str]:
    db = database("yardstick")
    return [sys.executable, str(BENCH / "yardstick.py"), str(path), "--db", str(db)]


def spread(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
    }


def run_corpus(
    name: str,
    rounds: int,
    workers: int,
    trees: dict[str, Path],
    months: int,
    engines: tuple[str, ...] = ("local", "pool"),
) -> dict[str, Any]:
    """Each round: the yardstick, then a local and a pool build with each
    source tree in `trees` ("after": this checkout; "before": another)."""
    path = corpus(name, months)
    megabytes = size_of(path) / 1e6
    commands: dict[str, tuple[list[str], Path]] = {
        "yardstick": (yardstick(path), trees["after"])
    }
    for tree, src in trees.items():
        for engine in engines:
            commands[f"{engine}_{tree}"] = (build(path, engine, workers), src)
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in commands}
    # A pool's and a Dask cluster's workers are a forkserver's children: this
    # process adopts them as they are orphaned, to count their CPU too.
    adopted = adopt_orphans()
    kinds = list(commands)
    for number in range(rounds):
        turn = number % len(kinds)
        for kind in kinds[turn:] + kinds[:turn]:
            command, src = commands[kind]
            # Every run builds afresh: a database left by the run before
            # would make the next an update (skipped or replaced files).
            remove(database(kind.split("_")[0]))
            run, _ = measure(command, src, orphans=adopted)
            runs[kind].append(run)
            print(
                f"{name} round {number + 1} {kind:12} {run['seconds']:6.1f} s wall,"
                f" {run['cpu_seconds']:6.1f} s CPU, load {run['load']:.1f}",
                file=sys.stderr,
            )
    rate = {
        kind: [megabytes / run["cpu_seconds"] for run in found]
        for kind, found in runs.items()
    }
    found: dict[str, Any] = {"mb": round(megabytes, 2)}
    for kind, values in rate.items():
        found[kind] = {
            "mb_per_cpu_s": spread(values),
            "cpu_seconds": spread([run["cpu_seconds"] for run in runs[kind]]),
            "seconds": spread([run["seconds"] for run in runs[kind]]),
            "load": spread([run["load"] for run in runs[kind]]),
        }
    for tree in trees:
        local, pool = runs[f"local_{tree}"], runs[f"pool_{tree}"]
        found[f"ratio_to_yardstick_{tree}"] = spread(
            [
                a / b
                for a, b in zip(rate[f"local_{tree}"], rate["yardstick"], strict=True)
            ]
        )
        found[f"pool_speedup_{tree}"] = spread(
            [a["seconds"] / b["seconds"] for a, b in zip(local, pool, strict=True)]
        )
        if f"dask_{tree}" in runs:
            found[f"dask_wall_over_pool_{tree}"] = spread(
                [
                    a["seconds"] / b["seconds"]
                    for a, b in zip(runs[f"dask_{tree}"], pool, strict=True)
                ]
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--corpora", default="year,kcna", help="comma-separated: year, kcna"
    )
    parser.add_argument(
        "--months", type=int, default=12, help="of the generated year, the first N"
    )
    parser.add_argument(
        "--before",
        type=Path,
        help="another checkout's src/ to build with too, interleaved, for a "
        "before and after on the same load",
    )
    parser.add_argument(
        "--engines", default="local,pool", help="comma-separated: local, pool, dask"
    )
    args = parser.parse_args()
    engines = tuple(args.engines.split(","))
    if not {"local", "pool"} <= set(engines):
        parser.error("--engines needs local and pool (the ratios read both)")
    OUT.mkdir(exist_ok=True)
    result: dict[str, Any] = {
        "benchmark": "end_to_end",
        "rounds": args.rounds,
        "workers": args.workers,
        "cores": os.cpu_count(),
        "before": str(args.before) if args.before else None,
        "months": args.months,
    }
    trees = {"after": SRC, **({"before": args.before} if args.before else {})}
    for tree in trees.values():
        cached_bytecode(Path(tree))
    for name in args.corpora.split(","):
        result[name] = run_corpus(
            name, args.rounds, args.workers, trees, args.months, engines
        )
    record(result)


if __name__ == "__main__":
    main()
