"""Find input files and read each into `Source` records by its extension."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from dossier.errors import InputError
from dossier.model import Failure, Source
from dossier.read.decode import decode
from dossier.read.html import read_html
from dossier.read.jsonl import read_jsonl
from dossier.read.pdf import read_pdf

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".jsonl"}
# Files that describe a folder rather than hold a document; read only when
# named on the command line.
FOLDER_NOTES = {"readme", "license", "licence", "copying", "changelog"}


def walk(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, problem) for every readable-looking file under `paths`.

    Paths come out absolute and each once, so `seeds`, `./seeds` and
    `/abs/seeds` name the same stored file. Folders are followed recursively,
    symlinked ones too, but each real folder only once, so a symlink loop ends
    instead of recursing forever. A given path that does not exist is yielded
    with its problem.
    """
    seen: set[str] = set()
    files: set[str] = set()
    for given in paths:
        path = Path(os.path.abspath(given))
        if not path.exists() and not path.is_symlink():
            yield path, "no such file or folder"
        elif path.is_dir():
            for found, problem in _walk_folder(path, seen):
                if problem or str(found) not in files:
                    files.add(str(found))
                    yield found, problem
        elif str(path) not in files:
            files.add(str(path))
            yield path, None


def _walk_folder(folder: Path, seen: set[str]) -> Iterator[tuple[Path, str | None]]:
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield folder, f"cannot list folder: {err.strerror}"
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or path.stem.lower() in FOLDER_NOTES:
            continue
        if entry.is_dir(follow_symlinks=True):
            if entry.is_symlink() and os.path.realpath(path) in seen:
                yield path, "symlink loop: folder already read, skipped"
                continue
            yield from _walk_folder(path, seen)
        elif path.suffix.lower() in SUFFIXES:
            yield path, None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes, or InputError: missing, not a regular file, too big."""
    try:
        status = path.stat()
    except OSError as err:
        if path.is_symlink():
            target = os.readlink(path)
            raise InputError(f"broken symlink to {target}: {err.strerror}") from err
        raise InputError(f"cannot read: {err.strerror}") from err
    if not stat.S_ISREG(status.st_mode):
        # Opening a FIFO blocks until someone writes to it; a device never ends.
        raise InputError(f"not a regular file ({_file_kind(status.st_mode)})")
    size = status.st_size
    if size > max_bytes:
        raise InputError(
            f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit "
            "(raise it with --max-file-mb)"
        )
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}") from err


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "folder"),
        (stat.S_ISFIFO, "named pipe"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    )
    return next((name for test, name in kinds if test(mode)), "special file")


def read_text_source(path: Path, data: bytes, digest: str) -> list[Source]:
    text, encoding = decode(data)
    return [Source(str(path), 0, text, encoding, digest)]


# A reader gives the sources in a file, and a failure for each part of it
# (a JSON line) that it could not read while the rest could be.
Reader = Callable[[Path, bytes, str], Sequence[Source | Failure]]

READERS: dict[str, Reader] = {
    **dict.fromkeys(TEXT_SUFFIXES, read_text_source),
    **dict.fromkeys(HTML_SUFFIXES, read_html),
    ".pdf": read_pdf,
    ".jsonl": read_jsonl,
}


def read_file(
    path: Path, data: bytes, digest: str
) -> tuple[list[Source], list[Failure]]:
    """Sources in one file's bytes, and failures of parts of it.

    Raises InputError with a one-line reason when nothing in it can be read.
    """
    if not data.strip():
        raise InputError("empty file")
    reader = READERS.get(path.suffix.lower(), read_text_source)
    sources: list[Source] = []
    failures: list[Failure] = []
    for item in reader(path, data, digest):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            sources.append(item)
    if not any(source.raw.strip() for source in sources):
        raise InputError("no text in file")
    return sources, failures
