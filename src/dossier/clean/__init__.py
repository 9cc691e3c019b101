"""Clean: repair a source's text, recording every change so offsets map back.

Each step returns edits against the text of the step before; `clean` applies
them in order and composes their offset maps into one map back to raw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dossier.clean.encoding import invisible_edits, mojibake_edits, newline_edits
from dossier.clean.glued import glued_edits
from dossier.clean.joins import join_edits
from dossier.clean.names import name_edits
from dossier.clean.pagebreak import pagebreak_edits
from dossier.clean.spaces import space_edits
from dossier.clean.unwrap import unwrap_edits
from dossier.model import Cleaned, Repair, Source
from dossier.offsets import Edit, OffsetMap, compose, rewrite
from dossier.packs import Pack

Step = Callable[[str, Pack], Sequence[Edit]]

# Edits too routine to list one by one; they are counted instead.
_COUNTED_ONLY = frozenset({"newline", "space", "unwrap", "invisible"})

STEPS: tuple[tuple[str, Step], ...] = (
    ("newlines", lambda text, pack: newline_edits(text)),
    ("mojibake", lambda text, pack: mojibake_edits(text)),
    ("invisible", lambda text, pack: invisible_edits(text)),
    ("spaces", lambda text, pack: space_edits(text)),
    ("joins", lambda text, pack: join_edits(text)),
    (
        "unwrap",
        lambda text, pack: unwrap_edits(text, prefixes=pack.keep_hyphen_prefixes),
    ),
    ("names", name_edits),
    ("glued", glued_edits),
    ("page-breaks", lambda text, pack: pagebreak_edits(text)),
)


def clean(source: Source, pack: Pack) -> Cleaned:
    text = source.raw
    offsets = OffsetMap.identity(len(text))
    repairs: list[Repair] = []
    counts: dict[str, int] = {}
    for _name, step in STEPS:
        edits = step(text, pack)
        if not edits:
            continue
        for edit in edits:
            counts[edit.kind] = counts.get(edit.kind, 0) + 1
            if edit.kind in _COUNTED_ONLY:
                continue
            raw_start, raw_end = offsets.to_raw(edit.start, edit.end)
            before = source.raw[raw_start:raw_end]
            repairs.append(Repair(edit.kind, raw_start, raw_end, before, edit.text))
        text, step_map = rewrite(text, edits)
        offsets = compose(offsets, step_map)
    if counts.get("replacement-char"):
        counts["replacement-chars-removed"] = source.raw.count("\ufffd")
    return Cleaned(source, text, offsets, tuple(repairs), counts)
