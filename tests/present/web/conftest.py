"""One dossier for the web tests, built once: the seeds, plus documents
written here for what the seeds lack (hostile text, a copy, reused text)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.link import test_reuse
from tests.shared import Builds

with warnings.catch_warnings():
    # Starlette would rather have `httpx2` than httpx, and says so when it
    # loads its test client; the client works the same with either.
    warnings.filterwarnings("ignore", "Using `httpx`", UserWarning)
    from fastapi.testclient import TestClient

SCRIPT = "<script>alert(1)</script>"
IMAGE = '<img src="x" onerror="alert(2)">'
HOSTILE_TITLE = "<script>alert('title')</script> Report on the harvest"

# Wire copy written for these tests: a document whose text and metadata try
# to run script in the page.
HOSTILE = {
    "title": HOSTILE_TITLE,
    "date": "2024-04-02",
    "outlet": "KCNA",
    "url": "javascript:alert(3)",
    "text": (
        "Pyongyang, April 2 (KCNA) -- The harvest report was read out at a"
        f" meeting in Pyongyang. {SCRIPT} The farmers of South Hwanghae Province"
        f" gathered 1,200 tonnes of rice, the report said. {IMAGE} The meeting"
        " ended with a pledge to raise yields next year. A delegation of the"
        " Ministry of Agriculture attended the meeting on April 1."
    ),
}
PLAIN_LINK = {
    "title": "Farm machines shown",
    "date": "2024-04-03",
    "outlet": "KCNA",
    "url": "https://example.org/farm-machines",
    "text": (
        "Pyongyang, April 3 (KCNA) -- An exhibition of farm machines opened in"
        " Pyongyang on Wednesday. Tractors and rice transplanters made at the"
        " Kumsong Tractor Factory were shown to farmers from the provinces."
    ),
}


def write_extra(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    records: list[dict[str, Any]] = [
        HOSTILE,
        PLAIN_LINK,
        test_reuse.record(test_reuse.STORY, "Delegation", "2024-05-03"),
        test_reuse.record(test_reuse.STORY, "Delegation (re-run)", "2024-05-09"),
        test_reuse.record(test_reuse.essay(), "Essay", "2024-06-01"),
    ]
    path = folder / "extra.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def web_db(corpus: Path, builds: Builds) -> Path:
    """A dossier of the seeds and the extra documents, read-only: built once
    for every xdist worker (tests/shared.py), where each worker running a web
    module built its own."""
    extra = builds.folder("web-extra", write_extra)
    built = builds.build("web", [corpus / "seeds", extra / "extra.jsonl"])
    assert built.report.failures == []
    return built.db


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[TestClient]:
    from dossier.present.web.app import create_app

    with TestClient(create_app(web_db)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def ids(client: TestClient) -> dict[str, str]:
    """title -> id of every stored document, copies included."""
    rows = client.get("/api/documents", params={"all": "true", "limit": 1000}).json()
    return {row["title"] or row["id"]: row["id"] for row in rows}
