"""Benchmark: what a build process pays for its first word-frequency question.

    PYTHONPATH=src python bench/word_frequency_start.py [--against SRC] [--rounds 6]

Each round starts a fresh process per tree, which imports what a build
imports (spaCy's tokenizer, every finder) and then times, in CPU seconds
(`time.process_time`), the first questions the mentions finder and the
hyphen repair ask (`is_common_word`, `is_everyday_word`, `is_shouted`,
`keep_hyphen`): wordfreq's import and data load on main, the table read from
its data file on a tree with `dossier.word_frequencies`. With `--against`
the other tree's process runs right after this one's, round by round, so
both see the same load. Prints one JSON object per tree: the CPU seconds of
each round, their median, and whether `wordfreq` ended up imported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

_CHILD = """
import json, sys, time
import dossier.annotate.entities, dossier.annotate.reading, dossier.clean
from dossier.annotate.entities import lexicon
from dossier.clean.hyphens import keep_hyphen
begun = time.process_time()
answers = [
    lexicon.is_common_word("Industry"),
    lexicon.is_everyday_word("People"),
    lexicon.is_shouted("WARNING"),
    keep_hyphen("revolu", "tion"),
]
spent = time.process_time() - begun
print(json.dumps({"cpu_s": spent, "answers": answers,
                  "wordfreq": "wordfreq" in sys.modules}))
"""


def _once(src: Path) -> dict[str, object]:
    environment = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="SRC", help="another tree's src/")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    trees = [Path(__file__).resolve().parent.parent / "src"]
    if args.against:
        trees.append(Path(args.against).resolve())
    runs: dict[Path, list[dict[str, object]]] = {tree: [] for tree in trees}
    for round_number in range(args.rounds):
        # Alternate which tree goes first, so neither always meets a warmer
        # page cache.
        order = trees if round_number % 2 == 0 else trees[::-1]
        for tree in order:
            runs[tree].append(_once(tree))
    for tree, results in runs.items():
        seconds = [float(str(result["cpu_s"])) for result in results]
        print(
            json.dumps(
                {
                    "src": str(tree),
                    "first_questions_cpu_s": [round(s, 3) for s in seconds],
                    "median": round(statistics.median(seconds), 3),
                    "answers": results[0]["answers"],
                    "wordfreq_imported": results[0]["wordfreq"],
                    "load": round(os.getloadavg()[0], 1),
                }
            )
        )


if __name__ == "__main__":
    main()
