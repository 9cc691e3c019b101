"""Frames from a passage's surroundings, for quotes with no cue beside them.

A headline, a name and a dash, the sentence before, the quote before, a colon
or `as a “…”`: `classify` tries these after `Framer.before` and `Framer.after`.
"""

from __future__ import annotations

import re

from dossier.annotate.quotes.cues import Cue, cues
from dossier.annotate.quotes.ends import may_end_on, tail_start
from dossier.annotate.quotes.frames import Frame, Framer
from dossier.annotate.quotes.marks import Quoted, skip_space
from dossier.annotate.quotes.phrases import (
    leading_subject,
    noun_phrase_before,
    subject_before,
    words_past,
)
from dossier.annotate.quotes.speakers import Speaker
from dossier.english import is_title_case
from dossier.model import Quote

_NAME_LEAD = re.compile(r"\s*(?:--|—|–|―|:)\s*$")
# A match holds one run of non-space characters (`ends.tail_start`): read from
# there, not across the whole sentence before the quote (3% of the finder).
_NAME_LEAD_RUNS = 1
# `… released the following press statement titled “…”`: the title of a text the
# clause's subject issued is that subject's words.
_TITLED_TEXT = re.compile(
    r"\b(?:statements?|articles?|commentar(?:y|ies)|editorials?|messages?|letters?"
    r"|declarations?|communiques?|essays?|treatises?|answers?)\s+"
    r"(?P<cue>titled|entitled|headlined|under\s+the\s+title)\s*,?\s*$"
    # `… released the following press statement “…”`: the text itself.
    r"|\b(?P<verb>released|issued|published|sent|made|delivered)\s+(?:on\s+\w+\s+)?"
    r"the\s+following\s+(?:[\w-]+\s+){0,3}(?:statement|article|commentary"
    r"|editorial|message|letter|declaration|communique|answer|report|notice"
    r"|announcement|essay)s?\s*:?\s*$",
    re.IGNORECASE,
)
# The words a `_TITLED_TEXT` match ends on, before `\s*[,:]?\s*$` (`may_end_on`).
_TITLED_NOUNS = ("statement", "article", "commentary", "editorial", "message",
    "letter", "declaration", "communique", "answer", "report", "notice",
    "announcement", "essay")  # fmt: skip
_TITLED_ENDS = (
    "titled",
    "headlined",
    "title",
    *(noun + plural for noun in _TITLED_NOUNS for plural in ("", "s")),
)
# A short passage right after an article, a possessive or a preposition is a
# noun phrase set off by the writer (`the veil of “pacifist country”`), unless
# a verb of naming or speech stands just before it (`terming it a “threat”`).
_SET_OFF = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|these|those|of|for|into"
    r"|with|and|or|to)|[’']s)\s+$",
    re.IGNORECASE,
)
_NAMED_BY = re.compile(
    r"\b(?:term|call|dub|label|brand|describ|refer|vocifer|claim|talk|say|said|tell"
    r"|told)\w*(?:\s+(?:it|them|him|her|this|that|us|itself|themselves))?"
    r"(?:\s+(?:as|to))?(?:\s+(?:a|an|the|its|their))?\s+$",
    re.IGNORECASE,
)
# Runs of non-space characters a match of these holds (`ends.tail_start`):
# `termed it as a `, `as being in the `.
_NAMED_BY_RUNS, _AS_RUNS = 4, 5
# `as a “con artist”`, `like "pigs"`: the clause's subject used those words.
_AS = re.compile(r"\b(?:as|like)\s+(?:(?:a|an|the|being|being\s+in\s+the)\s+)?$")
# Before a title-cased passage, a preposition or a possessive marks a title.
_OF_A_WORK = re.compile(r"(?:\b(?:on|in|of|at|from|for|about|into|to)|[’']s)\s+$")
# Longest headline a quote may sit in, as `clean/shape.py` measures headlines.
MAX_HEADLINE = 200
# A title-cased quoted passage this short is a title or a slogan, not speech;
# up to the longer length it is one when a word for a work names it.
MAX_TITLE_WORDS = 6
MAX_LONG_TITLE_WORDS = 25
_WORK_HEADS = frozenset(
    ["act", "law", "bill", "treaty", "resolution", "charter", "convention",
     "accord", "agreement", "declaration", "doctrine", "amendment", "ordinance"]
)  # fmt: skip
_WORK_BEFORE = re.compile(
    r"\b(?:speech|address|lecture|letter|law|act|bill|book|treatise|works?|essay"
    r"|resolution|song|film|novel|poem|opera|play|documentary|programme|program"
    r"|show|series|album|slogan|motto|banner)\s*,?\s*$",
    re.IGNORECASE,
)
# Words a headline opens with before a colon that label the piece, no one who
# speaks (issue 18: `Study`, `Article` taken for speakers).
_RUBRICS = frozenset(
    ["study", "article", "report", "poll", "survey", "analysis", "opinion",
     "editorial", "commentary", "column", "video", "watch", "exclusive",
     "breaking", "update", "review", "interview", "explainer", "factbox",
     "live", "photos", "audio", "podcast", "transcript", "letter", "letters"]
)  # fmt: skip
# A quoted passage with no cue is speech when it is at least this long, a scare
# quote (`“hegemony”`, `"axis of evil"`) when shorter. PolNeAR-dev quotation F1
# is flat around it (0.949 at 6 words, 0.948 at 8, 0.944 at 10); kcna-2024's
# cue-less scare phrases run to six or seven words, so 8 keeps them out.
MIN_SPEECH_WORDS = 8


