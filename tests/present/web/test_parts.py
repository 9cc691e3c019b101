"""The document page of a long document, in parts (#17): kcna stories joined
into one text file make one long document; with parts made small here, its
page shows one part at a time, and only that part's annotations."""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.present.web import parts as parts_module
from dossier.present.web.parts import cut_parts
from tests.shared import Builds

with warnings.catch_warnings():
    # As in conftest: Starlette asks for `httpx2` when its client loads.
    warnings.filterwarnings("ignore", "Using `httpx`", UserWarning)
    from fastapi.testclient import TestClient

# Stories of kcna-2024 joined into the long document: 17,354 characters.
STORIES = 12
# Parts this small cut the long document in several (the page reads the
# module's PART_CHARS when it cuts).
SMALL_PART = 3_000
_TEXT = re.compile(r'<div class="text(?: raw)?">(.*?)</div>\n', re.DOTALL)
_MARKER = re.compile(r'<a class="marker"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SHOWN = re.compile(r"Part (\d+) of (\d+)")
_LOCATOR = re.compile(r"/source\?start=(\d+)&amp;end=(\d+)")


def stories(corpus: Path) -> str:
    lines = (corpus / "kcna-2024" / "kcna-2024.jsonl").read_text(encoding="utf-8")
    return "\n\n".join(
        json.loads(line)["text"] for line in lines.splitlines()[:STORIES]
    )


@pytest.fixture(scope="module")
def long_client(corpus: Path, builds: Builds) -> Iterator[TestClient]:
    from dossier.present.web.app import create_app

    def write(folder: Path) -> None:
        (folder / "stories.txt").write_text(stories(corpus), encoding="utf-8")

    folder = builds.folder("long-document", write)
    built = builds.build("long-document", [folder / "stories.txt"])
    assert built.report.failures == []
    with TestClient(create_app(built.db)) as client:
        yield client


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts_module, "PART_CHARS", SMALL_PART)


@pytest.fixture(scope="module")
def long_doc(long_client: TestClient) -> dict[str, Any]:
    """The long document's `show --json` record, raw view included."""
    (row,) = long_client.get("/api/documents").json()
    detail: dict[str, Any] = long_client.get(
        f"/api/documents/{row['id']}", params={"raw": "true"}
    ).json()
    return detail


def shown_text(page: str) -> str:
    """The text a page draws, as a reader sees it (markers left out)."""
    (body,) = _TEXT.findall(page)
    return html.unescape(_TAG.sub("", _MARKER.sub("", body)))


def shown_part(page: str) -> tuple[int, int]:
    found = _SHOWN.search(page)
    assert found is not None, "no part navigation on the page"
    return int(found.group(1)), int(found.group(2))


def annotation_spans(page: str) -> set[tuple[int, int]]:
    """The spans of the annotations a page lists under its text."""
    listed = page.split('<section class="annotations">', 1)[1]
    return {(int(a), int(b)) for a, b in _LOCATOR.findall(listed)}


def every_span(detail: dict[str, Any]) -> set[tuple[int, int]]:
    kinds = ("mentions", "times", "figures", "quotes", "citations")
    return {(a["span"][0], a["span"][1]) for kind in kinds for a in detail[kind]}


@pytest.mark.parametrize("size", [500, 3_000, 10_000])
def test_cut_parts_join_to_the_whole_at_paragraph_ends(corpus: Path, size: int) -> None:
    text = stories(corpus)
    parts = cut_parts(text, size)
    assert len(parts) > len(text) // size
    assert "".join(text[p.start : p.end] for p in parts) == text
    assert [p.number for p in parts] == list(range(1, len(parts) + 1))
    for part in parts:
        assert 0 < part.end - part.start <= size
    for part in parts[:-1]:
        # These stories' paragraphs are under 1,500 characters: a part of
        # 3,000 ends at one; a smaller part ends at least between words.
        assert (
            text[part.end - 1] == "\n"
            if size >= 3_000
            else text[part.end - 1].isspace()
        )


