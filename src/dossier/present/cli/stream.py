"""JSON written as it is read: listings and `show --json` go out row by row
and piece by piece, so memory stays bounded and the first row comes at once
(#14 part 6, #17: `show --json` of a 30 MB document took 40 s and 4.25 GB).

The output parses to the same value `json.dumps` would give; only the
layout differs: one array item per line.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

Write = Callable[[str], None]
WriteBytes = Callable[[bytes], None]


@dataclass(frozen=True, slots=True)
class Pieces:
    """A string given as its UTF-8 bytes in pieces (a document's text read a
    megabyte at a time), written as one JSON string."""

    pieces: Iterable[bytes]


# The bytes JSON escapes and their escapes as json.dumps writes them, the
# backslash first. In UTF-8 these bytes stand for themselves alone (a byte
# of a longer character is 0x80 or more), so a text is escaped as bytes:
# 0.01 s for the 13 MB text of a 10 MB document, against 0.09 s for
# `json.dumps` of the decoded text (#17).
_SHORT = {0x08: b"\\b", 0x09: b"\\t", 0x0A: b"\\n", 0x0C: b"\\f", 0x0D: b"\\r"}
_ESCAPES = (
    (b"\\", b"\\\\"),
    (b'"', b'\\"'),
    *((bytes([code]), _SHORT.get(code, b"\\u%04x" % code)) for code in range(0x20)),
)


def escaped(text: bytes) -> bytes:
    """UTF-8 text as the inside of the JSON string `json.dumps` writes for
    it (`ensure_ascii=False`), as UTF-8."""
    for byte, escape in _ESCAPES:
        if byte in text:  # a scan at memchr speed; most are absent
            text = text.replace(byte, escape)
    return text


@dataclass(frozen=True, slots=True)
class Encoded:
    """An array given as its items' JSON text in UTF-8: `batches(separator)`
    yields runs of items, each run joined by `separator` (#17: `show --json`
    of a document of 120,000 annotations)."""

    batches: Callable[[str], Iterable[bytes]]


def _stdout(text: str) -> None:
    # A file name of bytes that are not UTF-8 comes as lone surrogates: write
    # them as JSON escapes, so stdout stays valid UTF-8 and valid JSON.
    _stdout_bytes(text.encode("utf-8", "backslashreplace"))


def _stdout_bytes(data: bytes) -> None:
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # a stream of text only
        sys.stdout.write(data.decode("utf-8"))
        return
    # The bytes as they are: decoding them for the text layer to encode again
    # was a tenth of `show --json` of a 10 MB document (#17).
    sys.stdout.flush()
    binary.write(data)


@dataclass(frozen=True, slots=True)
class _Out:
    """Where JSON goes: text to `write`; `Pieces` and `Encoded`, which come
    as UTF-8, to `write_bytes` as they are, or decoded to `write` if None."""

    write: Write
    write_bytes: WriteBytes | None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_json(
    value: Any, write: Write = _stdout, *, write_bytes: WriteBytes | None = None
) -> None:
    """Write `value` as JSON, then a newline.

    A mapping's values and a list's items are written one at a time; an
    iterator is written as an array as it yields, `Pieces` as a string,
    `Encoded` as an array of the JSON text it yields. Those two come as
    UTF-8 and go to `write_bytes` as they are (on stdout, by default:
    decoding the 13 MB text of a 10 MB document and its 50 MB of records
    to encode them again was 0.1 s of `show --json`, #17), else decoded to
    `write`.
    """
    if write is _stdout and write_bytes is None:
        write_bytes = _stdout_bytes
    _write(value, _Out(write, write_bytes), depth=0)
    write("\n")


def _write(value: Any, out: _Out, *, depth: int) -> None:
    write = out.write
    if isinstance(value, Pieces):
        write('"')
        if out.write_bytes is not None:
            for piece in value.pieces:
                out.write_bytes(escaped(piece))
        else:
            # Decoded as written: a piece may end inside a character.
            decoder = codecs.getincrementaldecoder("utf-8")()
            for piece in value.pieces:
                write(decoder.decode(escaped(piece)))
            write(decoder.decode(b"", final=True))
        write('"')
    elif isinstance(value, Encoded):
        indent = " " * (depth + 1)
        empty = True
        for batch in value.batches(",\n" + indent):
            if batch:
                head = ("[\n" if empty else ",\n") + indent
                if out.write_bytes is not None:
                    out.write_bytes(head.encode() + batch)
                else:
                    write(head + batch.decode("utf-8"))
                empty = False
        write("[]" if empty else "\n" + " " * depth + "]")
    elif isinstance(value, Mapping) and depth == 0:
        write("{")
        for n, (key, item) in enumerate(value.items()):
            write(("" if n == 0 else ",") + "\n " + _dumps(str(key)) + ": ")
            _write(item, out, depth=depth + 1)
        write("\n}")
    elif isinstance(value, (list, Iterator)):
        _array(value, out, depth=depth)
    else:
        write(_dumps(value))


def _array(items: Iterable[Any], out: _Out, *, depth: int) -> None:
    indent = " " * (depth + 1)
    empty = True
    for item in items:
        out.write(("[\n" if empty else ",\n") + indent)
        _write(item, out, depth=depth + 1)
        empty = False
    out.write("[]" if empty else "\n" + " " * depth + "]")
