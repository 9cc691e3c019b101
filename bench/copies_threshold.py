"""The evidence behind link.copies.CONTAINMENT and link.shingles.MIN_SHINGLES.

    python bench/copies_threshold.py [--db kcna.db]

On the clean text of kcna-2024's distinct stories (built into --db, without
annotation, when it does not exist): the closest pairs of different stories,
then, for each candidate threshold, how many such pairs would be taken for
copies and how many copies made by editing each story would be missed (a line
added; a line added and two words changed; five words changed).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sqlite3
import sys
from collections import Counter, defaultdict
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import OUT

from dossier.link.shingles import shingle_hashes, words
from dossier.present.cli.build import build_files
from dossier.settings import Settings

KCNA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "kcna-2024"
SIZE_RATIO = 0.5


def shingles(text: str) -> set[int]:
    return set(shingle_hashes(words(text)).tolist())


def edited(rng: random.Random, text: str, lines: list[str], line: bool, n: int) -> str:
    paragraphs = text.split("\n")
    if line:
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), rng.choice(lines))
    tokens = " ".join(paragraphs).split()
    for _ in range(n):
        i = rng.randrange(len(tokens))
        tokens[i] += "x"
    return " ".join(tokens)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=OUT / "kcna-copies.db")
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build_files(
            sorted(KCNA.glob("*.jsonl")), Settings(db=str(args.db), annotate=False)
        )
    with closing(sqlite3.connect(args.db)) as connection:
        rows = connection.execute("SELECT text FROM documents ORDER BY rowid")
        texts = list(dict.fromkeys(text for (text,) in rows))
    sets = [shingles(text) for text in texts]
    index: dict[int, list[int]] = defaultdict(list)
    for number, found in enumerate(sets):
        for shingle in found:
            index[shingle].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for members in index.values():
        shared.update(itertools.combinations(members, 2))
    pairs = []
    for (a, b), count in shared.items():
        small, large = sorted((len(sets[a]), len(sets[b])))
        pairs.append((count / small, small / large, small, a, b))
    pairs.sort(reverse=True)
    print(f"{len(texts)} distinct texts; closest pairs of different stories:")
    print("containment  size ratio  smaller (shingles)  openings")
    for share, ratio, small, a, b in pairs[:15]:
        print(
            f"{share:10.3f} {ratio:11.2f} {small:19d}  "
            f"{texts[a][:40]!r} / {texts[b][:40]!r}"
        )

    rng = random.Random(1)
    lines = [s for t in texts for s in t.split("\n") if 15 < len(s.split()) < 40]
    kinds = {
        "line added": (True, 0),
        "line + 2 words": (True, 2),
        "5 words": (False, 5),
    }
    copies: dict[str, list[tuple[float, float, int]]] = {k: [] for k in kinds}
    for text, original in zip(texts, sets, strict=True):
        for kind, (line, n) in kinds.items():
            copy = shingles(edited(rng, text, lines, line, n))
            small, large = sorted((len(original), len(copy)))
            copies[kind].append(
                (len(original & copy) / small, small / large, len(original))
            )

    print(
        "\nthreshold  min shingles  different-story pairs taken  edited copies missed"
    )
    for threshold in (0.8, 0.85, 0.9):
        for least in (10, 50, 80):

            def taken(share: float, ratio: float, size: int) -> bool:
                return share >= threshold and ratio >= SIZE_RATIO and size >= least  # noqa: B023

            wrong = sum(
                1 for share, ratio, small, _, _ in pairs if taken(share, ratio, small)
            )
            missed = {k: sum(1 for c in v if not taken(*c)) for k, v in copies.items()}
            print(f"{threshold:9.2f} {least:13d} {wrong:28d}  {missed}")


if __name__ == "__main__":
    main()
