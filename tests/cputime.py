"""CPU seconds per test, for finding what makes the suite slow (issue 14,
part 7). Not loaded by default: `PYTHONPATH=src:. pytest -p tests.cputime`, with
DOSSIER_CPUTIME=PREFIX naming the files written (PREFIX-gw0.txt, ... one per
xdist worker, PREFIX-main.txt without xdist).

Each file opens with `START cpu wall` (the CPU a worker spent before its
first test: start-up and collection), then a line per test, `nodeid cpu
wall` (setup, call and teardown), and ends with `END cpu wall`. CPU is user +
system of the process and of the children it has waited for: a child's CPU
counts in the test during which it was reaped (a dask worker's in the
teardown that closes its cluster). The last test's teardown, which ends the
session's fixtures (Chromium, the forkserver and all they reaped), is a line
of its own, `(session teardown) cpu wall`. The commands tests/processes.py forks
are the forkserver's children, not the worker's: the live server's CPU and
its reaped children's are read from /proc and counted too. On a loaded
machine wall time is mostly waiting; CPU is the figure to compare.

`python -m tests.cputime PREFIX` prints the modules by CPU; with
`--write-costs tests/module_costs.json` it writes each module's CPU there,
the order tests/conftest.py hands the modules out in.
"""

from __future__ import annotations

import glob
import json
import os
import resource
import sys
import time
from collections.abc import Generator
from typing import IO

import pytest

from tests.processes import server_pid

_out: IO[str] | None = None
SESSION_TEARDOWN = "(session teardown)"
# What the session's end spent, taken out of the last test's figure.
_ending: list[float] = []


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return total + _forkserver_cpu()


def _forkserver_cpu() -> float:
    """utime, stime, cutime and cstime of the running forkserver: once it
    is stopped they are in RUSAGE_CHILDREN instead."""
    pid = server_pid()
    if pid is None:
        return 0.0
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0  # just stopped
    return sum(int(field) for field in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _file() -> IO[str]:
    global _out
    if _out is None:
        prefix = os.environ.get("DOSSIER_CPUTIME", "cputime")
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        _out = open(f"{prefix}-{worker}.txt", "w", encoding="utf-8")  # noqa: SIM115
        _out.write(f"START {_cpu():.3f} {time.monotonic():.3f}\n")
    return _out


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    out = _file()
    cpu, wall = _cpu(), time.monotonic()
    try:
        return (yield)
    finally:
        spent, took = _cpu() - cpu, time.monotonic() - wall
        if _ending:
            ending, ended = _ending
            out.write(f"{item.nodeid} {spent - ending:.3f} {took - ended:.3f}\n")
            out.write(f"{SESSION_TEARDOWN} {ending:.3f} {ended:.3f}\n")
        else:
            out.write(f"{item.nodeid} {spent:.3f} {took:.3f}\n")
        out.flush()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, object, object]:
    if nextitem is not None:
        return (yield)
    cpu, wall = _cpu(), time.monotonic()
    try:
        return (yield)
    finally:
        _ending[:] = [_cpu() - cpu, time.monotonic() - wall]


def pytest_unconfigure() -> None:
    if _out is not None:
        _out.write(f"END {_cpu():.3f} {time.monotonic():.3f}\n")
        _out.close()


def modules(prefix: str) -> tuple[list[str], dict[str, float], dict[str, float]]:
    """Each worker's start-up line, and CPU and wall seconds by module."""
    lines: list[str] = []
    cpu: dict[str, float] = {}
    wall: dict[str, float] = {}
    for path in sorted(glob.glob(f"{prefix}-*.txt")):
        with open(path, encoding="utf-8") as handle:
            rows = handle.read().splitlines()
        lines.append(f"{path}: {float(rows[0].split()[1]):.1f} CPU s before a test")
        for row in rows[1:]:
            if row.startswith("END "):
                continue
            nodeid, spent, took = row.rsplit(" ", 2)
            module = nodeid.split("::")[0]
            cpu[module] = cpu.get(module, 0.0) + float(spent)
            wall[module] = wall.get(module, 0.0) + float(took)
    return lines, cpu, wall


def summary(prefix: str, modules_shown: int = 30) -> list[str]:
    """Each worker's start-up CPU, then the modules by CPU: `cpu wall path`."""
    lines, cpu, wall = modules(prefix)
    lines.append(f"{sum(cpu.values()):.1f} CPU s in tests")
    ranked = sorted(cpu, key=lambda module: -cpu[module])[:modules_shown]
    lines += [f"{cpu[m]:7.1f} {wall[m]:7.1f} {m}" for m in ranked]
    return lines


def write_costs(prefix: str, target: str) -> None:
    """Each module's CPU seconds in `target` (tests/module_costs.json), the
    order tests/conftest.py hands modules out in."""
    _, cpu, _ = modules(prefix)
    cpu.pop(SESSION_TEARDOWN, None)
    costs = {module: round(cpu[module], 1) for module in sorted(cpu)}
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(costs, indent=1) + "\n")


if __name__ == "__main__":
    if sys.argv[2:3] == ["--write-costs"]:
        write_costs(sys.argv[1], sys.argv[3])
    else:
        print("\n".join(summary(sys.argv[1])))
