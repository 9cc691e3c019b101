"""Bytes to text: BOMs, UTF-8 with damage, legacy code pages, binary refusal."""

from __future__ import annotations

import random

import pytest

from dossier.errors import InputError
from dossier.read.decode import decode, looks_binary
from tests.read.samples import CP1252_TEXT, PNG, SENTENCE, invalid_utf8


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (SENTENCE.encode(), SENTENCE, "utf-8"),
        (b"\xef\xbb\xbf" + SENTENCE.encode(), SENTENCE, "utf-8-sig"),
        (SENTENCE.encode("utf-16"), SENTENCE, "utf-16"),  # the codec adds a BOM
        (b"\xfe\xff" + SENTENCE.encode("utf-16-be"), SENTENCE, "utf-16"),
        (SENTENCE.encode("utf-32"), SENTENCE, "utf-32"),
        # No BOM: the NUL in every other byte gives UTF-16 away.
        (SENTENCE.encode("utf-16-le"), SENTENCE, "utf-16-le"),
        (SENTENCE.encode("utf-16-be"), SENTENCE, "utf-16-be"),
        (CP1252_TEXT.encode("cp1252"), CP1252_TEXT, "cp1252"),
    ],
)
def test_decode_reads_encoding(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


def test_decode_prefers_cp1252_among_equal_western_code_pages() -> None:
    # cp1250 decodes these bytes as well, but `è` comes out as `č`.
    text, encoding = decode("très crème élève".encode("cp1252") * 3)
    assert encoding == "cp1252"
    assert "č" not in text


def test_decode_keeps_other_legacy_code_pages() -> None:
    russian = "Привет, это текст на русском языке, довольно длинный для проверки."
    assert decode(russian.encode("cp1251")) == (russian, "cp1251")


def test_decode_mostly_utf8_replaces_only_the_broken_bytes() -> None:
    text, encoding = decode(invalid_utf8())
    assert encoding == "utf-8 (invalid bytes replaced)"
    assert "“Quoted” — said the café owner." in text
    assert text.count("\ufffd") == 3
    assert "Ã" not in text  # not read as a legacy code page (mojibake)


def test_decode_long_utf8_with_one_bad_byte_stays_utf8() -> None:
    good = ("‘Juche’ — “self-reliance” in the café. " * 200).encode()
    text, encoding = decode(good[:3000] + b"\x92" + good[3000:])
    assert encoding.startswith("utf-8")
    assert text.count("“self-reliance”") == 200


@pytest.mark.parametrize(
    "data",
    [PNG, random.Random(7).randbytes(4096)],
    ids=["png", "random"],
)
def test_decode_refuses_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="binary file, not text"):
        decode(data)


def test_decode_refuses_utf16_broken_after_its_bom() -> None:
    with pytest.raises(InputError, match="broken utf-16 after its BOM"):
        decode(b"\xff\xfe" + b"\x00\xd8A\x00")  # a lone high surrogate


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"", False),
        (b"plain text\twith tabs\r\nand form feeds\f", False),
        (b"text with a NUL\x00byte", True),
        (b"\x01\x02\x03\x04 mostly control bytes", True),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary
