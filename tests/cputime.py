"""CPU seconds per test, for finding what makes the suite slow (issue 14,
part 7). Not loaded by default: `PYTHONPATH=src:. pytest -p tests.cputime`, with
DOSSIER_CPUTIME=PREFIX naming the files written (PREFIX-gw0.txt, ... one per
xdist worker, PREFIX-main.txt without xdist).

Each file opens with `START cpu wall` (the CPU a worker spent before its
first test: start-up and collection), then a line per test, `nodeid cpu
wall` (setup, call and teardown), and ends with `END cpu wall`. CPU is user +
system of the process and of the children it has waited for: a child's CPU
counts in the test during which it was reaped (a dask worker's in the
teardown that closes its cluster). The commands tests/processes.py forks
are the forkserver's children, not the worker's: the live server's CPU and
its reaped children's are read from /proc and counted too. On a loaded
machine wall time is mostly waiting; CPU is the figure to compare.
"""

from __future__ import annotations

import glob
import os
import resource
import sys
import time
from collections.abc import Generator
from typing import IO

import pytest

from tests.processes import server_pid

_out: IO[str] | None = None


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
        out.write(f"{item.nodeid} {_cpu() - cpu:.3f} {time.monotonic() - wall:.3f}\n")
        out.flush()


def pytest_unconfigure() -> None:
    if _out is not None:
        _out.write(f"END {_cpu():.3f} {time.monotonic():.3f}\n")
        _out.close()


def summary(prefix: str, modules: int = 30) -> list[str]:
    """Each worker's start-up CPU, then the modules by CPU: `cpu wall path`."""
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
    lines.append(f"{sum(cpu.values()):.1f} CPU s in tests")
    ranked = sorted(cpu, key=lambda module: -cpu[module])[:modules]
    lines += [f"{cpu[m]:7.1f} {wall[m]:7.1f} {m}" for m in ranked]
    return lines


if __name__ == "__main__":
    print("\n".join(summary(sys.argv[1])))
