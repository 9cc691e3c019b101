"""The end of a pool's build cut finer (`engine.tail`): a batch's runs give,
joined, what the batch gives, and only the last batches are marked; and
what a pool's writer hands out (`engine.local._slots`)."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest

from dossier import pipeline
from dossier.engine import local, tail
from dossier.fingerprint import build_fingerprint
from dossier.model import Failure, Source
from dossier.packs import Pack
from dossier.read.files import file_sha256
from dossier.settings import Settings
from tests.test_pipeline import kcna_batch


def test_marked_ends_marks_the_last_items_only() -> None:
    assert list(tail.marked_ends("abcde", 2)) == [
        ("a", False),
        ("b", False),
        ("c", False),
        ("d", True),
        ("e", True),
    ]
    assert list(tail.marked_ends("ab", 3)) == [("a", True), ("b", True)]
    assert list(tail.marked_ends("ab", 0)) == [("a", False), ("b", False)]


def test_a_batch_split_in_runs_of_about_equal_text_keeps_its_order(
    corpus: Path,
) -> None:
    batch = kcna_batch(corpus, 40)
    odd = Failure("kcna-2024.jsonl:3", "read", "line 3: not JSON")
    batch.insert(3, odd)
    runs = tail.split_batch(batch, 4)
    assert len(runs) == 4
    assert [item for run in runs for item in run] == batch
    sizes = [sum(len(s.raw) for s in run if isinstance(s, Source)) for run in runs]
    whole = sum(sizes)
    # Each run within one story (the longest here) of a quarter.
    longest = max(len(s.raw) for s in batch if isinstance(s, Source))
    assert all(abs(size - whole / 4) <= longest for size in sizes)
    assert tail.split_batch(batch[:2], 4) == [[batch[0]], [batch[1]]]
    assert tail.split_batch([], 4) == [[]]


def test_the_runs_results_joined_are_the_batchs(corpus: Path, pack: Pack) -> None:
    batch = kcna_batch(corpus, 6)
    batch.insert(2, Failure("kcna-2024.jsonl:2", "read", "line 2: not JSON"))
    settings = Settings(annotate=False)
    runs = tail.split_batch(batch, 3)
    assert len(runs) == 3
    joined = tail.join_results(pipeline.run_batch(run, pack, settings) for run in runs)
    assert joined == pipeline.run_batch(batch, pack, settings)
    assert len(joined[0]) == 6 and len(joined[1]) == 1


class _Pool:
    """Takes tasks and runs none: what `_slots` hands out, in order."""

    def __init__(self) -> None:
        self.batches: list[pipeline.Batch] = []

    def submit(self, work: object, batch: pipeline.Batch) -> Future[object]:
        self.batches.append(batch)  # a batch, or a prepared one's outlines
        done: Future[object] = Future()
        done.set_result(((), ()))
        return done


class _Cold:
    warm = False


def test_the_writer_prepares_until_it_hands_out_and_the_end_goes_out_in_runs(
    corpus: Path, pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = (corpus / "kcna-2024" / "kcna-2024.jsonl").read_text().splitlines()
    unchanged, new = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    unchanged.write_text("\n".join(lines[:4]) + "\n")
    new.write_text("\n".join(lines[4:10]) + "\n")
    settings = Settings()
    stored = f"{file_sha256(unchanged)} {build_fingerprint(settings, pack)}"
    monkeypatch.setattr(pipeline, "BATCH_SOURCES", 2)
    pool = _Pool()
    slots = list(
        local._slots(
            pool,  # type: ignore[arg-type]
            [unchanged, new],
            pack,
            settings,
            {str(unchanged): stored},
            _Cold(),  # type: ignore[arg-type]
            2,
            2,
        )
    )
    # The unchanged file, then the new one's 3 batches of 2 stories: the
    # first two prepared here (an unchanged file hands nothing out) and sent
    # as outlines, the last two, one a worker, in a run a story.
    assert [len(slot.batch) for slot in slots] == [0, 1, 2, 2]
    assert slots[0].file is not None and slots[0].result().skipped
    kinds = [[type(item).__name__ for item in batch] for batch in pool.batches]
    assert kinds == [
        ["Outline", "Outline"],
        ["Outline"],
        ["Outline"],
        ["Source"],
        ["Source"],
    ]
    # The writer keeps what it prepared, to make the workers' results whole.
    kept = [[type(item).__name__ for item in run.kept or []] for run in slots[1].batch]
    assert kept == [["SourceResult", "SourceResult"]]
    assert all(run.kept is None for run in slots[3].batch)
