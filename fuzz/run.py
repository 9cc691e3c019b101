"""Time-boxed fuzzing of every per-file stage with atheris (`make fuzz`, #17).

    python fuzz/run.py [--seconds 60] [TARGET ...]

Each target of fuzz/targets.py runs in its own process under libFuzzer for
`--seconds`, on inputs up to 100 KB (`-max_len`), with `-timeout=1`: an input
that takes over a second is reported as a hang, which is the issue's bound
(no hang over 1 s per 100 KB). A crash or hang leaves its input in
`fuzz/out/TARGET/` (git ignores it) for a test to be written from. The exit
code is the number of targets that failed.

Seeds: the bundled examples, so the fuzzer starts from real documents.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# libFuzzer's -max_len: the size the hang bound is stated for.
MAX_LEN = 100_000
# libFuzzer's -timeout, whole seconds: one input of up to MAX_LEN bytes.
HANG_SECONDS = 1

# The child warms its target on the seeds first: loading word lists and
# compiling the pack on the first input is start-up, not a hang.
_CHILD = """
import sys
from pathlib import Path
import atheris
sys.path.insert(0, {here!r})
with atheris.instrument_imports(include=["dossier"]):
    import targets
target = targets.TARGETS[{name!r}]
for seed in sorted(Path({corpus!r}).iterdir())[:20]:
    target(seed.read_bytes())
atheris.Setup(sys.argv, target)
atheris.Fuzz()
"""


def run(name: str, seconds: int) -> int:
    out = HERE / "out" / name
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for seed in (ROOT / "examples").iterdir():
        if seed.is_file() and not (corpus / seed.name).exists():
            (corpus / seed.name).write_bytes(seed.read_bytes()[:MAX_LEN])
    command = [
        sys.executable,
        "-c",
        _CHILD.format(here=str(HERE), name=name, corpus=str(corpus)),
        f"-max_total_time={seconds}",
        f"-timeout={HANG_SECONDS}",
        f"-max_len={MAX_LEN}",
        f"-artifact_prefix={out}/",
        "-print_final_stats=1",
        str(corpus),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    took = time.monotonic() - started
    runs = next(
        (
            line.split(":")[-1].strip()
            for line in done.stderr.splitlines()
            if line.startswith("stat::number_of_executed_units")
        ),
        "?",
    )
    verdict = "ok" if done.returncode == 0 else f"FAILED (exit {done.returncode})"
    print(f"{name:<10} {verdict:<18} {runs:>8} inputs in {took:5.1f} s")
    if done.returncode != 0:
        (out / "log.txt").write_text(done.stderr)
        print(f"           log and crashing input in {out}")
    return done.returncode


def main() -> None:
    sys.path.insert(0, str(HERE))
    from targets import TARGETS

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("targets", nargs="*", help=", ".join(TARGETS))
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    unknown = [name for name in args.targets if name not in TARGETS]
    if unknown:
        parser.error(f"unknown target {unknown[0]!r}: choose from {', '.join(TARGETS)}")
    failed = sum(run(name, args.seconds) != 0 for name in args.targets or TARGETS)
    sys.exit(failed)


if __name__ == "__main__":
    main()
