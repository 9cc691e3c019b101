"""What a fresh interpreter has loaded after some imports: the start-up tests
check that a command or an engine pulls in nothing it does not need."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence


def loaded_after(modules: Sequence[str], watched: Sequence[str]) -> list[str]:
    """Of `watched` (packages, each with its submodules), the ones loaded in
    a new Python process once `modules` are imported, sorted."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {list(modules)!r}:\n"
        "    importlib.import_module(name)\n"
        f"watched = {list(watched)!r}\n"
        "print(json.dumps(sorted(w for w in watched if any("
        "m == w or m.startswith(w + '.') for m in sys.modules))))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(found.stdout)
    return loaded
