"""Annotated text as HTML: escaped, nested properly however spans cross."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.present.web.markup import Mark, render
from tests.properties import examples


class _Balance(HTMLParser):
    """Checks every element closes in order and collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.links: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert not (tag == "a" and "a" in self.open), "a link inside a link"
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Balance:
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert not parser.open
    return parser


def test_render_escapes_the_text() -> None:
    text = 'Kim said <script>alert(1)</script> & "left"'
    html = render(text, [Mark(0, 3, "mention", "/entity/Kim")])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "".join(parse(html).text) == text


def test_crossing_spans_are_cut_into_nested_pieces() -> None:
    text = "The delegation left Pyongyang on May 3 for the farms."
    marks = [
        Mark(4, 38, "quote", marker=("❝", "/s?start=4&end=38", "quote")),
        Mark(20, 29, "mention", "/entity/Pyongyang"),
        Mark(33, 45, "reused"),
        Mark(30, 38, "time", "/t"),
    ]
    html = render(text, marks)
    parsed = parse(html)
    assert "".join(parsed.text).replace("❝", "") == text
    # The mention is the innermost link inside the quote; the time inside the
    # quote and the reused passage is a link too, the reused passage is not.
    assert '<span class="quote"><a class="mention" href="/entity/Pyongyang">' in html
    assert html.count('class="reused"') == 2  # cut where the quote ends
    assert 'href="/s?start=4&amp;end=38"' in html


def test_an_anchor_is_given_once_and_spans_are_clipped() -> None:
    html = render("abcdef", [Mark(1, 5, "target", anchor="mark"), Mark(3, 99, "x")])
    assert html.count('id="mark"') == 1
    assert "".join(parse(html).text) == "abcdef"


# No deadline: a loaded machine is not a failure (tests are never timed).
@settings(max_examples=examples(100), deadline=None)
@given(
    st.text(min_size=0, max_size=40),
    st.lists(
        st.tuples(st.integers(-5, 45), st.integers(-5, 45), st.booleans()),
        max_size=8,
    ),
)
def test_any_spans_give_balanced_html_holding_the_text(
    text: str, spans: list[tuple[int, int, bool]]
) -> None:
    marks = [Mark(s, e, "m", "/x" if link else None) for s, e, link in spans]
    parsed = parse(render(text, marks))
    assert "".join(parsed.text) == text