@given(st.text(alphabet="ab .!\n\u2019", max_size=400), st.integers(1, 60))
def test_cut_parts_of_any_text_join_to_it(text: str, size: int) -> None:
    parts = cut_parts(text, size)
    assert "".join(text[p.start : p.end] for p in parts) == text
    assert all(p.end - p.start <= size for p in parts)
    assert all(p.start < p.end for p in parts) or text == ""


def test_cut_parts_of_a_short_text_is_one_part() -> None:
    (part,) = cut_parts("Pyongyang, May 1 (KCNA) -- A meeting was held.")
    assert (part.number, part.start, part.end) == (1, 0, 46)


def test_parts_join_to_the_document_text(
    long_client: TestClient, long_doc: dict[str, Any], small_parts: None
) -> None:
    doc, text = long_doc["id"], long_doc["text"]
    first = long_client.get(f"/doc/{doc}").text
    number, count = shown_part(first)
    assert number == 1 and count == len(cut_parts(text, SMALL_PART)) > 3
    pages = [first] + [
        long_client.get(f"/doc/{doc}", params={"part": n}).text
        for n in range(2, count + 1)
    ]
    assert "".join(shown_text(p) for p in pages) == text
    assert f'href="/doc/{doc}?part=2"' in first and 'rel="prev"' not in first
    assert 'rel="next"' not in pages[-1]


def test_each_part_lists_only_its_annotations(
    long_client: TestClient, long_doc: dict[str, Any], small_parts: None
) -> None:
    doc = long_doc["id"]
    parts = cut_parts(long_doc["text"], SMALL_PART)
    listed: set[tuple[int, int]] = set()
    for part in parts:
        page = long_client.get(f"/doc/{doc}", params={"part": part.number}).text
        spans = annotation_spans(page)
        assert spans, f"part {part.number} lists no annotation"
        assert all(part.start <= start < part.end for start, _ in spans)
        listed |= spans
    # Every annotation of the document, in one part or another.
    assert listed == every_span(long_doc)


def test_mark_opens_the_part_holding_it(
    long_client: TestClient, long_doc: dict[str, Any], small_parts: None
) -> None:
    doc = long_doc["id"]
    parts = cut_parts(long_doc["text"], SMALL_PART)
    for mention in long_doc["mentions"][:: max(1, len(long_doc["mentions"]) // 6)]:
        start, end = mention["span"]
        page = long_client.get(f"/doc/{doc}", params={"mark": f"{start}-{end}"}).text
        number, _ = shown_part(page)
        holding = parts[number - 1]
        assert holding.start <= start < holding.end
        marked = page.split('id="mark"', 1)[1].split("</", 1)[0]
        assert marked.split(">", 1)[1] in mention["text"]


def test_raw_parts_join_to_the_source_text(
    long_client: TestClient, long_doc: dict[str, Any], small_parts: None
) -> None:
    doc = long_doc["id"]
    count = len(cut_parts(long_doc["text"], SMALL_PART))
    pages = [
        long_client.get(f"/doc/{doc}", params={"raw": "1", "part": n}).text
        for n in range(1, count + 1)
    ]
    assert shown_part(pages[1]) == (2, count)
    assert f'href="/doc/{doc}?raw=1&amp;part=3"' in pages[1]
    assert "".join(shown_text(p) for p in pages) == long_doc["raw"]


def test_a_part_past_the_last_is_a_one_line_error(
    long_client: TestClient, long_doc: dict[str, Any], small_parts: None
) -> None:
    count = len(cut_parts(long_doc["text"], SMALL_PART))
    response = long_client.get(f"/doc/{long_doc['id']}", params={"part": count + 1})
    assert response.status_code == 400
    assert f"there is no part {count + 1}" in response.text


def test_a_document_under_a_part_is_drawn_whole(
    long_client: TestClient, long_doc: dict[str, Any]
) -> None:
    page = long_client.get(f"/doc/{long_doc['id']}").text
    assert 'class="parts"' not in page and "Part 1 of" not in page
    assert shown_text(page) == long_doc["text"]
    assert annotation_spans(page) == every_span(long_doc)
