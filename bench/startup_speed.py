"""How long a query command takes to start and answer on a small database
(#14 part 6: "query commands start in under 300 ms").

    python bench/startup_speed.py [--db PATH] [--rounds 20] [--before SRC]

Each command runs as users run it, a new Python process, `--rounds` times,
interleaved round by round with two yardsticks run the same way:
`python -c "import typer, rich"` (the libraries every dossier command
imports) and a one-command Typer app given one option (what Typer itself
costs to parse a command line: it builds its converters with pydantic). CPU
seconds (user + system, from the children's rusage) are what the
processes spent whatever the load; wall seconds are given beside them.
Bytecode is cached first, as an installed package has it (in
bench/out/pycache: the environment's PYTHONDONTWRITEBYTECODE is dropped for
the children, and no other tree is written to). `--before SRC` runs the same
queries on the code in SRC too (e.g. `git archive main src | tar -x -C
/tmp/main`), in the same rounds. Without `--db`, a dossier of `examples/` is
built into bench/out/. Prints median and p95 per command and writes
bench/out/startup_speed.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
COMMAND = "from dossier.present.cli.app import main; main()"

QUERIES: list[list[str]] = [
    ["docs", "--limit", "1", "--json"],
    ["search", "Korea", "--limit", "1"],
    ["entities", "--limit", "1"],
    ["timeline", "--limit", "1"],
]
BARE_TYPER = (
    "import typer\n"
    "app = typer.Typer()\n"
    "@app.command()\n"
    "def docs(db: str = 'dossier.db', limit: int | None = None) -> None:\n"
    "    pass\n"
    "app()\n"
)
YARDSTICKS: dict[str, list[str]] = {
    'python -c "import typer, rich"': ["-c", "import typer, rich"],
    "a one-command Typer app, one option given": ["-c", BARE_TYPER, "--db", "x"],
}


def _environment(src: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(src), os.environ.get("PYTHONPATH")])
    )
    return env


def _run(arguments: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU and wall seconds of one new process; a failure ends the bench."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *arguments],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{arguments[-6:]} failed: {done.stderr.strip()[-1000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def _p95(values: list[float]) -> float:
    """The nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _small_database(env: dict[str, str]) -> Path:
    path = OUT / "startup_examples.db"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        arguments = ["-c", COMMAND, "build", str(ROOT / "examples"), "--db", str(path)]
        subprocess.run([sys.executable, *arguments], env=env, check=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a dossier (default: examples/)")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--before", type=Path, help="other code to compare")
    options = parser.parse_args()
    env = _environment(ROOT / "src")
    db = options.db or _small_database(env)
    # name -> (arguments, environment)
    runs: dict[str, tuple[list[str], dict[str, str]]] = {
        "dossier " + " ".join(query): (["-c", COMMAND, *query, "--db", str(db)], env)
        for query in QUERIES
    }
    if options.before:
        before = _environment(options.before.resolve())
        for query in QUERIES:
            arguments = ["-c", COMMAND, *query, "--db", str(db)]
            runs["before: dossier " + " ".join(query)] = (arguments, before)
    runs.update({name: (arguments, env) for name, arguments in YARDSTICKS.items()})
    for arguments, environment in runs.values():  # bytecode cached, files read
        _run(arguments, environment)
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    wall: dict[str, list[float]] = {name: [] for name in runs}
    loads = [os.getloadavg()[0]]
    for _ in range(options.rounds):
        for name, (arguments, environment) in runs.items():
            seconds, elapsed = _run(arguments, environment)
            cpu[name].append(seconds)
            wall[name].append(elapsed)
        loads.append(os.getloadavg()[0])
    result: dict[str, Any] = {
        "bench": "startup_speed",
        "database": str(db),
        "rounds": options.rounds,
        "load_average": [min(loads), max(loads)],
        "commands": {
            name: {
                "cpu_median": statistics.median(cpu[name]),
                "cpu_p95": _p95(cpu[name]),
                "wall_median": statistics.median(wall[name]),
                "wall_p95": _p95(wall[name]),
            }
            for name in runs
        },
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "startup_speed.json").write_text(json.dumps(result, indent=1))
    print(f"{options.rounds} rounds, load average {min(loads):.1f}-{max(loads):.1f}")
    print(f"{'command':<58} {'CPU p50':>8} {'CPU p95':>8} {'wall p50':>9} {'p95':>6}")
    for name, figures in result["commands"].items():
        print(
            f"{name:<58} {figures['cpu_median']:8.3f} {figures['cpu_p95']:8.3f}"
            f" {figures['wall_median']:9.3f} {figures['wall_p95']:6.3f}"
        )


if __name__ == "__main__":
    main()
