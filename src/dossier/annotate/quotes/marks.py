"""Find quoted passages: pair quote marks into spans, across paragraphs for blocks."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from dossier.annotate.openers import places_of

OPEN, CLOSE, EITHER = "open", "close", "either"
DOUBLE, SINGLE = "double", "single"

# `''` and ``` `` ``` stand for double marks in NYT-style archives
# (polnear-dev nyt_* files); they are matched before the lone apostrophe, and a
# backtick alone is no mark. The pattern opens on one class (the first
# character), so `re` skips ahead to the marks (`''|``|[...]` gave it none:
# 78 -> 200 MB/s on kcna-2024, the same marks).
# Found from the marks' places (`openers`): 0.024 -> 0.010 CPU s a pass over
# wire_3_months, the same marks.
MARKS = "\"'“”„‟«»‘’‚‛`"
_MARK = re.compile(f"[{MARKS}]" r"(?:(?<=')'?|(?<=`)`|(?<![`']))")
_DOUBLE_OPEN = frozenset("“„‟«") | {"``"}
_DOUBLE_CLOSE = frozenset("”»")
_DOUBLE_EITHER = frozenset({'"', "''"})
_SINGLE_OPEN = frozenset("‘‚‛")
_OPENING_CONTEXT = "([{<—–-/:;,“‘\"'«"
# Elisions that start with an apostrophe (`'em`, `’07`, `‘90s`), never quote
# openers; `‘60 Years of Friendship’` (digits, then a capitalised word) is a title.
_ELISION = re.compile(
    r"(?:em|til|tis|twas|cause|cos|n|bout|round|\d\ds|\d\d(?!\s+(?-i:[A-Z])))(?!\w)",
    re.IGNORECASE,
)
# Markup left in saved pages: `<tweet author="x">`, whose marks quote nothing.
_ATTRIBUTE = re.compile(r"\w=(\"[^\"\n]*\"|'[^'\n]*')")
# A quote still open at a paragraph's end runs on through unmarked paragraphs
# (the blog seed 004 leaves 1–2 such paragraphs, ≤ 700 characters, inside its
# block quotes) only while the gap stays this short; past it, it is unterminated.
MAX_GAP_CHARS = 1500
# Longest single-quoted passage: titles and headline quotes are short, and a
# longer run is far more likely to pair two apostrophes.
MAX_SINGLE_CHARS = 400
# Colon introductions looked for this far back from an orphan closing mark.
MAX_INTRO_CHARS = 4000


class Mark(NamedTuple):
    """One quote mark (a tuple: thousands a text, made and read only here)."""

    start: int
    end: int
    family: str
    role: str
    weak: bool = False  # `s’ ` followed by a word: more likely a possessive


@dataclass(frozen=True, slots=True)
class Quoted:
    """Content of a quoted passage (marks excluded) and where its marks are."""

    start: int
    end: int
    open_start: int  # == start when the passage opens without a mark
    close_end: int  # == end when it closes without a mark
    family: str
    depth: int = 0


class Paragraphs:
    """Paragraph (line) lookups over one text."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def breaks(self) -> list[int]:
        """Where the text's line breaks stand, found on first use: two texts
        in three of kcna-2024 ask for none (no passage, no colon quote), and
        finding them was some 4% of the quote finder. `str.find` from break
        to break (0.024 CPU s a pass over kcna-2024, `re.finditer` 0.028)."""
        return places_of(self.text, "\n")

    def index(self, position: int) -> int:
        return bisect_right(self.breaks, position - 1)

    def start_of(self, index: int) -> int:
        return 0 if index == 0 else self.breaks[index - 1] + 1

    def end_of(self, index: int) -> int:
        return self.breaks[index] if index < len(self.breaks) else len(self.text)

    def opens_paragraph(self, position: int) -> bool:
        start = self.start_of(self.index(position))
        return not self.text[start:position].strip()

    def content_end(self, index: int) -> int:
        """End of a paragraph's text without trailing space."""
        start, end = self.start_of(index), self.end_of(index)
        return start + len(self.text[start:end].rstrip())


