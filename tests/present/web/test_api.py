"""The API serves what `--json` prints: same records, same schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from dossier.present.cli.app import app
from dossier.present.contracts import schema, schema_for
from tests.present.web.conftest import HOSTILE_TITLE, TestClient

pytestmark = pytest.mark.corpus


def check(command: str, value: Any) -> None:
    validator = Draft202012Validator(schema_for(command))
    errors = list(validator.iter_errors(value))
    assert not errors, f"{command}: {errors[0].message[:300]}"


def cli_json(db: Path, *args: str) -> Any:
    result = CliRunner().invoke(app, [*args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    import json

    return json.loads(result.stdout)


LISTINGS = [
    ("/api/entities", "entities", ()),
    ("/api/timeline", "timeline", ()),
    ("/api/claims", "claims", ()),
    ("/api/conflicts", "claims --conflicts", ("--conflicts",)),
    ("/api/quotes", "quotes", ()),
    ("/api/citations", "citations", ()),
    ("/api/reuse", "reuse", ()),
]


@pytest.mark.parametrize(("path", "command", "flags"), LISTINGS)
def test_listing_is_what_the_cli_prints(
    client: TestClient, web_db: Path, path: str, command: str, flags: tuple[str, ...]
) -> None:
    served = client.get(path).json()
    assert served, f"{path} gave nothing"
    check(command, served)
    assert served == cli_json(web_db, command.split()[0], *flags)


@pytest.mark.parametrize(
    "period", [("2020", "2030"), ("2025-10", "2026-10-17"), ("2026-10-18", "2027")]
)
def test_calendar_is_what_the_cli_prints(
    client: TestClient, web_db: Path, period: tuple[str, str]
) -> None:
    start, end = period
    served = client.get("/api/calendar", params={"from": start, "to": end}).json()
    assert served == cli_json(web_db, "calendar", "--from", start, "--to", end)
    check("calendar", served)


def test_calendar_periods_are_the_clis(client: TestClient, web_db: Path) -> None:
    # Over a decade the seeds date several events; with no period, both give
    # this year's.
    decade = client.get("/api/calendar", params={"from": "2020", "to": "2030"}).json()
    assert len(decade) >= 3
    assert all("2020" <= entry["date"] <= "2030-12-31" for entry in decade)
    assert client.get("/api/calendar").json() == cli_json(web_db, "calendar")


def test_documents_are_paged(client: TestClient, web_db: Path) -> None:
    every = cli_json(web_db, "docs")
    first = client.get("/api/documents", params={"limit": 3}).json()
    rest = client.get("/api/documents", params={"limit": 1000, "offset": 3}).json()
    check("docs", first)
    assert first + rest == every
    assert len(first) == 3


def test_document_detail_is_show(
    client: TestClient, web_db: Path, ids: dict[str, str]
) -> None:
    # A document known to lose its script tags in cleaning, found by title:
    # the listing's order follows file paths, which differ between machines.
    doc = ids[HOSTILE_TITLE]
    served = client.get(f"/api/documents/{doc}", params={"raw": "true"}).json()
    check("show", served)
    assert served == cli_json(web_db, "show", doc, "--raw")
    assert served["removed"]


def test_search_is_the_cli_search_and_facets_narrow_it(
    client: TestClient, ids: dict[str, str]
) -> None:
    hits = client.get("/api/search", params={"q": "Kim Il Sung"}).json()
    check("search", hits)
    assert hits and all("[" in h["snippet"] for h in hits)
    outlet = client.get(
        "/api/search", params={"q": "Kim Il Sung", "outlet": "Naenara"}
    ).json()
    assert 0 < len(outlet) < len(hits)
    hostile = client.get(f"/api/documents/{ids[HOSTILE_TITLE]}").json()
    province = next(m["entity"] for m in hostile["mentions"] if "Hwanghae" in m["text"])
    # "Province" is in the essay too; only one text of the two names it.
    both = client.get("/api/search", params={"q": "province"}).json()
    by_entity = client.get(
        "/api/search", params={"q": "province", "entity": province}
    ).json()
    assert len(both) > len(by_entity) > 0
    for hit in by_entity:
        mentions = client.get(f"/api/documents/{hit['doc']}").json()["mentions"]
        assert province in {m["entity"] for m in mentions}


def test_one_entity_by_any_variant(client: TestClient) -> None:
    record = client.get("/api/entities/kim il-sung").json()
    check("entities", [record])
    assert record["name"] == "Kim Il Sung"


def test_quotes_about_an_entity_name_it_in_their_words(client: TestClient) -> None:
    about = client.get("/api/quotes", params={"about": "Kim Il Sung"}).json()
    check("quotes", about)
    assert about and all("Kim Il Sung" in q["text"] for q in about)


@pytest.mark.parametrize(
    ("path", "params", "status", "words"),
    [
        ("/api/search", {"q": '"Kim', "syntax": "fts"}, 400, "not an FTS5 query"),
        ("/api/documents/ffffffffffff", {}, 404, "no document"),
        ("/api/entities/Nobody Atall", {}, 404, "no entity"),
        ("/api/timeline", {"from": "1950-02-30"}, 400, "not a date"),
        ("/api/calendar", {"to": "2026-13"}, 400, "not a date"),
        ("/api/calendar", {"from": "2027", "to": "2026"}, 400, "after"),
        ("/api/documents", {"limit": 0}, 400, "limit"),
        ("/api/quotes", {"kind": "shouted"}, 400, "shouted"),
        ("/api/no-such-thing", {}, 404, "no such page"),
    ],
)
def test_errors_are_one_json_shape(
    client: TestClient, path: str, params: dict[str, Any], status: int, words: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    body = response.json()
    Draft202012Validator({**schema(), "$ref": "#/$defs/api_error"}).validate(body)
    assert words in body["error"] and "\n" not in body["error"]


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for name in ("documents", "search", "entities", "timeline", "claims"):
        assert f"/api/{name}" in paths
    for name in ("conflicts", "quotes", "citations", "reuse", "calendar"):
        assert f"/api/{name}" in paths
    assert "/api/documents/{doc_id}" in paths
    assert not any(not p.startswith("/api/") for p in paths), "pages in the API"


def test_a_document_stored_in_parts_is_served_as_show_writes_it(
    web_db: Path, tmp_path: Path
) -> None:
    """The annotations of a large document are stored as `show --json`
    writes them (present/shown.py); the API serves the same record from
    those parts, with and without the raw view."""
    import shutil
    import sqlite3
    from contextlib import closing

    from dossier.present.shown import store_shown
    from dossier.present.web.app import create_app
    from dossier.store import connect

    db = tmp_path / "stored.db"
    shutil.copy(web_db, db)
    with closing(connect(db)) as connection:
        rowids = [r for (r,) in connection.execute("SELECT rowid FROM documents")]
        connection.execute("BEGIN IMMEDIATE")
        store_shown(connection, rowids, again=True)
        connection.execute("COMMIT")
    with closing(sqlite3.connect(db)) as connection:
        (doc,) = connection.execute(
            "SELECT d.id FROM documents d JOIN mentions m ON m.doc = d.rowid"
            " GROUP BY d.rowid ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        assert connection.execute("SELECT count(*) FROM shown").fetchone()[0]
    with TestClient(create_app(db)) as client:
        for raw in (False, True):
            served = client.get(f"/api/documents/{doc}", params={"raw": raw})
            assert served.headers["content-type"] == "application/json"
            flags = ["--raw"] if raw else []
            assert served.json() == cli_json(db, "show", doc, *flags)
            assert served.json()["mentions"]
