"""Bytes to text: BOMs, UTF-8, then charset-normalizer's best guess."""

from __future__ import annotations

import codecs

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


def looks_binary(data: bytes) -> bool:
    sample = data[:65536]
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
    if looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in {"utf_8", "utf-8"}:
        return str(best), best.encoding
    # Mostly UTF-8 with a few broken bytes: keep what decodes, mark the rest.
    return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
