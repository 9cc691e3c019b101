"""dossier commands in processes of their own, started warm.

A build in a new interpreter spends some 3 CPU s before its first file
(importing dossier and spaCy, compiling the pack), more than the small
builds the kill tests run (issue 14, part 7). These are
forked instead from multiprocessing's forkserver, which imports
`tests.warm` (dossier's modules, the pack compiled) once: each command is then
`main()` with its arguments, the code a user's `dossier ...` runs, in a fresh
process (its own database connections, killed by SIGKILL as any process).

The forkserver is one per test process, and the Dask tests' cluster workers
and dossier's own local cluster fork from it too (`start_server`, before
they start one): started by anything else first (a link pool), it imported
nothing and its children start cold, as slow as a new interpreter, and
otherwise the same. Its children are its own, not the test process's: their
CPU counts in the test process's only once the server is stopped and reaped
(`stop`, at the session's end: tests/conftest.py); tests/cputime.py reads
the live server's from /proc.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver as forkserver
import os
import signal
import sys
from collections.abc import Sequence
from multiprocessing.context import ForkServerProcess
from pathlib import Path

_CONTEXT = multiprocessing.get_context("forkserver")

# What the server imports once, before it forks anything: `tests.warm`, and
# what a Dask worker process imports besides (dossier's own local cluster
# preloads the same, src/dossier/engine/dask.py). `distributed` costs the
# server some 0.5 CPU s; a Dask worker started cold costs some 4 (importing
# dossier and spaCy, compiling the pack), and the suite starts three.
PRELOAD = ["tests.warm", "distributed", "dossier.link.signing"]


def _run(args: list[str], stderr: str) -> None:
    """In the child: stdout dropped, stderr to a file, then the CLI."""
    with open(os.devnull, "wb") as null, open(stderr, "wb") as errors:
        os.dup2(null.fileno(), 1)
        os.dup2(errors.fileno(), 2)
    from dossier.present.cli.app import main

    sys.argv = ["dossier", *args]
    main()


class Command:
    """A running command: what these tests read of a `subprocess.Popen`."""

    def __init__(self, process: ForkServerProcess, stderr: Path) -> None:
        self._process = process
        self._stderr = stderr

    def poll(self) -> int | None:
        return self._process.exitcode

    def send_signal(self, number: signal.Signals) -> None:
        if self._process.pid is not None:
            os.kill(self._process.pid, number)

    def wait(self, timeout: float | None = None) -> int:
        self._process.join(timeout)
        if self._process.exitcode is None:
            raise TimeoutError(f"dossier still running after {timeout} s")
        return self._process.exitcode

    def stderr(self) -> str:
        """What the command wrote on stderr (wait for it first)."""
        return self._stderr.read_text(encoding="utf-8", errors="replace")


# The servers `start_server` started, and those `cold_server` reported.
_WARM: set[int] = set()
_REPORTED: set[int] = set()


def start_server() -> None:
    """Start the forkserver warm (`PRELOAD`), unless it runs already. Called
    where it is first needed, not on import: a session that forks nothing
    never pays for the server's imports."""
    before = server_pid()
    _CONTEXT.set_forkserver_preload(PRELOAD)
    forkserver.ensure_running()
    if (pid := server_pid()) is not None and pid != before:
        _WARM.add(pid)


def cold_server() -> int | None:
    """The id of a forkserver this process runs that `start_server` did not
    start (something else started it, without the preload), the first time
    it is asked about it; else None."""
    pid = server_pid()
    if pid is None or pid in _WARM or pid in _REPORTED:
        return None
    _REPORTED.add(pid)
    return pid


def start(args: Sequence[str], *, stderr: Path) -> Command:
    """`dossier ARGS...` started in a process of its own, its stderr written
    to `stderr`."""
    start_server()
    process = _CONTEXT.Process(target=_run, args=([*args], str(stderr)))
    process.start()
    return Command(process, stderr)


def server_pid() -> int | None:
    """The forkserver's process id while it runs (CPython keeps it private)."""
    server = getattr(forkserver, "_forkserver", None)
    pid = getattr(server, "_forkserver_pid", None)
    return pid if isinstance(pid, int) else None


def stop() -> None:
    """Stop the forkserver and reap it (its CPU, and its children's, then
    count in this process's children's)."""
    server = getattr(forkserver, "_forkserver", None)
    if server_pid() is not None and hasattr(server, "_stop"):
        server._stop()
