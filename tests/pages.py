"""Random HTML pages and the text an extractor might give of them, for the
property tests of `read.markup.align` (tests/test_offset_columns.py,
tests/read/test_align_columns.py)."""

from __future__ import annotations

from hypothesis import strategies as st

from dossier.read.html import flat_text

# Tags, entities good and bad, a script, whitespace of every kind, a control
# character, and words: what a page's paragraph is made of.
PIECES = st.sampled_from(
    [
        *("<p>", "</p>", "<b>", "</b>", "<br>", "<!-- a b -->", "<script>x y</script>"),
        *("&amp;", "&#65;", "&nbsp;", "&bogus;", " ", "  ", "\n", "\t", "\x07"),
        *("rice", "Kim", "Il", "Sung", "1950", "t.", "-", "|", "a", "é"),
    ]
)

# Up to six paragraphs of up to eight pieces each.
PAGES = st.lists(
    st.lists(PIECES, min_size=1, max_size=8).map(
        lambda pieces: "<p>" + " ".join(pieces) + "</p>\n"
    ),
    max_size=6,
).map("".join)


def extracted(markup: str, data: st.DataObject) -> str:
    """The page's lines, some moved, some words changed, a list mark put
    before some: as extraction gives them."""
    lines = data.draw(st.permutations(flat_text(markup).split("\n")))
    return "\n".join(
        data.draw(st.sampled_from(["", "- "]))
        + " ".join(w if data.draw(st.booleans()) else w + "x" for w in line.split())
        for line in lines
    )
