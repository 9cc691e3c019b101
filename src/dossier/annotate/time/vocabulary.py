"""Words of time for the temporal tagger: seasons, parts of day, units and number
phrases; month, weekday and number words come from `dossier.english`."""

from __future__ import annotations

import math
import re

from dossier.english import CARDINAL_NUMBER, ORDINAL_NUMBER

SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA"}
SEASON_CODE["winter"] = "WI"
PART_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
    "dawn": "MO",
    "daybreak": "MO",
    "dusk": "EV",
}
# Duration units and the letter TimeML writes for them (time units take "T").
UNIT_CODE = {
    "second": "S",
    "minute": "MIN",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "fortnight": "FN",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
    "millennium": "ML",
    "millennia": "ML",
}
NUMBER_WORD: dict[str, float] = dict(CARDINAL_NUMBER)
NUMBER_WORD.update({"a": 1, "an": 1, "hundred": 100, "thousand": 1000})
NUMBER_WORD.update({"dozen": 12, "couple": 2, "half": 0.5, "single": 1})
VAGUE_AMOUNT = {"few", "several", "some", "many", "numerous", "recent", "various"}
VAGUE_AMOUNT |= {"countless", "dozens", "hundreds", "thousands", "coming", "the"}

ORDINAL_WORDS = "|".join(sorted(ORDINAL_NUMBER, key=len, reverse=True))

_NUMBER_PIECE = re.compile(r"1/2|\d+(?:\.\d+)?|[a-z]+")
_MULTIPLIER = {"hundred": 100, "thousand": 1000, "dozen": 12}


def number_value(text: str) -> float | None:
    """The amount a number phrase gives ("twenty four", "2 1/2", "a"), or None."""
    phrase = text.lower().replace(",", "").replace("½", " 1/2")
    phrase = re.sub(r"\ban?\s+(?=couple|dozen|hundred|thousand)", "", phrase)
    half = 0.0
    if re.search(r"\band\s+a\s+half\b", phrase):
        phrase, half = re.sub(r"\band\s+a\s+half\b", " ", phrase), 0.5
    if re.fullmatch(r"\s*(?:half\s+an?|a\s+half|half)\s*", phrase):
        return 0.5
    total = 0.0
    seen = False
    for word in _NUMBER_PIECE.findall(phrase):
        if word in VAGUE_AMOUNT:
            return None
        if word == "1/2":
            total += 0.5
        elif word in _MULTIPLIER:
            total = (total or 1) * _MULTIPLIER[word]
        elif word in NUMBER_WORD:
            total += NUMBER_WORD[word]
        elif word[0].isdigit():
            total += float(word)
        else:
            continue
        seen = True
    # A run of hundreds of digits is no amount of time (float gives `inf`).
    return total + half if seen and math.isfinite(total) else None


def ordinal_value(text: str) -> int | None:
    """1 for "first" or "1st", 21 for "twenty-first"; None if not an ordinal."""
    word = text.lower().replace(" ", "-")
    if word in ORDINAL_NUMBER:
        return ORDINAL_NUMBER[word]
    digits = re.match(r"(\d+)(?:st|nd|rd|th)?$", word)
    return int(digits.group(1)) if digits else None


def spelled_year(text: str) -> int | None:
    """1996 for "nineteen ninety-six", 2005 for "two thousand and five"."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + int(number_value(" ".join(rest)) or 0)
    if not words or words[0] not in ("seventeen", "eighteen", "nineteen"):
        return None
    rest = [w for w in words[1:] if w not in ("hundred", "and")]
    return int(NUMBER_WORD[words[0]]) * 100 + int(number_value(" ".join(rest)) or 0)
