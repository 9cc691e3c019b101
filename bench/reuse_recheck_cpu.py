"""Benchmark (issue 14 part 3): `bench/reuse_relink.py`, with the CPU
seconds `link.reuse._recheck` spent in the parent summed and printed.

    python bench/reuse_recheck_cpu.py DOSSIER.db [reuse_relink's options]

Prints reuse_relink's lines, then `{"recheck_cpu": S, "calls": N}`
(`time.process_time` around each call). Any tree whose `link.reuse` has a
`_recheck` runs it, so two trees can be priced by turns.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from dossier.link import reuse

sys.path.insert(0, str(Path(__file__).parent))
import reuse_relink  # bench/ is not a package: found by the path above

_spent = [0.0]
_calls = [0]
_inner = reuse._recheck


def _timed(*args: Any, **kwargs: Any) -> None:
    start = time.process_time()
    try:
        _inner(*args, **kwargs)
    finally:
        _spent[0] += time.process_time() - start
        _calls[0] += 1


def main() -> None:
    # Looked up by name when `_finish` calls it, so the wrapper is used.
    reuse._recheck = _timed  # type: ignore[assignment]
    try:
        reuse_relink.main()
    finally:
        print(json.dumps({"recheck_cpu": round(_spent[0], 3), "calls": _calls[0]}))


if __name__ == "__main__":
    main()
