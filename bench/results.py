"""Where the benchmarks keep their corpora and what they measured."""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from generate import generate

OUT = Path(__file__).resolve().parent / "out"


def generated(megabytes: float) -> Path:
    """The folder of the generated corpus of this size, made on first use."""
    corpus = OUT / f"corpus_{megabytes:g}mb"
    if not corpus.exists():
        print(f"generating {megabytes:g} MB into {corpus} ...", file=sys.stderr)
        generate(corpus, megabytes)
    return corpus


def record(result: dict[str, Any]) -> None:
    """Add the machine to `result`, append it to out/results.jsonl, print it."""
    result["machine"] = f"{platform.machine()}, {platform.python_version()}"
    OUT.mkdir(exist_ok=True)
    with (OUT / "results.jsonl").open("a") as handle:
        handle.write(json.dumps(result) + "\n")
    print(json.dumps(result, indent=1))


def measure(command: list[str], src: Path) -> tuple[dict[str, float], str]:
    """Run `command` on the code in `src` (whatever the venv has installed):
    its wall and CPU seconds (with its children's), the load average it
    started at, and what it printed. A failure ends the benchmark."""
    path = os.pathsep.join(filter(None, [str(src), os.environ.get("PYTHONPATH")]))
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": path},
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode not in (0, 1):
        sys.exit(f"{command[:3]} failed: {completed.stderr.strip()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "load": load}, completed.stdout
