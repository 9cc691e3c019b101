"""The rule for time references: `now`, `recently`, `the past`, `the future`."""

# TimeML's PRESENT_REF, PAST_REF and FUTURE_REF, and the words that look like
# them and are not: `the past crimes` (an adjective), `the future of` (a fate),
# `the past three summers` (a count's modifier).

from __future__ import annotations

import re

from dossier.annotate.time.context import Context, Found, Hit
from dossier.annotate.time.durations import duration_value, unit_code
from dossier.annotate.time.fragments import NUMBER_WORDS
from dossier.annotate.time.vocabulary import SEASON_CODE
from dossier.english import IRREGULAR_PAST, WEEKDAY_NUMBER, word_set

_REFERENCE = {
    "PAST_REF": (
        "recently", "recent", "lately", "previously", "formerly", "the past",
        "more recently", "most recently",
        # KCNA's "Shortly ago, a ceremony was held ...": a past reference.
        "shortly ago", "not long ago",
    ),
    "FUTURE_REF": (
        "the future", "future", "soon", "the near future", "the near term",
        "the short term", "the long term", "the longer term", "the distant future",
        "the foreseeable future", "as soon as possible", "the immediate future",
        # "financed ... at a later date": a day ahead not yet named.
        "later date", "future date",
    ),
}  # fmt: skip
_REFERENCE_VALUE = {word: key for key, words in _REFERENCE.items() for word in words}


def reference_rule(hit: Hit, ctx: Context) -> Found | None:
    """`now` (PRESENT_REF), `recently` (PAST_REF), `the future` (FUTURE_REF)."""
    value = _REFERENCE_VALUE.get(hit.word("x"), "PRESENT_REF")
    if hit.word("x").endswith("date") and hit.left is None:
        return None  # "the later date of the two": a date, not a time ahead
    if hit.word("x") == "the future" and ctx.text.startswith(" of ", hit.end):
        return None  # "the future of our peoples": a fate, not a time
    if hit.word("x") == "the past" and _past_as_adjective(ctx.text, hit.end):
        return None  # "the past crimes", "the past administration"
    units = _UNITS_AFTER.match(ctx.text, hit.end) if value == "PAST_REF" else None
    if units is not None and hit.word("x") == "the past":
        # "over the past decades": a length the words leave vague, as "the
        # past few decades" is (PXDE), not a past reference and a noun.
        vague = duration_value(None, unit_code(units.group(1)))
        return Found("DURATION", vague, refers=False, end=units.end())
    counted = _COUNT_AFTER.match(ctx.text, hit.end) if value == "PAST_REF" else None
    if counted is not None and hit.word("x") == "the past":
        # "for the past three summers": the count's modifier, and the count
        # of a season or weekday the set of them (as TimeBank's `XXXX-SU`).
        return _counted_set(counted)
    after = ctx.text[hit.end : hit.end + 4]
    if hit.word("x") == "current" and (
        not re.match(r"\s+[a-z]", after) or after.startswith(" of")
    ):
        return None  # a noun: "the main current", "a current of air"
    if hit.word("x") in ("the present", "present") and _PRESENT_AS_ADJECTIVE.match(
        ctx.text, hit.end
    ):
        return None  # "the present Kursk battle", "the present situation"
    if value == "PRESENT_REF" and _THEN.search(
        ctx.text, max(0, hit.start - 6), hit.start
    ):
        value = "PAST_REF"  # "the then current price": current at a time past
    return Found("DATE", value, refers=False)


_THEN = re.compile(r"\bthen[\s-]\Z", re.IGNORECASE)
# A count and a plural noun after `the past`: what it counts back ("the past
# three summers"), a length when its noun is a unit (read by the durations).
_COUNT_AFTER = re.compile(
    r"[ \t]+(?:\d[\d,.]*|"
    + "|".join(word for word in NUMBER_WORDS if word != "one")
    + r"|(?:a[ \t]+)?few|several|many|(?:a[ \t]+)?couple[ \t]+of)[ \t-]+"
    r"(?P<noun>[a-z]+)s\b",
    re.IGNORECASE,
)


# `the past` before a lower-case word is the noun only before a word that
# cannot be the head of a noun phrase: a function word, a pronoun, a verb
# in the past or an adverb ("in the past it considered", "in the past
# invaded", "in the past and", "in the past largely"); else `past` is an
# adjective ("for the past crimes", "during the past administration": 31
# such in kcna-2024, none of them a time).
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_NOT_A_HEAD = word_set(
    """
    and or but nor as at in on of for to with by from into about than that
    which who whom whose when where while because before after since until
    so too also not it he she they we you i this these those there here is
    was were are am be been has have had will would can could should may
    might must do does did shall its his her their our my your the a an
    what how why if though although whether yet still even only just ever
    never always often again now then once
    """
)


def _past_as_adjective(text: str, end: int) -> bool:
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    return not (
        word in _NOT_A_HEAD
        or word in IRREGULAR_PAST
        or word.endswith(("ed", "ly"))
        or _COUNT_AFTER.match(text, end) is not None
        or word.rstrip("s") in _TIME_NOUNS
    )


_UNITS_AFTER = re.compile(
    r"[ \t]+(years|months|weeks|days|decades|centuries|hours|minutes)\b"
)
# Units read by the durations and relative rules ("the past decade").
_TIME_NOUNS = frozenset(
    {"year", "month", "week", "day", "decade", "centurie", "century", "hour"}
    | {"minute", "quarter", "weekend", "night", "morning", "evening", "few"}
    | {"several", "many", "couple"}
)


def _counted_set(counted: re.Match[str]) -> Found | None:
    noun = counted.group("noun").lower()
    if noun in SEASON_CODE:
        value = f"XXXX-{SEASON_CODE[noun]}"
    elif noun in WEEKDAY_NUMBER:
        value = f"XXXX-WXX-{WEEKDAY_NUMBER[noun]}"
    else:
        return None
    return Found("SET", value, refers=False, end=counted.end())


# "the present" before a word other than a time noun is an adjective.
_PRESENT_AS_ADJECTIVE = re.compile(
    r"[ \t]+(?!(?:day|days|time|times|moment|era|age|century|year)\b)[A-Za-z]"
)
