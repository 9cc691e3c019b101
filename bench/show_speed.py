"""`dossier show` of one document, this checkout against another, round by
round in turn so both meet the same load (#17).

    python bench/show_speed.py --db DB [--doc ID] [--against SRC]
        [--against-db DB2] [--rounds 5] [--form json]

Each round runs, for each form (table, --json) and each code (this `src`,
then `--against`, e.g. the main branch's `src`):
- in process: a new interpreter runs the command once to import everything,
  then again timed (CPU and wall seconds of the command alone);
- as a new process: the command as a user runs it, start-up included.

Output goes to /dev/null. Prints p50/p95 per row with the load averages
seen, and appends them to bench/out/results.jsonl. `--doc` defaults to the
longest document of DB. `--against-db` is the dossier the other code reads,
when it reads another schema (the same documents, e.g. DB before its
migration).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
from contextlib import closing
from pathlib import Path

from results import measure, record

ROOT = Path(__file__).resolve().parent.parent
# As `dossier show ... > /dev/null`: stdout is the null device before the
# command starts (a pipe read by this process made the child wait on it).
COMMAND = (
    "import os; os.dup2(os.open(os.devnull, os.O_WRONLY), 1)\n"
    "from dossier.present.cli.app import main; main()"
)
# Runs the command once (imports, caches), then times a second run.
IN_PROCESS = """
import contextlib, os, sys, time
from dossier.present.cli.app import app
argv = sys.argv[1:]
def once():
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        with contextlib.suppress(SystemExit):
            app(argv, standalone_mode=False)
        sys.stdout.flush()
once()
cpu, wall = time.process_time(), time.perf_counter()
once()
print(time.process_time() - cpu, time.perf_counter() - wall)
"""


def _longest(db: Path) -> str:
    with closing(sqlite3.connect(db)) as connection:
        return str(
            connection.execute(
                "SELECT id FROM documents ORDER BY chars DESC LIMIT 1"
            ).fetchone()[0]
        )


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--doc", help="A document id (default: the longest).")
    parser.add_argument("--against", type=Path, help="Another checkout's src.")
    parser.add_argument(
        "--against-db", type=Path, help="The dossier --against reads (default: DB)."
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--form", choices=("table", "json"), help="Only this form (default: both)."
    )
    args = parser.parse_args()
    # As a user runs it: the bytecode cached. Without it every run compiled
    # dossier's sources again (0.05 s of CPU).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    forms = [args.form] if args.form else ["table", "json"]
    doc = args.doc or _longest(args.db)
    codes = {"this": ROOT / "src"}
    dbs = {"this": args.db}
    if args.against:
        codes["against"] = args.against.resolve()
        dbs["against"] = args.against_db or args.db
    runs: dict[tuple[str, str, str], list[dict[str, float]]] = {}
    for _ in range(args.rounds):
        for form in forms:
            for code, src in codes.items():
                argv = ["show", doc, "--db", str(dbs[code])]
                argv += ["--json"] if form == "json" else []
                timed, printed = measure([sys.executable, "-c", IN_PROCESS, *argv], src)
                cpu, wall = map(float, printed.split())
                runs.setdefault((code, form, "in process"), []).append(
                    {"cpu_seconds": cpu, "seconds": wall, "load": timed["load"]}
                )
                timed, _ = measure([sys.executable, "-c", COMMAND, *argv], src)
                runs.setdefault((code, form, "new process"), []).append(timed)
    for (code, form, how), measured in runs.items():
        cpu = [m["cpu_seconds"] for m in measured]
        wall = [m["seconds"] for m in measured]
        loads = [m["load"] for m in measured]
        result = {
            "benchmark": "show_speed",
            "code": str(codes[code]),
            "db": str(dbs[code]),
            "doc": doc,
            "form": form,
            "how": how,
            "rounds": args.rounds,
            "cpu_p50": round(statistics.median(cpu), 3),
            "cpu_p95": round(_p95(cpu), 3),
            "wall_p50": round(statistics.median(wall), 3),
            "wall_p95": round(_p95(wall), 3),
            "load": [round(min(loads), 1), round(max(loads), 1)],
        }
        print(
            f"{code:8} {form:6} {how:12} cpu {result['cpu_p50']:6.3f} /"
            f" {result['cpu_p95']:6.3f}  wall {result['wall_p50']:6.3f} /"
            f" {result['wall_p95']:6.3f}  load {result['load']}",
            file=sys.stderr,
        )
        record(result)


if __name__ == "__main__":
    main()
