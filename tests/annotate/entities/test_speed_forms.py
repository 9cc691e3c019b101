"""The finder's faster forms keep its answers (issue 14, part 2): a name that
trips the rules is still lost alone, and what is kept across documents per
printed name or run gives what each document worked out afresh gave."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dossier.annotate.compiled import Compiled, compile_pack
from dossier.annotate.entities import context, find, resolve
from dossier.annotate.failures import Failures
from dossier.annotate.reading import read_text
from dossier.packs import Pack

TEXT = (
    "Kim Jong Un met Louis Gallois of Airbus in Pyongyang. "
    "Gallois said Zorbland Telecom would build a plant in Wonsan."
)


def _tripping(name: str) -> Callable[[str, int, int], str | None]:
    real = context.type_from_context

    def typed(text: str, start: int, end: int) -> str | None:
        if text[start:end] == name:
            raise ValueError("tripped")
        return real(text, start, end)

    return typed


def test_a_name_that_trips_is_lost_alone(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled = compile_pack(pack)
    whole = [(m.text, m.entity) for m in find(read_text(TEXT), compiled)]
    assert ("Zorbland Telecom", "Zorbland Telecom") in whole
    monkeypatch.setattr(resolve, "type_from_context", _tripping("Zorbland Telecom"))
    failures = Failures(TEXT)
    kept = [
        (m.text, m.entity) for m in find(read_text(TEXT, failures=failures), compiled)
    ]
    assert kept == [pair for pair in whole if pair[0] != "Zorbland Telecom"]
    [failure] = failures.found
    assert (failure.finder, TEXT[failure.start : failure.end]) == (
        "mentions",
        "Zorbland Telecom",
    )
    with pytest.raises(ValueError, match="tripped"):
        find(read_text(TEXT), compiled)


def _fresh(compiled: Compiled) -> Compiled:
    """`compiled` with every cross-document cache empty."""
    return dataclasses.replace(
        compiled,
        memo={},
        index=dataclasses.replace(compiled.index, memo={}),
        gazetteer=dataclasses.replace(compiled.gazetteer, cache={}),
    )


def test_kept_answers_match_fresh_ones(pack: Pack, corpus: Path) -> None:
    # Wire copy repeats names and runs: each article read after the others
    # left their runs, regions, printed names and short forms kept gives what
    # it gives read with nothing kept.
    lines = (corpus / "kcna-2024" / "kcna-2024.jsonl").read_text().splitlines()
    texts = [json.loads(line)["text"] for line in lines[:40]]
    warm = _fresh(compile_pack(pack))
    for text in texts:
        find(read_text(text), warm)
    assert len(warm.memo["run candidates"]) > 0
    for text in texts:
        assert find(read_text(text), warm) == find(read_text(text), _fresh(warm))
