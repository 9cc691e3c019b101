"""Noun phrases around a cue: the subject before `said`, the name after `said`."""

from __future__ import annotations

import re

from dossier.annotate.quotes.cues import VERBS, words
from dossier.annotate.quotes.ends import tail_start
from dossier.english import MONTHS, WEEKDAYS

PRONOUNS = words(
    """
    he she they it i we
    """
)
RELATIVES = frozenset(("who", "which", "that"))
# Words that end a subject when read leftwards from its verb.
_STOP = words(
    """
        is are was were be been being has have had do does did will would
        can could shall should may might must and or but nor yet so that
        whom whose because if when while as although though since after
        before until unless whether where how why what then also however
        meanwhile now later here there still even just not never to by about
        into onto upon over under against between among through during
        without within across toward towards via than like unlike despite
        including per you me him us them again already once whilst amongst
        amid
        """
)
_DETERMINERS = words(
    """
        the a an this these those his her its their our my your some many
        several both all each every another other no
        """
)
_PREPOSITIONS = words(
    """
    of for at from in on with
    """
)
# Reporting-verb forms that are also nouns inside a subject (`the state department`).
_NOUNS = words(
    """
        report post state states comment statement note call
        """
)
_TOKEN = re.compile(r"\([^()\n]{0,40}\)|[\w’'.&/-]+|[^\w\s]")
_INFINITIVE = re.compile(r"\s+to\s*$")
_MAIN_VERB = re.compile(
    r"\s(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|shall"
    r"|should|did|does|do|wants?|wanted|went|seems?|seemed|decided|tried|refused"
    r"|continued|continues|began|begins|appears?|appeared|used|needs?|needed|got"
    r"|gets|goes|hopes?|hoped|plans?|planned|declined|declines)\b"
)
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(MONTHS)
_TRAILING_WORD = (
    r"has|have|had|was|were|is|are|also|later|then|further|again|earlier"
    r"|previously|recently|reportedly|publicly|once|never|always|often|would|will"
    r"|could|might|may|should|must|did|does|do|not|first|finally|simply|flatly"
    r"|repeatedly|bluntly|quickly|just|already|even|still|today|yesterday|tonight"
    r"|privately|openly|proudly|angrily|been|being|[a-z]+ly"
)
_TRAILING = re.compile(
    rf"(?:\s+(?:{_TRAILING_WORD}"
    rf"|(?:on\s+)?(?:{_WEEKDAY})"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next)\s+(?:week|month|year|night|morning|weekend)))+\s*$"
)
# The word a `_TRAILING` match ends on: each of its parts ends on white space,
# so a segment whose last run of non-space characters is none of these holds
# no match, and `re` is spared a search from every position of it.
_TRAILING_LAST = re.compile(
    rf"(?:{_TRAILING_WORD}|{_WEEKDAY}|morning|afternoon|evening|night|week|month"
    r"|year|weekend)"
)
_NOT_ADVERBS = words(
    """
    daily weekly monthly yearly quarterly early elderly friendly
    """
) | words(
    """
        family assembly ally rally supply anomaly only italy
        """
)
_ADVERBIAL = re.compile(
    r"^(?:in|at|on|during|after|before|later|meanwhile|however|also|speaking"
    r"|marking|addressing|writing|reporting|referring|asked|commenting|earlier"
    r"|for|from|with|without|under|over|since|according|by|as|last|this|next|but"
    r"|and|so|yet|still|then|now|instead|indeed|thus|here|there|when|while|if"
    r"|though|although|because|unless|until|whether|once|despite|amid|among|whilst)\b",
    re.IGNORECASE,
)
# `Several days later, a daily returned …`: a time, not the subject.
_TIME_SEGMENT = re.compile(
    r"^(?:(?:[\w-]+\s+){0,3}(?:later|ago|earlier|afterwards|before|since)"
    rf"|(?:{_WEEKDAY}|Yesterday|Today|{_MONTH})(?:\s+[\w,]+){{0,3}})$",
    re.IGNORECASE,
)
_DETERMINER_OPENING = re.compile(
    r"(?:the|a|an|this|these|those|his|her|its|their|our|some|many|several)\s+",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"[\w’'-]+")
