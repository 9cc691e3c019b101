"""`read_html`: an extractor's main text, else the page's, said in the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.read.html import is_extracted, read_html, too_deep

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_read_html_gives_the_extractors_main_text() -> None:
    page = EXAMPLES / "page.html"
    [source] = read_html(page, page.read_bytes(), "")
    assert is_extracted(source)
    assert source.fields["title"] == "Remembering the Chollima Movement"
    assert source.raw.startswith("Remembering the Chollima Movement\n")
    assert "Campaigns" not in source.raw  # the menu stayed in the page


def test_read_html_without_main_text_is_the_page_text_not_extracted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    markup = b"<html><body><nav>Home</nav>\n<p>Home</p>\n<p>News</p></body></html>"
    [source] = read_html(Path("menu.html"), markup, "")
    assert not is_extracted(source)
    assert source.raw.split("\n") == ["Home", "News"]


PARAGRAPH = "<p>Paragraph {n} tells of the delegation that visited the factory.</p>"


def test_a_page_nested_past_the_parser_keeps_all_its_text(tmp_path: Path) -> None:
    # 400 unclosed <font> tags once kept 127 of 400 paragraphs; 300 nested
    # <div>s gave no document at all.
    unclosed = "".join("<font>" + PARAGRAPH.format(n=n) for n in range(400))
    nested = "<div>" * 300 + PARAGRAPH.format(n=0) + "</div>" * 300
    for name, body in (("font.html", unclosed), ("div.html", nested)):
        page = tmp_path / name
        page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
        (source,) = read_html(page, page.read_bytes(), "0" * 64)
        assert too_deep(page.read_text())
        assert source.raw.count("tells of the delegation") == body.count("<p>")
        assert source.encoding.endswith("+html-page")


def test_an_ordinary_page_is_not_too_deep() -> None:
    rows = "".join(f"<tr><td>{n}<td>cell" for n in range(500))
    page = f"<html><body><div><table>{rows}</table><p>a<p>b</div></body></html>"
    assert not too_deep(page)
