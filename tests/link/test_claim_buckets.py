"""The conflicts step reads the stored claims one bucket at a time
(`link.claim_buckets`, issue 14 part 5): the buckets are those the whole
listing gives, and a bucket past MOST_CLAIMS keeps its first claims only,
saying so."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from dossier.link import claim_buckets, claims_stored
from dossier.link.claims import bucket_claims, judge
from dossier.present.cli.build import build_files
from dossier.settings import Settings
from dossier.store import connect
from dossier.store.claims import claims_and_dates
from tests.shared import Shared

ARMY = "Korean People's Army"
# Three reports, each giving six different strengths of one named army:
# one bucket of 18 claims from three documents, judged a conflict.
REPORTS = 3
STRENGTHS = 6


def _private(claim: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in claim.items() if k != "_order"}


def _listed(connection: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """The buckets the whole listing makes (`claims_and_dates`, every claim
    held), by the name the link stage stores them under."""
    return {
        json.dumps(list(bucket)): members
        for bucket, members in bucket_claims(claims_and_dates(connection)).items()
    }


def test_the_buckets_read_one_at_a_time_are_those_of_the_whole_listing(
    kcna_built: Shared, tmp_path: Path
) -> None:
    db = tmp_path / "kcna.db"
    shutil.copy(kcna_built.db, db)
    with closing(connect(db)) as connection:
        # Working the listing out reads the texts, as a stale dossier does.
        expected = _listed(connection)
        streamed = list(claim_buckets.stored_buckets(connection))
    names = [bucket.name for bucket in streamed]
    assert names == sorted(names)  # in order of their names: one at a time
    assert {
        bucket.name: [_private(c) for c in bucket.members] for bucket in streamed
    } == (expected)
    assert all(bucket.left_out == 0 for bucket in streamed)
    # Members keep the listing's order, which `_order` sorts like.
    for bucket in streamed:
        orders = [claim["_order"] for claim in bucket.members]
        assert orders == sorted(orders)
    # Event dates are bucketed with the figures.
    assert any(c["measure"] == "date" for b in streamed for c in b.members)


def test_the_usual_language_is_the_one_most_claims_give(kcna_built: Shared) -> None:
    with closing(connect(kcna_built.db, create=False)) as connection:
        listed = claims_and_dates(connection)
        usual = claim_buckets.usual_language(connection)
    languages = Counter(c["language"] for c in listed if c.get("language"))
    assert usual == languages.most_common(1)[0][0]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three text files, each giving six strengths of one named army."""
    folder = tmp_path_factory.mktemp("reports")
    for number in range(REPORTS):
        body = "\n\n".join(
            f"Report {n}. Some {(n + 7 * number) * 1000 + 100} soldiers of the"
            f" {ARMY} marched."
            for n in range(STRENGTHS)
        )
        (folder / f"{number}.txt").write_text(f"Army figures {number}\n\n{body}\n")
    return folder


def _built(reports: Path, db: Path) -> list[dict[str, Any]]:
    """The groups stored for `reports`."""
    build_files([reports], Settings(db=str(db)))
    with closing(sqlite3.connect(db)) as connection:
        return [json.loads(body) for (body,) in connection.execute(
            "SELECT body FROM conflicts ORDER BY bucket, component"
        )]  # fmt: skip


def test_a_bucket_past_the_bound_keeps_its_first_claims_and_says_so(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (whole,) = _built(reports, tmp_path / "whole.db")
    assert whole["subject"] == ARMY
    assert len(whole["claims"]) == REPORTS * STRENGTHS
    assert "compared" not in whole["reason"]
    # The first two documents' claims and one more: two sources, not three.
    kept = 2 * STRENGTHS + 1
    monkeypatch.setattr(claim_buckets, "MOST_CLAIMS", kept)
    db = tmp_path / "bounded.db"
    (bounded,) = _built(reports, db)
    assert bounded["claims"] == whole["claims"][:kept]
    assert bounded["documents"] == 3  # the 13th claim is the third source's
    # The verdict is the one the first claims alone get, with why.
    with closing(connect(db)) as connection:
        ((name, members),) = (
            (name, members)
            for name, members in _listed(connection).items()
            if json.loads(name)[0].startswith(ARMY)
        )
    key, measure, _ = json.loads(name)
    (expected,) = judge(key, measure, members[:kept], unrelated=False)
    note = f" (only the first {kept} of {REPORTS * STRENGTHS} claims on this"
    assert bounded["reason"] == expected["reason"] + note + " question were compared)"
    assert bounded["verdict"] == expected["verdict"]


def test_raising_the_bound_judges_the_bucket_again(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "raised.db"
    monkeypatch.setattr(claim_buckets, "MOST_CLAIMS", STRENGTHS + 1)
    (bounded,) = _built(reports, db)
    assert len(bounded["claims"]) == STRENGTHS + 1
    monkeypatch.setattr(claim_buckets, "MOST_CLAIMS", 1000)
    with closing(connect(db)) as connection:
        report = claims_stored.link_conflicts(connection)
        (body,) = connection.execute("SELECT body FROM conflicts").fetchone()
    assert report.judged == 1
    assert len(json.loads(body)["claims"]) == REPORTS * STRENGTHS
