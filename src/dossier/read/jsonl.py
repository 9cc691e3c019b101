"""JSON Lines: one document a line, `text` plus optional metadata keys.

Each record is its own source: its id comes from its line's bytes, and its
locator from where its `text` string lies in that line.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from dossier.errors import InputError
from dossier.model import Failure, Source
from dossier.offsets import OffsetMap, Segment, SourceMap
from dossier.read.decode import decode

METADATA_KEYS = ("title", "date", "outlet", "author", "url")

_DECODER = json.JSONDecoder()
# An escape inside a JSON string: a surrogate pair first, so that it maps to
# the one character it decodes to.
_ESCAPE = re.compile(
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
    r"|u[0-9a-fA-F]{4}|.)",
    re.DOTALL,
)


def read_jsonl(path: Path, data: bytes, digest: str) -> list[Source | Failure]:
    """A source per usable line, and a failure naming each line that is not."""
    text, encoding = decode(data)
    # Lines end at "\n" only: a record may hold a raw U+2028, which
    # `str.splitlines` would take for a line end.
    items = [
        item
        for number, line in enumerate(text.split("\n"), start=1)
        if (item := read_line(path, number, line, encoding)) is not None
    ]
    sources: list[Source | Failure] = [i for i in items if isinstance(i, Source)]
    problems = [i for i in items if isinstance(i, Failure)]
    if not sources and problems:
        raise InputError(f"no usable line: {problems[0].reason}")
    return sources + problems


def read_line(
    path: Path, number: int, line: str, encoding: str
) -> Source | Failure | None:
    """Line `number` of a JSONL file as a source, a failure saying why it is
    not one, or None for a blank line."""
    if not line.strip():
        return None
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
        return Failure(f"{path}:{number}", "read", problem)
    fields = {key: str(record[key]) for key in METADATA_KEYS if record.get(key)}
    line = line.removesuffix("\r")
    try:
        locator = line_map(line, number, record["text"])
    except (ValueError, InputError) as err:
        return Failure(f"{path}:{number}", "read", str(err))
    return Source(
        str(path),
        number,
        record["text"],
        encoding,
        hashlib.sha256(line.encode("utf-8", "surrogatepass")).hexdigest(),
        fields,
        locator,
    )


def text_literal(line: str) -> tuple[int, int]:
    """Where the string value of the object's (last) `text` key lies in `line`,
    quotes excluded."""
    position = _skip(line, 0) + 1  # past "{"
    found = (0, 0)
    while True:
        position = _skip(line, position)
        if line.startswith("}", position):
            return found
        key, position = _DECODER.raw_decode(line, position)
        position = _skip(line, _skip(line, position) + 1)  # past ":"
        _, end = _DECODER.raw_decode(line, position)
        if key == "text":
            found = (position + 1, end - 1)
        position = _skip(line, end)
        if line.startswith(",", position):
            position += 1


def _skip(line: str, position: int) -> int:
    while position < len(line) and line[position] in " \t\n\r":
        position += 1
    return position


def line_map(line: str, number: int, text: str) -> SourceMap:
    """Map `text` (the decoded value) to the characters of its escaped string in
    `line`: an escape is one replacement, so no span cuts it in half."""
    start, end = text_literal(line)
    segments: list[Segment] = []
    decoded = 0
    position = start
    for escape in _ESCAPE.finditer(line, start, end):
        if escape.start() > position:
            length = escape.start() - position
            segments.append((decoded, position, length, length))
            decoded += length
        segments.append((decoded, escape.start(), 1, escape.end() - escape.start()))
        decoded += 1
        position = escape.end()
    if end > position:
        segments.append((decoded, position, end - position, end - position))
        decoded += end - position
    if decoded != len(text):
        raise InputError(f"line {number}: `text` not found where it was parsed")
    return SourceMap("jsonl", OffsetMap.build(segments, decoded, len(line)), number)
