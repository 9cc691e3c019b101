"""Where the benchmarks keep their corpora and what they measured."""

from __future__ import annotations

import json
import platform
import sys
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
