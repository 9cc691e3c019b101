"""Latency of every listing and search (a) at 100,000 documents and (b) with
one 10 MB document stored (#14 part 6, #17).

    python bench/query_speed.py [--documents 100000] [--big-mb 10] [--rounds 10]
                                [--seed-db PATH] [--only big --big-db PATH]

The seed is a real build of ../shared/corpus/kcna-2024 + seeds (or
`--seed-db`, a dossier built from them). (a) copies its rows, every
annotation with them, until the database holds `--documents` documents, then
indexes the copies for search; (b) adds to the seed one document of
`--big-mb` MB: the seed's texts end to end, each with its annotations moved
along. Each command runs as users run it (a new process: start-up counts),
`--rounds` times, as a table and with --json; `search` is also timed in
process over many words. Prints p50/p95 per command and writes
bench/out/query_speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CORPUS = ROOT.parent / "shared" / "corpus"
COMMAND = "from dossier.present.cli.app import main; main()"
# A command still running after this is stopped and reported as such.
GIVE_UP_SECONDS = 60

# Listings as a user pages them; `{doc}` is a document id of the database.
COMMANDS: list[list[str]] = [
    ["docs", "--limit", "100"],
    ["docs", "--limit", "100", "--offset", "50000"],
    ["search", "Korea"],
    ["search", "cheered"],
    ["search", "Kim Jong Un"],
    ["entities", "--limit", "100"],
    ["timeline", "--limit", "100"],
    ["claims", "--limit", "100"],
    ["claims", "--conflicts", "--limit", "100"],
    ["quotes", "--limit", "100"],
    ["citations", "--limit", "100"],
    ["reuse", "--limit", "100"],
    ["show", "{doc}"],
    # One document's rows: with (b), the 10 MB document's.
    ["timeline", "--doc", "{doc}", "--limit", "100"],
    ["claims", "--doc", "{doc}", "--limit", "100"],
    ["quotes", "--doc", "{doc}", "--limit", "100"],
]
WORDS = [
    *("Korea", "Pyongyang", "Kim", "party", "people", "cheered", "delegation"),
    *("anniversary", "socialist", "army", "leader", "congratulatory", "Juche"),
    *("imperialists", "sanctions", "missile", "ceremony", "friendship", "Russia"),
    *("China", "construction", "Jong", "Un", "farm", "factory", "youth"),
]
# Tables whose rows belong to one document (column `doc`) or source.
BY_DOCUMENT = ("mentions", "times", "figures", "quotes", "citations")
BY_SOURCE = ("removed", "locators")


def _build_seed(path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    paths = [str(CORPUS / "kcna-2024"), str(CORPUS / "seeds")]
    subprocess.run(
        [sys.executable, "-c", COMMAND, "build", *paths, "--db", str(path)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def _copy_rows(
    connection: sqlite3.Connection, table: str, changed: dict[str, str], where: str = ""
) -> None:
    columns = _columns(connection, table)
    if table == "documents" and "rowid" not in columns:
        columns = ["rowid", *columns]
    values = [changed.get(column, column) for column in columns]
    connection.execute(
        f"INSERT INTO {table} ({', '.join(columns)})"
        f" SELECT {', '.join(values)} FROM {table} {where}"
    )


def scale(seed: Path, target: Path, documents: int) -> int:
    """Copy `seed` to `target` and its rows until it holds `documents`."""
    # The copied mentions counted as the writer counts them (schema 16).
    sys.path.insert(0, str(ROOT / "src"))
    from dossier.store.mention_counts import count_mentions, last_mention

    shutil.copy(seed, target)
    with closing(sqlite3.connect(target, isolation_level=None)) as connection:
        have, last_doc = connection.execute(
            "SELECT count(*), max(rowid) FROM documents"
        ).fetchone()
        last_source = connection.execute("SELECT max(id) FROM sources").fetchone()[0]
        copies = -(-documents // have) - 1
        connection.execute("BEGIN")
        first_mention = last_mention(connection)
        for k in range(1, copies + 1):
            doc, source = k * last_doc, k * last_source
            # A copy's id: the seed's and the copy number in three hex
            # digits, so ids stay hex (prefixes work) and distinct.
            new_id = f"id || printf('%03x', {k})"
            limit = f"WHERE rowid <= {last_doc}"
            _copy_rows(
                connection,
                "files",
                {"path": f"path || '#{k}'"},
                "WHERE path NOT LIKE '%#%'",
            )
            _copy_rows(
                connection,
                "sources",
                {"id": f"id + {source}", "path": f"path || '#{k}'"},
                f"WHERE id <= {last_source}",
            )
            _copy_rows(
                connection,
                "documents",
                {
                    "rowid": f"rowid + {doc}",
                    "id": new_id,
                    "source_id": f"source_id + {source}",
                    "copy_of": f"copy_of || printf('%03x', {k})",
                    "copy_group": f"copy_group || printf('%03x', {k})",
                },
                limit,
            )
            for table in BY_DOCUMENT:
                _copy_rows(
                    connection,
                    table,
                    {"doc": f"doc + {doc}"},
                    f"WHERE doc <= {last_doc}",
                )
            for table in BY_SOURCE:
                _copy_rows(
                    connection,
                    table,
                    {"source_id": f"source_id + {source}"},
                    f"WHERE source_id <= {last_source}",
                )
            _copy_rows(
                connection,
                "reuses",
                {"a": f"a + {doc}", "b": f"b + {doc}"},
                f"WHERE a <= {last_doc}",
            )
        connection.execute(
            "INSERT INTO documents_fts(rowid, title, text) SELECT rowid,"
            f" coalesce(title, ''), text FROM documents WHERE rowid > {last_doc}"
        )
        count_mentions(connection, after=first_mention)
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
        return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])


def add_big_document(seed: Path, target: Path, megabytes: float) -> str:
    """Copy `seed` to `target` and add one document of `megabytes` MB: the
    seed's texts end to end, each text's annotations moved along with it."""
    sys.path.insert(0, str(ROOT / "src"))
    from dossier.offsets import OffsetMap
    from dossier.store.mention_counts import count_mentions, last_mention

    shutil.copy(seed, target)
    with closing(sqlite3.connect(target, isolation_level=None)) as connection:
        texts = connection.execute(
            "SELECT rowid, text FROM documents ORDER BY rowid"
        ).fetchall()
        layout: list[tuple[int, int]] = []
        pieces: list[str] = []
        length = 0
        while length < megabytes * 1_000_000:
            for rowid, text in texts:
                layout.append((rowid, length))
                pieces.append(text)
                length += len(text) + 2
                pieces.append("\n\n")
        big = "".join(pieces)
        rowid = connection.execute("SELECT max(rowid) + 1 FROM documents").fetchone()[0]
        source = connection.execute("SELECT max(id) + 1 FROM sources").fetchone()[0]
        doc_id = "b19" + "0" * 13
        connection.execute("BEGIN")
        first_mention = last_mention(connection)
        connection.execute(
            "INSERT INTO files (path, sha256, size, built_at) VALUES"
            " ('big-document.txt', '0', ?, '2026-12-06')",
            (len(big),),
        )
        connection.execute(
            "INSERT INTO sources (id, path, part, sha256, encoding, raw, repairs,"
            " counts) VALUES (?, 'big-document.txt', 0, '0', 'utf-8', ?, '[]', '{}')",
            (source, big),
        )
        connection.execute(
            "INSERT INTO documents (rowid, id, source_id, ordinal, kind, title, text,"
            " offsets, raw_start, raw_end, chars) VALUES"
            " (?, ?, ?, 0, 'article', 'One big document', ?, ?, 0, ?, ?)",
            (
                rowid,
                doc_id,
                source,
                big,
                OffsetMap.identity(len(big)).to_bytes(),
                len(big),
                len(big),
            ),
        )
        connection.execute("CREATE TEMP TABLE layout (doc INTEGER, shift INTEGER)")
        connection.executemany("INSERT INTO layout VALUES (?, ?)", layout)
        shifted = {
            "mentions": ("start", "end"),
            "times": ("start", "end", "sentence_start", "sentence_end"),
            "figures": ("start", "end", "sentence_start", "sentence_end"),
            "quotes": (
                "start",
                "end",
                "speaker_start",
                "speaker_end",
                "cue_start",
                "cue_end",
            ),
        }
        for table, spans in shifted.items():
            columns = _columns(connection, table)
            values = [
                str(rowid)
                if c == "doc"
                else f"t.{c} + l.shift"
                if c in spans
                else f"t.{c}"
                for c in columns
            ]
            connection.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)}"
                f" FROM {table} t JOIN layout l ON l.doc = t.doc"
            )
        connection.execute(
            "INSERT INTO documents_fts(rowid, title, text)"
            " VALUES (?, 'One big document', ?)",
            (rowid, big),
        )
        count_mentions(connection, after=first_mention)
        connection.execute("COMMIT")
    return doc_id


def _run(db: Path, command: list[str], *, as_json: bool) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one command."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", COMMAND, *command, "--db", str(db)]
            + (["--json"] if as_json else []),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
            timeout=GIVE_UP_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return float("inf"), float("inf")  # reported as over GIVE_UP_SECONDS
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{command}: {done.stderr.decode()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu


def _chosen(command: list[str], only: str) -> bool:
    """Whether `command` holds one of the comma-separated parts of `only`."""
    line = " ".join(command)
    return any(part in line for part in only.split(","))


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(db: Path, doc: str, rounds: int, only: str = "") -> list[dict[str, object]]:
    rows = []
    for command in COMMANDS:
        if not _chosen(command, only):
            continue
        filled = [part.replace("{doc}", doc) for part in command]
        for as_json in (False, True):
            runs = [_run(db, filled, as_json=as_json) for _ in range(rounds)]
            times = [wall for wall, _ in runs]
            cpu = [used for _, used in runs]
            row = {
                "command": " ".join(filled) + (" --json" if as_json else ""),
                "p50": round(statistics.median(times), 3),
                "p95": round(_p(times, 0.95), 3),
                "cpu_p95": round(_p(cpu, 0.95), 3),
            }
            print(
                f"  {row['command']:<55} p50 {row['p50']:6.3f}  p95 {row['p95']:6.3f}",
                flush=True,
            )
            rows.append(row)
    return rows


def measure_in_process(
    db: Path, doc: str, rounds: int, only: str = ""
) -> list[dict[str, object]]:
    """Every command as `measure` runs it, but called in this process (the
    CLI's app, output thrown away), so start-up is left out: what the
    query itself costs. Wall and CPU seconds, the load average at the start."""
    import contextlib

    sys.path.insert(0, str(ROOT / "src"))
    from dossier.present.cli.app import app

    rows = []
    for command in COMMANDS:
        if not _chosen(command, only):
            continue
        filled = [part.replace("{doc}", doc) for part in command]
        for as_json in (False, True):
            argv = [*filled, "--db", str(db), *(["--json"] if as_json else [])]
            load = os.getloadavg()[0]
            times, cpu = [], []
            for _ in range(rounds):
                started, used = time.perf_counter(), time.process_time()
                # To /dev/null, as to a pipe: a StringIO would gather and copy
                # the 45 MB of `show --json` of the 10 MB document.
                with (
                    open(os.devnull, "w") as null,
                    contextlib.redirect_stdout(null),
                    contextlib.suppress(SystemExit),
                ):
                    app(argv, standalone_mode=False)
                    null.flush()
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - used)
            row = {
                "command": " ".join(filled) + (" --json" if as_json else ""),
                "p50": round(statistics.median(times), 3),
                "p95": round(_p(times, 0.95), 3),
                "cpu_p50": round(statistics.median(cpu), 3),
                "cpu_p95": round(_p(cpu, 0.95), 3),
                "load": round(load, 1),
            }
            print(
                f"  {row['command']:<50} p50 {row['p50']:6.3f}  p95 {row['p95']:6.3f}"
                f"  cpu p95 {row['cpu_p95']:6.3f}  load {row['load']}",
                flush=True,
            )
            rows.append(row)
    return rows


def search_in_process(db: Path, rounds: int) -> dict[str, float]:
    """`search` as the library runs it (no process start), over many words:
    wall and CPU seconds."""
    sys.path.insert(0, str(ROOT / "src"))
    from dossier.store import connect
    from dossier.store.queries import search

    times, cpu = [], []
    with closing(connect(db, create=False)) as connection:
        for _ in range(rounds):
            for word in WORDS:
                started, used = time.perf_counter(), time.process_time()
                search(connection, word)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - used)
    return {
        "queries": len(times),
        "p50": round(statistics.median(times), 4),
        "p95": round(_p(times, 0.95), 4),
        "cpu_p50": round(statistics.median(cpu), 4),
        "cpu_p95": round(_p(cpu, 0.95), 4),
        "load": round(os.getloadavg()[0], 1),
    }


def startup(db: Path, rounds: int) -> dict[str, float]:
    """`dossier docs --limit 1 --json`: what starting a query command costs."""
    runs = [_run(db, ["docs", "--limit", "1"], as_json=True) for _ in range(rounds)]
    times = [wall for wall, _ in runs]
    cpu = [used for _, used in runs]
    return {
        "p50": round(statistics.median(times), 3),
        "p95": round(_p(times, 0.95), 3),
        "cpu_p95": round(_p(cpu, 0.95), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--big-mb", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed-db", type=Path)
    parser.add_argument(
        "--big-db",
        type=Path,
        help="With --only big: measure this dossier, holding the big document"
        " already (query_big.db of an earlier run), instead of making one.",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="Keep databases made by a last run."
    )
    parser.add_argument(
        "--only", choices=["many", "big"], help="Measure one of the two only."
    )
    parser.add_argument(
        "--commands",
        default="",
        help="Only commands whose line contains one of these (comma-separated).",
    )
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="Call each command in this process: start-up left out.",
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    seed = args.seed_db or OUT / "query_seed.db"
    if not seed.exists() and not (args.only == "big" and args.big_db):
        _build_seed(seed)
    results: dict[str, object] = {"benchmark": "query_speed", "rounds": args.rounds}

    if args.only == "big":
        _measure_big(seed, args, results)
        return
    many = OUT / "query_many.db"
    started = time.monotonic()
    if args.reuse and many.exists():
        with closing(sqlite3.connect(many)) as connection:
            count = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    else:
        count = scale(seed, many, args.documents)
    print(f"(a) {count:,} documents, made in {time.monotonic() - started:.0f} s")
    with closing(sqlite3.connect(many)) as connection:
        middle = connection.execute(
            "SELECT id FROM documents ORDER BY rowid LIMIT 1 OFFSET ?", (count // 2,)
        ).fetchone()[0]
    timed = measure_in_process if args.in_process else measure
    results["many"] = {
        "documents": count,
        "in_process": args.in_process,
        "search_in_process": search_in_process(many, max(1, args.rounds // 2)),
        "commands": timed(many, middle, args.rounds, args.commands),
    }
    if not args.in_process:
        results["many"]["startup"] = startup(many, args.rounds)  # type: ignore[index]
        print(f"  start-up {results['many']['startup']}")  # type: ignore[index]
    print(f"  search in process {results['many']['search_in_process']}")  # type: ignore[index]

    if args.only != "many":
        _measure_big(seed, args, results)
    else:
        (OUT / "query_speed.json").write_text(json.dumps(results, indent=1))


def _measure_big(
    seed: Path, args: argparse.Namespace, results: dict[str, object]
) -> None:
    if args.big_db:
        # A dossier made by an earlier run: its longest document is the big one.
        big = args.big_db
        with closing(sqlite3.connect(big)) as connection:
            doc = connection.execute(
                "SELECT id FROM documents ORDER BY chars DESC LIMIT 1"
            ).fetchone()[0]
    else:
        big = OUT / "query_big.db"
        doc = add_big_document(seed, big, args.big_mb)
    print(f"(b) one {args.big_mb:g} MB document ({doc}) beside the seed")
    timed = measure_in_process if args.in_process else measure
    results["big"] = {
        "megabytes": args.big_mb,
        "in_process": args.in_process,
        "search_in_process": search_in_process(big, max(1, args.rounds // 2)),
        "commands": timed(big, doc, args.rounds, args.commands),
    }
    print(f"  search in process {results['big']['search_in_process']}")  # type: ignore[index]
    (OUT / "query_speed.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
