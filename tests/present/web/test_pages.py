"""Server-rendered pages: reachable from each other, readable without
JavaScript, and safe with hostile document text."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from tests.present.web.conftest import HOSTILE_TITLE, IMAGE, SCRIPT, TestClient

pytestmark = pytest.mark.corpus

PAGES = ["/", "/docs", "/entities", "/timeline", "/conflicts", "/reuse", "/calendar"]


def hrefs(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]*)"', html)]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_links_to_every_other(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    links = set(hrefs(response.text))
    assert set(PAGES) <= links
    assert "Content-Security-Policy" in response.headers


def test_search_shows_hits_with_facets_and_highlights(client: TestClient) -> None:
    html = client.get("/", params={"q": "Kim Il Sung"}).text
    assert "<mark>Kim</mark>" in html
    assert "documents match" in html
    facet_links = [h for h in hrefs(html) if h.startswith("/?") and "outlet=" in h]
    narrowed = client.get(next(h for h in facet_links if "outlet=Naenara" in h)).text
    assert narrowed.count('class="hit"') < html.count('class="hit"')
    every_doc = [h for h in hrefs(html) if h.startswith("/doc/")]
    assert every_doc and client.get(every_doc[0]).status_code == 200


def test_a_query_fts5_cannot_read_is_a_message_not_a_500(client: TestClient) -> None:
    response = client.get("/", params={"q": 'Juche AND ("Kim', "syntax": "fts"})
    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert "not an FTS5 query" in response.text
    # The same words without --syntax fts are words, and found.
    assert client.get("/", params={"q": "Juche AND Kim"}).status_code == 200


def test_hostile_text_shows_as_text(client: TestClient, ids: dict[str, str]) -> None:
    page = client.get(f"/doc/{ids[HOSTILE_TITLE]}")
    html = page.text
    for hostile in (SCRIPT, IMAGE, HOSTILE_TITLE):
        assert hostile not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img" in html
    assert "<script>alert" not in html and "onerror=" not in html.replace(
        "onerror=&#34;", ""
    )
    # A javascript: URL is printed, never linked.
    assert "javascript:alert(3)" in html
    assert not any(h.lower().startswith("javascript:") for h in hrefs(html))
    # The search listing and the raw view escape it too.
    for path in (f"/doc/{ids[HOSTILE_TITLE]}?raw=1", "/?q=harvest", "/docs"):
        assert SCRIPT not in client.get(path).text


def test_an_http_url_is_a_live_link(client: TestClient, ids: dict[str, str]) -> None:
    html = client.get(f"/doc/{ids['Farm machines shown']}").text
    assert "https://example.org/farm-machines" in hrefs(html)
    assert 'rel="noopener noreferrer nofollow"' in html


def test_annotations_link_to_entities_and_locators(
    client: TestClient, ids: dict[str, str]
) -> None:
    doc = client.get(f"/api/documents/{ids[HOSTILE_TITLE]}").json()
    html = client.get(f"/doc/{doc['id']}").text
    links = hrefs(html)
    for mention in doc["mentions"]:
        assert "/entity/" + mention["entity"].replace(" ", "%20") in links
    for key in ("times", "figures", "mentions"):
        for record in doc[key]:
            start, end = record["span"]
            assert f"/doc/{doc['id']}/source?start={start}&end={end}" in links


def test_a_locator_opens_the_stored_source_there(
    client: TestClient, ids: dict[str, str]
) -> None:
    doc = client.get("/api/documents/" + ids[HOSTILE_TITLE]).json()
    figure = doc["figures"][0]
    start, end = figure["span"]
    html = client.get(f"/doc/{doc['id']}/source?start={start}&end={end}").text
    marked = re.search(r'<span class="target" id="mark">(.*?)</span>', html, re.S)
    assert marked and unescape(marked.group(1)) == figure["text"]
    assert f"line {figure['locator']['line']}" in html


@pytest.mark.parametrize(
    "query", ["start=5&end=999999", "start=9&end=3", "start=-1&end=3", "start=a&end=3"]
)
def test_a_span_outside_the_document_is_refused(
    client: TestClient, ids: dict[str, str], query: str
) -> None:
    response = client.get(f"/doc/{ids['Farm machines shown']}/source?{query}")
    assert response.status_code == 400
    assert 'role="alert"' in response.text


def test_raw_view_greys_removed_boilerplate(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"limit": 1000}).json()
    for summary in docs:
        detail = client.get(
            f"/api/documents/{summary['id']}", params={"raw": "true"}
        ).json()
        if detail["removed"]:
            break
    html = client.get(f"/doc/{detail['id']}?raw=1").text
    greyed = re.findall(r'<span class="removed" title="([^"]+)">', html)
    assert greyed
    assert {r["kind"] for r in detail["removed"]} >= set(greyed)


def test_copies_link_both_ways(client: TestClient, ids: dict[str, str]) -> None:
    rerun = client.get(f"/doc/{ids['Delegation (re-run)']}").text
    assert f"/doc/{ids['Delegation']}" in hrefs(rerun)
    original = client.get(f"/doc/{ids['Delegation']}").text
    assert f"/doc/{ids['Delegation (re-run)']}" in hrefs(original)


def test_reused_passages_link_to_the_other_side(
    client: TestClient, ids: dict[str, str]
) -> None:
    essay = client.get(f"/api/documents/{ids['Essay']}").json()
    passage = essay["reused"][0]
    html = client.get(f"/doc/{ids['Essay']}").text
    other = passage["other_span"]
    target = f"/doc/{passage['other']}?mark={other[0]}-{other[1]}#mark"
    assert target in hrefs(html)
    opened = client.get(target.split("#")[0]).text
    assert 'class="target" id="mark"' in opened
    reuse = client.get("/reuse").text
    assert 'class="differs"' in reuse  # the OCR slip, Hwanghac for Hwanghae
    assert target in hrefs(reuse)


def test_timeline_points_open_their_sentence(client: TestClient) -> None:
    html = client.get("/timeline").text
    data = re.search(
        r'<script type="application/json" id="points">(.*?)</script>', html, re.S
    )
    assert data
    points = json.loads(data.group(1))
    assert points and all(p["first"] <= p["last"] for p in points)
    point = points[0]
    target = f"/doc/{point['doc']}?mark={point['span'][0]}-{point['span'][1]}"
    opened = client.get(target).text
    marked = re.search(r'class="target" id="mark">(.*?)</span>', opened, re.S)
    assert marked and point["text"] in unescape(re.sub("<[^>]+>", "", marked.group(1)))


def test_timeline_filters_by_outlet(client: TestClient) -> None:
    every = client.get("/api/timeline").json()
    kcna = client.get("/api/timeline", params={"outlet": "KCNA"}).json()
    assert 0 < len(kcna) < len(every)
    page = client.get("/timeline", params={"outlet": "KCNA"}).text
    assert f"{len(kcna)} dated statements" in page


def test_entity_page_gathers_its_evidence(client: TestClient) -> None:
    html = client.get("/entity/kim%20il-sung").text
    assert "<h1>Kim Il Sung" in html
    for heading in (
        "Printed as",
        "Timeline of statements",
        "Quoted saying",
        "Documents",
    ):
        assert heading in html
    named = client.get("/api/search", params={"q": '"Kim Il Sung"'}).json()
    assert all(f"/doc/{hit['doc']}" in hrefs(html) for hit in named)


def test_conflicts_are_side_by_side_with_reasons(client: TestClient) -> None:
    groups = client.get("/api/conflicts").json()
    html = client.get("/conflicts").text
    assert html.count('class="claim"') == sum(len(g["claims"]) for g in groups)
    conflict = next(g for g in groups if g["verdict"] == "conflict")
    assert "both cannot hold" in html
    for claim in conflict["claims"]:
        start, end = claim["span"]
        assert f"/doc/{claim['doc']}?mark={start}-{end}#mark" in hrefs(html)


def test_no_route_reads_a_path_from_the_request(
    client: TestClient, web_db: Path
) -> None:
    for path in (
        "/doc/..%2F..%2Fetc%2Fpasswd/source?start=0&end=1",
        "/static/..%2F..%2F..%2Fetc%2Fpasswd",
        f"/doc/{web_db}",
    ):
        response = client.get(path)
        assert response.status_code in (400, 404)
        assert "root:" not in response.text


def test_served_on_loopback_it_answers_only_to_loopback_names(web_db: Path) -> None:
    from dossier.present.web.app import LOOPBACK, create_app

    app = create_app(web_db, hosts=LOOPBACK)
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api/documents?limit=1").status_code == 200
    with TestClient(app, base_url="http://rebound.example:8000") as other:
        refused = other.get("/api/documents?limit=1")
        assert refused.status_code == 400
        assert "Invalid host header" in refused.text
