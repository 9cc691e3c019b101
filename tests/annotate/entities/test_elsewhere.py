"""Words capitalised elsewhere: a run that meets no headline gives its chain's
own words, the same set as reading each of its segments (issue 14, part 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.annotate.compiled import compile_pack
from dossier.annotate.entities.candidates import within
from dossier.annotate.entities.classify import _capitalised_elsewhere
from dossier.annotate.entities.headlines import headline_spans
from dossier.annotate.entities.shapes import Run, capitalised_words, find_runs
from dossier.packs import load_pack

COMPILED = compile_pack(load_pack("korea"))


def _segment_by_segment(
    runs: list[Run], headlines: list[tuple[int, int]]
) -> frozenset[str]:
    seen: set[str] = set()
    for base, chain in runs:
        outside = [s for s in chain.segments if not within(headlines, base + s.start)]
        seen |= capitalised_words(outside)
    return frozenset(seen)


def _compared(text: str) -> tuple[int, int]:
    """Runs inside and outside the text's headlines, after checking both ways agree."""
    runs = find_runs(text, COMPILED.index, {})
    headlines = headline_spans(text, COMPILED.index)
    assert _capitalised_elsewhere(runs, headlines) == _segment_by_segment(
        runs, headlines
    )
    inside = sum(1 for base, _ in runs if within(headlines, base))
    return inside, len(runs) - inside


def test_elsewhere_on_the_seeds(corpus: Path) -> None:
    inside = outside = 0
    for path in sorted((corpus / "seeds").iterdir()):
        counts = _compared(path.read_text("utf-8"))
        inside, outside = inside + counts[0], outside + counts[1]
    # The seeds' sidebars of teaser titles are headlines; their articles not.
    assert inside > 20 and outside > 100


@pytest.mark.parametrize(
    "text",
    [
        "Mass Rallies Held in Cities Across Korea\nThe rallies in cities of Pyongyang.",
        "Kim Jong Un said.\nLeader Visits Farms Across Provinces Today\nKim Jong Un",
        "Rallies Held In Many Cities Across Nations\nRallies and nations of Korea",
    ],
)
def test_elsewhere_at_headline_edges(text: str) -> None:
    _compared(text)
