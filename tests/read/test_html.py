"""`read_html`: an extractor's main text, else the page's, said in the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.read.html import is_extracted, read_html

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
