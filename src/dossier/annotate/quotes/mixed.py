"""Mixed quotes: the writer's lead-in that a quoted passage completes.

`Trump said that voting fraud is “a big, big problem.”` reports one statement,
part paraphrased and part quoted; the quote is the whole complement of the cue
(`that voting fraud is “a big, big problem.”`), as PolNeAR's annotators mark
it (about 28% of its direct quotes start outside the marks, issue 18).
"""

from __future__ import annotations

import re

from dossier.annotate.quotes.context import MAX_HEADLINE
from dossier.annotate.quotes.cues import REPORTING, SPEECH, VERBS, Cue, cues
from dossier.annotate.quotes.frames import Frame, Framer
from dossier.annotate.quotes.marks import Quoted, skip_space
from dossier.english import MONTHS, WEEKDAYS, is_title_case

# A lead-in is one clause: a colon, a semicolon or a dash ends the cue's reach,
# and a comma or a quote mark right before the passage sets it apart
# (`he said, “…”` is a direct quote of its own).
_BREAK = re.compile(r"[:;—–―\n]|\s-{1,2}\s|,\s+(?:and|but|while|as|or)\b")
_SET_APART = re.compile(r"[,“”\"‘’']\s*$")
# `told KCNA that …`: the cue's object is not part of what was said.
_THAT = re.compile(r"(?:[\w.’'-]+\s+){1,4}?(that)\s")
# A lead-in longer than this is narration, not the frame of one statement:
# a `that` clause runs up to 25 words on PolNeAR; an object before `as “…”`
# (`describing Trump as a “con artist”`) is short (PolNeAR dev half: union F1
# 0.756 at 10 words, 0.765 at 15, 0.767 at 25), and one holding a relative
# clause (`describing the atrocities of … who are killing … as “…”`, KCNA)
# is the writer's own words around a quoted label.
MAX_LEAD_WORDS = 25
MAX_OBJECT_WORDS = 15
_RELATIVE = re.compile(r"\b(?:who|which|whose|where)\b")
# A pronoun and an article (`terming it a “threat”`) tell the reader nothing
# the marked words do not: the quote is the label alone (KCNA gold).
_BARE_OBJECT = re.compile(
    r"(?:it|them|him|her|this|that|these|those)\s+(?:(?:a|an|the)\s+)?(?:as\s+)?"
    r"(?:(?:a|an|the)\s+)?",
    re.IGNORECASE,
)


def lead_in(framer: Framer, passage: Quoted, frame: Frame, floor: int) -> int:
    """Where the quote starts: after its cue when a lead-in of the same clause
    runs from the cue to the opening mark, else at the passage itself. When
    the frame's cue reaches no further, a later cue of saying may (`mocked
    the complaint, saying anybody who complains … “is not having a good
    night.”`)."""
    cue, text = frame.cue, framer.text
    if frame.opens is not None and frame.opens < passage.open_start:
        return frame.opens
    if cue is None or frame.adjacent or not frame.speech:
        return passage.start
    if cue.end > passage.open_start or cue.start < floor:
        return passage.start
    if framer.sentences.start_of(passage.open_start) > cue.start:
        return passage.start
    later = [c for c in cues(text, cue.end, passage.open_start) if c.verb in SPEECH]
    for candidate in (cue, *later):
        start = _lead_from(text, candidate, passage)
        if start is not None:
            return start
    return passage.start


def _lead_from(text: str, cue: Cue, passage: Quoted) -> int | None:
    """The start of the lead-in from `cue` to the passage, if it is one."""
    start = cue.end
    while start < passage.open_start and (text[start].isspace() or text[start] == ","):
        start += 1
    that = _THAT.match(text, start, passage.open_start)
    if that is not None and not any(
        word.lower() in VERBS for word in text[start : that.start(1)].split()
    ):
        start = that.start(1)  # `told KCNA that`, not `says it underscores that`
    lead = text[start : passage.open_start]
    clause = lead.startswith("that") or cue.verb in REPORTING
    longest = MAX_LEAD_WORDS if clause else MAX_OBJECT_WORDS
    if (
        not lead.strip()
        or _BREAK.search(text, cue.end, passage.open_start)
        or _SET_APART.search(lead)
        or len(lead.split()) > longest
        or (not clause and _RELATIVE.search(lead))
        or _BARE_OBJECT.fullmatch(lead)
    ):
        return None
    return start


