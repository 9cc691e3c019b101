"""Benchmark: hostile inputs at two sizes, to see each step's growth (issue 17).

    python bench/hostile_sizes.py [--scale 1 4] [--only NAME ...] [--annotate on]
        [--src SRC ...]

Each input is generated at its nominal size (about 1 MB, or the count the
issue names) times each scale, then built with the default engine, with
annotation on and with --no-annotate. Prints CPU seconds (user + system of
the build process) and its peak RSS, read with os.wait4 for that one child,
so a linear step grows about 4x between scales 1 and 4 and a quadratic one
about 16x. Appends a JSON line per build to bench/out/results.jsonl.

`--src` builds each input with the `dossier` package under each folder given
(another checkout's `src`), one after the other at each size: a before and
an after in one session, at the same load (issue 14 part 5).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record

MB = 1_000_000
SENTENCE = (
    "The supreme leader inspected the Kangdong Greenhouse Farm in Pyongyang "
    "and praised the workers for their devotion to the cause. "
)
WORDS = [
    "people",
    "army",
    "party",
    "congress",
    "plan",
    "farm",
    "factory",
    "worker",
    "steel",
    "rice",
    "grain",
    "province",
    "county",
    "city",
    "leader",
    "delegation",
    "friendship",
    "anniversary",
    "meeting",
]
STORY = (
    "Pyongyang, June {n} (KCNA) -- A delegation of the Korean Friendship "
    "Association led by its president arrived here on Tuesday. It was met at "
    "the airport by officials of the Ministry of Foreign Affairs. The visit "
    "marks the {n}th anniversary of the association. The delegation will tour "
    "the Mangyongdae native house and lay a floral basket at the statues on "
    "Mansu Hill. Officials said the visit would deepen mutual understanding "
    "between the peoples of the two countries.\n"
)


def repeated(size: int) -> str:
    """One sentence, again and again."""
    return SENTENCE * (size // len(SENTENCE))


def run_on(size: int) -> str:
    """One paragraph of words with no sentence end at all."""
    count = size // 8
    return " ".join(WORDS[(i * 7 + i // 13) % len(WORDS)] for i in range(count))


def digits_capitals(size: int) -> str:
    """Groups of digits and capitals, like a table dump with no prose."""
    groups = []
    total, i = 0, 0
    while total < size:
        group = f"{i * 7919 % 100000:05d} ABC{i % 97:02d}XZ"
        groups.append(group)
        total += len(group) + 1
        i += 1
    return " ".join(groups)


def write_inputs(name: str, scale: int, folder: Path) -> Path:
    """The input `name` at `scale`, written under `folder`; the path to build."""
    folder.mkdir(parents=True, exist_ok=True)
    size = MB * scale
    if name == "one_sentence":
        (folder / "a.txt").write_text(repeated(size), encoding="utf-8")
    elif name == "two_halves":
        text = repeated(size)
        half = len(text) // 2
        other = text[:half] + run_on(len(text) - half)
        (folder / "a.txt").write_text(text, encoding="utf-8")
        (folder / "b.txt").write_text(other, encoding="utf-8")
    elif name == "no_sentence_end":
        (folder / "a.txt").write_text(run_on(size), encoding="utf-8")
    elif name == "template_stories":
        lines = (
            json.dumps({"title": f"Delegation {n}", "text": STORY.format(n=n)})
            for n in range(2000 * scale)
        )
        (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif name == "one_line_records":
        lines = (
            json.dumps({"text": f"Item {n} noted."}) for n in range(50_000 * scale)
        )
        (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif name == "digits_capitals":
        (folder / "a.txt").write_text(digits_capitals(size), encoding="utf-8")
    elif name == "tiny_paragraphs":
        body = "".join(
            f"<p>Item {n}: rice {n % 89} t.</p>\n" for n in range(5000 * scale)
        )
        page = f"<html><head><title>Notes</title></head><body>{body}</body></html>"
        (folder / "a.html").write_text(page, encoding="utf-8")
    else:
        raise SystemExit(f"unknown input {name}")
    return folder


INPUTS: tuple[str, ...] = (
    "one_sentence",
    "two_halves",
    "no_sentence_end",
    "template_stories",
    "one_line_records",
    "digits_capitals",
    "tiny_paragraphs",
)


def build(
    path: Path, db: Path, annotate: bool, timeout: float, src: str | None = None
) -> dict[str, float]:
    """CPU seconds and peak RSS (MB) of one `dossier build` process, with the
    package under `src` when given."""
    command = [
        str(Path(sys.executable).with_name("dossier")),
        "build",
        str(path),
        "--db",
        str(db),
        "--json",
        "--annotate" if annotate else "--no-annotate",
    ]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=src) if src else None
    child = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )
    # wait4 gives this one child's usage; RUSAGE_CHILDREN's maxrss is the
    # largest over all children so far, which would hide a smaller later one.
    # A step that hangs is stopped at `timeout` and reported as such.
    timer = threading.Timer(timeout, child.kill)
    timer.start()
    _, status, usage = os.wait4(child.pid, 0)
    timer.cancel()
    seconds = time.perf_counter() - started
    stderr = child.stderr.read() if child.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, -9):
        sys.exit(f"build of {path} failed: {stderr.strip()[-2000:]}")
    return {
        "killed_at_timeout": code == -9,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "load": round(load, 1),
    }


def size_of(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir()) / MB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--only", nargs="+", choices=INPUTS, default=list(INPUTS))
    parser.add_argument("--annotate", choices=("both", "on", "off"), default="both")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds")
    parser.add_argument(
        "--src", nargs="+", default=[None], help="package folders to build with"
    )
    args = parser.parse_args()
    modes = {"both": (True, False), "on": (True,), "off": (False,)}[args.annotate]
    with tempfile.TemporaryDirectory(prefix="hostile") as scratch:
        for name in args.only:
            for scale in args.scale:
                folder = write_inputs(name, scale, Path(scratch) / f"{name}_{scale}")
                for annotate in modes:
                    for n, src in enumerate(args.src):
                        db = Path(scratch) / f"{name}_{scale}_{annotate}_{n}.db"
                        figures = build(folder, db, annotate, args.timeout, src)
                        record(
                            {
                                "benchmark": "hostile_sizes",
                                "input": name,
                                "scale": scale,
                                "mb": round(size_of(folder), 2),
                                "annotate": annotate,
                                **({"src": src} if src else {}),
                                **figures,
                            }
                        )


if __name__ == "__main__":
    main()
