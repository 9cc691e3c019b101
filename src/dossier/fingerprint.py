"""What, besides a file's bytes, decides what a build stores for it.

A build skips a file only when its bytes and this fingerprint are unchanged.
The fingerprint is computed, never bumped by hand: a hash of dossier's own
installed code, the versions of the libraries whose output it stores, the
pack's content and the settings that change output. Editing a rule, a pack
entry or upgrading ftfy therefore re-builds every file on the next run.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

from dossier.packs import Pack
from dossier.settings import Settings

PACKAGE_DIR = Path(__file__).parent

# Libraries whose output dossier stores (decoding, repairs, HTML and PDF text,
# tokens): a new version may change what a build makes of the same bytes.
_LIBRARIES = (
    "charset-normalizer",
    "ftfy",
    "trafilatura",
    "pypdfium2",
    "pypdf",
    "regex",
    "spacy",
    "wordfreq",
)


@cache
def code_fingerprint() -> str:
    """A short hash of dossier's code (every .py under the package) and libraries.

    Packs are left out here: a build's pack is hashed on its own, so editing
    an unused bundled pack changes nothing.
    """
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for name in _LIBRARIES:
        digest.update(f"{name}={_version(name)}\0".encode())
    return digest.hexdigest()[:16]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def build_fingerprint(settings: Settings, pack: Pack) -> str:
    """The fingerprint stored with each file a build writes."""
    return (
        f"code={code_fingerprint()};pack={pack.digest[:16]}"
        f";annotate={int(settings.annotate)};model={settings.model or ''}"
    )
