"""Every regular expression dossier compiles, fed adversarial text (#17):
long runs of capitals, digits, quote marks, brackets, dots and spaces.

A rule that backtracks catastrophically on such a run hangs a build on one
hostile file. Each pattern gets a watchdog (`BUDGET_SECONDS` for all the
runs together, some hundred times what a linear scan of them takes); it is
a hang detector, not a speed test: speed is measured in bench/. The
time-boxed fuzzing in `make fuzz` holds the finders to 1 s per 100 KB.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import signal
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest
import regex

import dossier
from dossier.annotate.compiled import compile_pack
from dossier.annotate.word_scan import scan_pattern
from dossier.packs import load_pack

# Characters in each adversarial run, matched at a few positions as most
# rules are used (`.match(text, end)`): a rule backtracking exponentially
# shows by 30 characters and never ends at 1,000.
RUN = 1_000
# Characters scanned at every position (finditer): enough for exponential
# backtracking to show, short enough that a rule only quadratic when scanned
# (`\s*(?:many|words)` tried at each start of a run of spaces, though the
# code only matches it after a number) stays far within the budget.
SCAN = 200
STARTS = (0, 1, 7, RUN // 2)
BUDGET_SECONDS = 5
# Pieces repeated to make each run.
PIECES = (
    "A", "ABC ", "Kim Il Sung ", "KIM IL SUNG ", "A.B.", "Mr. ",
    "1", "1,000,", "1 ", "1.", "1950-", "October 25, ",
    '"', "“", "'", "’", "‘", "(", ")", "()", "[", "<a ",
    "-", "—", ".", ",", " ", "\n", "\t", "\ufffd",
    "of the ", "said ", "A1\"([",
)  # fmt: skip
RUNS = [(piece * (RUN // len(piece) + 1))[:RUN] for piece in PIECES]

Pattern = re.Pattern[str] | regex.Pattern[str]
# Packages whose modules are rules and readers (the CLI, web and engines
# compile no rule of text).
SKIPPED = ("dossier.present", "dossier.engine")


def _module_patterns() -> Iterator[tuple[str, Pattern]]:
    for info in pkgutil.walk_packages(dossier.__path__, "dossier."):
        if info.name.startswith(SKIPPED):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)) and isinstance(
                value.pattern, str
            ):
                yield f"{info.name}.{name}", value


def _held_patterns(
    value: Any, where: str, depth: int = 0
) -> Iterator[tuple[str, Pattern]]:
    """Patterns the compiled pack holds, however deep in its records."""
    if depth > 6:
        return
    if isinstance(value, (re.Pattern, regex.Pattern)):
        if isinstance(value.pattern, str):
            yield where, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _held_patterns(
                getattr(value, field.name, None), f"{where}.{field.name}", depth + 1
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _held_patterns(item, f"{where}[{key!r}]", depth + 1)
    elif isinstance(value, (list, tuple)):
        for number, item in enumerate(value):
            yield from _held_patterns(item, f"{where}[{number}]", depth + 1)


def _all_patterns() -> list[tuple[str, Pattern]]:
    compiled = compile_pack(load_pack("korea"))
    found = dict(_module_patterns())
    # Compiled on first use in a build; compiled here so it is tried too.
    found["dossier.annotate.word_scan.scan_pattern"] = scan_pattern()
    for name, pattern in _held_patterns(compiled, "compiled"):
        found.setdefault(name, pattern)
    return sorted(found.items())


PATTERNS = _all_patterns()


def test_the_rules_are_all_found() -> None:
    # Well over a hundred rules live in modules; the pack adds its own.
    assert len(PATTERNS) > 150
    assert any(name.startswith("compiled.") for name, _ in PATTERNS)


class Hang(Exception):
    pass


def _alarm(_signal: int, _frame: FrameType | None) -> None:
    raise Hang


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_over_adversarial_runs_ends(name: str, pattern: Pattern) -> None:
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(BUDGET_SECONDS)
    current = ""
    try:
        for run in RUNS:
            current = run[:12]
            for found in pattern.finditer(run[:SCAN]):
                assert 0 <= found.start() <= found.end() <= SCAN
            for start in STARTS:
                found = pattern.match(run, start)
                assert found is None or start <= found.end() <= RUN
    except Hang:
        pytest.fail(f"{name} ran over {BUDGET_SECONDS} s on a run of {current!r}…")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