# After the closing mark, a word that carries on what was said (`“a demand”
# that he resign`, `“big plans” for the city`); an adjunct of when or where
# (`“con artist” in a speech on Friday`) leaves the quote whole.
_GOES_ON = re.compile(
    r"[ \t]+(?:that|to|and|but|or|which|who|whose|because|if|unless|than|of"
    r"|for|with|from|against|about|by)\b"
)
_CLAUSE_END = re.compile(r"[.;:!?](?=\s|$)|\n")
# A passage closed on a word, not on punctuation, with a lower-case word right
# after its mark (`“no illegal disclosure by anyone” at the agency`, `the
# “gold standard” of trade deals`) is a phrase inside the writer's sentence.
_OPEN_ENDED = re.compile(r"[\w%$]")
# Words after the mark that frame the saying, not what was said: a clause of
# its own (`“disgrace” after she attacked …`), the occasion (`“con artist” in
# a speech`, `on Twitter`, `last week`), the date (KCNA: `titled “…” on
# August 18`) or how often (`vociferating about “threat …” so often`).
_FRAMING = re.compile(
    r"[ \t]+(?:(?:after|before|since|until|while|although|though)\b"
    r"|(?:in|at|on|during|from)\s+(?:(?:a|an|the|his|her|its|their|this|that)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:speech|interview|statement|rally|debate|address|tweet"
    r"|post|letter|op-ed|column|memo|email|video|hearing|briefing|conference"
    r"|meeting|appearance|remarks|radio|television|tv|twitter|facebook"
    rf"|{'|'.join(WEEKDAYS)}|{'|'.join(MONTHS)})\b"
    r"|(?:last|this|on)\s+(?:week|month|year|night|weekend)\b|yesterday|today"
    r"|(?:so\s+)?(?:often|much|again|[a-z]+ly)\b)",
    re.IGNORECASE,
)
# A verb that names a few words before the mark: what it puts in quote marks
# is a label it gives, complete before the writer's words go on (KCNA:
# `terming it a “threat” to Europe`).
_NAMED = re.compile(
    r"\b(?:term|call|dub|label|brand|describ|characteri[sz]|nicknam|titl)\w*"
    r"(?:\s+[\w’'-]+){0,4}\s*$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"[ \t]+[a-z0-9$]")
# In a headline every word is capitalised: `Trump Was ‘Mocking’ Clinton Camp`.
_ANY_WORD = re.compile(r"[ \t]+\w")


def _in_headline(framer: Framer, passage: Quoted) -> bool:
    paragraphs = framer.paragraphs
    index = paragraphs.index(passage.open_start)
    start, end = paragraphs.start_of(index), paragraphs.content_end(index)
    return end - start <= MAX_HEADLINE and is_title_case(framer.text[start:end])


def clause_after(
    framer: Framer, passage: Quoted, frame: Frame | None, *, mixed: bool
) -> int | None:
    """Where the writer's clause ends when it runs on past the closing mark
    (`“a demand” that he step down.`), or None when the quote ends it."""
    text = framer.text
    if passage.close_end == passage.end:
        return None
    cue = frame.cue if frame is not None else None
    if cue is not None and cue.start >= passage.close_end:
        return None  # attributed after the mark: `“…” he said`
    left = max(framer.sentences.start_of(passage.open_start), passage.open_start - 60)
    if not mixed and _NAMED.search(text, left, passage.open_start):
        return None  # a label, and where it applies: `a “threat” to Europe`
    if not _OPEN_ENDED.match(text, passage.end - 1):
        return None  # `“a con artist,” and …`: the quote's own comma ends it
    goes_on = mixed and _GOES_ON.match(text, passage.close_end)
    if not goes_on and (
        not (
            _WORD_AFTER.match(text, passage.close_end)
            or (
                _in_headline(framer, passage)
                and _ANY_WORD.match(text, passage.close_end)
            )
        )
        or _FRAMING.match(text, passage.close_end)
    ):
        return None
    limit = framer.sentences.end_of(passage.close_end)
    found = _CLAUSE_END.search(text, passage.close_end, limit)
    end = found.start() if found else limit
    while end > passage.close_end and text[end - 1].isspace():
        end -= 1
    return end


def attributed_after(
    framer: Framer, passage: Quoted, frame: Frame, floor: int
) -> tuple[int, int] | None:
    """A statement whose cue follows it (`With thousands of systems, “there is
    no single point of failure,” he said.`, `“…” for criminal behavior, she
    said.`) is the whole sentence before the cue, the writer's words around
    the marks included, as PolNeAR marks it; None when the quote is its marks
    alone."""
    cue, text = frame.cue, framer.text
    if cue is None or cue.start < passage.close_end:
        return None
    if cue.verb.endswith("ing"):
        return None  # `… “operational plan 2022”, revealing …`: the writer's clause
    start, end = passage.start, passage.end
    sentence = max(floor, framer.sentences.start_of(passage.open_start))
    lead = text[sentence : passage.open_start]
    if (
        lead.strip()
        and not _BREAK.search(lead)
        and len(lead.split()) <= MAX_LEAD_WORDS
        and next(cues(text, sentence, passage.open_start), None) is None
    ):
        start = skip_space(text, sentence)
    if not frame.adjacent:  # `…, she said.` ends the sentence
        comma = text.rfind(",", passage.close_end, cue.start)
        tail = text[passage.close_end : comma]
        if comma > passage.close_end and tail.strip() and len(tail.split()) <= 8:
            end = comma
    if (start, end) == (passage.start, passage.end):
        return None
    return start, end
