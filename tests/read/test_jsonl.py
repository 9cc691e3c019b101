"""JSON Lines: each line a source; a bad line is reported, the rest go in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.errors import InputError
from dossier.model import Failure
from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.read.files import read_file
from dossier.settings import Settings

GOOD = {
    "title": "Talks Held",
    "date": "2024-05-03",
    "outlet": "KCNA",
    "url": "http://example.org/1",
    "topic": "External",
    "text": "Pyongyang, May 3 (KCNA) -- Talks were held on Friday in a friendly "
    "atmosphere between the two delegations. -0-",
}


def lines(*records: object) -> bytes:
    return "\n".join(
        r if isinstance(r, str) else json.dumps(r) for r in records
    ).encode()


def test_read_jsonl_line_fields_become_source_fields() -> None:
    sources, failures = read_file(Path("w.jsonl"), lines(GOOD), "sha")
    assert failures == []
    (source,) = sources
    assert (source.part, source.raw) == (1, GOOD["text"])
    assert source.fields == {
        key: GOOD[key] for key in ("title", "date", "outlet", "url")
    }


def test_read_jsonl_reports_each_bad_line_and_keeps_the_rest() -> None:
    data = lines(
        GOOD,
        "{broken",
        "",
        [1, 2],
        {"title": "no text"},
        {"text": "   "},
        {**GOOD, "title": "Second"},
    )
    sources, failures = read_file(Path("w.jsonl"), data, "sha")
    assert [s.part for s in sources] == [1, 7]
    assert failures == [
        Failure(
            "w.jsonl:2",
            "read",
            "line 2: not JSON (Expecting property name enclosed in double quotes)",
        ),
        Failure("w.jsonl:4", "read", "line 4: no string `text`"),
        Failure("w.jsonl:5", "read", "line 5: no string `text`"),
        Failure("w.jsonl:6", "read", "line 6: empty `text`"),
    ]


def test_read_jsonl_with_no_usable_line_is_refused() -> None:
    with pytest.raises(InputError, match="no usable line: line 1: not JSON"):
        read_file(Path("w.jsonl"), b"not json at all\n", "sha")


def test_run_file_jsonl_bad_line_is_a_failure_beside_the_documents(
    tmp_path: Path, pack: Pack
) -> None:
    path = tmp_path / "w.jsonl"
    path.write_bytes(lines(GOOD, "{broken", {**GOOD, "title": "Second"}))
    result = run_file(path, pack, Settings())
    assert [s.source.part for s in result.sources] == [1, 3]
    assert [(f.path, f.stage) for f in result.failures] == [(f"{path}:2", "read")]
    assert [s.documents[0].meta.title for s in result.sources] == [
        "Talks Held",
        "Second",
    ]
