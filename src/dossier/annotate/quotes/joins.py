"""One statement printed as several quoted passages, read as one quote.

`“A,” he said. “B.”` is split by its cue; `was “disgusting” and “a con”` is
one clause holding two quoted fragments. Each is one attribution (PolNeAR's
annotators mark about 3 in 10 direct quotes so, issue 18), so the passages
become one quote: from the first passage's start (or its lead-in) to the last
passage's end, the writer's words between them included, and the first
passage's speaker and cue.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.annotate.quotes.cues import cues
from dossier.annotate.quotes.marks import Paragraphs, Quoted, skip_space
from dossier.annotate.reading import Bounds
from dossier.model import Quote

# Between two fragments of one clause, only a joining word or two (`and`,
# `but`, `and then`, `or even`) and no more than this many words in all (`and
# let them know that` has 5).
MAX_FRAGMENT_GAP_WORDS = 6
_FRAGMENT_GAP = re.compile(
    r"\s*,?\s*(?:and|but|or|nor|yet|then|even|also|not|as|while)\b[^.;:!?“”\"‘’]*$"
)
# The second passage runs on into the writer's clause (`“…” to drive up the
# stock price`): a statement of its own.
_RUNS_ON = re.compile(r"[ \t]+(?:that|to|and|but|or|which|who|because|for|with|by)\b")
# The words between a split quote's halves may outnumber the quoted ones
# only while they are this short (`“I would,” Melanie said to the TV. “I
# would, Donald.”`): an attribution, not a narration.
MIN_GAP_CHARS = 40


@dataclass(frozen=True, slots=True)
class Read:
    """A quote as read, and the quoted passage it was read from (if any)."""

    quote: Quote
    passage: Quoted | None


def _marked(passage: Quoted | None) -> Quoted | None:
    if passage is None or passage.open_start == passage.start:
        return None
    if passage.close_end == passage.end:
        return None
    return passage


def _same_voice(first: Quote, second: Quote) -> bool:
    """The second passage has no cue of its own: none, or the first one's."""
    if second.cue_start is not None and second.cue_start != first.cue_start:
        return False
    return second.speaker is None or second.speaker == first.speaker


def split_by_cue(
    text: str, first: Read, second: Read, paragraphs: Paragraphs, sentences: Bounds
) -> bool:
    """`“A,” he said. “B.”`: the first passage's cue stands between the two,
    and the second goes on in the same paragraph with no cue of its own."""
    one, two = _marked(first.passage), _marked(second.passage)
    before, after = first.quote, second.quote
    if one is None or two is None or {before.kind, after.kind} != {"direct"}:
        return False
    if after.start != two.start:
        return False
    if before.cue_start is None or before.cue_end is None:
        return False
    if not one.close_end <= before.cue_start < before.cue_end <= two.open_start:
        return False
    if paragraphs.index(one.close_end) != paragraphs.index(two.open_start):
        return False
    gap = text[one.close_end : two.open_start]
    quoted = (one.end - one.start) + (two.end - two.start)
    if len(gap) > max(quoted, MIN_GAP_CHARS) or _RUNS_ON.match(text, two.close_end):
        return False  # mostly the writer's words: a narration, not one quote
    said = one.close_end + len(gap.rstrip()) - 1
    if sentences.start_of(said) > skip_space(text, one.close_end):
        return False  # a sentence of the writer's between the halves
    others = [c for c in cues(text, one.close_end, two.open_start)]
    if any(cue.start != before.cue_start for cue in others):
        return False  # `Trump said, adding later, “…”`: a cue of its own
    return _same_voice(before, after)


def fragments(text: str, first: Read, second: Read, paragraphs: Paragraphs) -> bool:
    """`was “disgusting” and “a con”`: two quoted fragments of one clause."""
    one, two = _marked(first.passage), _marked(second.passage)
    before, after = first.quote, second.quote
    if one is None or two is None or after.kind != "direct":
        return False
    if before.kind not in ("direct", "reported") or after.start != two.start:
        return False
    if before.start >= one.start and before.kind != "direct":
        return False
    gap = text[one.close_end : two.open_start]
    if len(gap.split()) > MAX_FRAGMENT_GAP_WORDS or not _FRAGMENT_GAP.match(gap):
        return False
    if paragraphs.index(one.close_end) != paragraphs.index(two.open_start):
        return False
    return _same_voice(before, after)


def covered(first: Read, second: Read) -> Quoted | None:
    """`called Trump a “liar” who is “amoral,” a “philanderer.”`: a reported
    clause read from the first passage (its lead-in, its words running on past
    the mark) runs on over the second passage, returned."""
    two, before, after = _marked(second.passage), first.quote, second.quote
    if two is None or after.kind != "direct" or first.passage is None:
        return None
    if before.kind != "reported":
        return None
    return two if before.start <= two.open_start and two.end <= before.end else None


def _direct_to(text: str, quote: Quote, end: int) -> Quote:
    return dataclasses.replace(
        quote, end=end, text=text[quote.start : end], kind="direct"
    )


def join(
    text: str, reads: Sequence[Read], paragraphs: Paragraphs, sentences: Bounds
) -> list[Read]:
    """`reads` in order of position, with passages of one statement joined."""
    joined: list[Read] = []
    for read in reads:
        if not joined or read.passage is None or read.quote.kind != "direct":
            joined.append(read)  # every join ends on a direct quoted passage
            continue
        inner = covered(joined[-1], read) if joined else None
        if inner is not None:
            quote = joined[-1].quote
            if quote.end <= inner.close_end:  # it ends on the mark: direct
                quote = _direct_to(text, quote, read.quote.end)
            joined[-1] = Read(quote, inner)
            continue
        if joined and (
            split_by_cue(text, joined[-1], read, paragraphs, sentences)
            or fragments(text, joined[-1], read, paragraphs)
        ):
            quote = _direct_to(text, joined[-1].quote, read.quote.end)
            joined[-1] = Read(quote, read.passage)
            continue
        joined.append(read)
    return joined
