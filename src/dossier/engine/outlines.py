"""A batch the pool's writer prepared, handed to a worker as outlines (what
finishing needs: `pipeline.Outline`) and made whole again by the writer from
the prepared batch it kept.

Sent whole, kcna-2024's prepared batches (raw and clean texts, blocks, offset
maps) pickled to 20 MB, and their results, which carry all that back, to 22
MB: about 1.9 of a pool build's 21 CPU s went to pickling them, half in the
writer (issue 14). Outlines are the documents' texts and four fields; what
comes back is only what finishing made (annotations, flags, facts).
"""

from __future__ import annotations

from dossier.model import Failure, Source, SourceResult
from dossier.packs import Pack
from dossier.pipeline import (
    Batch,
    BatchResult,
    Finishing,
    Outline,
    finish_guarded,
    finished_source,
    outline,
)
from dossier.settings import Settings

# A batch's items as a worker gets them: a prepared source's outline, or
# None for a failure met before (the writer keeps it in its place).
Outlines = list[Outline | None]
Finishings = list[Finishing | None]


def is_prepared(batch: Batch) -> bool:
    """Whether the writer prepared the batch (`pipeline.prepare_batch`)."""
    return not any(isinstance(item, Source) for item in batch) and any(
        isinstance(item, SourceResult) for item in batch
    )


def outlines(prepared: Batch) -> Outlines:
    """What a worker needs to finish the prepared batch."""
    return [
        outline(item) if isinstance(item, SourceResult) else None for item in prepared
    ]


def finish(sent: Outlines, pack: Pack, settings: Settings) -> Finishings:
    """In a worker: each outlined source finished, signed where it was not."""
    return [
        None if item is None else finish_guarded(item, pack, settings, sign=True)
        for item in sent
    ]


def finished(prepared: Batch, done: Finishings) -> BatchResult:
    """`run_batch` of the prepared batch, from its outlines' finishing."""
    results: list[SourceResult] = []
    failures: list[Failure] = []
    for item, made in zip(prepared, done, strict=True):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        if not isinstance(item, SourceResult) or made is None:
            raise ValueError("a prepared batch's finishing does not match it")
        if made.documents is not None:
            results.append(finished_source(item, made))
        failures.extend(made.failures)
    return tuple(results), tuple(failures)
