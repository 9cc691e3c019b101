"""Benchmark (issue 14): comparing candidate pairs alone, replayed from a link.

    python bench/reuse_compare_replay.py capture DOSSIER.db PAIRS.pickle
    python bench/reuse_compare_replay.py replay PAIRS.pickle [--rounds 3]
        [--out FOUND.pickle]

`capture` relinks a built dossier as a build links (`bench/reuse_relink.py
--made`: signatures made first) and keeps, for each call of
`link.reuse_pairs.compare_pairs`, the texts of its pairs and the pairs with
their seeds. `replay` reads those texts' words (`passages.read_words`) and
compares the same pairs in the same calls, each text read once as the link
keeps it, and prints the CPU seconds of each part (`time.process_time`),
the load, the passages found and a digest of every passage (words, spans,
shared shingles): two trees' digests equal, their outputs are the same. The
part of the link step `link/reuse_pairs.py` and what it calls own, without
SQLite, signing or the candidates, so that two trees can be priced by turns
(or under callgrind) in a few seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import tempfile
import time
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import Any

from dossier.link import reuse
from dossier.link.passages import Words, read_words
from dossier.link.reuse import link_reuse
from dossier.link.reuse_pairs import compare_pairs
from dossier.link.rewrites import read_sentences
from dossier.store import connect

sys.path.insert(0, str(Path(__file__).parent))
from reuse_relink import _signed, unlinked_copy

Call = tuple[dict[int, str], list[tuple[tuple[int, int], list[tuple[int, int]]]]]


def capture(db: Path, out: Path) -> None:
    calls: list[Call] = []
    compare = reuse.compare_pairs

    def kept(words: Any, pairs: Any, sentences: Any) -> Any:
        texts = {doc: words[doc].text for pair, _ in pairs for doc in pair}
        calls.append(
            (texts, [(tuple(p), [tuple(s) for s in seeds]) for p, seeds in pairs])
        )
        return compare(words, pairs, sentences)

    reuse.compare_pairs = kept  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "relink.db"
        unlinked_copy(db, copy)
        with closing(connect(copy)) as connection:
            link_reuse(connection, made=_signed(connection))
    with out.open("wb") as file:
        pickle.dump(calls, file)
    pairs = sum(len(pairs) for _, pairs in calls)
    print(json.dumps({"calls": len(calls), "pairs": pairs}))


def replay(path: Path, rounds: int, out: Path | None) -> None:
    with path.open("rb") as file:
        calls: list[Call] = pickle.load(file)
    for number in range(rounds):
        words: dict[int, Words] = {}
        reading = comparing = 0.0
        found = []
        for texts, pairs in calls:
            cpu = time.process_time()
            for doc, text in texts.items():
                if doc not in words:
                    words[doc] = read_words(text)
            reading += time.process_time() - cpu
            cpu = time.process_time()
            passages = compare_pairs(words, pairs, partial(_sentences, words))
            comparing += time.process_time() - cpu
            found += [
                [
                    (
                        p.alignment.a_start,
                        p.alignment.a_end,
                        p.alignment.b_start,
                        p.alignment.b_end,
                        p.alignment.matched,
                        p.a_chars,
                        p.b_chars,
                        p.shared,
                    )
                    for p in pair
                ]
                for pair in passages
            ]
        print(
            json.dumps(
                {
                    "benchmark": "reuse_compare_replay",
                    "round": number + 1,
                    "read_words_cpu": round(reading, 3),
                    "compare_cpu": round(comparing, 3),
                    "load": round(os.getloadavg()[0], 2),
                    "pairs": len(found),
                    "passages": sum(map(len, found)),
                    "digest": hashlib.sha256(pickle.dumps(found)).hexdigest()[:16],
                }
            ),
            flush=True,
        )
        if out is not None:
            with out.open("wb") as file:
                pickle.dump(found, file)


def _sentences(words: dict[int, Words], doc: int) -> Any:
    return read_sentences(words[doc])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    capturing = commands.add_parser("capture", help="relink and keep the pairs")
    capturing.add_argument("db", type=Path, help="a dossier built without --engine")
    capturing.add_argument("out", type=Path)
    replaying = commands.add_parser("replay", help="compare the kept pairs again")
    replaying.add_argument("pairs", type=Path)
    replaying.add_argument("--rounds", type=int, default=1)
    replaying.add_argument("--out", type=Path, help="keep every passage found")
    args = parser.parse_args()
    if args.command == "capture":
        capture(args.db, args.out)
    else:
        replay(args.pairs, args.rounds, args.out)


if __name__ == "__main__":
    main()
