"""Numbers as printed, in digits or words, read into values and vague ranges."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from dossier.annotate.failures import Failures, strict_or
from dossier.annotate.word_scan import scan_words
from dossier.annotate.wordtrie import trie
from dossier.english import CARDINAL_NUMBER, ONES, TENS

_UNITS = {word: CARDINAL_NUMBER[word] for word in ONES}
_TENS = {word: CARDINAL_NUMBER[word] for word in TENS}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}  # fmt: skip
_SHORT_SCALES = {"bn": 1e9, "mn": 1e6, "tn": 1e12}

# Plural counts without a number: `thousands`, `tens of thousands`. Each spans
# from two of its order up to ten of it (exclusive, stored as the bound):
# `hundreds` = [200, 1,000), `tens of thousands` = [20,000, 100,000),
# `millions` = [2,000,000, 10,000,000).
_PLURAL_LOW = 2
# `dozens` = [24, 144): two dozen up to a gross.
_DOZENS = (24.0, 144.0)
# `several` = three to nine of the scale; `a few` = two to five.
_SEVERAL = (3, 9)
_FEW = (2, 5)

# Prefix-factored: a flat alternation of the 32 words made this scan 30% slower.
_WORD_NUMBER = trie({*_UNITS, *_TENS, *SCALES, "dozen", "half"})
_SPOKEN_WORDS = (
    r"(?:(?:a|an)[ \t]+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    rf"(?:{_WORD_NUMBER})"
    rf"(?:(?:[ \t]+|-|[ \t]+and[ \t]+|[ \t]+a[ \t]+)(?:{_WORD_NUMBER}))*"
)
_SPOKEN_VAGUE = (
    r"(?P<tens>tens|hundreds)[ \t]+of[ \t]+(?P<big>thousands|millions|billions)"
    r"|(?P<qualifier>several|a[ \t]+few|many)[ \t]+"
    r"(?P<scale>(?:hundred|thousand|million|billion)s?"
    r"(?:[ \t]+(?:thousand|million|billion))?)"
    r"|(?P<plural>hundreds|thousands|millions|billions|dozens|scores)"
)
_SPOKEN_PATTERN = (
    rf"(?<![\w-])(?:(?P<vague>{_SPOKEN_VAGUE})|(?P<words>{_SPOKEN_WORDS}))(?![\w-])"
)
# Numbers in words, matched on lower-cased text (a third faster than ignoring
# case); the case-blind pattern serves texts whose length lower-casing changes.
_SPOKEN = re.compile(_SPOKEN_PATTERN)
_SPOKEN_ANY_CASE = re.compile(_SPOKEN_PATTERN, re.IGNORECASE)
# The spoken pattern opens on a look-behind and a tree of alternatives, so a
# scan tries it at every character (48 MB/s on lower-cased kcna-2024). Every
# match holds a core word (a number, a scale, `dozen`, `half`, or a plural
# count) standing as a whole word, so one scan for those (`word_scan`, joined
# with the quote finder's verbs: 3.24 MB in 0.044 s alone, 1,725 places) finds
# where matches can be; a match opens on its first core word or at most two
# words before it, on the words of a prefix (`a`, `a few`, `several`, `many`,
# `tens of`, `hundreds of`).
CORE_WORDS = frozenset(
    {*_UNITS, *_TENS, *SCALES, "dozen", "half", "dozens", "scores"}
    | {f"{scale}s" for scale in SCALES if scale != "trillion"}
)
_PREFIX_WORDS = frozenset(
    {"a", "an", "several", "few", "many", "tens", "hundreds", "of"}
)
_PREFIX_DEPTH = 2  # `a few hundred`, `tens of thousands`: two words before
_PREFIX_LONGEST = max(map(len, _PREFIX_WORDS))
# Digit-led patterns opening on a look-behind: the `regex` engine scans these four
# times faster than `re` (190 against 43 MB/s), with the same matches.
_DIGITS = regex.compile(
    r"(?<![\w.,/:#-])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])"
    r"|\d+)(?:\.\d+)?"
    r"(?:[ \t]*(?:hundred|thousand|million|billion|trillion|bn|mn|tn)\b)?"
    r"(?![\w/:]|\.\d|,\d)",
    regex.IGNORECASE | regex.V0,
)
# A range printed with a dash: `200-250`, `1950-53`, `2,000–3,000`.
_DASHED = regex.compile(
    r"(?<![\w.,/:#-])(\d{1,3}(?:,\d{3})+|\d+)[ \t]*[-–][ \t]*(\d{1,3}(?:,\d{3})+|\d+)"
    r"(?:[ \t]*(hundred|thousand|million|billion)\b)?(?![\w/:-]|\.\d|,\d)",
    regex.IGNORECASE | regex.V0,
)
# Between two numbers of one range: `200-250`, `2 to 3 million`, `two or three`.
_RANGE_GAP = re.compile(r"[ \t]*(?:-|–|—|to|or)[ \t]*", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:between|from)[ \t]+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Number:
    """A number in the text: `low == high` when exact."""

    start: int
    end: int
    text: str
    low: float
    high: float
    kind: str  # digits, words, vague


def word_value(words: str) -> float | None:
    """`three million` -> 3e6, `twenty-five` -> 25, `half a million` -> 5e5."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if not tokens or all(t in ("a", "an") for t in tokens):
        return None
    total, current = 0.0, 0.0
    seen_number = False
    for position, token in enumerate(tokens):
        if token in ("a", "an"):
            current = current or 1.0
        elif token == "half":
            rest = word_value(" ".join(tokens[position + 1 :]))
            base = (current or 1.0) * 0.5
            return (total + base * (rest or 1.0)) if rest else None
        elif token in _UNITS:
            current += _UNITS[token]
            seen_number = True
        elif token in _TENS:
            current += _TENS[token]
            seen_number = True
        elif token == "dozen":
            current = (current or 1.0) * 12
            seen_number = True
        elif token == "hundred":
            current = (current or 1.0) * 100
            seen_number = True
        elif token in SCALES:
            total += (current or 1.0) * SCALES[token]
            current = 0.0
            seen_number = True
        else:
            return None
    return total + current if seen_number else None


