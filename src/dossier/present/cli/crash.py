"""Where an unexpected exception's traceback goes: a log file, never the
user's terminal (#17); the command prints one line naming the file."""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# sysexits.h EX_SOFTWARE: dossier itself failed. Not 3 (environment): the
# disk, permissions or the database are not at fault, so the fix is a bug
# report with the log, not a change on the user's machine.
INTERNAL_ERROR = 70

LOG_NAME = "dossier-error.log"


def crash_log() -> Path:
    """The log file: $DOSSIER_ERROR_LOG, else the user's log folder.

    platformdirs' user log folder when it is installed (no dependency of
    ours), else $XDG_CACHE_HOME/dossier or ~/.cache/dossier. Not beside the
    database: read commands never write there (#17).
    """
    chosen = os.environ.get("DOSSIER_ERROR_LOG")
    if chosen:
        return Path(chosen)
    try:
        platformdirs: Any = importlib.import_module("platformdirs")
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        return Path(base) / "dossier" / LOG_NAME
    return Path(platformdirs.user_log_dir("dossier")) / LOG_NAME


def write_crash_log(error: BaseException) -> Path | None:
    """Append the command line and `error`'s traceback to the log; its path,
    or None when neither the log nor the temporary folder can be written."""
    entry = (
        f"--- {datetime.now(UTC).isoformat(timespec='seconds')} "
        f"{' '.join(sys.argv)}\n" + "".join(traceback.format_exception(error))
    )
    for path in (crash_log(), Path(tempfile.gettempdir()) / LOG_NAME):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8", errors="replace") as log:
                log.write(entry)
        except OSError:
            continue
        return path
    return None
