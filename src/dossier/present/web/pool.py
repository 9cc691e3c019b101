"""A few read-only connections to the dossier, each lent to one request at a
time: opening one per request would re-read the schema every time."""

from __future__ import annotations

import queue
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from dossier.store import connect

# Idle connections kept; more are opened under load and closed after. The
# server's thread pool runs 40 requests at most, a laptop's disk far fewer.
KEEP = 4

T = TypeVar("T")


class Pool:
    def __init__(self, db: str | Path) -> None:
        self.db = db
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._side = ThreadPoolExecutor(KEEP, thread_name_prefix="dossier-side")
        # Fail now, with the CLI's message, on a missing or foreign file.
        self._idle.put(self._open())

    def _open(self) -> sqlite3.Connection:
        return connect(self.db, create=False, shared=True)

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        try:
            lent = self._idle.get_nowait()
        except queue.Empty:
            lent = self._open()
        try:
            yield lent
        finally:
            if self._idle.qsize() < KEEP:
                self._idle.put(lent)
            else:
                lent.close()

    def side(self, work: Callable[[sqlite3.Connection], T]) -> Callable[[], T]:
        """Start `work` on a connection of its own while the caller goes on;
        the returned function waits for its result (or raises its error).
        SQLite lets go of the interpreter while it runs a statement, so a
        page's independent queries overlap on a second core: the search
        page's facets beside its hits, an entity's statements beside its
        quotes (bench/web_speed.py)."""

        def run() -> T:
            with self.connection() as lent:
                return work(lent)

        return self._side.submit(run).result

    def close(self) -> None:
        self._side.shutdown(wait=True)
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
