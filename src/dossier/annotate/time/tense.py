"""The tense of the clause a time expression sits in: ahead, behind or unknown.

Read by `context.Context.tense` from marker words (modals, past forms, plans)
near the expression, within its clause and never past its sentence.
"""

from __future__ import annotations

import re

from dossier.annotate.reading import Bounds
from dossier.annotate.wordtrie import trie
from dossier.english import IRREGULAR_PAST

# Irregular past forms (`english.IRREGULAR_PAST`) as one prefix-factored group.
_IRREGULAR = trie(set(IRREGULAR_PAST))
# Verbs of a timetable in the simple present speak of what is ahead ("who
# arrives Saturday", "talks resume Monday"): news tells past events in the past.
# A bare form counts only when it is not an infinitive ("had been due to
# expire Friday" is a plan now past). Not `start`, `open`, `visit`, `leave`,
# `starts`: as often nouns or adjectives ("housing starts", "on leave").
_SCHEDULED = (
    "arrives", "meets", "begins", "opens", "resumes", "departs", "expires",
    "leaves", "convenes", "reconvenes", "takes effect", "kicks off",
)  # fmt: skip
_SCHEDULED_BARE = (
    "arrive", "meet", "begin", "resume", "depart", "convene", "take effect",
)  # fmt: skip
# Read only where the clause before a date holds no other marker: one more
# alternation in `_MARKER` slowed every tense read by a seventh.
_TIMETABLE = re.compile(
    rf"\b(?:{trie(set(_SCHEDULED))}|(?<!to ){trie(set(_SCHEDULED_BARE))})\b"
)
_FUTURE = (
    # `postponed until Saturday`, `put off to Friday`: a date moved is ahead
    # (issue 18), though the verb is past; with its object named too
    # ("adjourned the case until Monday"), then by `until` only, as `to`
    # after a noun may be a place or an infinitive.
    r"(?:postponed|delayed|deferred|adjourned|rescheduled|extended|put\s+off"
    r"|pushed\s+back|moved|suspended)\s+(?:(?:it\s+|them\s+)?(?:until|till|to)"
    r"|(?:the|a|an|its|their|his|her)\s+(?:[\w'’-]+\s+){1,6}?(?:until|till))|"
    # An adverb may stand between the modal and `be` ("would still be held").
    r"(?:to|will|would|shall|may|might|should|must)\s+(?:[a-z]+ly\s+|still\s+"
    r"|also\s+|not\s+|now\s+|then\s+|only\s+)?be\s+(?:[a-z]+ed|" + _IRREGULAR + r")|"
    # Time granted or a plan made is for a day ahead, though told in the past
    # ("has given them until 9 a.m. Tuesday", "was planned for early March").
    r"(?:give|gives|gave|given|granted|extended)\s+(?:[\w$.,%-]+\s+){0,12}?"
    r"(?:until|till|through)|"
    # So is a plan with its object ("planned a large demonstration ... on
    # Saturday"): what was planned is ahead of the planning.
    r"(?:planned|planning)\s+(?:for|a|an|another|more|its|their|his|her)|set\s+for|"
    # A bare `be` after `that` is a demand's subjunctive, for a day ahead
    # though the asking is past ("asked that the boy be returned by Jan. 14");
    # not after `could`, which the modals above leave out as often past.
    r"that\s+(?:(?!could\b)[\w'’.,-]+\s+){1,5}?be\s+"
    r"(?:[a-z]+ed|" + _IRREGULAR + r")|"
    r"will|won['’]t|shall|['’]ll|going\s+to|plans?\s+to|planning\s+to|scheduled|"
    r"expect(?:s|ed)?\s+to|is\s+to|are\s+to|intends?\s+to|due|slated|would|next|"
    r"upcoming|coming|hopes?\s+to|aims?\s+to|set\s+to|as\s+soon\s+as|"
    r"will\s+be|to\s+be\s+held|tomorrow|planned\s+to|as\s+early\s+as|"
    r"supposed\s+to|to\s+be|payable|effective"
)
_PAST = (
    # A plan told in the past perfect was for a day now past ("had been
    # scheduled to expire at midnight Friday", in a story of the Monday after).
    r"had\s+been\s+(?:due|scheduled|set|slated|expected|supposed|planned)|"
    r"was|were|had|has|have|been|did|said|says|told|ago|last|earlier|previously|"
    r"already|yesterday|since|" + _IRREGULAR + "|"
    r"(?!(?:based|limited|united|related|advanced|detailed|"
    r"interested|concerned|unspecified|supposed|expected|scheduled|planned|"
    r"proposed|unexpected|combined|armed|so-called|estimated|registered|"
    r"listed|dedicated|sacred|hundred|kindred)\b)[a-z]{2,}[^e\W]ed"
)
# A date made a deadline after it ("set Friday as the deadline") is near the
# news of it, on either side: set on a Thursday it is the next day, told on
# a Saturday the day before (`near`: the nearest such day).
_NEAR = r"deadlines?"
# A verb in the present progressive nearer the date than a past one says
# nothing of its direction ("said it is calling the notes on Dec. 7").
_PRESENT = r"(?:is|are|am)\s+(?!going\b)[a-z]{2,}ing"
# Read on lower-cased words: 2.7x faster than ignoring case, same markers.
_MARKER = re.compile(
    rf"\b(?:(?P<future>{_FUTURE})|(?P<near>{_NEAR})|(?P<past>{_PAST})"
    rf"|(?P<present>{_PRESENT}))\b"
)
# Where a clause begins: the nearest verb before an expression is read back to
# here, then the words after it up to the next clause break.
CLAUSE = re.compile(r"[;:.!?\"“”()\n]|,\s|\b(?:and|but|while|because)\s")
# The first letters of the clause breaks a clause goes on across when no verb
# stands between them and the date: `and`, `but`, `while`, `because`, `(`.
_JOINS = frozenset("abw(")
# A date that opens its clause and is set off by a comma ("In January, ...",
# "Last week, ..."): the words before it are at most a preposition.
_FRONTED = re.compile(r"[ \t]*,\s+")
OPENS_CLAUSE = re.compile(r"\s*(?:[A-Za-z]+\s+)?")
# A plan told in the past tense (`planned to`, `planned a`), read as ahead when
# the date is its object; a fronted date is the day of the planning itself.
_PLANNED = re.compile(r"planned\b")
# A vow, a pledge, a promise or a threat told in the past is of what is
# ahead ("vowed to return in September", "threatened to strike on
# Saturday"): read off the past marker it is, not as one more alternation
# of `_MARKER` (4% more instructions on every tense read, under callgrind).
_VOWED = re.compile(r"(?:vowed|pledged|promised|threatened)\s+to\b")
# A date before "deadline" names the deadline ("by the Tuesday deadline"):
# the noun says nothing of the clause's tense.
_MODIFIED = re.compile(r"[ \t]+deadlines?\b")
_SPACE = re.compile(r"\s+")
# `until` or `through` right before the date, with no verb telling a tense.
_LIMIT = re.compile(r"\b(?:until|till|through)\s+(?:on\s+)?\Z")
_LIMIT_REACH = 24  # "through on " and some white space: the clause's end only
# The window read for tense on either side of an expression, within its sentence.
TENSE_WINDOW = 160


