"""Files `export` and `report` write: refused if they exist (unless forced),
written under a temporary name beside the target and renamed when whole."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from dossier.errors import InputError, StoreError

T = TypeVar("T")


def checked_target(out: Path, *, force: bool) -> Path:
    """`out`, if it may be written: not a folder, not an existing file
    unless `force`, in a folder that exists."""
    if out.is_dir():
        raise InputError(f"--out {out} is a folder: give a file name")
    if out.exists() and not force:
        raise InputError(f"--out {out} exists: give another name, or --force")
    if not out.parent.is_dir():
        raise InputError(f"--out {out}: no folder {out.parent}")
    return out


def write_whole(target: Path, write: Callable[[Path], T]) -> T:
    """`write` a temporary file beside `target`, then rename it into place:
    readers see the old file or the whole new one, and a failure (a full
    disk, an interrupt) leaves no half file behind."""
    descriptor, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent
    )
    os.close(descriptor)
    temporary = Path(name)
    try:
        result = write(temporary)
        # mkstemp makes the file private (0600); a report or an export is
        # made to be handed on, so it gets the mode any new file would.
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise StoreError(f"cannot write {target}: {error.strerror or error}") from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return result
