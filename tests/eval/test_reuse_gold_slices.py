"""The reuse gold can plant one slice alone, more cases of it than the five
slices together allow (`python -m eval.reuse --only heavy --cases 24`)."""

from __future__ import annotations

import pytest

from eval import CORPUS

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS / "kcna-2024" / "kcna-2024.jsonl").is_file(),
        reason=f"third-party corpus not found at {CORPUS} (kept outside the repo)",
    ),
]


def test_one_slice_planted_alone_among_the_split_stories() -> None:
    from eval.reuse_gold import make_gold, read_stories

    stories = read_stories()
    # No pair linked: every story of the pool may be a source or a host.
    gold = make_gold(
        "dev",
        linked=lambda docs: set(),
        cases=12,
        pool_size=60,
        stories=stories,
        slices=("heavy",),
    )
    assert [p.slice for p in gold.pairs] == ["heavy"] * 12
    dates = {d.id: d.date for d in stories}
    sources = [dates[p.a] for p in gold.pairs]
    assert all(date < "2024-09" for date in sources)
    # The planted host differs from every story of the file: rewritten.
    texts = {d.text for d in stories}
    planted = [d for d in gold.docs if d.id.startswith("heavy-")]
    assert len(planted) == 12 and not any(d.text in texts for d in planted)
