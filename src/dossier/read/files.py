"""Find input files and read each into `Source` records by its extension."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dossier.errors import InputError
from dossier.model import Source
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

    Folders are followed recursively, symlinked ones too, but each real folder
    only once, so a symlink loop ends instead of recursing forever. A given
    path that does not exist is yielded with its problem.
    """
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield path, "no such file or folder"
        elif path.is_dir():
            yield from _walk_folder(path, seen)
        else:
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
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}") from err
    if size > max_bytes:
        raise InputError(
            f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit "
            "(raise it with --max-file-mb)"
        )
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}") from err


def read_text_source(path: Path, data: bytes, digest: str) -> list[Source]:
    text, encoding = decode(data)
    return [Source(str(path), 0, text, encoding, digest)]


Reader = Callable[[Path, bytes, str], list[Source]]

READERS: dict[str, Reader] = {
    **dict.fromkeys(TEXT_SUFFIXES, read_text_source),
    **dict.fromkeys(HTML_SUFFIXES, read_html),
    ".pdf": read_pdf,
    ".jsonl": read_jsonl,
}


def read_file(path: Path, data: bytes, digest: str) -> list[Source]:
    """Sources in one file's bytes. Raises InputError with a one-line reason."""
    if not data.strip():
        raise InputError("empty file")
    reader = READERS.get(path.suffix.lower(), read_text_source)
    sources = reader(path, data, digest)
    if not any(source.raw.strip() for source in sources):
        raise InputError("no text in file")
    return sources
