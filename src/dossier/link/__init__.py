"""Link: the only corpus-wide stage. Copies grouped, text reuse found, entities
across documents, claims compared, event dates and verdicts stored.

It reads compact rows (signatures, mention keys, figure intervals) from the
store, so it scales with the number of distinct texts, entities and subjects.
Copies come first: the counts of the others count independent texts.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dossier.link.claims import compare_claims
    from dossier.link.claims_stored import (
        ConflictReport,
        link_conflicts,
        needs_conflicts,
    )
    from dossier.link.copies import CopyReport, link_copies, needs_linking
    from dossier.link.entities import link_entities, needs_entities
    from dossier.link.reuse import ReuseReport, link_reuse, needs_reuse

# Each public name and its module, imported on first use (PEP 562): the
# query commands read `link.assertion` and `link.language` and must not load
# numpy with copies and reuse (#14 part 6: start in under 300 ms).
_HOMES = {
    "compare_claims": "claims",
    "ConflictReport": "claims_stored",
    "link_conflicts": "claims_stored",
    "needs_conflicts": "claims_stored",
    "CopyReport": "copies",
    "link_copies": "copies",
    "needs_linking": "copies",
    "link_entities": "entities",
    "needs_entities": "entities",
    "ReuseReport": "reuse",
    "link_reuse": "reuse",
    "needs_reuse": "reuse",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'dossier.link' has no attribute {name!r}")
    return getattr(importlib.import_module(f"dossier.link.{home}"), name)


__all__ = [
    "ConflictReport",
    "CopyReport",
    "ReuseReport",
    "compare_claims",
    "link_conflicts",
    "link_copies",
    "link_entities",
    "link_reuse",
    "needs_conflicts",
    "needs_entities",
    "needs_linking",
    "needs_reuse",
]