# Compiled once: `re.match(pattern, …)` looks its pattern up in `re`'s cache on
# every call (thousands a text).
_WORD_RUN = re.compile(r"\w+")
_NON_SPACE = re.compile(r"\S+")
# An unnamed officer speaking for a body: `A spokesman for the Foreign Ministry`.
VOICE_OF = re.compile(
    r"(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}?(?:spokes(?:man|woman|person)|head"
    r"|director|chief|chairman|chairwoman|chairperson|representative|secretary"
    r"|president)\s+(?:for|of)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_PROPER = re.compile(
    r"(?:(?:[A-Z][\w’'.-]*|(?:of|and|for|the|de|van|von|al)(?=\s+[A-Z]))\s*"
    r"(?:\([^()\n]{1,20}\)\s*)?)+"
)
_ABBREVIATED = re.compile(
    r"^(?:(?:[A-Z]\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|St\.|Jr\.|Lt\.|Gen\.)$"
)
_STOP_AFTER = words(
    """
        who which that in at on during adding after before when while and
        but as to
        """
)
_CONJUNCTION = re.compile(
    r"\s*(?:as|when|while|because|though|although|if)\s+(?=[A-Z])", re.IGNORECASE
)
_RELATIVE_END = re.compile(r"\b(that|which|who)$")
MAX_SPEAKER_WORDS = 12


def words_past(segment: str, count: int) -> bool:
    """Whether `segment` holds more than `count` words (runs of non-space
    characters): `len(segment.split()) > count`, split no further than that
    needs (the rules ask it of whole sentences and quotes)."""
    return len(segment.split(None, count)) > count


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`/`end` moved inwards past space and clause punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",.;:’'”\")—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ',;:—–-(“"‘'):
        end -= 1
    return start, end


def _stops(word: str) -> bool:
    lower = word.lower()
    if lower in _STOP or (lower in VERBS and lower not in _NOUNS):
        return True
    return word.islower() and "-" not in word and lower.endswith(("ed", "ing"))


def noun_phrase_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase ending at `end`, read leftwards word by word."""
    # Most phrases end within a few words of `end`: the window's last
    # characters are read first, and the whole window only when the phrase may
    # reach further left (the sentence before a cue was tokenised whole for a
    # phrase of one or two words).
    tail = _safe_tail(text, start, end)
    if tail > start:
        found = _phrase_of(list(_TOKEN.finditer(text, tail, end)), partial=True)
        if found is not _FURTHER:
            return found
    return _phrase_of(list(_TOKEN.finditer(text, start, end)), partial=False)


# Characters read first from a window's end (`noun_phrase_before`).
_TAIL_CHARS = 80
# The longest token holding white space: `(` and `)` around 40 characters.
_LONGEST_BRACKETED = 42
_FURTHER = (-1, -1)  # `_phrase_of`: the phrase may reach left of the tokens


def _safe_tail(text: str, start: int, end: int) -> int:
    """A place near the end of `text[start:end]` where the window's tokens
    split: white space before it and no bracketed token (the only kind
    holding white space) across it, so the tokens found from there are the
    window's last ones; `start` if there is none."""
    tail = end - _TAIL_CHARS
    while start < tail < end and not text[tail - 1].isspace():
        tail += 1
    if tail <= start or "(" in text[max(start, tail - _LONGEST_BRACKETED) : tail]:
        return start
    return tail


def _phrase_of(tokens: list[re.Match[str]], *, partial: bool) -> tuple[int, int] | None:
    """The noun phrase the last of `tokens` end, read leftwards. With
    `partial` the tokens are a window's last ones only, and `_FURTHER` says
    the reading reached the first of them (where it would read the token
    before or ask whether there is one)."""
    if partial and not tokens:
        return _FURTHER
    taken: list[re.Match[str]] = []
    for index in range(len(tokens) - 1, -1, -1):
        if partial and index == 0:
            return _FURTHER
        token = tokens[index].group()
        lower = token.lower()
        if token.startswith("(") and taken == [] and index > 0:
            taken.append(tokens[index])
            continue
        if not (token[0].isalnum() or token[0] in "’'"):
            break
        if lower in PRONOUNS or lower in RELATIVES:
            if not taken:
                taken.append(tokens[index])
            break
        if lower == "and" and taken and index > 0:
            left = tokens[index - 1].group()
            if taken[-1].group()[0].isupper() and left[0].isupper():
                taken.append(tokens[index])
                continue
        if lower in _DETERMINERS:
            taken.append(tokens[index])
            break
        if _stops(token) and not (token[0].isupper() and lower not in _STOP):
            break
        taken.append(tokens[index])
        if len(taken) >= MAX_SPEAKER_WORDS:
            return None
    while taken and taken[-1].group().lower() in _PREPOSITIONS | {"and"}:
        taken.pop()
    while taken and taken[0].group().lower() in _PREPOSITIONS:
        taken.pop(0)
    if not taken or all(t.group().startswith("(") for t in taken):
        return None
    return taken[-1].start(), taken[0].end()


def subject_before(text: str, cue_start: int, floor: int) -> tuple[int, int] | None:
    """Span of the subject of a cue verb (`Burman, director of X, said` → Burman)."""
    segment = text[floor:cue_start]
    # `$`-anchored: `_INFINITIVE` and `_RELATIVE_END` read the last run (`ends.py`).
    if _INFINITIVE.search(segment, tail_start(segment, 0, len(segment), 1)):
        verb = _MAIN_VERB.search(segment)  # `the statement has only this to say`
        if verb is None:
            return None
        segment = segment[: verb.start()]
    while True:
        last = segment.rsplit(None, 1)[-1:]
        if not last or not _TRAILING_LAST.fullmatch(last[0]):
            break
        trailing = _TRAILING.search(segment)
        if trailing is None or trailing.group().strip().lower() in _NOT_ADVERBS:
            break
        segment = segment[: trailing.start()]
    stripped = segment.rstrip()
    relative = _RELATIVE_END.search(stripped, tail_start(stripped, 0, len(stripped), 1))
    if relative is not None:  # `a letter that says`: `that` stands for the letter
        return floor + relative.start(1), floor + relative.end(1)
    if stripped.endswith(","):  # an appositive stands between subject and verb
        offset = floor
        for part in stripped[:-1].split(",")[:-1]:
            conjunction = _CONJUNCTION.match(part)
            if conjunction is not None:  # `As Steven M. Rosenthal, a lawyer, put it`
                return noun_phrase_before(
                    text, offset + conjunction.end(), offset + len(part.rstrip())
                )
            if part.strip() and not _ADVERBIAL.match(part.strip()):
                return noun_phrase_before(text, offset, offset + len(part.rstrip()))
            offset += len(part) + 1
        return None
    return noun_phrase_before(text, floor, floor + len(stripped))


def _determined(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`The piece used …` → `The piece`: a determiner and the words before a verb."""
    opening = _DETERMINER_OPENING.match(text, start, end)
    if opening is None:
        return None
    position = opening.end()
    for count, word in enumerate(_WORD_AFTER.finditer(text, position, end)):
        if count >= 4 or text[position : word.start()].strip():
            return None
        lower = word.group().lower()
        if count > 0 and (
            lower in _STOP
            or lower in VERBS
            or (lower.endswith(("ed", "ly")) and lower not in _NOT_ADVERBS)
        ):
            return trim(text, start, position)
        position = word.end()
    return None


_OF_THE = re.compile(r"\s*(?:of|for)\s+the\s+(?=[A-Z])")


def _body_end(text: str, start: int, end: int) -> int | None:
    """The end of a body's name at `start`, `of the` inside it included
    (`Foreign Ministry of the Democratic People's Republic of Korea`)."""
    found = None
    while (proper := _PROPER.match(text, start, end)) and proper.group().strip():
        found = proper.end()
        joint = _OF_THE.match(text, found, end)
        if joint is None:
            break
        start = joint.end()
    return found


