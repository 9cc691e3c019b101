"""Pinning floors: a floor only rises, and the file's note is kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eval as scorers


def test_a_floor_rises_but_never_falls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scorers, "FLOORS_DIR", tmp_path)
    path = tmp_path / "demo.json"
    path.write_text(json.dumps({"about": "why", "f1": 0.9, "recall": 0.5}))
    scorers.write_floors("demo", {"f1": 0.85, "recall": 0.6, "precision": 0.7})
    assert json.loads(path.read_text()) == {
        "about": "why",
        "f1": 0.9,
        "recall": 0.6,
        "precision": 0.7,
    }
