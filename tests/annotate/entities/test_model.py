"""The optional statistical model only adds, and is skipped when not installed."""

from __future__ import annotations

from dossier.annotate.entities import find_mentions
from dossier.packs import Pack

TEXT = "Comrade Kim Il Sung met Louis Gallois in Pyongyang. Zorbaq spoke."


def test_missing_model_changes_nothing(pack: Pack) -> None:
    without = find_mentions(TEXT, pack=pack)
    with_missing = find_mentions(TEXT, pack=pack, model="no_such_model_xx")
    assert with_missing == without


def test_installed_model_only_adds(pack: Pack) -> None:
    import pytest
    import spacy

    if not spacy.util.is_package("en_core_web_sm"):
        pytest.skip("en_core_web_sm is not installed (never downloaded by dossier)")
    without = find_mentions(TEXT, pack=pack)
    with_model = find_mentions(TEXT, pack=pack, model="en_core_web_sm")
    assert {(m.start, m.end) for m in without} <= {(m.start, m.end) for m in with_model}
