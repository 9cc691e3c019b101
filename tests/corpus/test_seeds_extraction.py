"""Extraction on the five seeds, end to end through build and the listings."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.link import compare_claims
from dossier.store import claims as stored_claims
from dossier.store import connect, records
from tests.shared import Shared


@pytest.fixture(scope="module")
def db(seeds_built: Shared) -> str:
    # The session's build of the seeds, read only here.
    assert seeds_built.report.failures == []
    return str(seeds_built.db)


def doc_of(db: str, name: str) -> str:
    connection = connect(db, create=False)
    row = connection.execute(
        "SELECT d.id FROM documents d JOIN sources s ON s.id = d.source_id"
        " WHERE s.path LIKE ? AND d.kind = 'article'",
        (f"%{name}%",),
    ).fetchone()
    return str(row[0])


def test_seeds_sources_disagree_on_the_chinese_volunteers(db: str) -> None:
    groups = compare_claims(stored_claims.claims(connect(db, create=False)))
    cpv = next(g for g in groups if g["subject"] == "Chinese People's Volunteers")
    assert cpv["verdict"] == "conflict"
    texts = {(c["doc"], c["text"]) for c in cpv["claims"]}
    assert (doc_of(db, "000_"), "a million volunteers") in texts
    assert (doc_of(db, "004_"), "Nearly three million fighters of the CPV") in texts


def test_seeds_kim_il_sung_is_one_entity_across_ocr_and_web(db: str) -> None:
    rows = records.list_entities(connect(db, create=False), type_="PERSON")
    kim = next(r for r in rows if r["name"] == "Kim Il Sung")
    assert kim["documents"] >= 4  # the OCR page's "Kim II Sung" included
    names = {r["name"] for r in rows}
    assert {"Kim Jong Il", "Kim Jong Un", "Kim Yong Chun"} <= names


def test_seeds_diu_anniversary_dates_the_founding(db: str) -> None:
    rows = records.timeline(connect(db, create=False), doc=doc_of(db, "002_"))
    anniversary = [r for r in rows if "anniversary" in r["sentence"] and r["first_day"]]
    assert any(r["first_day"] == "1926-10-17" for r in anniversary)


def test_seeds_citations_of_kcna(db: str) -> None:
    rows = records.citations(connect(db, create=False), doc=doc_of(db, "004_"))
    assert {
        "title": "Report on Enlarged Meeting of Political Bureau of WPK",
        "outlet": "KCNA",
        "date": "2011-06-06",
    } in [{k: r[k] for k in ("title", "outlet", "date")} for r in rows]


def test_seeds_outlet_reporting_a_speaker_keeps_both(db: str) -> None:
    rows: list[dict[str, Any]] = records.quotes(
        connect(db, create=False), speaker="Kim Yong Chun"
    )
    assert rows
    assert rows[0]["via"] == "KCNA"


def test_seeds_scare_quotes_are_not_speech(db: str) -> None:
    rows = records.quotes(connect(db, create=False), doc=doc_of(db, "003_"))
    axis = next(r for r in rows if r["text"].rstrip(".,") == "axis of evil")
    assert axis["kind"] == "scare"
