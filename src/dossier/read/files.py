"""Find input files and read each into `Source` records by its extension."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
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
STREAMED_SUFFIXES = TEXT_SUFFIXES | {".jsonl"}
# Files that describe a folder rather than hold a document; read only when
# named on the command line.
FOLDER_NOTES = {"readme", "license", "licence", "copying", "changelog"}


@dataclass(frozen=True, slots=True)
class Found:
    """A path the walk met: to read, left out on purpose, or not readable.

    Every path is accounted for: `skipped` says why a file is left out by
    design (hidden, a type dossier does not read, a folder's README, too
    large, a folder already read through a link), `problem` why it cannot be
    read (missing, a dangling link, a folder that cannot be listed).
    """

    path: Path
    skipped: str | None = None
    problem: str | None = None


def walk(
    paths: Iterable[str | Path], *, max_bytes: int | None = None
) -> Iterator[Found]:
    """Every path under `paths`, each once, absolute, in name order.

    So `seeds`, `./seeds` and `/abs/seeds` name the same stored file. Folders
    are followed recursively, symlinked ones too, but each real folder only
    once, so a symlink loop ends instead of recursing forever.
    """
    seen: set[str] = set()
    files: set[str] = set()
    for given in paths:
        path = Path(os.path.abspath(given))
        if not path.exists() and not path.is_symlink():
            yield Found(path, problem="no such file or folder")
            continue
        if not _is_dir(path):
            found = iter([_given(path, max_bytes)])
        elif os.path.realpath(path) in seen:
            continue  # the same folder named twice
        else:
            found = _walk_folder(path, seen, max_bytes)
        for item in found:
            if str(item.path) not in files:
                files.add(str(item.path))
                yield item


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a self-referencing symlink: ELOOP
        return False


def _given(path: Path, max_bytes: int | None) -> Found:
    """A file named on the command line: read whatever its name."""
    if not _utf8_name(path):
        return Found(path, problem=UNREADABLE_NAME)
    return _bad_link(path) or Found(path, skipped=_too_large(path, max_bytes))


# The database keeps paths as UTF-8 text; a name of other bytes cannot be one.
UNREADABLE_NAME = "file name is not valid UTF-8: rename the file to read it"


def _utf8_name(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _walk_folder(
    folder: Path, seen: set[str], max_bytes: int | None
) -> Iterator[Found]:
    real = os.path.realpath(folder)
    if real in seen:
        yield Found(folder, skipped="symlink loop: folder already read")
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield Found(folder, problem=f"cannot list folder: {err.strerror}")
        return
    for entry in entries:
        path = Path(entry.path)
        bad_link = _bad_link(path) if entry.is_symlink() else None
        if not _utf8_name(path):
            yield Found(path, problem=UNREADABLE_NAME)
        elif bad_link:
            yield bad_link
        elif entry.name.startswith("."):
            yield Found(path, skipped="hidden")
        elif entry.is_dir(follow_symlinks=True):
            yield from _walk_folder(path, seen, max_bytes)
        elif path.suffix.lower() not in SUFFIXES:
            kind = path.suffix.lower() or "no extension"
            yield Found(path, skipped=f"type not read ({kind})")
        elif path.stem.lower() in FOLDER_NOTES:
            yield Found(path, skipped="folder note (name it to read it)")
        else:
            yield Found(path, skipped=_too_large(path, max_bytes))


def _bad_link(path: Path) -> Found | None:
    """A symlink that leads nowhere: a loop is skipped, a dangling one fails."""
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return Found(path, skipped="symlink loop: the link leads back to itself")
        if path.is_symlink():
            return Found(path, problem=f"broken symlink to {os.readlink(path)}")
        return Found(path, problem=f"cannot read: {err.strerror}")
    return None


def _too_large(path: Path, max_bytes: int | None) -> str | None:
    """Why a file read whole is too large, or None. Text and JSONL are read as
    streams (read/stream.py), so no size is too large for them."""
    if path.suffix.lower() in STREAMED_SUFFIXES:
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None  # read_bytes reports it with its reason
    if max_bytes is not None and size > max_bytes:
        return (
            f"too large: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB "
            "limit (raise it with --max-file-mb)"
        )
    return None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    """The file's sha256, read a block at a time (a big file is never held)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


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
