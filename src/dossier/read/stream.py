"""Read files as streams of sources, so memory stays flat however big they are.

A streamed file is never held whole: its encoding is read from a sample at
its head, then it is decoded block by block. A JSONL file gives a source per
line as it goes. A text file over `STREAM_BYTES` is cut into parts of about
`PART_CHARS` characters, each ending after a blank line where there is one (a
paragraph boundary), else after a line end; each part is a source of its own,
numbered from 1, and its locator places it in the decoded file, so its
offsets stay offsets of the file.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from dossier.model import Failure, Source
from dossier.offsets import OffsetMap, SourceMap
from dossier.read.decode import sniff
from dossier.read.jsonl import read_line

STREAM_BYTES = 8_000_000
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
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


def streamed(path: Path) -> bool:
    """Whether `path` is read as a stream: every JSONL file (its records then
    spread over workers like files do), and big text files."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return True
    if suffix not in TEXT_SUFFIXES:
        return False
    try:
        return path.stat().st_size > STREAM_BYTES
    except OSError:
        return False  # reading it whole reports why


def stream_sources(path: Path) -> Iterator[Source | Failure]:
    """The sources of a streamed file in order, and a failure for each part
    (a JSONL line) that is not one. Raises InputError when its head shows it
    is no text at all."""
    with path.open("rb") as handle:
        encoding = sniff(handle.read(_SAMPLE))
    if path.suffix.lower() == ".jsonl":
        return _records(path, encoding)
    return _text_sources(path, encoding)


def _records(path: Path, encoding: str) -> Iterator[Source | Failure]:
    for number, line in enumerate(decoded_lines(path, encoding), start=1):
        item = read_line(path, number, line, encoding)
        if item is not None:
            yield item


def _text_sources(path: Path, encoding: str) -> Iterator[Source]:
    # Parts are numbered 1, 2, ... (a part's first line would repeat when one
    # line is longer than a part); the locator places each in the file.
    for number, part in enumerate(_parts(path, encoding, PART_CHARS), start=1):
        length = len(part.text)
        shift = OffsetMap.build(
            [(0, part.base, length, length)], length, part.base + length
        )
        digest = hashlib.sha256(part.text.encode("utf-8", "surrogatepass")).hexdigest()
        yield Source(
            str(path),
            number,
            part.text,
            encoding,
            digest,
            locator=SourceMap("text", shift),
        )


def decoded_lines(path: Path, encoding: str) -> Iterator[str]:
    """The file's lines, decoded block by block, each without its "\\n"."""
    codec = encoding.split(" ")[0]
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    pending = ""
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            lines = (pending + decoder.decode(block)).split("\n")
            pending = lines.pop()
            yield from lines
        pending += decoder.decode(b"", final=True)
    yield from pending.split("\n")
