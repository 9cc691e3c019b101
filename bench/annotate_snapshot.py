"""Save or compare the annotate stage's output on a fixed set of texts.

    python bench/annotate_snapshot.py save FILE     # before a change
    python bench/annotate_snapshot.py check FILE    # after: lists what moved

A guard for speed work: a rewrite meant to change nothing must leave every
annotation of kcna-2024, TimeML, PolNeAR-dev, MEANTIME, the seeds and the
bench articles byte-identical. Texts missing on this machine are left out.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier.annotate import annotate
from dossier.packs import load_pack
from dossier.pipeline import run_file
from dossier.settings import Settings
from eval import CORPUS

FIELDS = ("sentences", "mentions", "times", "figures", "quotes", "citations")
BENCH = Path(__file__).resolve().parent / "out" / "corpus_10mb"


def texts() -> list[tuple[str, str, str | None]]:
    """(name, text, anchor) for every text in the snapshot."""
    from eval import meantime, polnear, timeml

    pack = load_pack()
    found: list[tuple[str, str, str | None]] = []
    kcna = CORPUS / "kcna-2024" / "kcna-2024.jsonl"
    sources = [kcna, *sorted((CORPUS / "seeds").glob("*"))]
    sources += sorted(BENCH.iterdir())[:4] if BENCH.exists() else []
    for path in sources:
        if not path.is_file():
            continue
        result = run_file(path, pack, Settings(annotate=False))
        for item in result.sources:
            for n, doc in enumerate(item.documents):
                name = f"{path.name}:{item.source.part}:{n}"
                found.append((name, doc.text, doc.meta.date))
    if (CORPUS / "timeml").exists():
        found += [(d.name, d.text, d.anchor) for d in timeml.read_corpus()]
    if (CORPUS / "polnear-dev").exists():
        found += [(a.name, a.text, None) for a in polnear.read_corpus()]
    if (CORPUS / "meantime").exists():
        for path in sorted((CORPUS / "meantime").rglob("*.xml")):
            doc = meantime.read_document(path)
            found.append((path.name, doc.text, None))
    return found


def snapshot() -> dict[str, bytes]:
    pack = load_pack()
    return {
        name: pickle.dumps(annotate(text, pack=pack, anchor=anchor))
        for name, text, anchor in texts()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    current = snapshot()
    if args.action == "save":
        args.file.write_bytes(pickle.dumps(current))
        print(f"saved {len(current)} texts")
        return
    saved: dict[str, bytes] = pickle.loads(args.file.read_bytes())
    # Compared by value: how a record pickles may change (model.py's
    # `__reduce__`), what it holds may not.
    moved = [
        name
        for name in saved
        if current.get(name) != saved[name]
        and (
            name not in current
            or pickle.loads(current[name]) != pickle.loads(saved[name])
        )
    ]
    for name in moved[:20]:
        before, after = pickle.loads(saved[name]), pickle.loads(current[name])
        for field in FIELDS:
            a, b = set(getattr(before, field)), set(getattr(after, field))
            if a != b:
                print(name, field, "lost", len(a - b), "gained", len(b - a))
                for item in list(a - b)[:3]:
                    print("   -", item)
                for item in list(b - a)[:3]:
                    print("   +", item)
    print(json.dumps({"texts": len(saved), "moved": len(moved)}))


if __name__ == "__main__":
    main()
