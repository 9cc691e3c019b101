"""bench/reuse_million.py: the pool signs what one process signs, candidates
are the pairs a plain count of shared keys gives, and a pair sharing one
band is kept when its texts share enough shingles."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from itertools import combinations
from multiprocessing.pool import Pool
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from dossier.link import reuse_candidates

BENCH = Path(__file__).resolve().parents[2] / "bench" / "reuse_million.py"
# Texts signed for the one-band test: 1,000 give 99 pairs sharing one band,
# sharing 1 to 3 distinct shingles (2 reach 3); 2,000 gave 269 pairs, 1 to 3
# (3 reach it), for twice the CPU: 2.1 -> 0.9 s (issue 14, part 7).
SIGNED = 1000


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reuse_million", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["reuse_million"] = module  # the pool's workers find it by name
    spec.loader.exec_module(module)
    return module


def test_candidates_are_the_pairs_sharing_enough_uncommon_keys(
    bench: ModuleType,
) -> None:
    rng = np.random.default_rng(7)
    owners = 1 << bench.OWNER_BITS
    # 40 documents, each holding some of 60 keys: some held by one, some by
    # two to COMMON, some by more (left out).
    held = {
        doc: rng.choice(60, size=rng.integers(3, 12), replace=False)
        for doc in range(40)
    }
    packed = np.array(
        [
            (np.uint64(key + 1) << np.uint64(bench.OWNER_BITS)) | np.uint64(doc)
            for doc, keys in held.items()
            for key in keys.tolist()
        ],
        dtype=np.uint64,
    )
    assert len(held) < owners
    holders: dict[int, list[int]] = {}
    for doc, keys in held.items():
        for key in keys.tolist():
            holders.setdefault(key, []).append(doc)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in holders.values():
        if len(docs) <= bench.COMMON:
            shared.update(combinations(sorted(docs), 2))
    expected = {pair: n for pair, n in shared.items() if n >= bench.SHARED_BANDS}
    fewer = {pair for pair, n in shared.items() if n < bench.SHARED_BANDS}
    assert expected and fewer  # the draw gives pairs of both kinds
    several, single = bench.candidates(rng.permutation(packed))
    assert several == expected
    low = (1 << bench.OWNER_BITS) - 1
    assert {(int(code) >> bench.OWNER_BITS, int(code) & low) for code in single} == (
        fewer
    )


def test_the_pool_signs_what_one_process_signs(bench: ModuleType) -> None:
    alone = bench.sign(300)
    with Pool(2) as pool:
        pooled = bench.sign(300, pool)
    for mine, theirs in zip(alone, pooled, strict=True):
        assert np.array_equal(mine, theirs)
    # A planted pair (one in PLANTED_EVERY) is among the candidates.
    found, _ = bench.candidates(alone[0].copy())
    planted = {(bench.source_of(n), n) for n in range(300) if bench.source_of(n)}
    assert planted and planted <= found.keys()


def test_a_pair_sharing_one_band_is_kept_when_its_texts_share_enough_shingles(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = SIGNED
    bands, grams, starts = bench.sign(docs)
    assert len(starts) == docs + 1 and starts[-1] == len(grams)
    _, single = bench.candidates(bands)
    assert len(single)  # the draw gives pairs sharing one band
    # A plain count of the distinct shingles each pair's texts share.
    low = (1 << bench.OWNER_BITS) - 1
    counts = {}
    for code in single.tolist():
        a, b = code >> bench.OWNER_BITS, code & low
        mine = set(grams[starts[a] : starts[a + 1]].tolist())
        theirs = set(grams[starts[b] : starts[b + 1]].tolist())
        counts[(a, b)] = len(mine & theirs)
    # These texts give no pair reaching ONE_BAND_GRAMS: the bar is set at
    # the most any pair shares, so some pairs reach it and others do not.
    most = max(counts.values())
    assert min(counts.values()) < most
    monkeypatch.setattr(reuse_candidates, "ONE_BAND_GRAMS", most)
    monkeypatch.setattr(bench, "SHARING_CHUNK", 7)  # several in-memory tables
    kept = bench.one_band(single, grams, starts)
    assert kept == sorted(pair for pair, n in counts.items() if n >= most)
    assert kept
