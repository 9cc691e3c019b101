"""Benchmark: the reuse step of `link` (sign passages, find candidates, align).

    python bench/reuse_speed.py [--mb 20]     # generated corpus
    python bench/reuse_speed.py --kcna         # kcna-2024 from ../shared
    python bench/reuse_speed.py --kcna --partners   # the STOCK_PARTNERS evidence

Builds the corpus without annotation (copies grouped; not timed), then times,
on one core and in MB/s of all documents' clean text: the whole step from
empty reuse tables (`link.reuse.link_reuse`, as the first build runs it), and
the step again after one more file quoting a stored document (what an
incremental build pays). `--partners` prints, for the passages stored, how
many documents overlapping spans of each side align with, with examples.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import time
from collections import Counter, defaultdict
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import OUT, generated, record

from dossier.link.reuse import link_reuse
from dossier.present.cli.build import build_files
from dossier.settings import Settings
from dossier.store import connect
from dossier.store.reuses import reuse_pairs

KCNA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "kcna-2024"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB")
    parser.add_argument(
        "--kcna", action="store_true", help="kcna-2024 in ../shared/corpus instead"
    )
    parser.add_argument(
        "--partners", action="store_true", help="print the stock-passage evidence"
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
    db = OUT / "reuse.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    build_files(paths, Settings(db=str(db), annotate=False))

    with closing(connect(db)) as connection:
        texts = [row[0] for row in connection.execute("SELECT text FROM documents")]
        independent = connection.execute(
            "SELECT count(*) FROM documents WHERE kind = 'article' AND copy_of IS NULL"
        ).fetchone()[0]
        size = sum(len(text.encode()) for text in texts) / 1e6
        connection.executescript(
            "DELETE FROM reuses; DELETE FROM reuse_bands; DELETE FROM reuse_signed;"
        )
        started, cpu = time.perf_counter(), time.process_time()
        report = link_reuse(connection)
        whole, whole_cpu = time.perf_counter() - started, time.process_time() - cpu
        listed = len(reuse_pairs(connection))
        if args.partners:
            partners(connection)
        rows = connection.execute("SELECT count(*) FROM reuse_bands").fetchone()[0]

    # One more file quoting a stored document: the next build signs it only.
    extra = OUT / "reuse-extra"
    shutil.rmtree(extra, ignore_errors=True)
    extra.mkdir()
    quoted = max(texts, key=len)[:2000]
    (extra / "one.txt").write_text(
        "A reader's note on an old story.\n\n" + quoted + "\n\nSo it was.\n",
        encoding="utf-8",
    )
    build_files([extra], Settings(db=str(db), annotate=False))
    with closing(connect(db)) as connection:
        connection.execute(
            "DELETE FROM reuse_signed WHERE doc = (SELECT max(rowid) FROM documents)"
        )
        started = time.perf_counter()
        again = link_reuse(connection)
        incremental = time.perf_counter() - started

    record(
        {
            "benchmark": "reuse",
            "corpus": label,
            "documents": len(texts),
            "independent_articles": independent,
            "text_mb": round(size, 1),
            "link_reuse_seconds": round(whole, 1),
            "link_reuse_cpu_mb_per_s": round(size / whole_cpu, 2),
            "link_reuse_wall_mb_per_s": round(size / whole, 2),
            "band_rows": rows,
            "passages_stored": report.pairs,
            "passages_listed": listed,
            "incremental_signed": again.signed,
            "incremental_seconds": round(incremental, 2),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        }
    )


def partners(connection: object) -> None:
    """How many documents each stored passage's spans align with (the larger
    of its two sides), over passages of 40 words or more, with examples."""
    rows = connection.execute(  # type: ignore[attr-defined]
        "SELECT a, b, a_start, a_end, b_start, b_end, words FROM reuses"
    ).fetchall()
    sides: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for a, b, a_start, a_end, b_start, b_end, _ in rows:
        sides[a].append((a_start, a_end, b))
        sides[b].append((b_start, b_end, a))

    def count(doc: int, start: int, end: int) -> int:
        return len({o for s, e, o in sides[doc] if s < end and start < e})

    histogram: Counter[int] = Counter()
    example: dict[int, tuple[int, int, int]] = {}
    for a, b, a_start, a_end, b_start, b_end, _ in rows:
        n = max(count(a, a_start, a_end), count(b, b_start, b_end))
        histogram[n] += 1
        example.setdefault(n, (a, a_start, a_end))
    print("partners: passages", sorted(histogram.items()))
    for n, (doc, start, end) in sorted(example.items()):
        (text,) = connection.execute(  # type: ignore[attr-defined]
            "SELECT substr(text, ?, ?) FROM documents WHERE rowid = ?",
            (start + 1, min(end - start, 120), doc),
        ).fetchone()
        print(f"{n:3}  {' '.join(text.split())}")


if __name__ == "__main__":
    main()
