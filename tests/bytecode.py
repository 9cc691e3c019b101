"""The xdist workers share the bytecode a fresh clone lacks, before they collect.

Each worker imports every test module to collect it, rewriting its asserts
(pytest's assertion rewriting) and compiling it, and imports dossier's
modules, compiling each: with no `__pycache__` yet (a fresh clone, `make
test`) both workers did all of it at once, some 3 CPU s each more than
with it (issue 14, part 7). Here worker N of M first writes the cached form
of its share of the files (the M-th part after the first N, in path
order) that has none, then collects, finding the rest written by the
others as they went. The first worker writes none ahead: it collects from
the start, while the others work from the middle on. A file already
cached is left alone, so a second run costs a header read per file.

Test modules are rewritten with pytest's own functions (kept private by
pytest: if they move, nothing is written ahead and the workers collect as
before).
"""

from __future__ import annotations

import compileall
import fnmatch
import importlib.util
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest


def share(config: pytest.Config, tests: Path, sources: Path) -> int:
    """The files this worker writes ahead, written; how many were."""
    if sys.dont_write_bytecode:
        return 0
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if not worker.startswith("gw") or count < 2:
        return 0
    index = int(worker.removeprefix("gw"))
    patterns = [*config.getini("python_files"), "conftest.py"]
    # Only what this run collects: the paths it was given (or testpaths).
    given = [
        (config.invocation_params.dir / arg.split("::")[0]).resolve()
        for arg in config.args
    ]
    modules = [
        path
        for path in sorted(tests.rglob("*.py"))
        if any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns)
        and any(path == root or root in path.parents for root in given)
    ]
    written = _rewrite(config, _part(modules, index, count))
    for path in _part(sorted(sources.rglob("*.py")), index, count):
        # Skips a file whose pyc is up to date; 2: prints nothing.
        written += bool(compileall.compile_file(path, quiet=2))
    return written


def _part(paths: Sequence[Path], index: int, count: int) -> Sequence[Path]:
    """The `index`-th of `count` equal parts of `paths`; none for the first."""
    if index == 0:
        return []
    size = -(-len(paths) // count)
    return paths[index * size : (index + 1) * size]


def _rewrite(config: pytest.Config, modules: Iterable[Path]) -> int:
    """Each module's rewritten code written where pytest's import reads it,
    unless a pyc of the same source is there."""
    try:
        from _pytest.assertion import rewrite
    except ImportError:
        return 0
    needed = ("PYC_TAIL", "_rewrite_test", "_write_pyc", "assertstate_key")
    if not all(hasattr(rewrite, name) for name in needed):
        return 0
    state = config.stash.get(rewrite.assertstate_key, None)
    if state is None:  # assertions not rewritten (--assert=plain)
        return 0
    written = 0
    for module in modules:
        pyc = module.parent / "__pycache__" / (module.stem + rewrite.PYC_TAIL)
        source = module.read_bytes()
        if _fresh(pyc, importlib.util.source_hash(source)):
            continue
        try:
            source_hash, code = rewrite._rewrite_test(module, config)
        except SyntaxError:
            continue  # collecting the module reports it
        pyc.parent.mkdir(exist_ok=True)
        written += bool(rewrite._write_pyc(state, code, source_hash, pyc))
    return written


def _fresh(pyc: Path, source_hash: bytes) -> bool:
    """Whether `pyc` is pytest's for a source of this hash (its header:
    magic number, hash-based flags, the source's hash)."""
    try:
        with pyc.open("rb") as handle:
            header = handle.read(16)
    except OSError:
        return False
    return header == importlib.util.MAGIC_NUMBER + b"\x03\x00\x00\x00" + source_hash[:8]