def digit_value(printed: str) -> float | None:
    """`661,736` -> 661736; `1 500` -> 1500; `2 million` -> 2e6; `15bn` -> 1.5e10."""
    match = re.fullmatch(
        r"([\d,\s\u00a0\u202f]+(?:\.\d+)?)\s*([a-z]*)", printed.strip(), re.IGNORECASE
    )
    if match is None:
        return None
    digits = re.sub(r"[,\s\u00a0\u202f]", "", match.group(1))
    try:
        value = float(digits)
    except ValueError:
        return None
    scale = match.group(2).lower()
    if scale in SCALES:
        value *= SCALES[scale]
    elif scale in _SHORT_SCALES:
        value *= _SHORT_SCALES[scale]
    elif scale:
        return None
    # Hundreds of digits overflow to `inf`: no figure a source gives.
    return value if math.isfinite(value) else None


def vague_range(match: re.Match[str]) -> tuple[float, float]:
    """The interval a plural count stands for (see the constants above)."""
    if match.group("tens"):
        unit = 10.0 if match.group("tens").lower() == "tens" else 100.0
        big = SCALES[match.group("big").lower()[:-1]]
        return _PLURAL_LOW * unit * big, 10 * unit * big
    if match.group("qualifier"):
        scale = 1
        for word in match.group("scale").lower().split():
            scale *= SCALES[word.rstrip("s")]
        qualifier = " ".join(match.group("qualifier").lower().split())
        low, high = _FEW if qualifier == "a few" else _SEVERAL
        if qualifier == "many":
            low, high = _PLURAL_LOW, 10
        return low * scale, high * scale
    plural = match.group("plural").lower()
    if plural == "dozens":
        return _DOZENS
    if plural == "scores":
        return 40.0, 100.0
    unit = SCALES[plural[:-1]]
    return _PLURAL_LOW * unit, 10 * unit


def find_numbers(
    text: str,
    failures: Failures | None = None,
    lowered: str | None = None,
    cores: Sequence[int] | None = None,
) -> list[Number]:
    """Every number in `text`, longest reading first where readings overlap; a
    number that trips its reading is noted in `failures` (raised when None).
    `lowered` is `text.lower()` and `cores` where its `CORE_WORDS` stand
    (`word_scan.scan_words`) when the caller has them."""
    failures = strict_or(failures, text)
    found: list[Number] = []
    lowered = text.lower() if lowered is None else lowered
    same = len(lowered) == len(text)
    if same and cores is None:
        cores = scan_words(lowered).numbers
    readings = (
        (
            _spoken_matches(lowered, cores)
            if cores is not None and same
            else _SPOKEN_ANY_CASE.finditer(text),
            _spoken,
        ),
        (_DASHED.finditer(text) if _may_hold_dashed(text) else (), _dashed),
        (_DIGITS.finditer(text), _digits),
    )
    for matches, read in readings:
        for match in matches:
            start, end = match.span()
            number = failures.attempt("figures", start, end, read, match, text)
            if number is not None:
                found.append(number)
    found.sort(key=lambda n: (n.start, n.start - n.end))
    kept: list[Number] = []
    for number in found:
        if kept and number.start < kept[-1].end:
            continue
        kept.append(number)
    return _ranges(text, kept)


