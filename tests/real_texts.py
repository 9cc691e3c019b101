"""Real text for the tests that check a faster scan against the one it
replaces: kcna-2024's stories (wire copy with datelines, glued names and
end markers) and the seeds (OCR, saved pages, a letter, a blog)."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path


def kcna_and_seeds(corpus: Path, stories: int | None = None) -> list[str]:
    """The first `stories` texts of kcna-2024 (all of them with None), then
    every seed's text."""
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line).get("text", "") for line in islice(handle, stories)]
    return texts + [
        p.read_text(encoding="utf-8") for p in sorted(corpus.glob("seeds/*"))
    ]
