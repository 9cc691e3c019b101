"""JSON Lines: one document a line, `text` plus optional metadata keys."""

from __future__ import annotations

import json
from pathlib import Path

from dossier.errors import InputError
from dossier.model import Failure, Source
from dossier.read.decode import decode

METADATA_KEYS = ("title", "date", "outlet", "author", "url")


def read_jsonl(path: Path, data: bytes, digest: str) -> list[Source | Failure]:
    """A source per usable line, and a failure naming each line that is not."""
    text, encoding = decode(data)
    sources: list[Source | Failure] = []
    problems: list[Failure] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        problem = None
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problem = f"line {number}: not JSON ({err.msg})"
        else:
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                problem = f"line {number}: no string `text`"
            elif not record["text"].strip():
                problem = f"line {number}: empty `text`"
        if problem is not None:
            problems.append(Failure(f"{path}:{number}", "read", problem))
            continue
        fields = {key: str(record[key]) for key in METADATA_KEYS if record.get(key)}
        sources.append(
            Source(str(path), number, record["text"], encoding, digest, fields)
        )
    if not sources and problems:
        raise InputError(f"no usable line: {problems[0].reason}")
    return sources + problems
