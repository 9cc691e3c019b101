"""The standard scorers in ../shared/scorers, and dossier read the way users run it.

The scorers (issue 18) are third-party commands, pure standard library: each
dumps the exact texts its gold offsets index (`--dump-texts`), then scores a
predictions file and writes every number as JSON (`--json`). They are called
as commands, as their own README and self-test do, and never copied here.

dossier reads each dumped text through `annotate`, the call `run_source` makes
on every article (path `annotate`), or through the whole per-file flow,
clean, segment, meta and annotate, with spans led back to the dumped text by
each document's offset map (path `build`, what `dossier build` stores).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.annotate import annotate
from dossier.model import Annotations, Source
from dossier.packs import Pack
from dossier.pipeline import run_source
from eval import ROOT

SCORERS = ROOT.parent / "shared" / "scorers"
PATHS = ("annotate", "build")


class ScorerError(RuntimeError):
    """A standard scorer failed or is missing; the message holds its stderr."""


def available() -> bool:
    return (SCORERS / "README.md").is_file()


def run_scorer(script: str, *args: str | Path) -> str:
    """Run ../shared/scorers/SCRIPT with `args`; its stdout (a markdown table)."""
    command = [sys.executable, str(SCORERS / script), *map(str, args)]
    # The scorers leave no __pycache__ in the shared, read-only folder.
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    if done.returncode != 0:
        raise ScorerError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def dump_texts(script: str, *args: str | Path) -> list[dict[str, Any]]:
    """The scorer's own texts (`--dump-texts`): the strings its offsets index."""
    with tempfile.TemporaryDirectory(prefix="dossier-eval-") as folder:
        out = Path(folder) / "texts.jsonl"
        run_scorer(script, *args, "--dump-texts", out)
        return read_jsonl(out)


def score_predictions(
    script: str, arguments: list[str | Path], records: Iterable[dict[str, Any]]
) -> tuple[dict[str, Any], str]:
    """Write `records` as JSONL, score them; the scorer's JSON and its table.

    `arguments` holds the placeholder "{pred}" where the predictions file goes.
    """
    with tempfile.TemporaryDirectory(prefix="dossier-eval-") as folder:
        pred = Path(folder) / "pred.jsonl"
        scores = Path(folder) / "scores.json"
        write_jsonl(pred, records)
        filled = [pred if argument == "{pred}" else argument for argument in arguments]
        table = run_scorer(script, *filled, "--json", scores)
        result: dict[str, Any] = json.loads(scores.read_text(encoding="utf-8"))
        return result, table


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


@dataclass(frozen=True, slots=True)
class Text:
    """One text a scorer dumps (what its offsets index) and its anchor date;
    bench/annotate_snapshot.py reads the gold corpora's texts this way."""

    name: str
    text: str
    anchor: str | None


Spans = Callable[[int, int], tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Read:
    """One document's annotations, and how its spans map into the dumped text."""

    annotations: Annotations
    to_text: Spans


def _same(start: int, end: int) -> tuple[int, int]:
    return start, end


def read(
    text: str, *, pack: Pack, anchor: str | None, path: str, model: str | None = None
) -> list[Read]:
    """dossier's annotations of one dumped text, by `path` (see PATHS);
    `model` as `dossier build --model` passes it."""
    if path == "annotate":
        return [Read(annotate(text, pack=pack, anchor=anchor, model=model), _same)]
    if path != "build":
        raise ValueError(f"unknown path {path!r}: use one of {', '.join(PATHS)}")
    # As a JSONL line with a `date` would come in: the date is the anchor
    # only where meta does not read a better one from the text.
    fields = {"date": anchor} if anchor else {}
    source = Source("eval", 0, text, "utf-8", "", fields)
    result, failures = run_source(source, pack, model=model)
    if failures:
        raise ScorerError(f"annotate failed: {failures}")
    return [
        Read(document.annotations, document.offsets.to_raw)
        for document in result.documents
        if document.annotations is not None
    ]


def load_scorer(script: str) -> Any:
    """A scorer file as a module, for its gold reader (error lists only).

    Scores always come from the command itself (`score_predictions`).
    """
    import importlib.util

    path = SCORERS / script
    spec = importlib.util.spec_from_file_location(f"shared_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ScorerError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    written, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
        sys.dont_write_bytecode = written
    return module