def _may_hold_dashed(text: str) -> bool:
    """Whether a dash in `text` stands between digits, spaces or tabs aside,
    as in every `_DASHED` match (its numbers end and open on a digit): most
    texts print none (5 of wire_3_months' 1,441), and the scan, 0.02 CPU s a
    pass over them, is then skipped. The dashes are found by `str.find`;
    `isnumeric` holds for every character `\\d` matches, and for more."""
    size = len(text)
    for dash in "-–":
        at = text.find(dash)
        while at >= 0:
            before = at - 1
            while before >= 0 and text[before] in " \t":
                before -= 1
            if before >= 0 and text[before].isnumeric():
                after = at + 1
                while after < size and text[after] in " \t":
                    after += 1
                if after < size and text[after].isnumeric():
                    return True
            at = text.find(dash, at + 1)
    return False


def _spoken_matches(lowered: str, cores: Sequence[int]) -> list[re.Match[str]]:
    """The matches `_SPOKEN.finditer(lowered)` gives, tried only at the places
    a core word opens (`cores`) or the prefix words before one."""
    if not cores:
        return []
    places = set(cores)
    for place in cores:
        for _ in range(_PREFIX_DEPTH):
            place = _prefix_word_before(lowered, place)
            if place < 0:
                break
            places.add(place)
    matches = []
    resume = 0  # as a scan, past the last match
    for place in sorted(places):
        if place >= resume:
            match = _SPOKEN.match(lowered, place)
            if match is not None:
                matches.append(match)
                resume = match.end()
    return matches


def _prefix_word_before(lowered: str, place: int) -> int:
    """Where the prefix word (`a`, `few`, `of`, ...) before `place` opens, past
    spaces or tabs, or -1 when the word before is none."""
    end = place
    while end > 0 and lowered[end - 1] in " \t":
        end -= 1
    if end == place:
        return -1
    start = end
    while start > 0 and "a" <= lowered[start - 1] <= "z":
        start -= 1
        if end - start > _PREFIX_LONGEST:
            return -1
    return start if lowered[start:end] in _PREFIX_WORDS else -1


def _ranges(text: str, numbers: list[Number]) -> list[Number]:
    """Join `200-250`, `2 to 3 million`, `between 2,000 and 3,000` into ranges."""
    joined: list[Number] = []
    position = 0
    while position < len(numbers):
        first = numbers[position]
        second = numbers[position + 1] if position + 1 < len(numbers) else None
        if second is not None and first.kind == second.kind != "vague":
            gap = text[first.end : second.start]
            between = _BETWEEN.search(text, max(0, first.start - 10), first.start)
            if _RANGE_GAP.fullmatch(gap) or (
                between is not None and gap.strip().lower() == "and"
            ):
                low = first.low
                if low < second.low / 100 and _scale_of(second.text):
                    low *= _scale_of(second.text)  # `2 to 3 million`
                if low < second.low:
                    start = between.start() if between is not None else first.start
                    joined.append(
                        Number(
                            start,
                            second.end,
                            text[start : second.end],
                            low,
                            second.high,
                            "range",
                        )
                    )
                    position += 2
                    continue
        joined.append(first)
        position += 1
    return joined


def _scale_of(printed: str) -> float:
    words = printed.lower().split()
    return float(SCALES.get(words[-1], 0)) if len(words) > 1 else 0.0


def _spoken(match: re.Match[str], text: str) -> Number | None:
    start, end = match.span()
    printed = text[start:end]
    if match.group("vague"):
        low, high = vague_range(match)
        return Number(start, end, printed, low, high, "vague")
    value = word_value(printed)
    return None if value is None else Number(start, end, printed, value, value, "words")


def _dashed(match: re.Match[str], text: str) -> Number | None:
    first = float(match.group(1).replace(",", ""))
    second = float(match.group(2).replace(",", ""))
    if second <= first:
        return None  # `1950-53`, `3-1`: a year span or a score, not a range
    scale = SCALES[match.group(3).lower()] if match.group(3) else 1
    if not math.isfinite(second * scale):
        return None
    return Number(
        match.start(),
        match.end(),
        match.group(),
        first * scale,
        second * scale,
        "range",
    )


def _digits(match: re.Match[str], text: str) -> Number | None:
    value = digit_value(match.group())
    if value is None:
        return None
    return Number(match.start(), match.end(), match.group(), value, value, "digits")
