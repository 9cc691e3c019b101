"""A dossier of the seeds, a reused passage and a hostile document, built
once per session for the export and report tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.link import test_reuse
from tests.shared import Builds

# Markup where a title, an outlet, a url and the text go: it must come out
# as text in every report and export.
HOSTILE = {
    "title": '<script>alert("title")</script> Report',
    "date": "2021-10-16",
    "outlet": "<img src=x onerror=alert(1)>",
    "url": "javascript:alert(1)",
    "text": (
        "PYONGYANG, October 16 (KCNA) -- <script>alert('text')</script> Kim Yong"
        ' Nam said that "the people will never forget the great victory of'
        ' October 1950" at the meeting held in Pyongyang on Saturday. Nearly'
        " three million people took part in the meeting, the agency said."
    ),
}


def write_extra(extra: Path) -> None:
    story = test_reuse.record(test_reuse.STORY, "Delegation", "2024-05-03")
    paper = test_reuse.record(test_reuse.essay(), "Essay", "2024-06-01")
    test_reuse.write(extra, "a.jsonl", story)
    test_reuse.write(extra, "b.jsonl", paper)
    (extra / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")


@pytest.fixture(scope="session")
def seeded_db(corpus: Path, builds: Builds) -> Path:
    """Read-only: built once for every xdist worker (tests/shared.py), where
    each worker running one of these modules built its own."""
    extra = builds.folder("seeded-extra", write_extra)
    built = builds.build("seeded", [corpus / "seeds", extra], file="seeds.db")
    assert built.report.failures == []
    return built.db