def headline(framer: Framer, passage: Quoted) -> Frame | None:
    """A quote inside a headline (`Pence: Trump Was ‘Mocking’ Clinton Camp`)."""
    paragraphs = framer.paragraphs
    index = paragraphs.index(passage.open_start)
    start, end = paragraphs.start_of(index), paragraphs.content_end(index)
    line = framer.text[start:end]
    if (  # `is_title_case` (it reads every word) last: the others are cheap
        len(line) > MAX_HEADLINE
        or (passage.open_start <= start + 1 and passage.close_end >= end - 1)
        or paragraphs.index(passage.close_end) != index
        or not is_title_case(line)
    ):
        return None
    # A quote that ends the headline is all the cue or colon reports (`Obama
    # on Climate Change: The Trends Are 'Terrifying.'`), as PolNeAR marks it.
    last = passage.close_end >= len(framer.text[:end].rstrip(" .!?"))
    colon = framer.text.find(":", start, passage.open_start)
    if colon - start > 0 and len(framer.text[start:colon].split()) <= 5:
        if framer.text[start:colon].strip().lower() in _RUBRICS:
            return Frame()  # `Study: …`, `Exclusive: …`: a rubric, no speaker
        speaker = framer.speaker(leading_subject(framer.text, start, colon))
        opens = skip_space(framer.text, colon + 1) if last else None
        return Frame(Cue(colon, colon + 1, ":"), speaker, adjacent=True, opens=opens)
    for cue in cues(framer.text, start, end, headline=True):
        if passage.open_start <= cue.start < passage.close_end:
            continue
        span = subject_before(framer.text, cue.start, start)
        if cue.start < passage.open_start or span is None:
            opens = None
            if last and cue.end < passage.open_start:
                opens = skip_space(framer.text, cue.end)
            return Frame(cue, framer.speaker(span), adjacent=True, opens=opens)
        comma = framer.text.rfind(",", start, cue.start)
        span = subject_before(framer.text, cue.start, max(comma + 1, start))
        return Frame(cue, framer.speaker(span), adjacent=True)
    return Frame()


def previous_sentence(framer: Framer, open_start: int, floor: int) -> Frame | None:
    """`Cummings called him a master. “He showed …”`: the sentence before."""
    start, end = framer.left_window(open_start, floor)
    if framer.text[start:end].strip(" \n\t") or start <= floor:
        return None
    before = start - 1
    while before > floor and framer.text[before].isspace():
        before -= 1
    if framer.paragraphs.index(start) - framer.paragraphs.index(before) > 2:
        return None
    sentence = max(floor, framer.sentences.start_of(before))
    for cue in cues(framer.text, sentence, before + 1):
        span = framer.speaker_span(cue.start, sentence)
        if span is not None:
            return Frame(cue, framer.speaker(span))
    return None


