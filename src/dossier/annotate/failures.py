"""Failures per annotation: a span a finder cannot read is skipped and noted.

Each finder reads its candidates through `Failures.attempt`: a rule that trips
on one span (a year Python's `date` cannot hold, a number too long to parse)
costs that span only, and the document keeps everything else (issue 13).
`annotate` hands one `Failures` to every finder and stores what it noted; a
finder called on its own gets a strict one that re-raises, so tests and
benchmarks see the error itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from dossier.model import AnnotationFailure

P = ParamSpec("P")
T = TypeVar("T")

# Characters of the text kept around a failed span: enough to find the phrase
# again in `show`, short enough for a one-line report.
EXCERPT_CHARS = 80


class Failures:
    """The spans of one document's text that finders could not read."""

    __slots__ = ("found", "strict", "text")

    def __init__(self, text: str, *, strict: bool = False) -> None:
        self.text = text
        self.strict = strict
        self.found: list[AnnotationFailure] = []

    def attempt(
        self,
        finder: str,
        start: int,
        end: int,
        work: Callable[P, T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T | None:
        """`work(*args, **kwargs)`, or None (noted) when it raises on this span."""
        try:
            return work(*args, **kwargs)
        except Exception as err:
            if self.strict:
                raise
            self.note(finder, start, end, err)
            return None

    def note(self, finder: str, start: int, end: int, err: BaseException) -> None:
        """Record that `finder` failed on `text[start:end]` with `err`."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        self.found.append(
            AnnotationFailure(
                "annotate",
                finder,
                start,
                end,
                excerpt(self.text, start, end),
                reason(err),
            )
        )


def strict_or(failures: Failures | None, text: str) -> Failures:
    """`failures`, or a strict collector for a finder called on its own."""
    return failures if failures is not None else Failures(text, strict=True)


def excerpt(text: str, start: int, end: int) -> str:
    """The failed span on one line, cut to `EXCERPT_CHARS` with an ellipsis."""
    printed = " ".join(text[start:end].split())
    if len(printed) <= EXCERPT_CHARS:
        return printed
    return printed[: EXCERPT_CHARS - 1] + "…"


def reason(err: BaseException) -> str:
    """The error on one line: `ValueError: year -297979 is out of range`."""
    message = " ".join(str(err).split())
    return f"{type(err).__name__}: {message}" if message else type(err).__name__
