"""Benchmark: the times finder's instructions, which load does not move.

    PYTHONPATH=SRC:bench valgrind --tool=callgrind --callgrind-out-file=OUT \
        python bench/times_instructions.py [--every 6] [--no-find]

Reads every `--every`-th kcna-2024 article (`read_text`, not what is
measured), then runs `time.find` over them once, warmed by one article
first. Run it again with `--no-find` (the same reading, no finding) and
subtract: the difference is the finder's instructions. Run both on each tree
(`PYTHONPATH` pointing at its `src`); the expressions found are printed so
the trees can be seen to agree.
"""

from __future__ import annotations

import argparse

from results import kcna_articles

from dossier.annotate import time
from dossier.annotate.compiled import compile_pack
from dossier.annotate.reading import read_text
from dossier.packs import load_pack


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=6, help="article step")
    parser.add_argument("--no-find", action="store_true", help="read only")
    args = parser.parse_args()
    texts = kcna_articles()[:: args.every]
    readings = [read_text(text, anchor=date) for text, date in texts]
    compiled = compile_pack(load_pack())
    time.find(readings[0], compiled)
    found = 0
    if not args.no_find:
        found = sum(len(time.find(reading, compiled)) for reading in readings)
    characters = sum(len(text) for text, _ in texts)
    print(f"{len(texts)} articles, {characters} characters, {found} expressions")


if __name__ == "__main__":
    main()
