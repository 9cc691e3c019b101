"""`stream.write_json` writes a text given as UTF-8 pieces as `json.dumps`
writes the decoded text, escaped as bytes, and an array given as encoded
batches as its items' text; the bytes written as they are (stdout's way) are
those of the text decoded (#17)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dossier.present.cli.stream import Encoded, Pieces, escaped, write_json

# Every character but lone surrogates, which UTF-8 cannot hold; control
# characters, quotes and backslashes often.
TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from('"\\\n\r\t\b\f\x00\x1f\x7f\u2028é—한'),
        st.characters(exclude_categories=["Cs"]),
    )
)


@given(TEXTS)
def test_escaped_bytes_are_those_json_dumps_writes(text: str) -> None:
    written = json.dumps(text, ensure_ascii=False)[1:-1]
    assert escaped(text.encode("utf-8")) == written.encode("utf-8")


def _both_ways(value: dict[str, Any]) -> tuple[str, bytes]:
    """`value` written as text alone, and with its UTF-8 parts as bytes."""
    text: list[str] = []
    write_json(value, text.append)
    data: list[bytes] = []
    write_json(value, lambda part: data.append(part.encode()), write_bytes=data.append)
    return "".join(text), b"".join(data)


@given(TEXTS, st.lists(st.integers(min_value=0, max_value=64), max_size=6))
def test_pieces_split_anywhere_write_the_string_json_dumps_writes(
    text: str, cuts: list[int]
) -> None:
    # Pieces cut at any byte, inside a character too, as blob reads cut them.
    data = text.encode("utf-8")
    edges = sorted({0, len(data), *(min(cut, len(data)) for cut in cuts)})
    pieces = [data[a:b] for a, b in pairwise(edges)]
    expected = '{\n "text": ' + json.dumps(text, ensure_ascii=False) + "\n}\n"
    as_text, as_bytes = _both_ways({"text": Pieces(pieces)})
    assert as_text == expected
    assert as_bytes == expected.encode("utf-8")


@given(st.lists(st.lists(TEXTS, max_size=4), max_size=4))
def test_encoded_batches_write_the_array_its_items_write(
    batches: list[list[str]],
) -> None:
    def encoded(separator: str) -> Iterator[bytes]:
        for batch in batches:
            items = (json.dumps(item, ensure_ascii=False) for item in batch)
            yield separator.join(items).encode("utf-8")

    items = [text for batch in batches for text in batch]
    listed: list[str] = []
    write_json({"items": items, "n": len(items)}, listed.append)
    as_text, as_bytes = _both_ways({"items": Encoded(encoded), "n": len(items)})
    assert as_text == "".join(listed)
    assert as_bytes == as_text.encode("utf-8")
