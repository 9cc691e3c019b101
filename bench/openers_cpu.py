"""Benchmark: whole-text scans by `finditer` and from their opening characters.

    PYTHONPATH=src python bench/openers_cpu.py [--rounds 3] [PATH...]

For each scan a finder makes through `annotate.openers.opening_on` (quoted
titles, acronyms after their long form, quote marks), the CPU seconds of one
pass over the texts (`time.process_time`, best of `--rounds`, the two ways
alternated) by the pattern's own `finditer` and by `opening_on`, after
checking that both give the same matches. Texts: kcna-2024's articles, or
every document a build makes of PATH (files or folders, e.g. the generated
wire copy).
"""

from __future__ import annotations

import argparse
import functools
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from results import documents_of, kcna_articles

from dossier.annotate.entities.acronyms import _AFTER, _BRACKETS
from dossier.annotate.entities.headlines import _QUOTE_OPENERS, _QUOTED
from dossier.annotate.openers import opening_on
from dossier.annotate.quotes.marks import _MARK, MARKS

SCANS = {
    "quoted titles": (_QUOTED, _QUOTE_OPENERS),
    "acronyms after": (_AFTER, _BRACKETS),
    "quote marks": (_MARK, MARKS),
}


def texts_of(paths: list[Path]) -> list[str]:
    """The documents a build makes of `paths` (no annotation), as text."""
    return [document.text for document in documents_of(paths)]


def cpu(scan: Callable[[str], Iterable[Any]], texts: list[str]) -> float:
    begun = time.process_time()
    for text in texts:
        for _ in scan(text):
            pass
    return time.process_time() - begun


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("paths", nargs="*", type=Path, help="default: kcna-2024")
    args = parser.parse_args()
    texts = texts_of(args.paths) if args.paths else [t for t, _ in kcna_articles()]
    report: dict[str, Any] = {
        "texts": len(texts),
        "mb": round(sum(map(len, texts)) / 1e6, 2),
    }
    for name, (pattern, openers) in SCANS.items():
        for text in texts:
            expected = [m.span() for m in pattern.finditer(text)]
            if [m.span() for m in opening_on(pattern, text, openers)] != expected:
                raise SystemExit(f"{name}: the matches differ")
        scan = functools.partial(opening_on, pattern, characters=openers)
        own, found = [], []
        for _ in range(args.rounds):
            own.append(cpu(pattern.finditer, texts))
            found.append(cpu(scan, texts))
        report[name] = {
            "finditer": round(min(own), 4),
            "opening_on": round(min(found), 4),
        }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
