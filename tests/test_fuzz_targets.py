"""The fuzz targets of `make fuzz` (fuzz/targets.py), each run here on a few
hostile inputs: they must pass on them, and catch a broken stage."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.conftest import EXAMPLES, ROOT


def _targets() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fuzz_targets", ROOT / "fuzz" / "targets.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


targets = _targets()

INPUTS = [
    b"",
    b"\x00" * 64,
    b"\xff\xfe\x00A\x00B" * 20,
    "Kim Il Sung said “We will win” (‘Title’, KCNA, 21 October 2010).".encode(),
    b"{" * 300 + b'"text": "' + b"]" * 300,
    b"<div>" * 400 + b"text",
    ("A" * 500 + " 1" * 500 + '"' * 200 + "(" * 200).encode(),
    (EXAMPLES / "newsletter_ocr.txt").read_bytes()[:4000],
    (EXAMPLES / "wire.jsonl").read_bytes()[:4000],
]


@pytest.mark.parametrize("name", sorted(targets.TARGETS))
def test_fuzz_target_passes_on_hostile_inputs(name: str) -> None:
    for data in INPUTS:
        targets.TARGETS[name](data)


def test_fuzz_target_catches_a_span_outside_its_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dossier.annotate import entities

    real = entities.find_mentions

    def shifted(text: str, **options: object) -> list[object]:
        return [
            type("Moved", (), {"start": m.start + 1, "end": m.end + 1, "text": m.text})
            for m in real(text, **options)  # type: ignore[arg-type]
        ]

    monkeypatch.setattr(entities, "find_mentions", shifted)
    with pytest.raises(AssertionError, match="holds"):
        targets.mentions_target(INPUTS[3])
