"""Benchmark: what adding 1% of documents to a built dossier costs (issue 15 part 6).

    python bench/incremental_speed.py [--mb 41] [--share 0.01] [--engine local]
    python bench/incremental_speed.py --kcna      # kcna-2024: 99% first, then 1%

Builds a generated corpus (about 450 documents a MB: 41 MB is about 19,000
stories) into a new dossier and times it; then builds it again with `share`
of its document count added as new generated wire stories (another seed, one
JSONL file) and times that (`--keep-db`: the added build only, against the
last recorded full build). Also times the entity link alone in both builds (every key at
first, the keys the new stories touch after) and counts the mentions it read.
Wall and CPU seconds of this process (the local engine runs in it). With
`--kcna`, kcna-2024's stories (many more distinct names than the generated
corpus) in two JSONL files: all but the last `share`, then those.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from results import OUT, generated, record

from dossier.link import entities as entity_link
from dossier.present.cli import build as build_module
from dossier.present.cli.build import build_files
from dossier.settings import Settings
from dossier.store import connect
from dossier.store.forget import forget

KCNA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "kcna-2024"

_timings: list[dict[str, float]] = []


def _timed_link(connection: Any, **options: Any) -> int:
    """`link_entities`, timed, with the keys and mentions it had to read."""
    stale = connection.execute("SELECT count(*) FROM entity_stale").fetchone()[0]
    read = connection.execute(
        "SELECT count(*) FROM mentions WHERE key IN (SELECT key FROM entity_stale)"
    ).fetchone()[0]
    wall, cpu = time.perf_counter(), time.process_time()
    count = entity_link.link_entities(connection, **options)
    _timings.append(
        {
            "wall": time.perf_counter() - wall,
            "cpu": time.process_time() - cpu,
            "stale_keys": stale,
            "mentions_of_stale_keys": read,
        }
    )
    return count


def _build(paths: list[Path], db: Path, engine: str) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    build_files(paths, Settings(db=str(db), engine=engine))
    return time.perf_counter() - wall, time.process_time() - cpu


def _kcna_split(share: float) -> tuple[Path, Path]:
    """kcna-2024 as two JSONL files: all but the last `share`, then those."""
    lines = (KCNA / "kcna-2024.jsonl").read_text(encoding="utf-8").splitlines()
    cut = len(lines) - max(1, round(len(lines) * share))
    folder = OUT / "kcna_split"
    (folder / "first").mkdir(parents=True, exist_ok=True)
    (folder / "added").mkdir(parents=True, exist_ok=True)
    first, added = folder / "first" / "kcna.jsonl", folder / "added" / "kcna.jsonl"
    first.write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    added.write_text("\n".join(lines[cut:]) + "\n", encoding="utf-8")
    return first, added


def _wire_stories(count: int) -> Path:
    """A JSONL file of `count` new generated wire stories (another seed)."""
    source = OUT / "extra_source"
    if not source.exists():
        generate(source, 2.0, seed=8)
    lines = [
        line
        for shard in sorted(source.glob("*.jsonl"))
        for line in shard.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    folder = OUT / f"extra_{count}"
    folder.mkdir(exist_ok=True)
    (folder / "stories.jsonl").write_text(
        "\n".join(lines[:count]) + "\n", encoding="utf-8"
    )
    return folder


def _last_full(args: argparse.Namespace) -> tuple[float, float]:
    """The full build's wall and CPU seconds the last run of this corpus recorded."""
    label = "kcna-2024" if args.kcna else f"generated {args.mb:g} MB"
    runs = [
        json.loads(line)
        for line in (OUT / "results.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    last = [r for r in runs if r.get("bench") == "incremental_speed"]
    last = [r for r in last if r.get("corpus") == label]
    if not last:
        raise SystemExit(f"no recorded full build of {label}: run without --keep-db")
    return last[-1]["full_build_wall_s"], last[-1]["full_build_cpu_s"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=41.0, help="corpus size in MB")
    parser.add_argument("--share", type=float, default=0.01, help="added share")
    parser.add_argument("--engine", default="local", help="local or pool")
    parser.add_argument("--kcna", action="store_true", help="kcna-2024 instead")
    parser.add_argument(
        "--keep-db",
        action="store_true",
        help="reuse the last run's full build (its recorded time) and time the"
        " added build only",
    )
    args = parser.parse_args()
    if args.kcna:
        corpus, extra = _kcna_split(args.share)
    else:
        corpus = generated(args.mb)
    db = OUT / ("incremental_kcna.db" if args.kcna else "incremental.db")
    build_module.link_entities = _timed_link  # type: ignore[assignment]
    if args.keep_db and db.exists():
        # The full build as the last run recorded it; what was added since goes.
        full = _last_full(args)
        with closing(connect(db)) as connection:
            stored = [r[0] for r in connection.execute("SELECT path FROM files")]
            forget(connection, [p for p in stored if not p.startswith(str(corpus))])
        _build([corpus], db, args.engine)
        _timings.clear()
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        full = _build([corpus], db, args.engine)
    with closing(connect(db)) as connection:
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        mentions = connection.execute("SELECT count(*) FROM mentions").fetchone()[0]
        keys = connection.execute("SELECT count(*) FROM entity_keys").fetchone()[0]
    if not args.kcna:
        extra = _wire_stories(round(documents * args.share))
    added = _build([corpus, extra], db, args.engine)
    with closing(connect(db)) as connection:
        after = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    record(
        {
            "bench": "incremental_speed",
            "corpus": "kcna-2024" if args.kcna else f"generated {args.mb:g} MB",
            "engine": args.engine,
            "documents": documents,
            "added_documents": after - documents,
            "mentions": mentions,
            "keys": keys,
            "full_build_wall_s": round(full[0], 1),
            "full_build_cpu_s": round(full[1], 1),
            "added_build_wall_s": round(added[0], 2),
            "added_build_cpu_s": round(added[1], 2),
            "added_share_of_full_wall": round(added[0] / full[0], 4),
            "entity_link_full": _timings[0],
            "entity_link_added": _timings[-1],
        }
    )


if __name__ == "__main__":
    main()
