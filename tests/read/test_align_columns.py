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
from dossier.read.html import flat_text, read_html
from dossier.read.markup import align
from tests.properties import examples

_PIECES = st.sampled_from(
    [
        *("<p>", "</p>", "<b>", "</b>", "<br>", "<!-- a b -->", "<script>x y</script>"),
        *("&amp;", "&#65;", "&nbsp;", "&bogus;", " ", "  ", "\n", "\t", "\x07"),
        *("rice", "Kim", "Il", "Sung", "1950", "t.", "-", "|", "a", "é"),
    ]
)


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
@given(
    markup=st.lists(
        st.lists(_PIECES, min_size=1, max_size=8).map(
            lambda pieces: "<p>" + " ".join(pieces) + "</p>\n"
        ),
        max_size=6,
    ).map("".join),
    data=st.data(),
)
def test_align_in_columns_gives_the_map_lists_give(
    markup: str, data: st.DataObject
) -> None:
    # The page's lines, some moved, some words changed, as extraction gives.
    lines = data.draw(st.permutations(flat_text(markup).split("\n")))
    text = "\n".join(
        data.draw(st.sampled_from(["", "- "]))
        + " ".join(w if data.draw(st.booleans()) else w + "x" for w in line.split())
        for line in lines
    )
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
