"""What the time tagger finds in a sentence, as the tests compare it: each
expression's text as printed and its value, in order."""

from __future__ import annotations

from dossier.annotate.time import tag_times
from dossier.packs import Pack


def printed_values(
    text: str, pack: Pack, anchor: str | None
) -> list[tuple[str, str | None]]:
    """(text, value) of each time expression `tag_times` finds in `text`."""
    return [(t.text, t.value) for t in tag_times(text, anchor=anchor, pack=pack)]
