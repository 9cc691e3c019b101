"""Read a big text file in parts, so memory stays flat however big it is.

A file over `STREAM_BYTES` is never held whole: its encoding is read from a
sample at its head, then it is decoded block by block and cut into parts of
about `PART_CHARS` characters, each ending after a blank line where there is
one (a paragraph boundary), else after a line end. Each part is a source of
its own; `base` places it in the decoded file, so its offsets stay offsets of
the file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from dossier.read.decode import sniff

STREAM_BYTES = 8_000_000
PART_CHARS = 1_000_000
_BLOCK = 1 << 20
_SAMPLE = 1 << 20
_BLANK_LINE = regex.compile(r"\n[ \t\r\f]*\n", flags=regex.REVERSE)


@dataclass(frozen=True, slots=True)
class Part:
    base: int  # character offset of `text` in the decoded file
    text: str


def text_parts(path: Path, part_chars: int = PART_CHARS) -> tuple[str, Iterator[Part]]:
    """The file's encoding and its parts, in order; joined they are the file."""
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE)
    encoding = sniff(sample)
    return encoding, _parts(path, encoding, part_chars)


def _parts(path: Path, encoding: str, part_chars: int) -> Iterator[Part]:
    codec = encoding.split(" ")[0]
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    buffer = ""
    base = 0
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            buffer += decoder.decode(block)
            while len(buffer) > part_chars:
                cut = cut_point(buffer, part_chars)
                yield Part(base, buffer[:cut])
                base += cut
                buffer = buffer[cut:]
        buffer += decoder.decode(b"", final=True)
    if buffer:
        yield Part(base, buffer)


def cut_point(text: str, limit: int) -> int:
    """Where to end a part of `text` no longer than `limit`: after the last
    blank line in its second half, else after its last line end, else at
    `limit`."""
    low = limit // 2
    blank = _BLANK_LINE.search(text, low, limit)
    if blank is not None:
        return int(blank.end())
    newline = text.rfind("\n", low, limit)
    return newline + 1 if newline >= 0 else limit
