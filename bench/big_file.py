"""Benchmark: one big file (text or JSONL) through a full build.

    python bench/big_file.py [--mb 100] [--format txt|jsonl] [--no-annotate]

The target (issue 13): any single file up to 100 MB is split into bounded
documents, all of it annotated, with peak RSS under 500 MB. The file is made
of the generated corpus's wire stories, one after another (txt) or one a
line (jsonl). Prints seconds, MB/s, peak RSS and the longest document, and
appends a JSON line to bench/out/results.jsonl.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import OUT, generated, record


def big_file(megabytes: float, form: str) -> Path:
    """One file of about `megabytes` MB made from the generated corpus."""
    target = OUT / f"big_{megabytes:g}mb.{form}"
    if target.exists():
        return target
    stories = [
        p.read_text(encoding="utf-8")
        for p in sorted(generated(10).iterdir())
        if p.suffix == ".txt"
    ]
    size, number = 0, 0
    with target.open("w", encoding="utf-8") as handle:
        while size < megabytes * 1e6:
            story = stories[number % len(stories)]
            if form == "jsonl":
                line = json.dumps({"title": f"Story {number}", "text": story})
                size += handle.write(line + "\n")
            else:
                size += handle.write(story.rstrip() + "\n\n\n")
            number += 1
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100.0, help="file size in MB")
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    parser.add_argument("--no-annotate", action="store_true")
    args = parser.parse_args()

    path = big_file(args.mb, args.format)
    db = OUT / "big.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    command = [
        str(Path(sys.executable).with_name("dossier")),
        "build",
        str(path),
        "--db",
        str(db),
        "--max-file-mb",
        str(args.mb * 2),
        "--json",
        "--no-annotate" if args.no_annotate else "--annotate",
    ]
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if completed.returncode != 0:
        sys.exit(f"build failed: {completed.stderr.strip() or completed.stdout}")
    report = json.loads(completed.stdout)
    with closing(sqlite3.connect(db)) as connection:
        longest = connection.execute("SELECT max(chars) FROM documents").fetchone()[0]
        unannotated = connection.execute(
            "SELECT count(*) FROM documents d WHERE d.kind = 'article' AND NOT EXISTS"
            " (SELECT 1 FROM mentions m WHERE m.doc = d.rowid)"
        ).fetchone()[0]
    size = path.stat().st_size
    record(
        {
            "benchmark": "big_file",
            "format": args.format,
            "annotate": not args.no_annotate,
            "mb": round(size / 1e6, 1),
            "seconds": round(seconds, 1),
            "mb_per_s": round(size / 1e6 / seconds, 2),
            "peak_rss_mb": round(peak_mb),
            "documents": report["documents"],
            "longest_document_chars": longest,
            "articles_without_mentions": unannotated,
        }
    )


if __name__ == "__main__":
    main()
