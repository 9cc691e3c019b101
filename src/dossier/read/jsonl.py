"""JSON Lines: one document a line, `text` plus optional metadata keys."""

from __future__ import annotations

import json
from pathlib import Path

from dossier.errors import InputError
from dossier.model import Source
from dossier.read.decode import decode

METADATA_KEYS = ("title", "date", "outlet", "author", "url")


def read_jsonl(path: Path, data: bytes, digest: str) -> list[Source]:
    text, encoding = decode(data)
    sources = []
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"line {number}: not JSON ({err.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            problems.append(f"line {number}: no string `text`")
            continue
        fields = {key: str(record[key]) for key in METADATA_KEYS if record.get(key)}
        sources.append(
            Source(str(path), number, record["text"], encoding, digest, fields)
        )
    if not sources and problems:
        raise InputError(f"no usable line: {problems[0]}")
    return sources
