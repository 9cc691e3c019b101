"""Link: the only corpus-wide stage. Copies grouped, text reuse found, entities
across documents, claims compared.

It reads compact rows (signatures, mention keys, figure intervals) from the
store, so it scales with the number of distinct texts, entities and subjects.
Copies come first: the counts of the others count independent texts.
"""

from dossier.link.claims import compare_claims
from dossier.link.copies import CopyReport, link_copies, needs_linking
from dossier.link.entities import link_entities, needs_entities
from dossier.link.reuse import ReuseReport, link_reuse, needs_reuse

__all__ = [
    "CopyReport",
    "ReuseReport",
    "compare_claims",
    "link_copies",
    "link_entities",
    "link_reuse",
    "needs_entities",
    "needs_linking",
    "needs_reuse",
]
