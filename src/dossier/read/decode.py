"""Bytes to text: BOMs, UTF-8 (a few broken bytes allowed), then a guess."""

from __future__ import annotations

import codecs
import re

from dossier.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of control bytes above which a file is binary, not text. Real text
# files in the corpus have none but \t \n \r \f; PDFs and images have >10%.
_BINARY_SHARE = 0.02
_TEXT_CONTROLS = {9, 10, 12, 13}
_SAMPLE = 65536

# UTF-16 without a BOM: English text puts a NUL in nearly every other byte
# (Korean text still in every space and newline); other text has none.
_UTF16_NUL_SHARE = 0.3
_UTF16_OTHER_NUL_SHARE = 0.05

# A well-formed UTF-8 sequence of two to four bytes; anything else above
# 0x7F is a stray byte.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_STRAY_RUN = re.compile(rb"[\x80-\xff]+")

# When charset-normalizer finds several single-byte code pages equally good,
# windows-1252 is the one Western pages were written in (WHATWG reads even a
# `latin-1` label as windows-1252); cp1250 would turn `è` into `č`.
_PREFERRED_LEGACY = "cp1252"


def looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls / len(sample) > _BINARY_SHARE


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise InputError(f"broken {encoding} after its BOM: {err}") from err
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
    return _guess(data)


def sniff(sample: bytes) -> str:
    """The encoding of a file, read from a sample of its head (for files too
    big to decode whole). A UTF-8 sample that a block cut mid-character still
    reads as UTF-8; stray bytes later in the file are replaced."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    utf16 = _utf16_without_bom(sample)
    if utf16 is not None:
        return utf16[1]
    if looks_binary(sample):
        raise InputError("binary file, not text")
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as err:
        if err.start >= len(sample) - 3 and err.reason == "unexpected end of data":
            return "utf-8"
    if _mostly_utf8(sample):
        return "utf-8 (invalid bytes replaced)"
    return _guess(sample)[1]


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken bytes, rather than a single-byte code page.

    Text in a legacy code page almost never holds a well-formed multi-byte
    sequence (it takes a capital like `É` right before a `’`), while UTF-8
    text with a damaged spot holds many around it.
    """
    sequences = len(_UTF8_SEQUENCE.findall(data))
    strays = len(_STRAY_RUN.findall(_UTF8_SEQUENCE.sub(b"", data)))
    return sequences > strays


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding in {"utf_8", "utf-8"}:
        return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
    for match in matches:
        if (
            match.encoding == _PREFERRED_LEGACY
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence
        ):
            return str(match), match.encoding
    return str(best), best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    half = len(sample) // 2
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd >= _UTF16_NUL_SHARE and even < _UTF16_OTHER_NUL_SHARE:
        encoding = "utf-16-le"
    elif even >= _UTF16_NUL_SHARE and odd < _UTF16_OTHER_NUL_SHARE:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if looks_binary(text[:_SAMPLE].encode("utf-8", errors="replace")):
        return None
    return text, encoding
