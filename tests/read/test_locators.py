"""Source maps: each reader says where its raw text lies in the file."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.offsets import SourceMap
from dossier.read.files import read_file
from dossier.read.jsonl import line_map
from dossier.read.markup import align
from dossier.read.pdf import page_map
from tests.properties import examples


def unescape(escaped: str) -> str:
    return str(json.loads(f'"{escaped}"'))


@settings(max_examples=examples(200), deadline=None)
@given(
    text=st.text(min_size=1, max_size=40),
    ascii_only=st.booleans(),
    spans=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=10),
)
def test_line_map_every_span_unescapes_to_its_text(
    text: str, ascii_only: bool, spans: list[tuple[int, int]]
) -> None:
    record = {"title": 'a "t"\n', "text": text, "tags": ["text", {"text": 1}]}
    line = json.dumps(record, ensure_ascii=ascii_only)
    located = line_map(line, 7, text)
    for a, b in spans:
        start, end = sorted((min(a, len(text)), min(b, len(text))))
        locator = located.locate(start, end)
        assert locator["line"] == 7
        assert unescape(line[locator["start"] : locator["end"]]) == text[start:end]


def test_line_map_takes_the_last_text_key_as_json_does() -> None:
    line = '{"text": "first", "id": 3, "text" : "sec\\u00f6nd"}'
    located = line_map(line, 1, json.loads(line)["text"])
    start = line.index("sec")
    assert located.locate(0, 6) == {
        "format": "jsonl",
        "line": 1,
        "start": start,
        "end": start + len("sec\\u00f6nd"),
    }


def test_read_jsonl_line_numbers_ignore_unicode_line_separators() -> None:
    first = json.dumps({"text": "One\u2028two paragraphs."}, ensure_ascii=False)
    second = json.dumps({"text": "Second record."})
    data = f"{first}\n{second}\n".encode()
    sources, failures = read_file(Path("w.jsonl"), data, "sha")
    assert failures == []
    assert [s.part for s in sources] == [1, 2]
    assert [s.source_map().line for s in sources] == [1, 2]


def test_read_jsonl_source_bytes_are_the_line() -> None:
    record = json.dumps({"text": "Talks were held."})
    other = json.dumps({"text": "Another story."})
    alone, _ = read_file(Path("a.jsonl"), f"{record}\n".encode(), "file-a")
    among, _ = read_file(Path("b.jsonl"), f"{other}\n\n{record}\r\n".encode(), "b")
    assert alone[0].sha256 == among[1].sha256
    assert alone[0].sha256 != among[0].sha256


def test_page_map_offsets_are_in_each_page_as_extracted() -> None:
    pages = ["First line\r\nsecond line", "Page two\r\nends", "Three"]
    text, located = page_map(pages)
    assert text == "First line\nsecond line\fPage two\nends\fThree"
    start = text.index("second")
    assert located.locate(start, start + 6) == {
        "format": "pdf",
        "page": 1,
        "start": 12,
        "end": 18,
    }
    start = text.index("ends")
    assert located.locate(start, start + 4)["page"] == 2
    assert pages[1][10:14] == "ends"
    across = located.locate(text.index("line"), text.index(" two"))
    assert (across["page"], across["end_page"]) == (1, 2)
    assert (across["start"], across["end"]) == (6, 4)


PAGE = """<!doctype html><html><head><title>Talks Held &amp; Ended</title>
<script>var text = "Kim Jong Un";</script></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Talks Held &amp; Ended</h1>
<p>The Workers&#8217; Party of <b>Korea</b> met on
   10 October 1945.</p>
<ul><li>First item</li><li>Second&nbsp;item</li></ul>
<figure><figcaption>A caption left out</figcaption></figure>
<p>Kim Il Sung said: &ldquo;We will win.&rdquo;</p></article></body></html>"""


def page_text(markup: str, start: int, end: int) -> str:
    without = re.sub(r"<script.*?</script>|<[^>]*>", "", markup[start:end], flags=re.S)
    return " ".join(html.unescape(without).split())


@pytest.mark.parametrize(
    "words",
    [
        "The Workers’ Party of Korea",
        "Workers’",
        "Korea met on 10 October 1945.",
        "Second item",
        "“We will win.”",
        "Talks Held & Ended",
    ],
)
def test_align_places_extracted_words_in_the_markup(words: str) -> None:
    text = (
        "Talks Held & Ended\nThe Workers’ Party of Korea met on 10 October 1945.\n"
        "- First item\n- Second item\nKim Il Sung said: “We will win.”"
    )
    located = align(text, PAGE)
    start = text.index(words)
    locator = located.locate(start, start + len(words))
    assert locator["approximate"] is False
    assert page_text(PAGE, locator["start"], locator["end"]) == words


def test_align_marks_text_not_in_the_page_and_text_it_skipped() -> None:
    text = (
        "The Workers’ Party of Korea met on 10 October 1945.\n"
        "An invented line\nKim Il Sung said: “We will win.”"
    )
    located = align(text, PAGE)
    start = text.index("invented")
    invented = located.locate(start, start + 8)
    assert invented["approximate"] is True
    assert "Workers" in page_text(PAGE, invented["start"], invented["end"])
    # From the first paragraph to the last, the range holds the left-out caption.
    whole = located.locate(0, len(text))
    assert whole["approximate"] is True


def test_align_text_moved_by_extraction_stays_exact_within_its_line() -> None:
    text = "Kim Il Sung said: “We will win.”\nThe Workers’ Party of Korea met"
    located = align(text, PAGE)
    start = text.index("The Workers")
    locator = located.locate(start, len(text))
    assert locator["approximate"] is False
    assert page_text(PAGE, locator["start"], locator["end"]) == text[start:]
    assert located.locate(0, len(text))["approximate"] is True


def test_source_map_round_trips_through_json() -> None:
    text = "Kim Il Sung said: “We will win.”\nAn invented line"
    located = align(text, PAGE)
    again = SourceMap.from_json(json.loads(json.dumps(located.to_json())))
    assert again == located
    for start in range(0, len(text), 5):
        assert again.locate(start, len(text)) == located.locate(start, len(text))
