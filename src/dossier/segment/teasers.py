"""Find aggregator sidebar teasers: a headline printed twice, then its lead.

On the aggregator pages of the seeds each teaser is five lines: headline,
the same headline, a cut-off lead, a date, the lead again.
"""

from __future__ import annotations

from dossier.clean.shape import is_date_line

MAX_TEASER_HEADLINE = 200
MAX_TEASER_TAIL = 4  # lines after the doubled headline: lead, date, lead again


def find_teasers(lines: list[str]) -> list[tuple[int, int]]:
    """Index ranges [first, last) of the lines of each teaser."""
    teasers = []
    index = 0
    while index < len(lines) - 1:
        line = lines[index]
        if line == lines[index + 1] and len(line) <= MAX_TEASER_HEADLINE:
            end = index + 2
            while end < len(lines) and end - index - 2 < MAX_TEASER_TAIL:
                if end + 1 < len(lines) and lines[end] == lines[end + 1]:
                    break  # the next teaser's doubled headline
                tail = lines[end]
                if not (
                    is_date_line(tail)
                    or tail in lines[index + 2 : end]
                    or end == index + 2
                ):
                    break
                end += 1
            teasers.append((index, end))
            index = end
        else:
            index += 1
    return teasers