def _classify(text: str, start: int, end: int) -> Mark | None:
    mark = text[start:end]
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if mark in _DOUBLE_OPEN:
        return Mark(start, end, DOUBLE, OPEN)
    if mark in _DOUBLE_CLOSE:
        # `”Mr. Trump ...”`: a closing mark set where an opening one belongs.
        reversed_open = before.isspace() and after.isalnum()
        return Mark(start, end, DOUBLE, EITHER if reversed_open else CLOSE)
    # Read first: most single marks are apostrophes inside a word.
    single = mark not in _DOUBLE_EITHER
    if single and before.isalnum() and after.isalnum():
        return None  # people’s, don't
    open_like = (
        (before.isspace() or before in _OPENING_CONTEXT)
        and not after.isspace()
        and after not in ",.;:!?)"  # `"terrorist kingpin ",` closes
    )
    close_like = (not before.isspace() or after in ",.;:!?)") and (
        after.isspace() or not after.isalnum() or after in "”’\"'"
    )
    if not single:
        if open_like and not close_like:
            return Mark(start, end, DOUBLE, OPEN)
        if close_like and not open_like:
            return Mark(start, end, DOUBLE, CLOSE)
        return Mark(start, end, DOUBLE, EITHER)
    if mark in _SINGLE_OPEN:
        if before.isalnum() or _ELISION.match(text, end):
            return None
        return Mark(start, end, SINGLE, OPEN)
    if open_like and not before.isalnum():
        if mark == "’" or _ELISION.match(text, end):
            return None  # ’07, 'em
        return Mark(start, end, SINGLE, OPEN)
    if close_like:
        weak = before in "sS" and after == " " and text[end + 1 : end + 2].isalpha()
        return Mark(start, end, SINGLE, CLOSE, weak)
    return None


def find_marks(text: str) -> list[Mark]:
    """Every quote mark that may open or close a passage (apostrophes left out)."""
    marks = []
    markup = (
        [(m.start(), m.end()) for m in _ATTRIBUTE.finditer(text)] if "=" in text else []
    )
    # `opening_on(_MARK, text, MARKS)`, with `_MARK` matched only where it
    # may take two characters (`''`, ``` `` ```) or none (a lone backtick): at
    # any other mark it takes that one character.
    position, length = 0, len(text)
    for at in places_of(text, MARKS):
        if at < position:
            continue
        char = text[at]
        if char in "'`":
            match = _MARK.match(text, at)
            if match is None:
                continue
            end = match.end()
        else:
            end = at + 1
        position = end
        if (
            char == "’"
            and at > 0
            and end < length
            and text[at - 1].isalnum()
            and text[end].isalnum()
        ):
            continue  # people’s: what `_classify` reads first, at most marks
        if markup and any(start <= at < stop for start, stop in markup):
            continue
        mark = _classify(text, at, end)
        if mark is not None:
            marks.append(mark)
    return marks


def _colon_intro_start(
    text: str, paragraphs: Paragraphs, close: Mark, floor: int
) -> int | None:
    """Start of a passage that an orphan closing mark ends, after a colon intro."""
    index = paragraphs.index(close.start)
    inline = text.rfind(":", max(floor, paragraphs.start_of(index)), close.start)
    if inline >= 0:
        return skip_space(text, inline + 1)
    limit = max(floor, close.start - MAX_INTRO_CHARS)
    for previous in range(index - 1, -1, -1):
        end = paragraphs.content_end(previous)
        if end < limit:
            return None
        if end > paragraphs.start_of(previous) and text[end - 1] == ":":
            return skip_space(text, end)
    return None