def named_before(framer: Framer, open_start: int, floor: int) -> Frame | None:
    """`… Mitt Romney -- “It is disqualifying …”`: a name, a dash or colon, a quote."""
    start, end = framer.left_window(open_start, floor)
    lead = _NAME_LEAD.search(
        framer.text, tail_start(framer.text, start, end, _NAME_LEAD_RUNS), end
    )
    if lead is None:
        return None
    span = noun_phrase_before(framer.text, start, lead.start())
    if span is None or not framer.text[span[0] : span[1]][:1].isupper():
        return None
    mark = lead.start() + len(lead.group()) - len(lead.group().lstrip())
    return Frame(
        Cue(mark, mark + len(lead.group().strip()), "dash"),
        framer.speaker(span),
        adjacent=True,
    )


def reported_by(framer: Framer, frame: Frame, outer: Frame | None) -> Frame:
    """`KCNA reported an article in Rodong Sinmun: “…”` keeps KCNA as `via`."""
    speaker, reporter = frame.speaker, outer.speaker if outer else None
    if speaker is None or reporter is None or not reporter.name:
        return frame
    outlet = framer.resolver.pack.outlet_for(reporter.name)
    if outlet is None or outlet == speaker.name:
        return frame
    via = Speaker(speaker.name, speaker.start, speaker.end, outlet)
    return Frame(frame.cue, via, adjacent=frame.adjacent)


def is_title(framer: Framer, passage: Quoted) -> bool:
    """A short title-cased passage names a work or slogan (`“Face the Nation”`);
    a longer one does after a word for a work or when it ends on one (`his
    speech “Let Us Advance Under the Banner …”`, `the “Justice Against
    Sponsors of Terrorism Act”`): titles of speeches, letters and laws are
    not what was said (issue 18)."""
    content = framer.text[passage.start : passage.end]
    # `is_title_case` (some 5% of the finder's time) asked last: too long a
    # passage is no title whatever its case (most speech), and a longer one
    # needs a word for a work too.
    if words_past(content, MAX_LONG_TITLE_WORDS):
        return False
    words = content.split()
    if len(words) > MAX_TITLE_WORDS:
        last = words[-1].strip(".,;:!?").lower()
        if last not in _WORK_HEADS and not _WORK_BEFORE.search(
            framer.text, max(0, passage.open_start - 40), passage.open_start
        ):
            return False
    return is_title_case(content)


def introduced(framer: Framer, open_start: int, floor: int) -> bool:
    """`… message: “It's about me.”` or `… as a “con artist”`."""
    start, end = framer.left_window(open_start, floor)
    left = framer.text[start:end].rstrip()
    return left.endswith(":") or bool(_AS.search(left))


def subject_frame(
    framer: Framer, open_start: int, floor: int, before: Frame | None
) -> Frame:
    """The clause's subject as speaker, when the cue gave none."""
    start, end = framer.left_window(open_start, floor)
    span = None
    if before is None and framer.text[start:end].rstrip().endswith(":"):
        span = framer.resolver.last_person(start, end)  # `… diary of Truman:`
    span = span or leading_subject(framer.text, start, end)
    return Frame(before.cue if before else None, framer.speaker(span))


def inherited(framer: Framer, previous: Quote) -> Speaker | None:
    if previous.speaker_start is None or previous.speaker_end is None:
        return None
    return Speaker(
        previous.speaker, previous.speaker_start, previous.speaker_end, previous.via
    )


def _starts_sentence(framer: Framer, passage: Quoted, floor: int) -> bool:
    start, end = framer.left_window(passage.open_start, floor)
    return not framer.text[start:end].strip(" \n\t,:")


