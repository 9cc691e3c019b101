"""Shared fixtures: the bundled pack, and the third-party corpus beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.packs import Pack, load_pack

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack("korea")


@pytest.fixture(scope="session")
def corpus() -> Path:
    """../shared/corpus, or a skip saying why when it is absent."""
    if not (CORPUS / "seeds").is_dir():
        pytest.skip(f"third-party corpus not found at {CORPUS} (kept outside the repo)")
    return CORPUS
