"""Big files read in parts: joined, the parts are the decoded file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.errors import InputError
from dossier.read.decode import decode
from dossier.read.stream import cut_point, text_parts
from tests.properties import examples

PARAGRAPH = "The delegation met workers of the Chollima factory in Kangso. " * 5


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", f"{PARAGRAPH}“Quoted” – Kim Il Sung’s works\n\n"),
        ("utf-16", f"{PARAGRAPH}Korea 조선\r\n\r\n"),
        ("cp1252", f"{PARAGRAPH}café “menu” – déjà vu\n\n"),
        ("utf-8-sig", f"{PARAGRAPH}with a BOM\n\n\n"),
    ],
)
def test_parts_join_to_the_decoded_file(
    tmp_path: Path, encoding: str, text: str
) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes((text * 400).encode(encoding))
    name, parts = text_parts(path, part_chars=5_000)
    found = list(parts)
    decoded, whole_name = decode(path.read_bytes())
    assert "".join(part.text for part in found) == decoded
    assert [part.base for part in found] == [
        sum(len(p.text) for p in found[:i]) for i in range(len(found))
    ]
    assert len(found) > 10
    assert all(len(part.text) <= 5_000 for part in found)
    # Every part but the last ends after a blank line: paragraphs stay whole.
    assert all(
        part.text.rstrip(" \t\r").endswith("\n\n") or part.text.endswith("\r\n\r\n")
        for part in found[:-1]
    )
    assert name == whole_name


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 100)
    with pytest.raises(InputError, match="binary"):
        text_parts(path)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet="ab \n\r\t", max_size=300), st.integers(2, 120))
def test_cut_point_is_inside_the_limit_and_after_a_line_when_there_is_one(
    text: str, limit: int
) -> None:
    cut = cut_point(text, limit)
    assert 0 < cut <= limit
    if "\n" in text[limit // 2 : limit]:
        assert text[cut - 1] == "\n"