def read_tense(text: str, bounds: Bounds, start: int, end: int) -> str:
    """`future`, `past`, `near` (a deadline: either side) or `none`: the
    tense of the nearest verb in the clause.

    The words before the expression count first (`will meet Bush on
    Thursday`, `said Friday`), then those after (`Friday, he said`).
    """
    low = max(bounds.start_of(start), start - TENSE_WINDOW // 2)
    if low > 0 and text[low - 1].isalnum():
        # A word cut by the window's edge is no word ("subpoenaed" cut to
        # "poenaed" read as a past form): the window starts after it.
        cut = _SPACE.search(text, low, start)
        low = cut.end() if cut else start
    whole = text[low:start]
    breaks = list(CLAUSE.finditer(whole))
    before = whole[breaks[-1].end() :] if breaks else whole
    lowered = before.lower()
    markers = list(_MARKER.finditer(lowered))
    while not markers and breaks and breaks[-1].group()[0] in _JOINS:
        # `and` with no verb after it joins nouns ("flights between Australia
        # and India by August"), and a date put in brackets restates one of
        # the clause ("will leave at 4 (4 a.m. Thursday)"): the clause goes on
        # before them.
        breaks.pop()
        before = whole[breaks[-1].end() :] if breaks else whole
        lowered = before.lower()
        markers = list(_MARKER.finditer(lowered))
    if not markers and _TIMETABLE.search(lowered):
        return "future"
    after_date = not markers
    if not markers:
        high = min(bounds.end_of(start), end + TENSE_WINDOW // 2)
        after = text[end:high]
        fronted = _FRONTED.match(after)
        fronts = fronted is not None and OPENS_CLAUSE.fullmatch(before) is not None
        if fronted and fronts:
            # "In January, American Medical brought in ...": a date put
            # before its clause takes the tense of the clause.
            after = after[fronted.end() :]
        modified = _MODIFIED.match(after)
        if modified:
            after = after[modified.end() :]
        cut = CLAUSE.search(after)
        clause = after[: cut.start()] if cut else after
        markers = list(_MARKER.finditer(clause.lower()))
        if fronts and not markers and cut is not None:
            # "In January, a week after the 25th anniversary of the Roe vs.
            # Wade decision, a clinic bombing in Birmingham, Ala., killed
            # ...": the clause a fronted date opens may come after a phrase
            # set off by commas; its first verb in the sentence counts.
            offset = high - len(after) + cut.end()
            rest = text[offset : min(bounds.end_of(start), offset + TENSE_WINDOW)]
            first = _MARKER.search(rest.lower())
            markers = [first] if first else []
        if fronts and markers and _PLANNED.match(markers[0].group()):
            # "On Friday, the Kenyan government planned to ...": the day a
            # fronted date opens is the planning's, told in the past.
            return "past"
        markers.reverse()
    if not markers:
        # The limit of a state told in the present is ahead or today: "the
        # curfew is in effect through Sunday", "the fair runs until Friday".
        limit = _LIMIT.search(lowered, max(0, len(lowered) - _LIMIT_REACH))
        return "future" if limit else "none"
    last = markers[-1]
    if last.group("future"):
        return "future"
    if last.group("near"):
        # Before the date ("the deadline is Friday") a deadline is ahead.
        return "near" if after_date else "future"
    if last.group("present"):
        # A state told in the present progressive up to a limit is ahead
        # ("the delegation is visiting Beijing through Friday").
        limit = _LIMIT.search(lowered, max(0, len(lowered) - _LIMIT_REACH))
        return "future" if limit and not after_date else "none"
    if not after_date and _VOWED.match(lowered, last.start()):
        return "future"
    return "past"
