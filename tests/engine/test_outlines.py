"""A batch the pool's writer prepared goes to a worker as outlines and comes
back as what finishing made (`engine.outlines`): made whole by the writer,
the same results, failures in the same places, as `run_batch` of the batch."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from dossier import pipeline
from dossier.engine import outlines
from dossier.model import Failure, Source
from dossier.packs import Pack
from dossier.settings import Settings
from tests.test_pipeline import kcna_batch


def _with_a_failure(corpus: Path, count: int) -> pipeline.Batch:
    batch = kcna_batch(corpus, count)
    odd = Failure("kcna-2024.jsonl:99", "read", "line 99: not JSON")
    return [batch[0], odd, *batch[1:]]


# Signed as the writer prepared it, or left for the worker to sign.
@pytest.mark.parametrize("signed_preparing", [True, False])
def test_outlines_finished_give_the_batch_s_results(
    corpus: Path, pack: Pack, signed_preparing: bool
) -> None:
    batch = _with_a_failure(corpus, 8)
    prepared = pipeline.prepare_batch(batch, pack, sign=signed_preparing)
    assert outlines.is_prepared(prepared) and not outlines.is_prepared(batch)
    settings = Settings()
    sent = pickle.loads(pickle.dumps(outlines.outlines(prepared)))
    assert sent[1] is None  # the failure stays with the writer
    done = pickle.loads(pickle.dumps(outlines.finish(sent, pack, settings)))
    made = outlines.finished(prepared, done)
    assert made == pipeline.run_batch(batch, pack, settings, sign=True)
    assert all(
        document.signs is not None and document.annotations is not None
        for source in made[0]
        for document in source.documents
        if document.kind == "article"
    )


def test_outlines_carry_a_fraction_of_the_prepared_batch(
    corpus: Path, pack: Pack
) -> None:
    prepared = pipeline.prepare_batch(kcna_batch(corpus, 20), pack, sign=True)
    texts = sum(
        len(document.text.encode())
        for item in prepared
        if not isinstance(item, Failure)
        for document in item.documents  # type: ignore[union-attr]
    )
    sent = len(pickle.dumps(outlines.outlines(prepared)))
    whole = len(pickle.dumps(prepared))
    # The documents' texts and a few fields: no raw text, blocks, offset maps
    # or signatures (the whole prepared batch is about 6 times its texts).
    assert texts < sent < 1.2 * texts
    assert whole > 4 * sent


def test_a_source_whose_finishing_fails_fails_as_in_run_batch(
    corpus: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = kcna_batch(corpus, 2)
    assert isinstance(first, Source)
    broken = dataclasses.replace(first, part=7)
    batch: pipeline.Batch = [broken, second]
    prepared = pipeline.prepare_batch(batch, pack)
    real = pipeline.finish_documents

    def finish_documents(outline, pack, **options):  # type: ignore[no-untyped-def]
        if outline.where.endswith(":7"):
            raise ValueError("no facts in\nthis text")
        return real(outline, pack, **options)

    monkeypatch.setattr(pipeline, "finish_documents", finish_documents)
    settings = Settings()
    done = outlines.finish(outlines.outlines(prepared), pack, settings)
    made = outlines.finished(prepared, done)
    assert made == pipeline.run_batch(batch, pack, settings, sign=True)
    assert made[1] == (
        Failure(f"{first.path}:7", "clean", "ValueError: no facts in this text"),
    )
    assert [source.source.part for source in made[0]] == [second.part]  # type: ignore[union-attr]
