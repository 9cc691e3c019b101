"""What a figure measures in its sentence: killed, injured, built, ... and
whether it is a running total ("a total of", "so far") or one event's count.

Pure functions of a sentence and the figure's place in it: `link.claims`
reads them to compare only figures that answer the same question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that say what a count is a count of, nearest the figure first. Each
# class is one question: "how many were killed" is not "how many took part".
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed", "killing", "dead", "died", "deaths", "death toll", "death",
        "lost their lives", "laid down their lives", "laid down their precious lives",
        "perished", "massacred", "slaughtered", "murdered", "fatalities",
        "lives", "fell in battle", "martyred",
    ),
    "injured": ("injured", "injuring", "wounded", "wounding", "hurt", "injuries"),
    "missing": ("missing", "abductees", "abducted"),
    "displaced": (
        "evacuated", "displaced", "homeless", "refugees", "fled", "evacuees",
        "isolated",
    ),
    "arrested": ("arrested", "detained", "jailed", "imprisoned", "captured"),
    "rescued": ("rescued", "saved"),
    "damaged": (
        "damaged", "destroyed", "flooded", "collapsed", "inundated", "submerged",
        "razed", "burnt", "burned",
    ),
    "built": (
        "built", "constructed", "construction", "completed", "erected", "build",
        "moved into",
    ),
    "awarded": ("awarded", "honoured", "honored", "decorated", "conferred"),
    # Taking part, being sent or deployed: how many there were, the same
    # question as a bare count ("sent a million volunteers").
    "count": (
        "took part", "participated", "attended", "gathered", "joined", "present",
        "turned out", "participants", "visited", "deployed", "stationed", "sent",
        "dispatched", "fought",
    ),
    "volunteered": ("volunteered", "petitioned", "signed"),
    "produced": ("produced", "output", "production", "harvested", "yield"),
}  # fmt: skip
# Most specific first where a sentence holds two: "were killed and injured".
_ORDER = list(MEASURE_WORDS)
_MEASURE = re.compile(
    r"(?<![\w-])("
    + "|".join(
        sorted(
            (
                re.escape(w).replace(r"\ ", r"[ \t]+")
                for ws in MEASURE_WORDS.values()
                for w in ws
            ),
            key=len,
            reverse=True,
        )
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)
_CLASS_OF = {
    " ".join(word.split()): name
    for name, words in MEASURE_WORDS.items()
    for word in words
}
# How far from the figure a measure word is read: past a clause or two, the
# word belongs to another count ("5 000 troops ... 300 killed"). A toll is
# named well before its figure: "the death toll of innocent civilians in the
# Gaza Strip that has reached nearly 40 000" (kcna-2024).
_AFTER = 90
_BEFORE = 80

# Running totals: counted over a period up to a date, not one event's count.
# "the death toll rose to", "a total of", "so far", "since October". A toll
# is a running total however it is put: it rises as reports come in.
_CUMULATIVE = re.compile(
    r"(?<![\w-])(a[ \t]+total[ \t]+of|in[ \t]+total|in[ \t]+all|total(?:ling|ing|led"
    r"|ed|s)?|so[ \t]+far|to[ \t]+date|up[ \t]+to[ \t]+now|till[ \t]+now|until[ \t]+"
    r"now|since|altogether|all[ \t]+told|cumulative(?:ly)?|rose[ \t]+to|risen[ \t]+to"
    r"|climbed[ \t]+to|reached|has[ \t]+reached|as[ \t]+of|every[ \t]+year|toll|"
    r"annually|a[ \t]+year)(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Measure:
    """What a figure measures (`count` when no word says) and the word that says."""

    name: str
    cue: str | None
    cumulative: bool
    cumulative_cue: str | None


def measure(sentence: str, start: int, end: int, unit: str | None) -> Measure:
    """The measure of the figure at `start:end` of `sentence` (offsets into it).

    A percentage measures a share and a sum of money an amount whatever the
    verb; otherwise the nearest measure word after the figure in its clause,
    else before it, else `count`.
    """
    cumulative = _cumulative(sentence, start, end)
    if unit == "%":
        return Measure("percent", None, *cumulative)
    if unit is not None and is_money(unit):
        return Measure("amount", None, *cumulative)
    after = _MEASURE.search(sentence, end, min(len(sentence), end + _AFTER))
    if after is not None and not _clause_break(sentence[end : after.start()]):
        return Measure(_class(after.group(1)), after.group(1), *cumulative)
    window_start = max(0, start - _BEFORE)
    before = list(_MEASURE.finditer(sentence, window_start, start))
    if before and not _clause_break(sentence[before[-1].end() : start]):
        return Measure(_class(before[-1].group(1)), before[-1].group(1), *cumulative)
    return Measure("count", None, *cumulative)


def _class(word: str) -> str:
    return _CLASS_OF[" ".join(word.lower().split())]


def _clause_break(between: str) -> bool:
    """A sentence break, a semicolon or a second number between the figure and
    the word: the word describes something else."""
    return bool(re.search(r"[;:]|\d|\b(?:while|whereas|but)\b", between))


def _cumulative(sentence: str, start: int, end: int) -> tuple[bool, str | None]:
    window = sentence[max(0, start - 60) : min(len(sentence), end + 40)]
    found = _CUMULATIVE.search(window)
    return (True, " ".join(found.group(1).lower().split())) if found else (False, None)


_MONEY = re.compile(
    r"dollars?|pounds?|euros?|yen|yuan|won|roubles?|rubles?|francs?|marks|[$£€¥₩]",
    re.IGNORECASE,
)


def is_money(unit: str) -> bool:
    return bool(_MONEY.search(unit))
