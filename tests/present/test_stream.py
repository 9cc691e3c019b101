"""`stream.write_json` writes a text given as UTF-8 pieces as `json.dumps`
writes the decoded text, escaped as bytes (#17)."""

from __future__ import annotations

import json
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from dossier.present.cli.stream import Pieces, escaped, write_json

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


@given(TEXTS, st.lists(st.integers(min_value=0, max_value=64), max_size=6))
def test_pieces_split_anywhere_write_the_string_json_dumps_writes(
    text: str, cuts: list[int]
) -> None:
    # Pieces cut at any byte, inside a character too, as blob reads cut them.
    data = text.encode("utf-8")
    edges = sorted({0, len(data), *(min(cut, len(data)) for cut in cuts)})
    pieces = [data[a:b] for a, b in pairwise(edges)]
    written: list[str] = []
    write_json({"text": Pieces(pieces)}, written.append)
    expected = json.dumps(text, ensure_ascii=False)
    assert "".join(written) == '{\n "text": ' + expected + "\n}\n"
