"""Progress of `dossier build` on stderr: a live bar on a terminal, a periodic
line in a log; both count bytes, so one 30 MB file shows movement (#17)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from dossier.model import FileResult

# How often a build whose stderr is not a terminal says it is alive: often
# enough that a log shows life, rarely enough that a day's build is ~9,000 lines.
LOG_EVERY_SECONDS = 10.0


class BuildProgress(Protocol):
    """What `build_files` tells about its progress: the work, then each piece."""

    def start(self, *, files: int, total_bytes: int) -> None: ...

    def advance(self, result: FileResult) -> None: ...


class ProgressCounter:
    """Files, documents and bytes done; a streamed file's pieces advance by the
    characters they read, and its last piece settles it to the file's size."""

    def __init__(self) -> None:
        self.files = 0
        self.total_files = 0
        self.documents = 0
        self.done_bytes = 0
        self.total_bytes = 0
        self._in_file = 0

    def start(self, *, files: int, total_bytes: int) -> None:
        self.total_files, self.total_bytes = files, total_bytes

    def advance(self, result: FileResult) -> int:
        """Count one result; return the bytes it moved the count by."""
        if result.first:
            self._in_file = 0
        self.documents += sum(len(item.documents) for item in result.sources)
        if result.last:
            self.files += 1
            step = max(result.size - self._in_file, 0)
        else:
            read = sum(len(item.source.raw) for item in result.sources)
            # Never past the file's size before its last piece is stored.
            step = max(min(read, result.size - self._in_file - 1), 0)
        self._in_file += step
        self.done_bytes += step
        return step


def documents_per_second(documents: int, elapsed: float) -> str:
    """`12 docs/s`; `… docs/s` before the first second, when a rate is noise."""
    if elapsed < 1.0:
        return "… docs/s"
    return f"{documents / elapsed:,.0f} docs/s"


class RichProgress:
    """A bar on a terminal: current file, documents and their rate, MB done,
    MB/s and ETA."""

    def __init__(
        self, console: Console, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.counter = ProgressCounter()
        self._clock = clock
        self._began = clock()
        self._progress = Progress(
            TextColumn("{task.description:<30}"),
            TextColumn("{task.fields[documents]:>7,} docs"),
            TextColumn("{task.fields[rate]:>12}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task: TaskID | None = None

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._progress.stop()

    def start(self, *, files: int, total_bytes: int) -> None:
        self.counter.start(files=files, total_bytes=total_bytes)
        self._began = self._clock()
        self._task = self._progress.add_task(
            "building", total=total_bytes or None, documents=0, rate=""
        )

    def advance(self, result: FileResult) -> None:
        step = self.counter.advance(result)
        if self._task is None:
            return
        name = result.path.rsplit("/", 1)[-1][:30]
        self._progress.update(
            self._task,
            advance=step,
            description=name,
            documents=self.counter.documents,
            rate=documents_per_second(
                self.counter.documents, self._clock() - self._began
            ),
        )


class LogProgress:
    """One line on stderr every `every` seconds while the build runs:
    `progress: 12/340 files, 1,234 documents (32 docs/s), 45.6/600.0 MB,
    1.20 MB/s, ETA 7m42s`.
    """

    def __init__(
        self,
        write: Callable[[str], None],
        *,
        every: float = LOG_EVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.counter = ProgressCounter()
        self._write = write
        self._every = every
        self._clock = clock
        self._began = self._last = clock()

    def __enter__(self) -> LogProgress:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def start(self, *, files: int, total_bytes: int) -> None:
        self.counter.start(files=files, total_bytes=total_bytes)
        self._began = self._last = self._clock()

    def advance(self, result: FileResult) -> None:
        self.counter.advance(result)
        now = self._clock()
        if now - self._last >= self._every:
            self._last = now
            self._write(self.line(now - self._began))

    def line(self, elapsed: float) -> str:
        c = self.counter
        rate = c.done_bytes / elapsed if elapsed > 0 else 0.0
        left = (c.total_bytes - c.done_bytes) / rate if rate > 0 else None
        return (
            f"progress: {c.files:,}/{c.total_files:,} files, {c.documents:,} "
            f"documents ({documents_per_second(c.documents, elapsed)}), "
            f"{c.done_bytes / 1e6:,.1f}/{c.total_bytes / 1e6:,.1f} MB, "
            f"{rate / 1e6:,.2f} MB/s, ETA {_duration(left)}"
        )


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "unknown"
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
