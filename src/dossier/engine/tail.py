"""The end of a pool's build cut finer: its last batches, one a worker, go
out as several tasks each, so the workers finish together (issue 14 part 3).
A batch cut so is still stored as one piece of its file: the rows written,
and the order they are written in, are those of the whole batch."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import TypeVar

from dossier.model import Failure, Source, SourceResult
from dossier.pipeline import Batch, BatchResult

# Tasks each of the last batches goes out as. With whole 250 KB batches
# (about 0.5 CPU s each on kcna-2024) one worker ran the last alone for up
# to that long while the other had nothing left.
PARTS = 4

_Item = TypeVar("_Item")


def marked_ends(items: Iterable[_Item], count: int) -> Iterator[tuple[_Item, bool]]:
    """Each item, and whether it is one of the last `count`: read `count`
    ahead (a few batches of a stream)."""
    ahead: deque[_Item] = deque()
    for item in items:
        ahead.append(item)
        if len(ahead) > count:
            yield ahead.popleft(), False
    for item in ahead:
        yield item, True


def split_batch(batch: Batch, parts: int) -> list[Batch]:
    """The batch as up to `parts` runs of consecutive items, each of about
    the same text; `join_results` of theirs is `run_batch` of the batch."""
    sizes = [_chars(item) for item in batch]
    share = max(1, sum(sizes)) / max(1, parts)
    runs: list[Batch] = [[]]
    done = 0
    for item, size in zip(batch, sizes, strict=True):
        if runs[-1] and done >= share * len(runs) and len(runs) < parts:
            runs.append([])
        runs[-1].append(item)
        done += size
    return runs


def join_results(results: Iterable[BatchResult]) -> BatchResult:
    """One batch's result from those of its runs (`split_batch`), in order."""
    sources: list[SourceResult] = []
    failures: list[Failure] = []
    for found, failed in results:
        sources.extend(found)
        failures.extend(failed)
    return tuple(sources), tuple(failures)


def _chars(item: Source | SourceResult | Failure) -> int:
    if isinstance(item, Source):
        return len(item.raw)
    return len(item.source.raw) if isinstance(item, SourceResult) else 0
