"""English tables every stage reads: month and weekday names, number words,
and the title-case test. Data only, no stage imports: clean, meta and every
finder build their patterns from these.
"""

from __future__ import annotations

import re

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
# Printed abbreviations, each before any longer one it opens (`Sep`, `Sept`).
MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec",
)  # fmt: skip
# Lower-case name or abbreviation -> 1..12.
MONTH_NUMBER = {
    **{name.lower(): number for number, name in enumerate(MONTHS, start=1)},
    **{
        short.lower(): next(n for n, m in enumerate(MONTHS, 1) if m[:3] == short[:3])
        for short in MONTH_ABBREVIATIONS
    },
}
# Every month word as one regex alternation, names before abbreviations.
MONTH_PATTERN = "|".join((*MONTHS, *MONTH_ABBREVIATIONS))

WEEKDAYS = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
WEEKDAY_ABBREVIATIONS = (
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
)  # fmt: skip
# Lower-case weekday name -> 1 (Monday) .. 7, as ISO numbers them.
WEEKDAY_NUMBER = {name.lower(): number for number, name in enumerate(WEEKDAYS, 1)}

# Cardinal number words: zero..nineteen, then the tens.
ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen",
)  # fmt: skip
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
CARDINAL_NUMBER = {
    **{word: value for value, word in enumerate(ONES)},
    **{word: 20 + 10 * index for index, word in enumerate(TENS)},
}
_ORDINAL_ONES = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip
_ORDINAL_TENS = (
    "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
    "eightieth", "ninetieth",
)  # fmt: skip


def _ordinals() -> dict[str, int]:
    ordinal = {word: value for value, word in enumerate(_ORDINAL_ONES, start=1)}
    for index, word in enumerate(_ORDINAL_TENS):
        ordinal[word] = 20 + 10 * index
        for one, value in list(ordinal.items())[:9]:
            ordinal[f"{TENS[index]}-{one}"] = 20 + 10 * index + value
    ordinal["hundredth"] = 100
    return ordinal


# Ordinal words, `first` to `hundredth` (`twenty-first` hyphenated) -> value.
ORDINAL_NUMBER = _ordinals()


def word_set(text: str) -> frozenset[str]:
    """The words of `text` as a set (lists of words are kept as text)."""
    return frozenset(text.split())


# Irregular past forms of common news verbs, which an `-ed` test misses:
# the time tagger's tense ("Since KKR bought RJR in February" is last
# February) and the entity phrase's verb test (`the US bought`).
IRREGULAR_PAST = word_set(
    """
    bought sold took made went came gave got began became left met held won lost
    paid rose fell grew saw found sent brought thought kept built spent struck
    fought led ran wrote knew stood felt broke chose drew drove flew froze hid
    sank shot spoke stole swore threw wore sought taught caught dealt meant slid
    sprang withdrew
    """
)


# Plural nouns no ending gives away.
_PLURAL_NOUNS = word_set(
    """
    men women people children personnel police servicemen servicewomen troops
    aircraft cattle sheep fish staff crew infantry artillery militia livestock
    deer data media youth clergy offspring folk kin gentry peasantry
    """
)


def is_plural(word: str) -> bool:
    """`troops`, `people`, `servicemen`: a plural noun by its ending or by heart."""
    lowered = word.lower()
    if lowered in _PLURAL_NOUNS or lowered.endswith("men"):
        return True
    return (
        len(lowered) > 2
        and lowered.endswith("s")
        and not lowered.endswith(("ss", "us", "is"))
        and lowered.isalpha()
    )


# Words a headline leaves in lower case.
SMALL_WORDS = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of",
    "on", "or", "the", "to", "with", "vs", "via",
))  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def is_title_case(line: str) -> bool:
    """Most content words capitalised, as in "Origin of Korean Revolution"."""
    words = [w for w in _WORD.findall(line) if w.lower() not in SMALL_WORDS]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.75