def leading_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase opening a clause (`In July, Gingrich dismissed …` → Gingrich)."""
    offset = start
    for part in text[start:end].split(","):
        stripped = part.strip()
        words = stripped.split(None, 1)  # whether there is a word, and the first
        if (
            not words
            or _ADVERBIAL.match(stripped)
            or _TIME_SEGMENT.match(stripped)
            or words[0].endswith("ing")
        ):
            offset += len(part) + 1
            continue
        begin = offset + len(part) - len(part.lstrip())
        word = _WORD_RUN.match(text, begin, end)
        if word and word.group().lower() in PRONOUNS:
            return begin, begin + len(word.group())
        if word and word.group().lower() in _STOP:
            return None
        voice = VOICE_OF.match(text, begin, end)
        body_end = _body_end(text, voice.end(), end) if voice else None
        if body_end is not None:
            return trim(text, begin, body_end)  # `A spokesman for the …`
        determined = _determined(text, begin, end)
        if determined:
            return determined
        proper = _PROPER.match(text, begin, end)
        if proper and proper.group().strip():
            return trim(text, begin, proper.end())
        return None
    return None


def phrase_after(text: str, start: int, ceiling: int) -> tuple[int, int] | None:
    """Span of the noun phrase starting at `start` (`said Mr. Kamin, who ...`)."""
    end = start
    for count, match in enumerate(_NON_SPACE.finditer(text[start:ceiling]), 1):
        token = match.group()
        bare = token.rstrip(',;:!?.”"’')
        if bare.endswith(")") and "(" not in text[start : start + match.start()] + bare:
            bare = bare.rstrip(")")
        if bare.lower() in _STOP_AFTER or any(mark in token for mark in '“”"'):
            break
        end = start + match.start() + len(token)
        if token.endswith((",", ";", ":", "!", "?", "—")) or (
            token.endswith(".") and not _ABBREVIATED.match(token)
        ):
            end = start + match.start() + len(bare)
            break
        if count >= MAX_SPEAKER_WORDS:
            break
    trimmed = trim(text, start, end)
    return trimmed if trimmed[1] > trimmed[0] else None
