"""The yardstick of issue 14: a minimal rules pipeline to measure dossier against.

    python bench/yardstick.py PATH... [--db FILE]

ftfy → spaCy's blank English tokenizer + sentencizer + a PhraseMatcher of
2,000 phrases (the korea pack's names and generated variants) → a few regex
scans (dates, numbers, quote marks) → SQLite + FTS5 insert. It reads what a
build reads (a JSONL record's `text`, a text file whole), does the least a
rules pipeline does with it, and prints one JSON line: MB of input text and
the CPU seconds of this process, start-up included, as a build's are.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
sys.path.insert(0, str(SRC))

PHRASES = 2_000
# Rows per executemany: what a simple bulk loader would do.
CHUNK = 500

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October"
    "|November|December"
)
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_QUOTE = re.compile(r"[\"“”‘’«»]")


def phrases(count: int = PHRASES) -> list[str]:
    """The pack's names and variants, then generated variants, to `count`."""
    from dossier.packs import load_pack

    pack = load_pack()
    named = (
        *pack.people,
        *pack.outlets,
        *pack.organisations,
        *pack.places,
        *pack.publications,
        *pack.demonyms,
    )
    base = list(dict.fromkeys(form for n in named for form in (n.name, *n.variants)))
    found = dict.fromkeys(base)
    # What a gazetteer generates from a name: titled, possessive, upper case,
    # OCR's l/I slip; then the pack's titles before each until the count.
    makers = (
        lambda s: f"the {s}",
        lambda s: f"{s}'s",
        lambda s: s.upper(),
        lambda s: s.replace("l", "I"),
        *(lambda s, t=title: f"{t} {s}" for title in pack.honorifics),
    )
    for make in makers:
        for name in base:
            if len(found) >= count:
                return list(found)[:count]
            found.setdefault(make(name))
    return list(found)[:count]


def texts(paths: list[Path]) -> Iterator[str]:
    for path in paths:
        files = (
            sorted(p for p in path.rglob("*") if p.is_file())
            if path.is_dir()
            else [path]
        )
        for file in files:
            if file.suffix == ".jsonl":
                with file.open(encoding="utf-8") as handle:
                    for line in handle:
                        if line.strip():
                            yield str(json.loads(line).get("text", ""))
            else:
                yield file.read_text(encoding="utf-8", errors="replace")


def run(paths: list[Path], db: Path) -> dict[str, float]:
    import ftfy
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = PhraseMatcher(nlp.vocab)
    matcher.add("NAME", list(nlp.tokenizer.pipe(phrases())))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    connection = sqlite3.connect(db)
    connection.executescript(
        """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT);
        CREATE TABLE sentences (doc INTEGER, start INTEGER, end INTEGER);
        CREATE TABLE mentions (doc INTEGER, start INTEGER, end INTEGER, text TEXT);
        CREATE TABLE marks (doc INTEGER, kind TEXT, start INTEGER, end INTEGER);
        CREATE VIRTUAL TABLE search USING fts5(text, content='documents',
            content_rowid='id');
        """
    )
    chars = 0
    rows: dict[str, list[tuple[object, ...]]] = {
        "documents": [],
        "sentences": [],
        "mentions": [],
        "marks": [],
    }

    def flush() -> None:
        with connection:
            for table, found in rows.items():
                if found:
                    marks = ",".join("?" * len(found[0]))
                    connection.executemany(
                        f"INSERT INTO {table} VALUES ({marks})", found
                    )
            first = rows["documents"][0][0] if rows["documents"] else 0
            connection.execute(
                "INSERT INTO search (rowid, text) SELECT id, text FROM documents"
                " WHERE id >= ?",
                (first,),
            )
        for found in rows.values():
            found.clear()

    for number, raw in enumerate(texts(paths), 1):
        chars += len(raw)
        text = ftfy.fix_text(raw)
        doc = nlp(text)
        rows["documents"].append((number, text))
        rows["sentences"].extend((number, s.start_char, s.end_char) for s in doc.sents)
        rows["mentions"].extend(
            (number, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), doc[a:b].text)
            for _, a, b in matcher(doc)
        )
        for kind, pattern in (("date", _DATE), ("number", _NUMBER), ("quote", _QUOTE)):
            rows["marks"].extend(
                (number, kind, m.start(), m.end()) for m in pattern.finditer(text)
            )
        if len(rows["documents"]) >= CHUNK:
            flush()
    if rows["documents"]:
        flush()
    connection.close()
    return {"chars": chars}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--db", type=Path, default=Path("yardstick.db"))
    args = parser.parse_args()
    started = time.perf_counter()
    found = run(args.paths, args.db)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    print(
        json.dumps(
            {
                "mb": round(found["chars"] / 1e6, 3),
                "cpu_seconds": round(cpu, 2),
                "seconds": round(time.perf_counter() - started, 2),
                "mb_per_cpu_s": round(found["chars"] / 1e6 / cpu, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
