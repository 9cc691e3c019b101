"""How many examples a property test tries: a tenth of its full count in
the suite, the full count with DOSSIER_PROPERTIES=full (`make fuzz`).

The 30 property tests were a tenth of the suite's time (issue 14, part 7),
and still some 10 of its 130 CPU s at a quarter of their examples: a tenth
keeps each test's search on every run (at least `FEWEST` shapes), and the
full run goes with the fuzzing, which is time-boxed and run apart.

`PROFILE` (loaded by tests/conftest.py before any test module is imported)
holds the same for a test that names no count: a tenth of Hypothesis's 100.
Fourteen tests named none and tried all 100 in the suite (4.1 of its CPU s,
load 8). It also turns Hypothesis's two clocks off: a search is judged
by what it finds, and the suite runs on machines loaded by other work, where
a strategy's draws or an example's run take several times their idle time.
At load 8, `tests/link/test_align.py`'s 40-150 runs took 0.12 s a draw and
failed the "input generation is slow" check (issue 14, part 7).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FULL = os.environ.get("DOSSIER_PROPERTIES") == "full"
# Below this a search tries too few shapes to be worth running.
FEWEST = 25


def examples(full: int) -> int:
    """`full` examples under DOSSIER_PROPERTIES=full, else a tenth of it."""
    return full if FULL else max(FEWEST, full // 10)


PROFILE = "dossier"
settings.register_profile(
    PROFILE,
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def share_tables() -> bool:
    """Under xdist, the second worker makes Hypothesis's Unicode tables
    before it collects; the others find them made; whether it made them.

    A property test's first `st.text()` in a checkout works out which code
    points each Unicode category and UTF-8 hold (1.5-2 CPU s), then keeps
    them under .hypothesis/ (written whole, by a rename), where any later
    process reads them in some 0.04. On a fresh clone both workers did it,
    each at its first text strategy (`test_values.py`, `test_properties.py`:
    1.5 and 1.6 CPU s, issue 14, part 7). The first worker collects from the
    start and reaches a text strategy only after the slow modules, long after
    these are written; a single process leaves them to its first test."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker != "gw1":
        return False
    from hypothesis import strategies

    strategies.text().validate()  # the tables a first text strategy makes
    return True
