"""How many examples a property test tries: a tenth of its full count in
the suite, the full count with DOSSIER_PROPERTIES=full (`make fuzz`).

The 30 property tests were a tenth of the suite's time (issue 14, part 7),
and still some 10 of its 130 CPU s at a quarter of their examples: a tenth
keeps each test's search on every run (at least `FEWEST` shapes), and the
full run goes with the fuzzing, which is time-boxed and run apart.
"""

from __future__ import annotations

import os

FULL = os.environ.get("DOSSIER_PROPERTIES") == "full"
# Below this a search tries too few shapes to be worth running.
FEWEST = 25


def examples(full: int) -> int:
    """`full` examples under DOSSIER_PROPERTIES=full, else a tenth of it."""
    return full if FULL else max(FEWEST, full // 10)
