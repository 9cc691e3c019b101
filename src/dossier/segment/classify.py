"""Give each line block a kind: text, headline, meta, nav, footer, teaser-*.

A line leaves the article text only on evidence that it is furniture (#13):
a pack phrase, a metadata shape, a line repeated in the file, a doubled
teaser headline, or position and shape together (a run of menu-like lines
at the top or bottom edge of the page, the headline above the first
paragraph, a signature below the last). Shortness alone is never evidence:
a short line with no such evidence is article text.

An HTML extractor's main text (`extracted`) has had the page's menus,
sidebars and footer taken out already, and the page's title and author are
known: there only a pack phrase, a metadata shape, a doubled teaser headline
and a line printed both above and below the article count; menu runs at the
edges and signatures are not looked for; the headline is the line that
repeats the title; and a rights line ("© Reuters") is the article's own.
"""

from __future__ import annotations

import re

from dossier.clean.pagebreak import FUNCTION_WORDS
from dossier.clean.shape import (
    MAX_HEADLINE,
    SMALL_WORDS,
    is_date_line,
    is_headline,
    is_title_case,
)
from dossier.model import Block
from dossier.packs import Pack
from dossier.segment.lines import (
    SENTENCE_END,
    dateline_at,
    end_marker_at,
    is_body,
    is_meta_line,
    is_rights_line,
    iter_lines,
    matches_phrase,
    phrase_words,
    repeats_title,
)
from dossier.segment.menus import announces_list, edge_runs, repeated_lines
from dossier.segment.teasers import find_teasers

# Signature: "Michael Thorburn, First Secretary, Workers Party U.S.A."
MAX_SIGNATURE = 140
# "Speeches were made there." closes many KCNA items; "Share this:" does not.
MIN_CLOSING_WORDS = 3
# "... were made. Every story was read": a sentence ends inside the line.
INNER_SENTENCE_END = re.compile(r"[a-z)][.!?][\"”’']? [A-Z]")


def classify(
    text: str, pack: Pack, *, extracted: bool = False, title: str = ""
) -> list[Block]:
    spans = list(iter_lines(text))
    lines = [text[s:e] for s, e in spans]
    kinds: list[str] = ["" for _ in lines]
    # Where each line's trailing end marker (" -0-") starts: read four times
    # below, worked out once.
    cuts = [end_marker_at(line, pack) for line in lines]

    for first, last in find_teasers(lines):
        seen: set[str] = set()
        for index in range(first, last):
            line = lines[index]
            if index == first:
                kinds[index] = "teaser-headline"
            elif is_date_line(line):
                kinds[index] = "teaser-date"
            elif line in seen:
                kinds[index] = "teaser-repeat"
            else:
                kinds[index] = "teaser-lead"
            seen.add(line)

    # Sentences that hold a boilerplate phrase ("waved back to the crowd",
    # "disregarded the copyright") and bare outlet names: furniture at the
    # edges, text in the body.
    sentences: list[int] = []
    for index, line in enumerate(lines):
        if kinds[index]:
            continue
        body_text = _before_end_marker(line, cuts[index])
        if len(line) > pack.boilerplate_max_line:
            # Too long for furniture or a metadata line: text or nothing.
            if dateline_at(line) or body_text != line or is_body(body_text):
                kinds[index] = "text"
            continue
        if line.strip() in pack.end_markers:
            kinds[index] = "end-marker"
        elif dateline_at(line) or (body_text != line and body_text.strip()):
            # A wire dateline opens a story and an end marker closes one.
            kinds[index] = "text"
        else:
            kinds[index] = _short_line_kind(line, body_text, pack, extracted)
        if kinds[index] in {"footer", "nav"} and is_body(line):
            sentences.append(index)
        elif kinds[index] == "meta" and pack.outlet_for(line) is not None:
            # "Rodong Sinmun" over its items in a press review: a subhead
            # inside the body, the outlet's line above or below it.
            sentences.append(index)

    body = [i for i, kind in enumerate(kinds) if kind == "text"]
    if body:
        for index in sentences:
            if body[0] < index < body[-1]:
                kinds[index] = "text"
        if extracted:
            furniture = repeated_lines(lines, kinds, around=(body[0], body[-1]))
        else:
            furniture = repeated_lines(lines, kinds)
            furniture |= edge_runs(lines, kinds, body[0], body[-1], pack)
        _mark_head(lines, kinds, body[0], furniture, title if extracted else None)
        _mark_tail(lines, kinds, body[-1], cuts, furniture, signed=not extracted)
        for index in range(body[0], body[-1] + 1):
            if kinds[index]:
                continue
            # Inside the body: a headline of a following article, or a subheading.
            follows = lines[index + 1] if index + 1 < len(lines) else ""
            starts_article = (
                bool(dateline_at(follows))
                or (index > 0 and kinds[index - 1] == "end-marker")
                or (index > 0 and cuts[index - 1] is not None)
            )
            kinds[index] = (
                "headline"
                if starts_article and len(lines[index]) <= MAX_HEADLINE
                else "text"
            )
    else:
        # No line reads as a paragraph: a list, a column of short lines, a
        # table. Only furniture shown by evidence leaves; the rest is text
        # (a title-cased first line stays the headline when text follows).
        if extracted:
            # No paragraph to frame: nothing is above or below the text.
            furniture = set()
        else:
            furniture = repeated_lines(lines, kinds)
            furniture |= edge_runs(lines, kinds, len(lines), -1, pack)
        for index in range(len(lines)):
            if not kinds[index]:
                kinds[index] = "nav" if index in furniture else "text"
        texts = [i for i, kind in enumerate(kinds) if kind == "text"]
        if len(texts) > 1 and (
            repeats_title(lines[texts[0]], title)
            if extracted
            else is_headline(lines[texts[0]])
        ):
            kinds[texts[0]] = "headline"

    blocks: list[Block] = []
    for kind, (start, end), line, cut in zip(kinds, spans, lines, cuts, strict=True):
        if kind == "text":
            blocks.extend(_split_wire_marks(start, line, cut))
        else:
            blocks.append(Block(kind, start, end, line))
    return blocks


