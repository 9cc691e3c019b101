"""Where the benchmarks keep their corpora and what they measured."""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from generate import generate

OUT = Path(__file__).resolve().parent / "out"
KCNA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "kcna-2024"


def generated(megabytes: float) -> Path:
    """The folder of the generated corpus of this size, made on first use."""
    corpus = OUT / f"corpus_{megabytes:g}mb"
    if not corpus.exists():
        print(f"generating {megabytes:g} MB into {corpus} ...", file=sys.stderr)
        generate(corpus, megabytes)
    return corpus


def documents_of(paths: list[Path]) -> list[Any]:
    """Every document a build makes of `paths` (files, or folders read
    whole), not annotated."""
    from dossier.packs import load_pack
    from dossier.pipeline import run_file
    from dossier.settings import Settings

    pack = load_pack()
    files = [
        found
        for path in paths
        for found in (sorted(path.rglob("*")) if path.is_dir() else [path])
        if found.is_file()
    ]
    return [
        document
        for path in files
        for item in run_file(path, pack, Settings(annotate=False)).sources
        for document in item.documents
    ]


def kcna_articles() -> list[tuple[str, str | None]]:
    """Text and date of every article of kcna-2024, as a build reads them
    (no annotation): what the per-finder benchmarks time."""
    paths = sorted(KCNA.glob("*.jsonl"))
    if not paths:
        raise SystemExit(f"kcna-2024 not found in {KCNA}")
    return [(d.text, d.meta.date) for d in documents_of(paths) if d.kind == "article"]


def kcna_readings() -> tuple[list[Any], Any, float]:
    """kcna-2024's articles read (`read_text`, sentences included), the
    compiled pack and their size in MB: what a finder benchmark times a
    finder over."""
    from dossier.annotate.compiled import compile_pack
    from dossier.annotate.reading import read_text
    from dossier.packs import load_pack

    texts = kcna_articles()
    readings = [read_text(text, anchor=date) for text, date in texts]
    size = sum(len(text) for text, _ in texts) / 1e6
    return readings, compile_pack(load_pack()), size


_IMPORT = re.compile(r"^(\s*)(from|import) dossier\b", re.MULTILINE)


def import_copy(src: Path, folder: Path, name: str) -> None:
    """Copy the `dossier` package under `src` (another tree) into `folder` as
    `name`, its imports renamed, and put `folder` on the path: both trees then
    load in one process, so their passes can be interleaved (across two
    processes on a loaded machine the noise is larger than most differences)."""
    copy = folder / name
    shutil.copytree(src / "dossier", copy, ignore=shutil.ignore_patterns("__pycache__"))
    for path in copy.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(_IMPORT.sub(rf"\1\2 {name}", text), encoding="utf-8")
    sys.path.insert(0, str(folder))


def cpu_passes(
    find: Any, readings: list[Any], compiled: Any, passes: int
) -> list[float]:
    """CPU seconds (`time.process_time`) of each of `passes` runs of
    `find(reading, compiled)` over every reading."""
    seconds = []
    for _ in range(passes):
        started = time.process_time()
        for reading in readings:
            find(reading, compiled)
        seconds.append(time.process_time() - started)
    return seconds


def record(result: dict[str, Any]) -> None:
    """Add the machine to `result`, append it to out/results.jsonl, print it."""
    result["machine"] = f"{platform.machine()}, {platform.python_version()}"
    OUT.mkdir(exist_ok=True)
    with (OUT / "results.jsonl").open("a") as handle:
        handle.write(json.dumps(result) + "\n")
    print(json.dumps(result, indent=1))


def adopt_orphans() -> bool:
    """Make this process (Linux) the subreaper of every process its commands
    leave behind, so `measure(..., orphans=True)` can wait for them and count
    their CPU: a forkserver outlives the build that started it by a moment,
    and its children (a pool's or a Dask cluster's workers) are its own."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(36, 1, 0, 0, 0) == 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def measure(
    command: list[str], src: Path, *, orphans: bool = False
) -> tuple[dict[str, float], str]:
    """Run `command` on the code in `src` (whatever the venv has installed):
    its wall and CPU seconds (with its children's), the load average it
    started at, and what it printed. A failure ends the benchmark.

    With `orphans` (after `adopt_orphans()`), the CPU of every process the
    command left running is counted too, once each ends: this process must
    have no other child then."""
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
    while orphans:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode not in (0, 1):
        sys.exit(f"{command[:3]} failed: {completed.stderr.strip()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "load": load}, completed.stdout
