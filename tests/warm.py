"""Imported once by the forkserver tests/processes.py forks its commands from:
what every build process does before its first file, done before the fork
(dossier's modules, spaCy's tokenizer, the pack compiled and kept by its
digest, the word frequencies the cleaner reads)."""

from __future__ import annotations

import gc

from dossier.model import Source
from dossier.packs import load_pack
from dossier.pipeline import run_source
from dossier.present.cli import app

# One short text through every stage: the lazy imports and tables on the way.
WARM_TEXT = "Pyong-\nyang, May 3 (KCNA) -- Kim Il Sung said on 3 May 2024: “We won.”"
run_source(Source("warm.txt", 0, WARM_TEXT, "utf-8", ""), load_pack("korea"))
# What every child inherits, kept out of its collector's scans (and its
# pages unwritten by them): the fork-server pattern gc.freeze is made for.
gc.freeze()

__all__ = ["app"]
