"""Benchmark: the copies step of `link` (sign, find and verify near copies, group).

    python bench/copies_speed.py [--mb 20]     # generated corpus
    python bench/copies_speed.py --kcna         # kcna-2024 from ../shared

Builds the corpus without annotation first (not timed), then times, on one
core and in MB/s of the documents' clean text: signing alone
(`link.shingles.sign`), the whole step from an empty signature table
(`link.copies.link_copies`, as the first build runs it), and the step again
after one more file (what an incremental build pays).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import OUT, generated, record

from dossier.link.copies import link_copies
from dossier.link.shingles import sign
from dossier.present.cli.build import build_files
from dossier.settings import Settings
from dossier.store import connect

KCNA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "kcna-2024"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB")
    parser.add_argument(
        "--kcna", action="store_true", help="kcna-2024 in ../shared/corpus instead"
    )
    args = parser.parse_args()
    if args.kcna:
        paths = sorted(KCNA.glob("*.jsonl"))
        if not paths:
            raise SystemExit(f"kcna-2024 not found in {KCNA}")
        label = "kcna-2024"
    else:
        paths = [generated(args.mb)]
        label = f"generated {args.mb:g} MB"
    OUT.mkdir(exist_ok=True)
    db = OUT / "copies.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    build_files(paths, Settings(db=str(db), annotate=False))

    with closing(connect(db)) as connection:
        texts = [row[0] for row in connection.execute("SELECT text FROM documents")]
        size = sum(len(text.encode()) for text in texts) / 1e6
        started = time.process_time()
        for text in texts:
            sign(text)
        signing = time.process_time() - started

        connection.executescript(
            "DELETE FROM near_copies; DELETE FROM bands; DELETE FROM signatures;"
            " UPDATE documents SET copy_of = NULL, copy_group = NULL;"
        )
        started, cpu = time.perf_counter(), time.process_time()
        report = link_copies(connection)
        whole, whole_cpu = time.perf_counter() - started, time.process_time() - cpu

    # One more file: the next build signs its documents only.
    extra = OUT / "copies-extra"
    shutil.rmtree(extra, ignore_errors=True)
    extra.mkdir()
    (extra / "one.txt").write_text(texts[0] + "\n\nOne more line.\n", encoding="utf-8")
    build_files([extra], Settings(db=str(db), annotate=False))
    with closing(connect(db)) as connection:
        connection.execute(
            "DELETE FROM signatures WHERE doc = (SELECT max(rowid) FROM documents)"
        )
        started = time.perf_counter()
        again = link_copies(connection)
        incremental = time.perf_counter() - started

    record(
        {
            "benchmark": "copies",
            "corpus": label,
            "documents": len(texts),
            "text_mb": round(size, 1),
            "sign_mb_per_s": round(size / signing, 1),
            "link_copies_seconds": round(whole, 1),
            "link_copies_cpu_mb_per_s": round(size / whole_cpu, 1),
            "link_copies_wall_mb_per_s": round(size / whole, 1),
            "groups": report.groups,
            "copies": report.copies,
            "incremental_signed": again.signed,
            "incremental_seconds": round(incremental, 2),
        }
    )


if __name__ == "__main__":
    main()
