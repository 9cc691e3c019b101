"""`dossier report`: one file that opens offline, names its sources, and
shows document text as text."""

from __future__ import annotations

import json
import re
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app
from dossier.present.report import Limits, gather, write_report
from dossier.present.report.render import locator_text
from dossier.store import connect
from tests.present.conftest import HOSTILE

runner = CliRunner()

pytestmark = pytest.mark.corpus

# Enough to list every item of the seeds: the hostile document is shown.
EVERYTHING = Limits(
    outlets=100,
    bins=100,
    statements=100,
    conflicts=100,
    claims=100,
    speakers=100,
    outlets_quoted=100,
    documents_quoted=100,
    quotes=100,
    reuse=100,
)


class Page(HTMLParser):
    """Every tag and attribute of a page, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def cli(*args: str) -> Any:
    return runner.invoke(app, list(args))


def listing(db: Path, *command: str) -> Any:
    result = cli(*command, "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def html(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = cli("report", "--db", str(seeded_db), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "written to" in result.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def everything(
    seeded_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("everything")
    pages = {}
    for form in ("html", "md"):
        out = folder / f"report.{form}"
        write_report(seeded_db, out, form=form, limits=EVERYTHING)
        pages[form] = out.read_text(encoding="utf-8")
    return pages


def test_report_links_only_inside_itself_or_to_document_urls(
    seeded_db: Path, html: str
) -> None:
    urls = {d["url"] for d in listing(seeded_db, "docs", "--all") if d["url"]}
    page = parse(html)
    assert page.tags, "nothing parsed"
    for tag, attributes in page.tags:
        assert tag not in ("script", "link", "iframe", "img", "object")
        for name in ("src", "href", "xlink:href", "action"):
            target = attributes.get(name)
            if target is not None:
                assert target.startswith("#") or target in urls, (tag, name, target)
                assert not target.startswith(("http", "//")) or target in urls
    # Nothing fetched by the style sheet either.
    assert "url(" not in html
    assert "@import" not in html


def test_report_every_document_link_has_its_source(html: str) -> None:
    check_links(html)


def test_report_few_quotes_listed_still_links_every_document_drawn(
    seeded_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.html"
    write_report(seeded_db, out, limits=Limits(quotes=1, statements=1, reuse=1))
    check_links(out.read_text(encoding="utf-8"))


def check_links(html: str) -> None:
    page = parse(html)
    ids = {a["id"] for _, a in page.tags if a.get("id")}
    links = {a["href"] for _, a in page.tags if (a.get("href") or "").startswith("#")}
    assert any(link.startswith("#doc-") for link in links)
    assert any(link.startswith("#period-") for link in links)
    missing = {link for link in links if link[1:] not in ids}
    assert not missing
    for source in re.findall(r'id="doc-([0-9a-f]{12})"', html):
        assert f"dossier show {source} --db seeds.db" in html


def test_report_locators_are_those_show_gives(seeded_db: Path) -> None:
    with closing(connect(seeded_db, create=False)) as connection:
        facts = gather(connection, EVERYTHING)
    wheres = [s.where for p in facts.timeline.periods for s in p.statements]
    wheres += [q.where for q in facts.graph.quotes]
    wheres += [c.where for g in facts.conflicts for c in g.claims]
    wheres += [side for pair in facts.reuse for side in (pair.a, pair.b)]
    assert facts.reuse, "the seeded dossier has a reused passage"
    shown: dict[str, dict[str, Any]] = {}
    for where in wheres:
        if where.doc not in shown:
            shown[where.doc] = listing(seeded_db, "show", where.doc)
        detail = shown[where.doc]
        located = {
            tuple(r["span"]): r["locator"]
            for key in ("times", "quotes", "figures", "reused")
            for r in detail[key]
        }
        assert located[where.span] == where.locator, where
    listed = {s.id for s in facts.sources}
    assert {w.doc for w in wheres} == listed


def test_report_counts_are_the_listings(seeded_db: Path) -> None:
    with closing(connect(seeded_db, create=False)) as connection:
        counts = dict(gather(connection).counts)
    assert counts["documents"] == len(listing(seeded_db, "docs"))
    assert counts["entities"] == len(listing(seeded_db, "entities", "--all"))
    assert counts["quotes"] == len(listing(seeded_db, "quotes"))


def test_report_shows_markup_in_documents_as_text(everything: dict[str, str]) -> None:
    html, markdown = everything["html"], everything["md"]
    page = parse(html)
    text = " ".join(page.text)
    assert HOSTILE["title"] in text  # shown, as text
    assert HOSTILE["outlet"] in text  # in the chart's labels too
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert all(not (a.get("href") or "").startswith("javascript") for _, a in page.tags)
    assert "javascript:alert(1)" in text  # the url is shown, not linked
    assert "&lt;script&gt;" in markdown
    assert "<script" not in markdown.lower()
    assert "<img" not in markdown.lower()


def test_report_markdown_has_the_sections_and_whole_tables(
    everything: dict[str, str],
) -> None:
    markdown = everything["md"]
    headings = re.findall(r"^## (.+)$", markdown, flags=re.MULTILINE)
    html_headings = re.findall(r"<h2 id=\"\w+\">(.+?)</h2>", everything["html"])
    assert headings == html_headings
    rows = 0
    for block in re.split(r"\n\n+", markdown):
        lines = [line for line in block.splitlines() if line.startswith("|")]
        if not lines:
            continue
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in lines}
        assert len(widths) == 1, lines
        rows += len(lines)
    assert rows > 50


def test_report_lists_the_top_and_counts_the_rest(seeded_db: Path) -> None:
    with closing(connect(seeded_db, create=False)) as connection:
        every = gather(connection, EVERYTHING)
        few = gather(connection, Limits(outlets=1, speakers=2, reuse=0, bins=1))
    assert len(few.outlets.bars) == 1
    assert few.outlets.left_out == sum(n for _, n in every.outlets.bars[1:]) > 0
    assert len(few.graph.speakers) == 2
    assert few.graph.speakers_left_out == len(every.graph.speakers) - 2
    assert few.reuse == [] and few.reuse_left_out == len(every.reuse)
    assert sum(1 for p in few.timeline.periods if p.statements) == 1


def test_report_refuses_an_existing_file_and_a_bad_format(
    seeded_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.html"
    out.write_text("mine", encoding="utf-8")
    refused = cli("report", "--db", str(seeded_db), "--out", str(out))
    assert refused.exit_code == 2
    assert out.read_text(encoding="utf-8") == "mine"
    bad = cli(
        "report",
        "--db",
        str(seeded_db),
        "--out",
        str(tmp_path / "r.pdf"),
        "--format",
        "pdf",
    )
    assert bad.exit_code == 2
    assert "--format 'pdf' is not one of html, md" in bad.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


@pytest.mark.parametrize(
    ("locator", "text"),
    [
        ({"format": "text", "start": 3, "end": 9}, "chars 3-9"),
        ({"format": "jsonl", "line": 4, "start": 3, "end": 9}, "line 4, chars 3-9"),
        (
            {"format": "pdf", "page": 2, "end_page": 3, "start": 3, "end": 9},
            "page 2 to 3, chars 3-9",
        ),
        (
            {"format": "html", "start": 3, "end": 9, "approximate": True},
            "markup 3-9 (approximate)",
        ),
    ],
)
def test_locator_text_says_where(locator: dict[str, Any], text: str) -> None:
    assert locator_text(locator) == text


def test_report_documents_by_date_leave_no_year_out(seeded_db: Path) -> None:
    with closing(connect(seeded_db, create=False)) as connection:
        facts = gather(connection)
    dated = [d for d in listing(seeded_db, "docs") if d["date"]]
    labels = [int(label) for label, _ in facts.years.bars]
    assert labels == list(range(labels[0], labels[-1] + 1))
    assert sum(n for _, n in facts.years.bars) == len(dated)
    assert facts.years.left_out == len(listing(seeded_db, "docs")) - len(dated)


def test_the_report_lists_the_dates_sources_give_an_event(tmp_path: Path) -> None:
    """Conflicts come from what the link stage stored: the dates two sources
    give an event are a group beside the figures', years printed as years."""
    stories = [
        ("2024-09-09", "the 76th founding anniversary of the DPRK"),
        ("2023-09-09", "the 75th founding anniversary of the DPRK"),
        ("2022-09-09", "the 72nd founding anniversary of the DPRK"),
    ]
    wire = tmp_path / "wire.jsonl"
    wire.write_text(
        "".join(
            json.dumps(
                {
                    "title": f"Floral basket sent on {date}",
                    "date": date,
                    "outlet": "KCNA",
                    "text": f"Pyongyang (KCNA) -- A floral basket was sent to"
                    f" Kim Jong Un on the occasion of {phrase}.\nThe delegation"
                    " laid it at the monument in the capital city of the country.",
                }
            )
            + "\n"
            for date, phrase in stories
        )
    )
    db = tmp_path / "d.db"
    built = runner.invoke(app, ["build", str(wire), "--db", str(db)])
    assert built.exit_code == 0, built.output
    out = tmp_path / "report.md"
    written = runner.invoke(
        app, ["report", "--db", str(db), "--out", str(out), "--format", "md"]
    )
    assert written.exit_code == 0, written.output
    text = out.read_text()
    assert "(date): conflict" in text
    # 1948 twice and 1950 once, printed as years, not as counts (1,948).
    assert text.count("| 1948–1948 year |") == 2
    assert text.count("| 1950–1950 year |") == 1
    assert "1,948" not in text