def _short_line_kind(line: str, body_text: str, pack: Pack, extracted: bool) -> str:
    """Footer, meta, nav or text for a line short enough to be furniture."""
    body = is_body(body_text)
    # An extractor keeps a page's own copyright footer out; a rights line it
    # kept closes the article ("© 2019 Associated Press. All Rights
    # Reserved."), and the html-dev gold counts it as article text.
    if extracted and is_rights_line(line):
        return "text"
    # One word scan serves both phrase lists; most lines hold no key word.
    words = phrase_words(line)
    if matches_phrase(line, pack.footer, pack.boilerplate_max_line, words):
        return "footer"
    # A metadata line (date, byline, outlet, "Date: ... | Source: ...") is
    # never a sentence, so sentences skip its five patterns.
    if not body and is_meta_line(line, pack):
        return "meta"
    if matches_phrase(line, pack.navigation, pack.boilerplate_max_line, words):
        return "nav"
    return "text" if body else ""


def _before_end_marker(line: str, cut: int | None) -> str:
    """The line without a trailing end marker: a short last wire paragraph
    ("The exhibition will run until June. -0-") is still body text."""
    return line if cut is None else line[:cut]


def _split_wire_marks(start: int, line: str, cut: int | None) -> list[Block]:
    """Cut a wire dateline off the front and an end marker off the back."""
    parts: list[Block] = []
    head = 0
    tail = len(line)
    dateline = dateline_at(line)
    if dateline:
        head = dateline.end()
        parts.append(Block("dateline", start, start + head, line[:head]))
    if cut is not None and cut > head:
        tail = cut
    if tail > head:
        parts.append(Block("text", start + head, start + tail, line[head:tail]))
    if tail < len(line):
        parts.append(Block("end-marker", start + tail, start + len(line), line[tail:]))
    return parts


def _mark_head(
    lines: list[str],
    kinds: list[str],
    first_body: int,
    furniture: set[int],
    title: str | None,
) -> None:
    """Above the first paragraph: short lead paragraphs, then the headline.

    A line above is furniture only on evidence (a menu run at the page's top
    edge, a repeated line); the headline is the first bare line above the
    lead that is not announced by a line ending in a colon, or, when the
    page's `title` is known, the line that repeats it.
    """
    index = first_body - 1
    while index >= 0 and (kinds[index] or _is_lead(lines[index])):
        if not kinds[index]:
            kinds[index] = "text"
        index -= 1
    headline_found = False
    for index in range(index, -1, -1):  # noqa: B020 - continues the walk up
        if kinds[index]:
            continue
        line = lines[index]
        if not headline_found and (
            repeats_title(line, title)
            if title is not None
            else (
                len(line) <= MAX_HEADLINE
                and line[-1] not in ",;:"
                and not (index > 0 and announces_list(lines[index - 1]))
            )
        ):
            kinds[index] = "headline"
            headline_found = True
        else:
            kinds[index] = "nav" if index in furniture else "text"


def _is_lead(line: str) -> bool:
    """A short paragraph of prose: a sentence, a lead ending in a colon, or
    the first line of a wrapped paragraph (a sentence ends inside it, or it
    breaks off on a small word or a comma)."""
    stripped = line.strip()
    words = stripped.split()
    if len(words) < MIN_CLOSING_WORDS or is_title_case(stripped):
        return False
    return bool(
        SENTENCE_END.search(stripped)
        or stripped[-1] in ":,"
        or INNER_SENTENCE_END.search(stripped)
        or words[-1].casefold() in FUNCTION_WORDS
    )


def _mark_tail(
    lines: list[str],
    kinds: list[str],
    last_body: int,
    cuts: list[int | None],
    furniture: set[int],
    *,
    signed: bool,
) -> None:
    """Below the last paragraph: text, a signature, and furniture on evidence.

    A list announced by a colon ("... made up of following persons:") runs
    on as text; a line below is navigation only as part of a menu run at the
    page's bottom edge or as a repeated line. A signature is looked for only
    when the text may be `signed` (an extractor's text gives the author in
    the page's metadata, and a line shaped like one there is a list's item).
    """
    for index in range(last_body + 1, len(lines)):
        if kinds[index]:
            continue
        if index in furniture:
            kinds[index] = "nav"
        elif signed and _is_signature(lines[index]):
            kinds[index] = "signature"
        else:
            kinds[index] = "text"
    # A letter's signature often sits right after the last paragraph as a
    # body-length line; it is short and has no sentence verb.
    if (
        signed
        and last_body > 0
        and _is_signature(_before_end_marker(lines[last_body], cuts[last_body]))
    ):
        kinds[last_body] = "signature"


def _is_signature(line: str) -> bool:
    """ "Jane Doe, Chair, Example Solidarity Committee": a name, then titles."""
    if len(line) > MAX_SIGNATURE or "," not in line:
        return False
    name = line.split(",", 1)[0].split()
    if not (2 <= len(name) <= 4 and all(word[:1].isupper() for word in name)):
        return False
    if name[0].lower() in SMALL_WORDS:
        return False  # "In August, the power stations generated ..."
    # "Ho Yong Man, chairman of the committee, made an address." is a sentence.
    last = line.rsplit(",", 1)[1].strip()
    return not (SENTENCE_END.search(last) and not is_title_case(last))