def _inherits(framer: Framer, passage: Quoted, previous: Quote, floor: int) -> bool:
    """A passage with no cue of its own continues the quote before it."""
    text = framer.text
    if framer.sentences.start_of(passage.open_start) <= previous.end:
        return True  # `was “disgusting” and “a con”`
    if not _starts_sentence(framer, passage, floor):
        return False
    paragraphs = framer.paragraphs
    here = paragraphs.index(passage.open_start)
    there = paragraphs.index(previous.end)
    if here == there:
        return True
    between = text[previous.end : passage.open_start].strip(' \n\t.,”’"')
    return paragraphs.opens_paragraph(passage.open_start) and (
        not between or here - there <= 2
    )


# Subjects that cannot speak: `This clearly reveals … the “superiority of strength”`.
_IMPERSONAL = frozenset(["this", "it", "that", "these", "those", "which", "what"])


def _spoken(framer: Framer, before: Frame | None) -> bool:
    """Whether a verb of saying with a subject that can speak frames a passage."""
    if before is None or not before.speech or before.speaker is None:
        return False
    speaker = before.speaker
    subject = framer.text[speaker.start : speaker.end].strip().lower()
    return bool(speaker.name) or subject not in _IMPERSONAL


def classify(
    framer: Framer, passage: Quoted, floor: int, previous: Quote | None
) -> tuple[str, Frame | None]:
    """The kind of a quoted passage (direct, reported, scare) and its frame."""
    text = framer.text
    implicit = passage.open_start == passage.start
    kind = "reported" if implicit else "direct"
    in_headline = headline(framer, passage)
    if in_headline is not None:
        return kind, in_headline
    window = max(floor, passage.open_start - 90)
    titled = (
        _TITLED_TEXT.search(text, window, passage.open_start)
        if may_end_on(text, window, passage.open_start, _TITLED_ENDS)
        else None
    )
    if titled is not None:
        group = "cue" if titled.group("cue") else "verb"  # `titled` or `released`
        verb = "titled" if group == "cue" else titled.group("verb").lower()
        cue = Cue(titled.start(group), titled.end(group), verb)
        return kind, subject_frame(framer, passage.open_start, floor, Frame(cue))
    before = framer.before(passage.open_start, floor)
    if before is not None and before.naming:
        return "scare", None
    if before is not None and before.adjacent:
        return kind, before
    named = named_before(framer, passage.open_start, floor)
    if named is not None:
        return kind, reported_by(framer, named, before)
    title = is_title(framer, passage)
    if title and _OF_A_WORK.search(
        text, max(0, passage.open_start - 40), passage.open_start
    ):
        return "scare", None  # `on CBS's “Face the Nation,”`, `in “13th.”`
    after = framer.after(passage.end, passage.close_end)
    if after is not None:
        return kind, after

    def last_runs(runs: int) -> int:  # where an end-anchored rule starts
        return tail_start(text, window, passage.open_start, runs)

    continues = (
        previous is not None
        and previous.kind != "scare"
        and framer.sentences.start_of(passage.open_start) <= previous.end
    )
    if (
        not _spoken(framer, before)
        and not continues
        and not words_past(text[passage.start : passage.end], MIN_SPEECH_WORDS - 1)
        and _SET_OFF.search(text, last_runs(1), passage.open_start)
        and not _NAMED_BY.search(text, last_runs(_NAMED_BY_RUNS), passage.open_start)
        and not _AS.search(text, last_runs(_AS_RUNS), passage.open_start)
    ):
        return "scare", None
    if title:
        return "scare", None
    if before is not None and before.speaker is not None and before.speech:
        return kind, before
    tail = framer.sentence_tail(passage.close_end)
    if tail is not None:
        return kind, tail
    if previous is not None and _inherits(framer, passage, previous, floor):
        return kind, Frame(None, inherited(framer, previous))
    before_it = previous_sentence(framer, passage.open_start, floor)
    if before_it is not None:
        return kind, before_it
    speech = before if before is not None and before.speech else None
    if speech is not None or introduced(framer, passage.open_start, floor):
        return kind, subject_frame(framer, passage.open_start, floor, speech)
    if words_past(text[passage.start : passage.end], MIN_SPEECH_WORDS - 1) or implicit:
        return kind, None
    return "scare", None
