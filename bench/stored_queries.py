"""Event dates and conflicts stored at link time (issues 15 part 6, 17).

    python bench/stored_queries.py fill DB       # migrate, fill the tables
    python bench/stored_queries.py add DB PATH...  # a build adding PATHs
    python bench/stored_queries.py measure DB [--rounds 5]

`fill` opens DB as a build does (migration 12 runs), then runs the link step
that stores event dates and conflicts and marks the link done, timing each
(wall and CPU seconds, the load average). `add` builds PATHs into DB,
timing the whole build and that link step within it. `measure` runs `claims
--conflicts --json` and `calendar --json` in this process (the CLI's app,
output thrown away, after one round not counted): p50 / p95 wall and CPU
seconds over the rounds.
Work on a copy: `fill` writes to DB.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
sys.path.insert(0, str(SRC))

COMMANDS = (
    ["claims", "--conflicts", "--json"],
    ["calendar", "--json"],
    ["calendar", "--from", "1900-01-01", "--to", "2100-12-31", "--json"],
)


def _timed() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(mark: tuple[float, float]) -> dict[str, float]:
    wall, cpu = _timed()
    return {"seconds": round(wall - mark[0], 2), "cpu_seconds": round(cpu - mark[1], 2)}


def fill(db: Path) -> dict[str, object]:
    from dossier.link import link_conflicts
    from dossier.store import connect, mark_linked, writes

    result: dict[str, object] = {"load": os.getloadavg()[0]}
    mark = _timed()
    connection = connect(db)
    result["migrate"] = _since(mark)
    try:
        started_at = writes(connection)
        mark = _timed()
        report = link_conflicts(connection)
        result["link_conflicts"] = {**_since(mark), "documents": report.documents}
        result["judged"] = report.judged
        mark_linked(connection, started_at)
        for table in ("event_dates", "claim_facts", "conflicts"):
            (count,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            result[table] = count
    finally:
        connection.close()
    return result


def add(db: Path, paths: list[Path]) -> dict[str, object]:
    from dossier.link import claims_stored
    from dossier.present.cli.build import build_files
    from dossier.settings import Settings

    result: dict[str, object] = {"load": os.getloadavg()[0]}
    original = claims_stored.link_conflicts

    def timed(connection: object) -> claims_stored.ConflictReport:
        mark = _timed()
        report = original(connection)  # type: ignore[arg-type]
        result["link_conflicts"] = {**_since(mark), "report": repr(report)}
        return report

    claims_stored.link_conflicts = timed  # type: ignore[assignment]
    import dossier.link as link

    link.link_conflicts = timed  # type: ignore[attr-defined]
    mark = _timed()
    report = build_files(paths, Settings(db=str(db)))
    result["build"] = {**_since(mark), "documents": report.documents}
    return result


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(db: Path, rounds: int) -> list[dict[str, object]]:
    from dossier.present.cli.app import app

    rows: list[dict[str, object]] = []
    for command in COMMANDS:
        argv = [*command, "--db", str(db)]
        load = os.getloadavg()[0]
        walls, cpus = [], []
        # One round first, not counted: the command's imports (start-up is
        # measured apart, bench/startup_speed.py).
        for counted in [False] + [True] * rounds:
            mark = _timed()
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.suppress(SystemExit),
            ):
                app(argv, standalone_mode=False)
            took = _since(mark)
            if not counted:
                continue
            walls.append(took["seconds"])
            cpus.append(took["cpu_seconds"])
        rows.append(
            {
                "command": " ".join(command),
                "p50": statistics.median(walls),
                "p95": _p(walls, 0.95),
                "cpu_p50": statistics.median(cpus),
                "cpu_p95": _p(cpus, 0.95),
                "load": round(load, 1),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["fill", "add", "measure"])
    parser.add_argument("db", type=Path)
    parser.add_argument("paths", type=Path, nargs="*")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.action == "fill":
        print(json.dumps(fill(args.db)))
    elif args.action == "add":
        print(json.dumps(add(args.db, args.paths)))
    else:
        measure(args.db, args.rounds)


if __name__ == "__main__":
    main()
