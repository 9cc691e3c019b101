"""Link: the only corpus-wide stage. Entities across documents, claims compared.

It reads compact rows (mention keys, figure intervals) from the store, so it
scales with the number of distinct entities and subjects, not with text.
"""

from dossier.link.claims import compare_claims
from dossier.link.entities import link_entities

__all__ = ["compare_claims", "link_entities"]