def skip_space(text: str, position: int) -> int:
    """First position at or after `position` that is not white space."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _pair_doubles(text: str, marks: list[Mark], paragraphs: Paragraphs) -> list[Quoted]:
    quoted: list[Quoted] = []
    stack: list[Mark] = []
    last = 0  # paragraph of the latest opening or continuation mark
    floor = 0  # nothing before this may join a new passage

    def unterminated(opened: Mark) -> None:
        nonlocal floor
        end = paragraphs.content_end(max(last, paragraphs.index(opened.start)))
        if end > opened.end:
            quoted.append(Quoted(opened.end, end, opened.start, end, DOUBLE))
        floor = max(floor, end)

    for mark in marks:
        if mark.family != DOUBLE:
            continue
        index = paragraphs.index(mark.start)
        if stack and index > last:
            while len(stack) > 1:
                unterminated(stack.pop())
            gap = paragraphs.start_of(index) - paragraphs.end_of(last)
            at_start = paragraphs.opens_paragraph(mark.start)
            if mark.role != CLOSE and at_start and gap <= MAX_GAP_CHARS:
                last = index  # a block quote's next paragraph
                continue
            if mark.role == OPEN or at_start or gap > MAX_GAP_CHARS:
                unterminated(stack.pop())
        if mark.role == OPEN or (mark.role == EITHER and not stack):
            if not stack:
                last = index
            stack.append(mark)
            continue
        if stack:
            opened = stack.pop()
            quoted.append(
                Quoted(opened.end, mark.start, opened.start, mark.end, DOUBLE)
            )
            floor = max(floor, mark.end)
            continue
        begin = _colon_intro_start(text, paragraphs, mark, floor)
        if begin is not None and begin < mark.start:
            quoted.append(Quoted(begin, mark.start, begin, mark.end, DOUBLE))
            floor = mark.end
    while stack:
        unterminated(stack.pop())
    return quoted


def _pair_singles(marks: list[Mark], paragraphs: Paragraphs) -> list[Quoted]:
    singles = [mark for mark in marks if mark.family == SINGLE]
    quoted: list[Quoted] = []
    used = -1
    for position, mark in enumerate(singles):
        if mark.role != OPEN or position <= used:
            continue
        paragraph = paragraphs.index(mark.start)
        chosen = None
        for later in range(position + 1, len(singles)):
            candidate = singles[later]
            if (
                candidate.role == OPEN
                or paragraphs.index(candidate.start) != paragraph
                or candidate.start - mark.end > MAX_SINGLE_CHARS
            ):
                break
            if chosen is None or (singles[chosen].weak and not candidate.weak):
                chosen = later
                if not candidate.weak:
                    break
        if chosen is not None:
            close = singles[chosen]
            if close.start > mark.end:
                quoted.append(
                    Quoted(mark.end, close.start, mark.start, close.end, SINGLE)
                )
            used = chosen
    return quoted


def _nests(inner: Quoted, outer: Quoted) -> bool:
    return outer.start <= inner.open_start and inner.close_end <= outer.end


def _crosses(one: Quoted, other: Quoted) -> bool:
    return (
        one.open_start < other.open_start < one.close_end < other.close_end
        or other.open_start < one.open_start < other.close_end < one.close_end
    )


def find_quoted(text: str, paragraphs: Paragraphs | None = None) -> list[Quoted]:
    """Quoted passages, outermost first at each position, nested ones with depth
    (`paragraphs` of `text`, when the caller has them)."""
    paragraphs = paragraphs or Paragraphs(text)
    marks = find_marks(text)
    doubles = _pair_doubles(text, marks, paragraphs)
    singles = [
        single
        for single in _pair_singles(marks, paragraphs)
        if not any(_crosses(single, double) for double in doubles)
    ]
    passages = sorted(doubles + singles, key=lambda q: (q.open_start, -q.close_end))
    result: list[Quoted] = []
    stack: list[Quoted] = []
    for passage in passages:
        while stack and not _nests(passage, stack[-1]):
            stack.pop()
        # Paired passages have depth 0: an outermost one is kept as it is.
        result.append(
            Quoted(
                passage.start,
                passage.end,
                passage.open_start,
                passage.close_end,
                passage.family,
                len(stack),
            )
            if stack
            else passage
        )
        stack.append(passage)
    return result
