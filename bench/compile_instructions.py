"""Benchmark: the pack's compile in instructions, under callgrind.

    PYTHONHASHSEED=0 PYTHONPATH=SRC valgrind --tool=callgrind \\
        python bench/compile_instructions.py compile|none

Imports what `bench/start_costs.py` imports and spaCy, reads the korea pack,
then compiles it (`compile`) or stops (`none`): the compile's instructions
are the first run's total less the second's, whatever the load.
"""

from __future__ import annotations

import importlib
import sys

from compile_parts import MODULES as BUILD_MODULES

from dossier.startup import collector_paused

# The build's modules, as compile_parts imports them, and spaCy's parts the
# compile reads: imported before the instructions are counted.
MODULES = (*BUILD_MODULES, "spacy.lang.en", "spacy.matcher", "spacy.vocab")


def main() -> None:
    with collector_paused():
        compiled = importlib.import_module("dossier.annotate.compiled")
        for name in MODULES:
            importlib.import_module(name)
    from dossier.packs import load_pack

    pack = load_pack("korea")
    if sys.argv[1:] == ["compile"]:
        compiled.compile_pack(pack)


if __name__ == "__main__":
    main()
