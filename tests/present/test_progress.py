"""Build progress counts bytes, so a big file moves the bar before it ends;
in a log, a line every few seconds (#17)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from dossier import pipeline
from dossier.model import FileResult
from dossier.present.cli import build
from dossier.present.cli.app import app
from dossier.present.cli.build import build_files
from dossier.present.cli.progress import LogProgress, ProgressCounter, RichProgress
from dossier.settings import Settings
from tests.conftest import EXAMPLES

# Three batches of `BATCH` sources: one file stored in three pieces. A
# batch is 500 sources in a build; 1,200 lines of wire, built seven times,
# were most of this module's time (issue 14, part 7).
LINES = 120
BATCH = 50


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "BATCH_SOURCES", BATCH)


class Recorder:
    """A BuildProgress that keeps the counts after each piece."""

    def __init__(self) -> None:
        self.counter = ProgressCounter()
        self.seen: list[tuple[bool, int, int]] = []  # last, bytes done, documents

    def start(self, *, files: int, total_bytes: int) -> None:
        self.counter.start(files=files, total_bytes=total_bytes)

    def advance(self, result: FileResult) -> None:
        self.counter.advance(result)
        self.seen.append((result.last, self.counter.done_bytes, self.counter.documents))


def wire(folder: Path) -> Path:
    path = folder / "wire.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n in range(LINES):
            text = f"Item {n}. The delegation left Pyongyang on Monday for talks."
            handle.write(json.dumps({"title": f"Item {n}", "text": text}) + "\n")
    return path


def test_a_streamed_file_moves_progress_piece_by_piece(tmp_path: Path) -> None:
    path = wire(tmp_path)
    letter = tmp_path / "letter.txt"
    letter.write_text((EXAMPLES / "letter.txt").read_text(encoding="utf-8"))
    recorder = Recorder()
    build_files(
        [tmp_path],
        Settings(db=str(tmp_path / "d.db"), annotate=False),
        progress=recorder,
    )
    total = path.stat().st_size + letter.stat().st_size
    assert recorder.counter.total_bytes == total
    assert recorder.counter.total_files == 2
    pieces = [done for last, done, _ in recorder.seen]
    assert len(pieces) >= 4  # the JSONL in three pieces or more, the letter
    assert pieces == sorted(pieces)
    # The JSONL's first pieces already move the count, short of its size.
    jsonl_first = recorder.seen[0] if not recorder.seen[0][0] else recorder.seen[1]
    assert 0 < jsonl_first[1] < path.stat().st_size
    assert pieces[-1] == total
    assert recorder.counter.files == 2
    assert recorder.seen[-1][2] == recorder.counter.documents >= LINES


def test_unchanged_files_count_their_bytes(tmp_path: Path) -> None:
    wire(tmp_path)
    settings = Settings(db=str(tmp_path / "d.db"), annotate=False)
    build_files([tmp_path], settings)
    recorder = Recorder()
    build_files([tmp_path], settings, progress=recorder)
    assert recorder.counter.done_bytes == recorder.counter.total_bytes > 0
    assert recorder.counter.files == 1


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_log_progress_writes_a_line_every_interval(tmp_path: Path) -> None:
    wire(tmp_path)
    clock = Clock()
    lines: list[str] = []
    progress = LogProgress(lines.append, every=10, clock=clock)
    original = progress.advance

    def slow_advance(result: FileResult) -> None:
        clock.now += 6  # each piece takes 6 s: a line every second piece
        original(result)

    progress.advance = slow_advance  # type: ignore[method-assign]
    build_files(
        [tmp_path],
        Settings(db=str(tmp_path / "d.db"), annotate=False),
        progress=progress,
    )
    assert lines
    first = lines[0]
    assert first.startswith("progress: 0/1 files, ")
    assert " documents (" in first and " docs/s), " in first
    assert " MB/s, ETA " in first
    assert all(line.count("\n") == 0 for line in lines)


def test_log_progress_line_format() -> None:
    progress = LogProgress(lambda _: None, clock=Clock())
    progress.start(files=340, total_bytes=600_000_000)
    counter = progress.counter
    counter.files, counter.documents, counter.done_bytes = 12, 1_234, 45_600_000
    assert progress.line(38.0) == (
        "progress: 12/340 files, 1,234 documents (32 docs/s), 45.6/600.0 MB, "
        "1.20 MB/s, ETA 7m42s"
    )
    # In the first second a rate is noise: none is given.
    assert "(… docs/s)" in progress.line(0.5)


def test_build_in_a_log_prints_progress_lines_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wire(tmp_path)
    monkeypatch.setattr(
        build, "LogProgress", lambda write: LogProgress(write, every=0.0)
    )
    # Without annotating: the lines come from the pieces read and stored,
    # and annotating 1,200 items twice was most of this module's time.
    result = CliRunner().invoke(
        app, ["build", str(tmp_path), "--db", str(tmp_path / "d"), "--no-annotate"]
    )
    assert result.exit_code == 0, result.output
    lines = [
        line for line in result.stderr.splitlines() if line.startswith("progress:")
    ]
    assert lines
    assert "files stored" in result.stdout
    quiet = CliRunner().invoke(
        app,
        [
            "build",
            str(tmp_path),
            "--db",
            str(tmp_path / "e"),
            "--json",
            "--no-annotate",
        ],
    )
    assert quiet.exit_code == 0
    assert quiet.stderr == ""


def test_terminal_progress_shows_documents_megabytes_and_rate(tmp_path: Path) -> None:
    wire(tmp_path)
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with RichProgress(console) as progress:
        build_files(
            [tmp_path],
            Settings(db=str(tmp_path / "d.db"), annotate=False),
            progress=progress,
        )
    shown = screen.getvalue()
    assert " docs " in shown
    assert " docs/s" in shown
    size = f"{(tmp_path / 'wire.jsonl').stat().st_size / 1000:.1f}"
    assert f"{size}/{size} kB" in shown  # bytes done of bytes to read
    assert "B/s" in shown
