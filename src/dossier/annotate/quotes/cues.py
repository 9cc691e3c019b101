"""Cues of speech (`said`, `noted`, `according to`) and the sentences they sit in."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from string import ascii_letters

from dossier.annotate.word_scan import scan_words


def words(text: str) -> frozenset[str]:
    """The white-space separated words of a word list."""
    return frozenset(text.split())


_REGULAR = words(
    """
    add note stress state declare explain argue claim insist warn recall
    recollect remark emphasize emphasise continue announce report comment
    observe acknowledge admit concede tweet post respond suggest charge quip
    joke lament complain urge predict vow promise pledge conclude underline
    underscore affirm assert maintain contend caution proclaim boast shout yell
    chant whisper exclaim repeat recount describe reply ask answer cite mention
    reveal confirm deny disclose estimate agree counter retort scoff muse plead
    demand reiterate criticize criticise denounce accuse praise hail blast slam
    testify inform advise recommend indicate opine sneer stipulate specify
    clarify elaborate highlight point call encourage rule refer dismiss fear
    liken compare laud chastise pound mock demean question tout defend rip
    hammer grill lambaste knock decry condemn applaud welcome thank threaten
    characterize characterise portray paint dub label brand term nickname tease
    taunt ridicule belittle disparage insult scold rebuke berate assail fault
    blame credit commend congratulate profess quote echo invoke rail protest
    object grumble gripe brag vent signal hint imply allege confess propose
    implore beg instruct invite challenge bash lash deplore regret apologize
    apologise recite joke retweet vociferate talk
    """
)
_IRREGULAR = words(
    """
    say says said saying tell tells told telling write writes wrote written
    writing speak speaks spoke spoken speaking went goes go going put puts think
    thinks thought thinking believe believes believed believing feel feels felt
    swear swears swore sworn sing sings sang sung singing read reads
    """
)


_DOUBLING = words(
    """
        quip refer dub rip admit regret slam rap omit label
        """
)


def _forms(verb: str) -> list[str]:
    """Present, third person, past and -ing forms of a regular verb."""
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "o")) else "s")
    if verb.endswith("e"):
        return [verb, third, verb + "d", verb[:-1] + "ing"]
    forms = [verb, third, verb + "ed", verb + "ing"]
    if verb in _DOUBLING:
        forms += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return forms


VERBS = frozenset(
    {form for verb in _REGULAR for form in _forms(verb)} | set(_IRREGULAR)
)
# Verbs that report only with a particle: `pointed out`, `went on`, `put it`.
_PARTICLE = {
    verb: re.compile(pattern)
    for verbs, pattern in (
        ("point points pointed pointing", r"\s+out\b"),
        ("go goes went going", r"\s+on\b"),
        ("put puts", r"\s+it\b"),
    )
    for verb in verbs.split()
}
# `recalls those days in his memoirs`, `noted in a commentary`.
_MEMOIR = re.compile(
    r"(?:[ ,]+[\w’'-]+){0,5}?[ ,]+(?:in|at|on)\s+(?:a|an|the|his|her|its|their)\s+"
    r"(?:[\w’'-]+\s+)?(?:statements?|commentary|article|interview|speech|letter"
    r"|memoirs?|editorial|report|address|message|post|tweet|book|diary|remarks"
    r"|column|essay|op-ed|press\s+release)\b"
)
_WORD = re.compile(r"[A-Za-z]+")
# A cue form printed after a determiner is the noun (`the report`, `a post`).
_DETERMINER = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|this|these|those|our|your|my|no|any|every"
    r"|each|such|whose|of|own)|[’']s)\s+(?:[\w-]+-[\w-]+\s+)?$",
    re.IGNORECASE,
)
# A noun-like cue form (`states`, `reports`) is a verb after a pronoun or
# before `that`, a colon, a comma or a quote mark.
_SUBJECT_BEFORE = re.compile(
    r"\b(?:he|she|it|they|we|i|who|which|that)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
# `, a war criminal state,`: an indefinite article a few words back and a
# comma or stop after make a noun-like cue form a noun in apposition.
_APPOSITIVE_NOUN = re.compile(r"(?:^|[\s,(])(?:a|an)\s+(?:[\w’'-]+\s+){0,3}$")
_CLAUSE_MARK = re.compile(r"\s*[,.;)]")
_COMPLEMENT_AFTER = re.compile(r"(?:\s+\w+ly)?\s*(?:that\b|[:,“\"‘])")
_SENTENCE_OPENER = re.compile(r"(?:^|[.!?:”\"\n]\s*|[“\"‘]\s*)$")
# Verbs whose complement is what was said: `noted that …`, `said the plan …`.
REPORTING = words(
    """
        said says say saying told tells tell noted notes stressed stresses
        stated states added adds claimed claims argued argues insisted
        insists warned warns explained explains reported reports announced
        announces declared declares emphasized emphasised emphasizes
        emphasises recalled recalls suggested suggests acknowledged
        acknowledges admitted admits wrote writes believes believe believed
        thinks think thought predicted predicts revealed reveals confirmed
        confirms indicated indicates asserted asserts maintained maintains
        contended underscored underlined affirmed affirms reiterated
        reiterates observed observes remarked remarks denied denies conceded
        concedes estimated estimates alleged alleges charged charges agreed
        agrees pointed continued continues feels felt hopes hoped
        """
)
# Verbs too loose to tie a quoted phrase to a speaker across other words
# (`its futile "human rights" racket will only highlight …`, kcna-2024); they
# still count right before or after a quote.
_LOOSE = words(
    """
        highlight praise hail welcome thank credit fault blame commend
        congratulate explain comment indicate signal hint imply read think
        believe feel sing point go put mention recommend advise inform
        elaborate clarify specify stipulate celebrate invite challenge
        instruct regret apologize apologise recite muse estimate answer
        respond reply
        """
)
SPEECH = VERBS - frozenset(
    form for verb in _LOOSE for form in (*_forms(verb), "thought", "felt", "went")
)
# Cue verbs that may stand before their speaker after a quote: `“…,” said Kamin`.
INVERTING = words(
    """
        said says added adds noted notes asked asks wrote writes continued
        continues explained replied stated declared recalled insisted argued
        observed remarked concluded warned answered responded told tweeted
        """
)
# Words that, right before a quote, name rather than report:
# `an outfit called “X”`, `a film titled “Y”`, `so-called “Z”`.
NAMING = re.compile(
    r"(?:\bso-?\s?called|\bdubbed|\bterm(?:ed)?|\blabell?ed|\b(?:en)?titled|\bnamed"
    r"|\bcalled|\bknown\s+as|\bthe\s+(?:words?|terms?|phrases?|slogans?|themes?"
    r"|letters|inscription|title|motto|name|song|film|book|novel|opera|play|poem"
    r"|headline|hashtag|label|concept|notion|idea|word)(?:\s+of)?|\breading|\bmarked"
    r"|\bbranded|\bnicknamed|\bcalling\s+(?:himself|herself|itself|themselves)"
    r"|\btheme\s+of|\bslogan\s+of|\b(?:book|film|song|album|show|program|programme"
    r"|series|novel|opera|play|poem|movie|documentary|anthem|hymn|hashtag|slogan"
    r"|motto|headline))(?:\s+(?:the|a|an|its|his|her|their))?\s*,?\s*$",
    re.IGNORECASE,
)
# The words a `NAMING` match ends on, before `\s*,?\s*$` (`ends.may_end_on`).
NAMING_ENDS = tuple(
    sorted(
        words(
            """
            called dubbed term termed labeled labelled titled named as word words
            terms phrase phrases slogan slogans theme themes letters inscription
            title motto name song film book novel opera play poem headline hashtag
            label concept notion idea of reading marked branded himself herself
            itself themselves program programme series album show movie
            documentary anthem hymn the a an its his her their
            """
        )
    )
)
ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
QUOTED_AS = re.compile(
    r"\b(?:quoted|cited)\s+(?P<speaker>[^.;:“”\"]{1,160}?)\s+as\s+"
    r"(?P<verb>saying|stating|noting|stressing|declaring|writing|telling|adding"
    r"|remarking|pointing\s+out|warning|calling|describing|asserting|arguing)\b",
    re.IGNORECASE,
)
AS_FOLLOWS = re.compile(r"\bas\s+follows\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    verb: str


def cue_at(text: str, start: int, end: int, *, headline: bool = False) -> Cue | None:
    """The cue a verb form at `text[start:end]` makes, or None if it is no cue.

    In a headline every word is capitalised, so `headline` lets `Says` count.
    """
    word = text[start:end]
    verb = word.lower()
    if verb not in VERBS:
        return None
    window = text[max(0, start - 30) : start]
    if window.endswith("-"):
        return None  # so-called, self-proclaimed
    if word[0].isupper() and not headline and not _SENTENCE_OPENER.search(window):
        return None  # `the Washington Post`, `United States`
    if (
        verb in _NOUN_LIKE
        and _APPOSITIVE_NOUN.search(window)
        and (_CLAUSE_MARK.match(text, end))
    ):
        return None  # `Japan, a war criminal state, is …`
    if verb in _NOUN_LIKE and (
        _DETERMINER.search(window)
        or (
            not _SUBJECT_BEFORE.search(window)
            and not _COMPLEMENT_AFTER.match(text, end)
        )
    ):
        return None  # `the report`, `sovereign states`
    particle = _PARTICLE.get(verb)
    if particle is not None:
        following = particle.match(text, end)
        if following is None:
            return None
        end = following.end()
    elif verb.startswith(("recall", "recollect", "wr", "not", "stat", "sa")):
        frame = _MEMOIR.match(text, end)
        if frame is not None and "\n" not in frame.group():
            end = frame.end()
    return Cue(start, end, verb)


_NOUN_LIKE = words(
    """
        report reports post posts state states claim claims charge charges
        comment comments answer answers attack attacks promise promises note
        notes demand demands estimate estimates reply replies address call
        calls praise tweet tweets pledge pledges vow vows joke jokes counter
        boast chant chants shout whisper repeat caution point points read
        feel lament mention highlight highlights quip blast slam hail advise
        muse stress recall recalls thought question questions knock welcome
        thank thanks credit fault blame rule rules fear fears paint label
        labels brand brands term terms nickname quote quotes echo echoes
        protest protests object objects challenge challenges hint hints
        signal signals rip hammer grill pound compare rail brag vent defend
        remark remarks statement statements insult insults threat threats
        talk talks
        """
)


def cues(text: str, start: int, end: int, *, headline: bool = False) -> Iterator[Cue]:
    """Cue verbs in `text[start:end]`, in order."""
    for word_start, word_end in _verb_words(text, start, end):
        cue = _read_cue(text, word_start, word_end, headline)
        if cue is not None and cue.end <= end:
            yield cue


def reporting_cues(text: str, start: int, end: int) -> Iterator[Cue]:
    """The cues of `cues(text, start, end)` whose verb is in `REPORTING`, in
    order. A cue's verb is its word lower-cased, so the other words are passed
    over unread (`cue_at` is most of a cue's cost)."""
    for word_start, word_end in _verb_words(text, start, end):
        if text[word_start:word_end].lower() not in REPORTING:
            continue
        cue = _read_cue(text, word_start, word_end, False)
        if cue is not None and cue.end <= end:
            yield cue


def _read_cue(text: str, start: int, end: int, headline: bool) -> Cue | None:
    """`cue_at`, read once per text and verb."""
    read = _index_of(text)[4]
    key = (start, end, headline)
    if key in read:
        return read[key]
    cue = read[key] = cue_at(text, start, end, headline=headline)
    return cue


# A word is a run of ASCII letters inside the window asked about, so a window that
# cuts a word reads the piece inside it. Cue verbs are found once per text, by one
# scan of its lower-cased copy (quotes ask about every sentence, some twice: walking
# every word of each was half the quote finder's time); only the words cut by the
# window's edges are read again. The scan opens on the character before a verb,
# not on a look-behind, so `re` skips ahead to non-letters (36 MB/s on kcna-2024
# against 22); a verb opening the text is looked for apart.
# The text last indexed: its verbs' starts and spans, the starts of those that
# are reporting verbs (`REPORTING`), and the cue each verb read makes (a third
# of the verbs are read again: by a frame rule and the indirect rules).
_Index = tuple[
    str,
    list[int],
    list[tuple[int, int]],
    list[int],
    dict[tuple[int, int, bool], "Cue | None"],
]
_verb_index: _Index = ("", [], [], [], {})


def _index_of(text: str, lowered: str | None = None) -> _Index:
    global _verb_index
    index = _verb_index  # read once: another thread may index another text
    if index[0] is not text:
        index = _verb_index = (text, *_index_verbs(text, lowered), {})
    return index


def index_verbs(
    text: str, lowered: str, verbs: Sequence[tuple[int, int]] | None = None
) -> None:
    """Index the verbs of `text` now, from its lower-cased copy `lowered` (the
    reading's) and where its verbs stand when the caller has them
    (`word_scan.words_of`), so that no cue asked of it scans it again."""
    global _verb_index
    if _verb_index[0] is not text:
        _verb_index = (text, *_index_verbs(text, lowered, verbs), {})


def _verb_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the cue verbs among the words of `text[start:end]`."""
    _, starts, spans, _, _ = _index_of(text)
    found = [
        span
        for span in spans[bisect_left(starts, start) : bisect_left(starts, end)]
        if span[1] <= end
    ]
    # `_letter` of each side, as set look-ups: this runs for every window read.
    letters = _LETTERS
    cut_left = 0 < start < end and text[start - 1] in letters and text[start] in letters
    if cut_left:
        found[:0] = _verb_piece(text, start, _WORD.match(text, start, end))
    if start < end < len(text) and text[end - 1] in letters and text[end] in letters:
        piece = end - 1
        while piece > start and _letter(text, piece - 1):
            piece -= 1
        if not (cut_left and piece == start):
            found += _verb_piece(text, piece, _WORD.match(text, piece, end))
    return found


def may_hold_cues(text: str, start: int, end: int, *, reporting: bool = False) -> bool:
    """False when `text[start:end]` surely holds no cue verb (`cues` would find
    none there): no verb of the text's index opens inside it and it cuts no
    word at either edge. Most sentences hold none (57% on kcna-2024), and
    this one look spares them the rules that read a sentence's cues. With
    `reporting`, False when it surely holds no cue whose verb is in
    `REPORTING` (84% of kcna-2024's sentences)."""
    _, starts, _, reporting_starts, _ = _index_of(text)
    if reporting:
        starts = reporting_starts
    if bisect_left(starts, start) < bisect_left(starts, end):
        return True
    return (0 < start < end and _letter(text, start - 1) and _letter(text, start)) or (
        start < end < len(text) and _letter(text, end - 1) and _letter(text, end)
    )


def reporting_starts(text: str) -> list[int]:
    """Where the verbs of `text` in `REPORTING` start, in order (the index
    `may_hold_cues` reads with `reporting`)."""
    return _index_of(text)[3]


def cuts_word(text: str, position: int) -> bool:
    """Whether a window edge at `position` cuts a word (`may_hold_cues` reads
    the cut word's piece inside the window)."""
    return (
        0 < position < len(text)
        and _letter(text, position - 1)
        and _letter(text, position)
    )


def _verb_piece(
    text: str, start: int, word: re.Match[str] | None
) -> list[tuple[int, int]]:
    if word is None or word.group().lower() not in VERBS:
        return []
    return [word.span()]


_LETTERS = frozenset(ascii_letters)  # what `_letter` tests for


def _letter(text: str, position: int) -> bool:
    char = text[position]
    return "a" <= char <= "z" or "A" <= char <= "Z"


def _index_verbs(
    text: str,
    lowered: str | None = None,
    verbs: Sequence[tuple[int, int]] | None = None,
) -> tuple[list[int], list[tuple[int, int]], list[int]]:
    lowered = text.lower() if lowered is None else lowered
    # `lower` keeps offsets and maps no other letter to an ASCII one, but for
    # `İ` (two characters lower-cased) and the Kelvin sign (to `k`).
    if len(lowered) == len(text) and "\u212a" not in text:
        spans = list(scan_words(lowered).verbs if verbs is None else verbs)
    else:
        lowered = ""
        spans = [m.span() for m in _WORD.finditer(text) if m.group().lower() in VERBS]
    reporting = [
        s for s, e in spans if (lowered[s:e] or text[s:e].lower()) in REPORTING
    ]
    return [s for s, _ in spans], spans, reporting


def last_match(
    pattern: re.Pattern[str], text: str, start: int, end: int
) -> re.Match[str] | None:
    """The last match of `pattern` in `text[start:end]`."""
    found = None
    for match in pattern.finditer(text, start, end):
        found = match
    return found


def last_cue(text: str, start: int, end: int) -> Cue | None:
    """The last of `cues(text, start, end)`, read from the window's end."""
    for word_start, word_end in reversed(_verb_words(text, start, end)):
        cue = _read_cue(text, word_start, word_end, False)
        if cue is not None and cue.end <= end:
            return cue
    return None


def first_cue(text: str, start: int, end: int) -> Cue | None:
    return next(cues(text, start, end), None)
