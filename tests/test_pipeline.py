"""The flow split where a pool's writer hands over: `prepare_batch` (clean,
segment, meta: no compiled pack) then `run_batch` gives what `run_batch`
gives of the batch itself (issue 14: the writer prepares the first batches
while the workers' server compiles the pack)."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from dossier import pipeline
from dossier.model import Failure, Source, SourceResult
from dossier.packs import Pack
from dossier.read.stream import stream_sources
from dossier.settings import Settings


def kcna_batch(corpus: Path, count: int) -> pipeline.Batch:
    """The first `count` items of kcna-2024 as the stream reads them."""
    items = stream_sources(corpus / "kcna-2024" / "kcna-2024.jsonl")
    return list(itertools.islice(items, count))


# Signed by the worker, or already by the writer as it prepared the batch.
@pytest.mark.parametrize(
    ("signed_preparing", "sign"), [(False, False), (False, True), (True, True)]
)
def test_a_prepared_batch_runs_to_the_same_results(
    corpus: Path, pack: Pack, signed_preparing: bool, sign: bool
) -> None:
    batch = kcna_batch(corpus, 6)
    odd = Failure("kcna-2024.jsonl:99", "read", "line 99: not JSON")
    batch = [batch[0], odd, *batch[1:]]
    prepared = pipeline.prepare_batch(batch, pack, sign=signed_preparing)
    assert [type(item) for item in prepared] == [
        SourceResult,
        Failure,
        *[SourceResult] * 5,
    ]
    # Prepared documents are described, not yet annotated.
    first = prepared[0]
    assert isinstance(first, SourceResult)
    assert first.documents[0].meta.date is not None
    assert all(d.annotations is None and d.facts is None for d in first.documents)
    assert all((d.signs is not None) == signed_preparing for d in first.documents)
    settings = Settings()
    assert pipeline.run_batch(prepared, pack, settings, sign=sign) == (
        pipeline.run_batch(batch, pack, settings, sign=sign)
    )


def test_a_source_that_fails_preparing_fails_as_it_would_unprepared(
    corpus: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    (source,) = kcna_batch(corpus, 1)
    assert isinstance(source, Source)
    broken = dataclasses.replace(source, part=7)

    def segment(cleaned, pack):  # type: ignore[no-untyped-def]
        raise ValueError("no blocks in\nthis text")

    monkeypatch.setattr(pipeline, "segment", segment)
    prepared = pipeline.prepare_batch([broken], pack)
    unprepared = pipeline.run_batch([broken], pack, Settings())
    assert prepared == list(unprepared[1])
    assert prepared == [
        Failure(f"{source.path}:7", "clean", "ValueError: no blocks in this text")
    ]
