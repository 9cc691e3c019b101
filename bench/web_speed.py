"""Benchmark: `dossier serve` under a loopback load (issue 16).

    python bench/web_speed.py [--mb 20] [--requests 200]
    python bench/web_speed.py --db some.db       # an existing dossier
    python bench/web_speed.py --mb 20 --times 8  # its documents stored 8 times

Builds the generated corpus (annotated, pool engine; not timed), starts
`dossier serve` in its own process, then requests, one at a time from this
process over loopback, the search page and the API's search (the same
words drawn from the documents' titles), document pages (random documents)
and entity pages (entities drawn from every rank of the list), and prints
p50/p95 of each in milliseconds.
`--times N` stores every document of the built corpus N times over, under
new ids with all their annotations, and indexes them again: a dossier N
times the size without N times the build (each posting list N times as
long; words no more varied). Targets at 100,000 documents: search p95
< 50 ms, document p95 < 100 ms, entity < 200 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import OUT, generated, record

from dossier.present.cli.build import build_files
from dossier.settings import Settings
from dossier.store import connect
from dossier.store.mention_counts import count_mentions, last_mention

SRC = Path(__file__).resolve().parent.parent / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB")
    parser.add_argument("--db", help="an existing dossier instead of building one")
    parser.add_argument("--requests", type=int, default=200, help="per page kind")
    parser.add_argument(
        "--times", type=int, default=1, help="store each document this many times"
    )
    args = parser.parse_args()
    if args.db:
        db = Path(args.db)
        label = db.name
    else:
        db = OUT / f"web_{args.mb:g}mb.db"
        label = f"generated {args.mb:g} MB"
        if not db.exists():
            build_files([generated(args.mb)], Settings(db=str(db), engine="pool"))
    if args.times > 1:
        grown = OUT / f"{db.stem}_x{args.times}.db"
        if not grown.exists():
            with closing(sqlite3.connect(db)) as connection:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copy(db, grown)
            replicate(grown, args.times)
        db, label = grown, f"{label} x{args.times}"
    rng = random.Random(16)
    with closing(connect(db, create=False)) as connection:
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        ids = [row[0] for row in connection.execute("SELECT id FROM documents")]
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM entities ORDER BY mentions DESC"
            )
        ]
        titles = [
            row[0]
            for row in connection.execute(
                "SELECT title FROM documents WHERE title IS NOT NULL"
            )
        ]
    words = [w for t in titles for w in t.split() if w.isalpha() and len(w) > 3]
    queries = [
        " ".join(rng.sample(words, rng.randint(1, 2))) for _ in range(args.requests)
    ]
    pages = {
        "search": ["/?" + urllib.parse.urlencode({"q": q}) for q in queries],
        "api_search": [
            "/api/search?" + urllib.parse.urlencode({"q": q}) for q in queries
        ],
        "document": [f"/doc/{rng.choice(ids)}" for _ in range(args.requests)],
        # Every rank: the most named entity and the long tail alike.
        "entity": [
            "/entity/"
            + urllib.parse.quote(names[int(len(names) * rng.random() ** 3)], safe="")
            for _ in range(args.requests)
        ],
    }
    port = _free_port()
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    command = "from dossier.present.cli.app import main; main()"
    with subprocess.Popen(
        [sys.executable, "-c", command, "serve", "--db", str(db), "--port", str(port)],
        env=environment,
    ) as server:
        try:
            base = f"http://127.0.0.1:{port}"
            _wait(base, server)
            result: dict[str, object] = {
                "bench": "web_speed",
                "load": round(os.getloadavg()[0], 1),
                "corpus": label,
                "documents": documents,
                "entities": len(names),
                "requests": args.requests,
            }
            for kind, paths in pages.items():
                for path in paths[:10]:  # warm the page cache and the pool
                    _get(base + path)
                used = _cpu_seconds(server.pid)
                times = [_get(base + path) for path in paths]
                used = _cpu_seconds(server.pid) - used
                # The server's CPU per request: what the page costs whatever
                # else the machine runs (wall times grow with its load).
                result[f"{kind}_server_cpu_ms"] = round(1000 * used / len(paths), 1)
                cuts = statistics.quantiles(times, n=20)
                result[f"{kind}_p50_ms"] = round(statistics.median(times), 1)
                result[f"{kind}_p95_ms"] = round(cuts[18], 1)
                result[f"{kind}_max_ms"] = round(max(times), 1)
        finally:
            server.terminate()
    record(result)


# Annotation tables keyed by the document's rowid, copied with it.
ANNOTATIONS = ("mentions", "times", "figures", "quotes", "citations")


def replicate(db: Path, times: int) -> None:
    """Store every document `times` times: copies under new ids (content
    addresses are not needed here), annotations and search index with them."""
    with closing(sqlite3.connect(db, isolation_level=None)) as connection:
        connection.execute("BEGIN")
        first_mention = last_mention(connection)
        top = connection.execute("SELECT max(rowid) FROM documents").fetchone()[0]
        columns = [row[1] for row in connection.execute("PRAGMA table_info(documents)")]
        copied = ", ".join(
            "printf('%012x', abs(random()) % 281474976710656)"
            if name == "id"
            else "NULL"
            if name in ("copy_of", "copy_group")
            else f"rowid + ? * {top}"
            if name == "rowid"
            else name
            for name in columns
        )
        for k in range(1, times):
            connection.execute(
                f"INSERT INTO documents ({', '.join(columns)}) SELECT {copied}"
                " FROM documents WHERE rowid <= ?",
                (k, top),
            )
            for table in ANNOTATIONS:
                names = [
                    r[1] for r in connection.execute(f"PRAGMA table_info({table})")
                ]
                values = ", ".join("doc + ?" if n == "doc" else n for n in names)
                connection.execute(
                    f"INSERT INTO {table} ({', '.join(names)}) SELECT {values}"
                    f" FROM {table} WHERE doc <= ?",
                    (k * top, top),
                )
        connection.execute(
            "INSERT INTO documents_fts(rowid, title, text) SELECT rowid,"
            " coalesce(title, ''), text FROM documents WHERE rowid > ?",
            (top,),
        )
        connection.execute(
            "UPDATE entities SET mentions = mentions * ?, documents = documents * ?",
            (times, times),
        )
        count_mentions(connection, after=first_mention)
        connection.execute("COMMIT")


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds process `pid` has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _get(url: str) -> float:
    """Milliseconds to fetch `url` whole; any status but 200 is an error."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url}: {response.status}")
    return (time.perf_counter() - started) * 1000


def _wait(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(base + "/api/documents?limit=1")
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("dossier serve did not start") from None
            time.sleep(0.2)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


if __name__ == "__main__":
    main()
