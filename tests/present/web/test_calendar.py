"""The calendar page: the round anniversaries of a period, each source
linked to its document and to the characters of its file."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

from dossier.errors import InputError
from dossier.present.readable import ordinal
from dossier.present.web.calendar_page import period
from dossier.present.web.templating import environment
from tests.present.web.conftest import IMAGE, SCRIPT, TestClient
from tests.present.web.test_pages import hrefs

pytestmark = pytest.mark.corpus

DECADE = {"from": "2020", "to": "2030"}


@pytest.mark.parametrize(
    ("asked", "today", "expected"),
    [
        ((None, None), date(2026, 12, 6), ("2026-12-06", "2027-12-05")),
        (("", ""), date(2026, 1, 1), ("2026-01-01", "2026-12-31")),
        ((None, None), date(2028, 2, 29), ("2028-02-29", "2029-02-28")),
        (("2026", None), date(2030, 5, 5), ("2026", "2026-12-31")),
        (("2026-10", None), date(2030, 5, 5), ("2026-10", "2027-09-30")),
        ((None, "2027-06"), date(2026, 12, 6), ("2026-12-06", "2027-06")),
        (("1950-06-25", "1953-07-27"), date(2026, 12, 6), ("1950-06-25", "1953-07-27")),
        (("2026-12", "2026-12"), date(2030, 1, 1), ("2026-12", "2026-12")),
    ],
)
def test_period_runs_a_year_from_today_unless_asked(
    asked: tuple[str | None, str | None], today: date, expected: tuple[str, str]
) -> None:
    assert period(*asked, today=today) == expected


@pytest.mark.parametrize(
    ("asked", "words"),
    [
        (("2026-13", None), "from '2026-13' is not a date"),
        ((None, "2027-02-30"), "to '2027-02-30' is not a date"),
        (("next year", None), "from 'next year' is not a date"),
        (("2027", "2026-12"), "from 2027 is after to 2026-12"),
        ((None, "2026-11"), "from 2026-12-06 is after to 2026-11"),
    ],
)
def test_a_bad_period_names_the_bad_value(
    asked: tuple[str | None, str | None], words: str
) -> None:
    with pytest.raises(InputError, match=words):
        period(*asked, today=date(2026, 12, 6))


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        *((1, "1st"), (2, "2nd"), (3, "3rd"), (5, "5th"), (11, "11th")),
        *((12, "12th"), (13, "13th"), (21, "21st"), (75, "75th"), (100, "100th")),
        *((101, "101st"), (111, "111th"), (122, "122nd")),
    ],
)
def test_ordinal(number: int, expected: str) -> None:
    assert ordinal(number) == expected


def _rows(html: str) -> list[str]:
    return re.findall(r'<td class="anniversary">(.*?)</td>', html)


def test_the_page_lists_the_anniversaries_the_api_gives(client: TestClient) -> None:
    entries = client.get("/api/calendar", params=DECADE).json()
    html = client.get("/calendar", params=DECADE).text
    assert entries and _rows(html) == [ordinal(e["anniversary"]) for e in entries]
    text = unescape(html)
    links = hrefs(html)
    for entry in entries:
        assert entry["event"] in text
        for source in entry["sources"]:
            start, end = source["span"]
            assert source["text"] in text
            assert f"/doc/{source['doc']}?mark={start}-{end}#mark" in links
            assert f"/doc/{source['doc']}/source?start={start}&end={end}" in links


def test_a_source_opens_its_words_in_the_document_and_the_file(
    client: TestClient,
) -> None:
    entry = client.get("/api/calendar", params=DECADE).json()[0]
    source = entry["sources"][0]
    start, end = source["span"]
    words = " ".join(source["text"].split())
    # The document page marks the span (names inside it are marked too).
    opened = client.get(f"/doc/{source['doc']}", params={"mark": f"{start}-{end}"})
    after = opened.text.partition('class="target" id="mark">')[2]
    assert " ".join(unescape(re.sub("<[^>]+>", "", after)).split()).startswith(words)
    # The locator page marks the characters of the file.
    located = client.get(f"/doc/{source['doc']}/source?start={start}&end={end}")
    marked = re.search(r'class="target" id="mark">(.*?)</span>', located.text, re.S)
    assert located.status_code == 200 and marked
    assert " ".join(unescape(marked.group(1)).split()) == words


def test_by_default_the_page_shows_a_year_from_today(client: TestClient) -> None:
    today = date.today()
    start, end = period(None, None, today=today)
    html = client.get("/calendar").text
    assert f'name="from" value="{start}"' in html
    assert f'name="to" value="{end}"' in html
    entries = client.get("/api/calendar", params={"from": start, "to": end}).json()
    assert _rows(html) == [ordinal(e["anniversary"]) for e in entries]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"from": "2026-13"}, "from &#39;2026-13&#39; is not a date"),
        ({"to": "soon"}, "to &#39;soon&#39; is not a date"),
        ({"from": "2030", "to": "2020"}, "from 2030 is after to 2020"),
    ],
)
def test_a_bad_date_is_a_400_with_one_line(
    client: TestClient, params: dict[str, str], words: str
) -> None:
    response = client.get("/calendar", params=params)
    assert response.status_code == 400
    alert = re.search(r'role="alert">(.*?)</p>', response.text, re.S)
    assert alert and words in alert.group(1) and "\n" not in alert.group(1)


def test_what_documents_print_is_escaped() -> None:
    # Event names and the words of a source come from documents: a name the
    # event rules took with markup in it shows as text.
    hostile = {
        "date": "2026-10-17",
        "anniversary": 100,
        "ordinal": "100th",
        "days": 315,
        "event": f"founding of {SCRIPT} Union",
        "event_date": "1926-10-17",
        "sources": [
            {
                "doc": "0123456789ab",
                "text": f"the 90th anniversary of {IMAGE}",
                "date": "1926",
                "span": [3, 40],
                "document": {"title": SCRIPT, "date": None, "outlet": IMAGE},
            }
        ],
    }
    html = environment.get_template("calendar.html").render(
        entries=[hostile], **{"from": "2026-01-01", "to": "2026-12-31"}
    )
    assert SCRIPT not in html and IMAGE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("&lt;img") == 2
