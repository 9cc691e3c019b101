"""A Hypothesis strategy shared by the gate property tests: a text made of
pieces chosen to meet a finder's edge cases, and a window `[start, end)` in
it (the finders read windows of a text, not whole texts)."""

from __future__ import annotations

from hypothesis import strategies as st

Window = tuple[str, int, int]


@st.composite
def windows(draw: st.DrawFn, pieces: st.SearchStrategy[str], size: int) -> Window:
    """A text of at most `size` pieces, and a window in it."""
    text = draw(st.lists(pieces, max_size=size).map("".join))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end
