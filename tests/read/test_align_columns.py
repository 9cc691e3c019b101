"""`align` holds a large page's offsets in columns, a small one's in lists
(`read.markup.COLUMNS_FROM`, issue 14 part 5): the same map either way."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.offsets import SourceMap
from dossier.read import markup as markup_module
from dossier.read.decode import decode
from dossier.read.html import read_html
from dossier.read.markup import align
from tests.pages import PAGES, extracted
from tests.properties import examples


def _shown(located: SourceMap) -> tuple[object, ...]:
    return (
        located.to_json_text(),
        located.approximate,
        located.breaks,
        located.skips,
    )


def _both(text: str, markup: str, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    found = [_shown(align(text, markup))]
    with monkeypatch.context() as patched:
        patched.setattr(markup_module, "COLUMNS_FROM", 0)
        found.append(_shown(align(text, markup)))
    return found


@settings(max_examples=examples(100), deadline=None)
@given(markup=PAGES, data=st.data())
def test_align_in_columns_gives_the_map_lists_give(
    markup: str, data: st.DataObject
) -> None:
    text = extracted(markup, data)
    with pytest.MonkeyPatch.context() as monkeypatch:
        lists, columns = _both(text, markup, monkeypatch)
    assert lists == columns


def test_html_dev_pages_mapped_alike_in_columns(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pages = sorted((corpus / "html-dev" / "html").glob("*.html.gz"))[:4]
    assert pages
    for page in pages:
        data = gzip.decompress(page.read_bytes())
        (source,) = read_html(tmp_path / "a.html", data, "0")
        assert source.locator is not None
        markup, _ = decode(data)
        lists, columns = _both(source.raw, markup, monkeypatch)
        assert lists == columns
        assert lists == _shown(source.locator)
